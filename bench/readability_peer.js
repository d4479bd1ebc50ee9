// Peer for bench/extraction.sh: Mozilla Readability with jsdom over the extraction
// development pages, in one process. Prints CPU milliseconds on stdout and writes
// predictions in score.py's shape.
//
// usage: NODE_PATH=DIR/node_modules node readability_peer.js DEV_DIR OUT.json
//   (install once with: npm install --prefix DIR @mozilla/readability jsdom)
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const [dev, out] = process.argv.slice(2);
const truth = JSON.parse(fs.readFileSync(path.join(dev, 'ground-truth.json'), 'utf8'));
const dir = path.join(dev, 'html');
const pages = fs.readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort().map((f) => ({
  id: f.slice(0, -8),
  html: zlib.gunzipSync(fs.readFileSync(path.join(dir, f))),
}));
const quiet = new VirtualConsole();
const predictions = {};
const start = process.cpuUsage();
for (const page of pages) {
  let text = '';
  try {
    const url = (truth[page.id] || {}).url || 'https://example.com/';
    const dom = new JSDOM(page.html, { url, virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    text = article ? article.textContent : '';
    dom.window.close();
  } catch (e) {
    text = '';
  }
  predictions[page.id] = { articleBody: text };
}
const used = process.cpuUsage(start);
fs.writeFileSync(out, JSON.stringify(predictions));
console.log(((used.user + used.system) / 1000).toFixed(0));
