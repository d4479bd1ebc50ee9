// Decoding of page bytes to UTF-8: every way a page declares its charset, detection
// when it declares none, and repair of bytes that are not what they claim.
#include "extract/charset.hpp"

#include <iconv.h>

#include <catch2/catch.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "text/utf8.hpp"

using crbc::extract::decode_to_utf8;
using crbc::extract::prescan_meta_charset;

namespace {

// The test's own encoder: UTF-8 text to bytes in `charset`, with glibc iconv.
std::string encode(const std::string& utf8, const char* charset) {
  iconv_t cd = iconv_open(charset, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("no iconv encoder");
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* target = out.data();
  std::size_t out_left = out.size();
  const std::size_t result = iconv(cd, &in, &in_left, &target, &out_left);
  iconv_close(cd);
  if (result == static_cast<std::size_t>(-1)) throw std::runtime_error("cannot encode");
  out.resize(out.size() - out_left);
  return out;
}

const std::string kRussian =
    "Президент подписал указ о помиловании тридцати одного гражданина Украины. "
    "Правозащитники отмечают, что более тысячи политических заключённых остаются за решёткой.";
const std::string kFrench =
    "Le café de la gare a rouvert ses portes : «Ça fait plaisir», dit-elle.";
const std::string kJapanese =
    "東京都は新しい交通計画を発表しました。市民の生活が大きく変わります。";
const std::string kChinese = "北京市政府今天发布了新的交通规划，市民的出行方式将发生很大变化。";

std::string page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head>" + head + "<title>t</title></head><body><p>" + body +
         "</p></body></html>";
}

// Decodes `raw`, served with the HTTP `content_type`, and checks that the page holds
// `text` and, when `expected_charset` is given, was read as that charset.
void check_decoded(const std::string& raw, const std::string& content_type, const std::string& text,
                   std::optional<std::string> expected_charset = {}) {
  std::string used;
  const std::string html = decode_to_utf8(raw, content_type, &used);
  if (expected_charset) CHECK(used == *expected_charset);
  CHECK(html.find(text) != std::string::npos);
}

}  // namespace

TEST_CASE("windows-1251 declared by <meta charset>", "[charset]") {
  const std::string raw = encode(page("<meta charset=\"windows-1251\">", kRussian), "WINDOWS-1251");
  check_decoded(raw, "", kRussian, "WINDOWS-1251");
}

TEST_CASE("KOI8-R declared by http-equiv Content-Type", "[charset]") {
  const std::string head =
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">";
  check_decoded(encode(page(head, kRussian), "KOI8-R"), "", kRussian, "KOI8-R");
}

TEST_CASE("ISO-8859-1 from the HTTP header, decoded as windows-1252", "[charset]") {
  const std::string raw = encode(page("", kFrench), "ISO-8859-1");
  check_decoded(raw, "text/html; charset=ISO-8859-1", kFrench, "WINDOWS-1252");
}

TEST_CASE("the HTTP header wins over the page's own declaration", "[charset]") {
  const std::string raw = encode(page("<meta charset=\"utf-8\">", kRussian), "WINDOWS-1251");
  check_decoded(raw, "text/html;charset=\"windows-1251\"", kRussian);
}

TEST_CASE("Shift_JIS declared in the page", "[charset]") {
  check_decoded(encode(page("<meta charset=Shift_JIS>", kJapanese), "SHIFT_JIS"), "", kJapanese);
}

TEST_CASE("GB18030 under its gb2312 label", "[charset]") {
  check_decoded(encode(page("<meta charset='gb2312'>", kChinese), "GB18030"), "", kChinese);
}

TEST_CASE("UTF-16 with a byte-order mark, either endianness", "[charset]") {
  const std::string text = page("<meta charset=\"utf-8\">", kRussian + " " + kJapanese);
  for (const char* charset : {"UTF-16LE", "UTF-16BE"}) {
    const std::string bom = std::string(charset) == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
    const std::string raw = bom + encode(text, charset);
    std::string used;
    // The byte-order mark wins over the header and the page.
    const std::string html = decode_to_utf8(raw, "text/html; charset=iso-8859-1", &used);
    CHECK(used == charset);
    CHECK(html == text);
  }
}

