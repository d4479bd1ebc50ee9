#!/usr/bin/env python3
"""GNU parallel spreads crbc over two ssh "hosts" and gets the one-machine output.

Two sshd servers are started on free ports of 127.0.0.1, each standing for a
machine, with a key made for this run; the test stops them at the end. Then the
README's "At scale" recipes run through them:

- NDJSON fetch records cut into blocks by `parallel --pipe`;
- a folder of WARC files, one job a file, stopped half way and taken up again
  with --joblog and --resume;
- a related index in two shards, each queried on its own host, the lists merged
  by the README's jq program.

The first two must give, record for record, what `crbc parse` gives on one
machine, and the job log must show both hosts at work; the merged shards must
give each record the best matches of both shards, by score.

Usage: parallel_loopback.py CRBC SOURCE_DIR
A missing tool (parallel, sshd, ssh-keygen) fails the test: setup.sh installs them.
"""

import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid

HOSTS = ("node1", "node2")


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def require_tools():
    tools = {"parallel": shutil.which("parallel"), "ssh": shutil.which("ssh"),
             "ssh-keygen": shutil.which("ssh-keygen")}
    sshd = shutil.which("sshd") or "/usr/sbin/sshd"
    tools["sshd"] = sshd if os.access(sshd, os.X_OK) else None
    missing = [name for name, path in tools.items() if not path]
    if missing:
        fail("missing " + ", ".join(missing) + " (run ./setup.sh)")
    return tools


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_key(path):
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)],
                   check=True)


class LoopbackHosts:
    """Two sshd servers on 127.0.0.1 and an ssh_config naming them HOSTS."""

    def __init__(self, work, sshd):
        self.work = work
        self.sshd = sshd
        self.servers = []
        self.ssh_config = work / "ssh_config"

    def __enter__(self):
        client_key = self.work / "client_key"
        make_key(client_key)
        authorized = self.work / "authorized_keys"
        shutil.copy(client_key.with_suffix(".pub"), authorized)
        authorized.chmod(0o600)
        if os.geteuid() == 0:
            # sshd run by root separates privileges into this directory.
            pathlib.Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
        config_lines = []
        for host in HOSTS:
            port = free_port()
            host_key = self.work / f"{host}_host_key"
            make_key(host_key)
            sshd_config = self.work / f"{host}_sshd_config"
            sshd_config.write_text(
                f"Port {port}\nListenAddress 127.0.0.1\nHostKey {host_key}\n"
                f"AuthorizedKeysFile {authorized}\nPidFile {self.work / host}.pid\n"
                "PasswordAuthentication no\nKbdInteractiveAuthentication no\n"
                "PermitRootLogin prohibit-password\nStrictModes no\nUsePAM no\n")
            log = open(self.work / f"{host}_sshd.log", "w")
            self.servers.append(subprocess.Popen(
                [self.sshd, "-D", "-e", "-f", str(sshd_config)],
                stdout=log, stderr=subprocess.STDOUT))
            log.close()
            config_lines.append(
                f"Host {host}\n  HostName 127.0.0.1\n  Port {port}\n"
                f"  IdentityFile {client_key}\n  IdentitiesOnly yes\n  BatchMode yes\n"
                f"  StrictHostKeyChecking no\n  UserKnownHostsFile {self.work}/known_hosts\n"
                "  LogLevel ERROR\n")
        self.ssh_config.write_text("".join(config_lines))
        for host in HOSTS:
            self.wait_for(host)
        return self

    def wait_for(self, host):
        for _ in range(100):
            if subprocess.run(["ssh", "-F", str(self.ssh_config), host, "true"],
                              capture_output=True).returncode == 0:
                return
            time.sleep(0.1)
        logs = "".join((self.work / f"{h}_sshd.log").read_text() for h in HOSTS)
        fail(f"ssh to {host} never answered; sshd said:\n{logs}")

    def __exit__(self, *exc):
        for server in self.servers:
            server.terminate()
        for server in self.servers:
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