TEST_CASE("UTF-8 byte-order mark is removed", "[charset]") {
  CHECK(decode_to_utf8("\xEF\xBB\xBF<p>été</p>", "") == "<p>été</p>");
}

TEST_CASE("undeclared windows-1251 is detected", "[charset]") {
  std::string long_text;
  for (int i = 0; i < 8; ++i) long_text += kRussian + " ";
  check_decoded(encode(page("", long_text), "WINDOWS-1251"), "", kRussian);
}

TEST_CASE("undeclared UTF-8 stays UTF-8", "[charset]") {
  const std::string raw = page("", kJapanese + kRussian);
  std::string used;
  CHECK(decode_to_utf8(raw, "", &used) == raw);
  CHECK(used == "UTF-8");
}

TEST_CASE("output is valid UTF-8 whatever the input", "[charset]") {
  const std::string invalid = "<p>bad \xC3\x28 and \xE2\x82 and \xFF\xFE\xFD end\xF0\x9F</p>";
  const std::string html = decode_to_utf8(invalid, "text/html; charset=utf-8");
  CHECK(crbc::text::is_valid_utf8(html));
  CHECK(html.find("end") != std::string::npos);
  const std::string with_nul = std::string("<p>a\0b</p>", 10);
  CHECK(decode_to_utf8(with_nul, "") == "<p>ab</p>");
  // A label iconv does not know falls back to detection, still valid output.
  CHECK(crbc::text::is_valid_utf8(decode_to_utf8("<meta charset=x-nonsense>\xE9t\xE9", "")));
  // Bytes that are invalid in the declared legacy charset become U+FFFD.
  const std::string sjis_broken = "<meta charset=shift_jis><p>\x82</p>";
  CHECK(crbc::text::is_valid_utf8(decode_to_utf8(sjis_broken, "")));
}

TEST_CASE("prescan stops at a '<' that ends the input (fuzz crash)", "[charset]") {
  // A vector, not a string: no terminating NUL for the scan to read by luck.
  for (const std::string_view text : {"<", "x\n<", "<meta charset=utf-8 <"}) {
    const std::vector<char> bytes(text.begin(), text.end());
    CHECK_NOTHROW(prescan_meta_charset(std::string_view(bytes.data(), bytes.size())));
  }
  CHECK(prescan_meta_charset("<meta charset=utf-8><") == "utf-8");
}

TEST_CASE("prescan reads the declaration the way the HTML standard does", "[charset]") {
  CHECK(prescan_meta_charset("<meta charset=\"KOI8-R\">") == "koi8-r");
  CHECK(prescan_meta_charset("<!-- <meta charset=koi8-r> --><meta charset=utf-8>") == "utf-8");
  CHECK(prescan_meta_charset(
            "<meta content=\"text/html; charset=windows-1251\" http-equiv=\"content-type\">") ==
        "windows-1251");
  CHECK(prescan_meta_charset("<meta content=\"text/html; charset=windows-1251\">").empty());
  CHECK(prescan_meta_charset("<div title='<meta charset=koi8-r>'>").empty());
  CHECK(prescan_meta_charset("").empty());
}

TEST_CASE("UTF-8 bytes under a stale legacy declaration are read as UTF-8", "[charset]") {
  // Servers and CMSs keep an old "iso-8859-1" label on pages saved as UTF-8.
  for (const char* header : {"", "text/html; charset=windows-1252"}) {
    const std::string raw = page("<meta charset=\"iso-8859-1\">", kFrench + " " + kRussian);
    std::string used;
    CHECK(decode_to_utf8(raw, header, &used) == raw);
    CHECK(used == "UTF-8");
  }
}

TEST_CASE("legacy bytes that are not valid UTF-8 keep their declaration", "[charset]") {
  const std::string raw = encode(page("<meta charset=\"iso-8859-1\">", kFrench), "ISO-8859-1");
  check_decoded(raw, "", kFrench, "WINDOWS-1252");
}