class Parallel:
    """Runs GNU parallel over the loopback hosts."""

    def __init__(self, hosts, work):
        self.base = ["parallel", "--will-cite", "--ssh", f"ssh -F {hosts.ssh_config}",
                     "-S", ",".join(f"1/{host}" for host in HOSTS), "--keep-order"]
        self.env = dict(os.environ, HOME=str(work), PARALLEL_HOME=str(work / "parallel"))

    def run(self, arguments, stdin=None):
        result = subprocess.run(self.base + arguments, stdin=stdin, capture_output=True,
                                env=self.env)
        if result.returncode != 0:
            fail(f"parallel {' '.join(arguments)} exited {result.returncode}:\n"
                 + result.stderr.decode(errors="replace"))
        return result.stdout


def crbc_output(command):
    result = subprocess.run(command, capture_output=True)
    if result.returncode != 0:
        fail(f"{' '.join(command)} exited {result.returncode}:\n"
             + result.stderr.decode(errors="replace"))
    return result.stdout


def same_records(expected, actual, what):
    expected_lines = expected.splitlines()
    actual_lines = actual.splitlines()
    if not expected_lines:
        fail(f"{what}: the one-machine run gave no records")
    if expected_lines != actual_lines:
        fail(f"{what}: {len(actual_lines)} records over ssh, {len(expected_lines)} on one "
             "machine, or the same count in another order or form")
    print(f"ok: {what}: {len(actual_lines)} records, the same as on one machine")


def hosts_in_joblog(joblog):
    rows = joblog.read_text().splitlines()[1:]
    return {row.split("\t")[1] for row in rows if row}


def pages(samples):
    return sorted(samples.glob("*.html"))


def write_fetch_records(path, html_pages, copies):
    """NDJSON fetch records, the form `crbc fetch` writes, of each page `copies` times."""
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(copies):
            for page in html_pages:
                url = f"https://news.example.org/{copy}/{page.stem}"
                html = page.read_bytes().decode("utf-8", errors="replace")
                out.write(json.dumps({"url": url, "html": html}) + "\n")


def warc_response(url, body):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Date: 2026-06-05T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url)}>\r\n"
            "Content-Type: application/http;msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def write_warc_folder(folder, html_pages, files):
    folder.mkdir()
    paths = []
    for number in range(files):
        path = folder / f"crawl-{number:02d}.warc"
        with open(path, "wb") as out:
            for page in html_pages:
                out.write(warc_response(f"https://news.example.org/{number}/{page.stem}",
                                        page.read_bytes()))
        paths.append(path)
    return paths


def check_pipe_blocks(crbc, parallel, work, html_pages):
    records = work / "fetch.ndjson"
    write_fetch_records(records, html_pages, copies=8)
    with open(records, "rb") as stdin:
        expected = subprocess.run([crbc, "parse", "--from", "ndjson", "-t", "ndjson"],
                                  stdin=stdin, capture_output=True, check=True).stdout
    joblog = work / "pipe.joblog"
    # Small blocks, so that the records are cut into many jobs for both hosts.
    with open(records, "rb") as stdin:
        actual = parallel.run(["--pipe", "--block", "40k", "--joblog", str(joblog),
                               crbc, "parse", "--from", "ndjson", "-t", "ndjson"], stdin)
    same_records(expected, actual, "parallel --pipe over NDJSON fetch records")
    if hosts_in_joblog(joblog) != set(HOSTS):
        fail(f"parallel --pipe ran on {sorted(hosts_in_joblog(joblog))}, not on both hosts")


def check_warc_files(crbc, parallel, work, html_pages):
    warcs = write_warc_folder(work / "warc", html_pages, files=8)
    expected = crbc_output([crbc, "parse", "--from", "warc", "-t", "ndjson"]
                           + [str(path) for path in warcs])
    joblog = work / "warc.joblog"
    command = ["--joblog", str(joblog), crbc, "parse", "--from", "warc", "-t", "ndjson",
               "{}", ":::"]
    half = len(warcs) // 2
    # A first run that stops half way (as if killed), then the whole list resumed:
    # --resume runs only the jobs the log does not show as done.
    first = parallel.run(command + [str(path) for path in warcs[:half]])
    rest = parallel.run(["--resume"] + command + [str(path) for path in warcs])
    same_records(expected, first + rest, "parallel over WARC files, resumed from its joblog")
    if len(joblog.read_text().splitlines()) - 1 != len(warcs):
        fail("the joblog does not list each WARC file once")
    if hosts_in_joblog(joblog) != set(HOSTS):
        fail(f"the WARC jobs ran on {sorted(hosts_in_joblog(joblog))}, not on both hosts")


def readme_merge_program(readme):
    """The jq program of the README's shard recipe, as a user would copy it."""
    text = readme.read_text()
    start = text.index("jq -s -c '", text.index("shards/*.db")) + len("jq -s -c '")
    return text[start:text.index("' > today-related.ndjson", start)]


def index_matches(record):
    return [entry for entry in record.get("related", []) if entry["source"] != "page"]


def check_merged_shards(crbc, parallel, work, html_pages, readme):
    today = work / "today.ndjson"
    today.write_bytes(crbc_output([crbc, "parse", "-t", "ndjson"] + [str(p) for p in html_pages]))
    half = len(html_pages) // 2
    shards = [work / "shard-a.db", work / "shard-b.db"]
    for shard, part in zip(shards, (html_pages[:half], html_pages[half:])):
        crbc_output([crbc, "related", "index", "add", "-q", "--index", str(shard)]
                    + [str(p) for p in part])
    queried = parallel.run([f"{crbc} related --index {{}} -t ndjson < {today}", ":::"]
                           + [str(shard) for shard in shards])
    merged = subprocess.run(["jq", "-s", "-c", readme_merge_program(readme)], input=queried,
                            capture_output=True)
    if merged.returncode != 0:
        fail("the README's jq program failed:\n" + merged.stderr.decode(errors="replace"))
    by_url = {}
    for shard in shards:
        with open(today, "rb") as stdin:
            alone = subprocess.run([crbc, "related", "--index", str(shard), "-t", "ndjson"],
                                   stdin=stdin, capture_output=True, check=True).stdout
        for line in alone.splitlines():
            record = json.loads(line)
            by_url.setdefault(record.get("url"), []).extend(index_matches(record))
    records = [json.loads(line) for line in merged.stdout.splitlines()]
    if len(records) != len(by_url):
        fail(f"the merged shards hold {len(records)} records, not {len(by_url)}")
    for record in records:
        matches = index_matches(record)
        scores = [entry["score"] for entry in matches]
        best = sorted(by_url[record.get("url")], key=lambda entry: -entry["score"])[:10]
        if scores != sorted(scores, reverse=True) or \
                {entry["url"] for entry in matches} != {entry["url"] for entry in best}:
            fail(f"the merged matches of {record.get('url')} are not the best of both shards")
    print(f"ok: a related index in two shards, queried over ssh and merged: {len(records)} records")


def main():
    if len(sys.argv) != 3:
        fail("usage: parallel_loopback.py CRBC SOURCE_DIR")
    crbc = os.path.abspath(sys.argv[1])
    source = pathlib.Path(sys.argv[2])
    html_pages = pages(source / "samples")
    tools = require_tools()
    with tempfile.TemporaryDirectory(prefix="crbc-parallel-") as scratch:
        work = pathlib.Path(scratch)
        with LoopbackHosts(work, tools["sshd"]) as hosts:
            parallel = Parallel(hosts, work)
            check_pipe_blocks(crbc, parallel, work, html_pages)
            check_warc_files(crbc, parallel, work, html_pages)
            check_merged_shards(crbc, parallel, work, html_pages, source / "README.md")


if __name__ == "__main__":
    main()
