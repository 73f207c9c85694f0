#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "output/report.hpp"

using namespace textmend;
using nlohmann::json;

namespace {

Decision decision(std::string_view rule, Kind kind, const std::string& text, std::string_view what, Status status,
                  std::vector<Candidate> candidates, std::string message) {
  Decision d;
  d.finding.rule_id = rule;
  d.finding.kind = kind;
  const std::size_t at = text.find(what);
  REQUIRE(at != std::string::npos);
  d.finding.span = Span{at, at + what.size()};
  d.finding.message = std::move(message);
  d.finding.candidates = std::move(candidates);
  d.original = std::string(what);
  d.status = status;
  return d;
}

// Three units of one file: a paragraph with a non-ASCII start and an
// invalid byte, then a paragraph cut in the middle of a line, then the
// rest of that line.
struct Fixture {
  UnitResult u1, u2, u3;

  Fixture() {
    u1.original = "D\u00e9j\u00e0 vu  here.\n\u201cQuote\u201d x\xFF  y,,\n\n";
    u1.offset = 100;
    u1.line = 5;
    u1.invalid_sequences = 1;
    u1.first_invalid = 100 + u1.original.find('\xFF');
    u1.decisions.push_back(decision("double-space", Kind::spacing, u1.original, "  ", Status::applied, {{" ", 0.93}},
                                    "two spaces between words"));
    u1.decisions.push_back(
        decision("stray-x", Kind::stray, u1.original, "x\xFF", Status::protected_text, {{"x", 0.5}}, "stray letter"));
    Decision spaces = decision("double-space", Kind::spacing, u1.original, "\xFF  ", Status::report_only, {},
                               "spaces after an invalid byte");
    spaces.finding.span.begin += 1;  // just the two spaces
    spaces.original = "  ";
    u1.decisions.push_back(spaces);
    u1.decisions.push_back(decision("double-comma", Kind::punctuation, u1.original, ",,", Status::below_confidence,
                                    {{",", 0.61}, {",,", 0.2}}, "doubled comma"));
    u1.set_output("D\u00e9j\u00e0 vu here.\n\u201cQuote\u201d x\xFF  y,,\n\n");

    u2.original = "A\u00a0rule-\nbreak over a very long li";
    u2.offset = u1.offset + u1.original.size();
    u2.line = 8;
    // Out of order on purpose: the writers must not rely on sorted decisions.
    u2.decisions.push_back(decision("soft-hyphen", Kind::hyphenation, u2.original, "-\n", Status::ambiguous,
                                    {{"", 0.7}, {"-", 0.68}}, "line-end hyphen"));
    u2.decisions.push_back(
        decision("nbsp", Kind::invisible, u2.original, "\u00a0", Status::applied, {{" ", 0.99}}, "no-break space"));
    u2.set_output("A rule-\nbreak over a very long li");

    u3.original = "ne  end.\n";
    u3.offset = u2.offset + u2.original.size();
    u3.line = 9;
    u3.decisions.push_back(decision("double-space", Kind::spacing, u3.original, "  ", Status::applied, {{" ", 0.93}},
                                    "two spaces between words"));
    u3.set_output("ne end.\n");
  }
};

std::vector<json> parse_all(const std::vector<std::string>& lines) {
  std::vector<json> out;
  for (const std::string& line : lines) {
    REQUIRE(!line.empty());
    CHECK(line.back() == '\n');
    CHECK(line.find('\n') == line.size() - 1);  // one line each
    out.push_back(json::parse(line));           // throws on anything but valid JSON
  }
  return out;
}

}  // namespace

TEST_CASE("report: position_in counts lines and characters", "[report]") {
  const Fixture f;
  const std::string& t = f.u1.original;
  CHECK(report::position_in(f.u1, 0).line == 5);
  CHECK(report::position_in(f.u1, 0).column == 1);
  // "Déjà vu" is 7 characters but 9 bytes.
  const report::Position p = report::position_in(f.u1, t.find("  "));
  CHECK(p.line == 5);
  CHECK(p.column == 8);
  // After the line end; the invalid byte counts as one character.
  const report::Position q = report::position_in(f.u1, t.find("y,,"));
  CHECK(q.line == 6);
  CHECK(q.column == 13);
  // The last line (empty) and past the end: clamped.
  CHECK(report::position_in(f.u1, t.size() - 1).line == 7);
  CHECK(report::position_in(f.u1, t.size() - 1).column == 1);
  CHECK(report::position_in(f.u1, t.size() + 50).line == 8);
  // A unit that continues a line starts at the given column.
  CHECK(report::position_in(f.u3, 2, 26).column == 28);
  CHECK(report::position_in(f.u3, 2, 26).line == 9);
}

TEST_CASE("report: visible keeps a line on one line and shows invisible characters", "[report]") {
  CHECK(report::visible("plain text") == "plain text");
  CHECK(report::visible("a\nb") == "a\\nb");
  CHECK(report::visible("a\tb\r") == "a<U+0009>b<U+000D>");
  CHECK(report::visible("re\u200bport\u00ad") == "re<U+200B>port<U+00AD>");
  CHECK(report::visible("\u00a0\u202f\ufeff") == "<U+00A0><U+202F><U+FEFF>");
  CHECK(report::visible("\xF3\xA0\x81\x81") == "<U+E0041>");
  CHECK(report::visible("x\xFFy\xC3") == "x<0xFF>y<0xC3>");
  CHECK(report::visible("caf\u00e9 \u201cok\u201d \U0001F600") == "caf\u00e9 \u201cok\u201d \U0001F600");
}

TEST_CASE("report: JSON finding lines parse back with every field", "[report]") {
  const Fixture f;
  std::vector<std::string> lines;
  report::JsonReport json_report([&](std::string_view s) { lines.emplace_back(s); });
  json_report.unit("dir/a.txt", f.u1);
  json_report.unit("dir/a.txt", f.u2);
  json_report.unit("dir/a.txt", f.u3);
  const std::vector<json> j = parse_all(lines);
  REQUIRE(j.size() == 7);
  for (const std::string& line : lines) CHECK(line.starts_with("{\"type\":\"finding\",\"file\":"));  // in order
  for (const json& o : j) {
    CHECK(o["type"] == "finding");
    CHECK(o["file"] == "dir/a.txt");
    for (const char* key : {"line", "column", "offset", "length", "original", "replacement", "rule", "kind",
                            "confidence", "applied", "status", "message", "suggestions"})
      CHECK(o.contains(key));
  }

  // Applied, after a non-ASCII prefix: column in characters, offset in bytes.
  CHECK(j[0]["line"] == 5);
  CHECK(j[0]["column"] == 8);
  CHECK(j[0]["offset"] == 109);
  CHECK(j[0]["length"] == 2);
  CHECK(j[0]["original"] == "  ");
  CHECK(j[0]["replacement"] == " ");
  CHECK(j[0]["rule"] == "double-space");
  CHECK(j[0]["kind"] == "spacing");
  CHECK(j[0]["confidence"] == 0.93);
  CHECK(j[0]["applied"] == true);
  CHECK(j[0]["status"] == "applied");
  CHECK(j[0]["message"] == "two spaces between words");
  REQUIRE(j[0]["suggestions"].size() == 1);
  CHECK(j[0]["suggestions"][0]["text"] == " ");
  CHECK(j[0]["suggestions"][0]["confidence"] == 0.93);

  // An invalid byte in the original: still valid JSON, the byte as U+FFFD.
  CHECK(j[1]["line"] == 6);
  CHECK(j[1]["column"] == 9);
  CHECK(j[1]["offset"] == 100 + f.u1.original.find("x\xFF"));
  CHECK(j[1]["length"] == 2);
  CHECK(j[1]["original"] == "x\uFFFD");
  CHECK(j[1]["applied"] == false);
  CHECK(j[1]["status"] == "protected");
  CHECK(j[1]["kind"] == "stray");

  // No candidate: replacement and confidence are null, suggestions empty.
  CHECK(j[2]["column"] == 11);
  CHECK(j[2]["replacement"].is_null());
  CHECK(j[2]["confidence"].is_null());
  CHECK(j[2]["suggestions"].is_array());
  CHECK(j[2]["suggestions"].empty());
  CHECK(j[2]["status"] == "report-only");

  // Not applied with two suggestions, best first.
  CHECK(j[3]["line"] == 6);
  CHECK(j[3]["column"] == 14);
  CHECK(j[3]["replacement"] == ",");
  CHECK(j[3]["confidence"] == 0.61);
  CHECK(j[3]["status"] == "below-confidence");
  REQUIRE(j[3]["suggestions"].size() == 2);
  CHECK(j[3]["suggestions"][1]["text"] == ",,");
  CHECK(j[3]["suggestions"][1]["confidence"] == 0.2);

  // The second unit, decisions in the order given.
  CHECK(j[4]["rule"] == "soft-hyphen");
  CHECK(j[4]["line"] == 8);
  CHECK(j[4]["column"] == 7);
  CHECK(j[4]["original"] == "-\n");
  CHECK(j[4]["replacement"] == "");
  CHECK(j[4]["status"] == "ambiguous");
  CHECK(j[5]["rule"] == "nbsp");
  CHECK(j[5]["line"] == 8);
  CHECK(j[5]["column"] == 2);
  CHECK(j[5]["offset"] == f.u2.offset + 1);
  CHECK(j[5]["length"] == 2);
  CHECK(j[5]["original"] == "\u00a0");

  // The third unit continues the line the second one began: "break over a
  // very long li" is 25 characters, so it starts in column 26.
  CHECK(j[6]["line"] == 9);
  CHECK(j[6]["column"] == 28);
  CHECK(j[6]["offset"] == f.u3.offset + 2);
}

TEST_CASE("report: a new file starts in column 1", "[report]") {
  const Fixture f;
  std::vector<std::string> lines;
  report::JsonReport json_report([&](std::string_view s) { lines.emplace_back(s); });
  json_report.unit("a.txt", f.u2);
  json_report.unit("b.txt", f.u3);  // same offset, other file
  FileSummary s;
  s.name = "b.txt";
  json_report.file(s);
  json_report.unit("b.txt", f.u3);  // same file name again, after its summary
  const std::vector<json> j = parse_all(lines);
  REQUIRE(j.size() == 5);
  CHECK(j[2]["column"] == 3);
  CHECK(j[2]["file"] == "b.txt");
  CHECK(j[4]["column"] == 3);
}

TEST_CASE("report: JSON file and run lines", "[report]") {
  const Fixture f;
  FileSummary a;
  a.name = "dir/a.txt";
  a.add(f.u1);
  a.add(f.u2);
  a.add(f.u3);
  FileSummary b;
  b.name = "bin\xFF.dat";  // an invalid byte in a name must not break the JSON
  b.bytes = 4096;
  b.binary = true;

  std::vector<std::string> lines;
  report::JsonReport json_report([&](std::string_view s) { lines.emplace_back(s); });
  json_report.file(a);
  json_report.file(b);
  report::RunTotals totals;
  totals.add(a);
  totals.add(b);
  totals.errors = 1;
  json_report.run(totals);

  const std::vector<json> j = parse_all(lines);
  REQUIRE(j.size() == 3);
  CHECK(j[0]["type"] == "file");
  CHECK(j[0]["file"] == "dir/a.txt");
  CHECK(j[0]["bytes"] == f.u1.original.size() + f.u2.original.size() + f.u3.original.size());
  CHECK(j[0]["changed"] == true);
  CHECK(j[0]["applied"] == 3);
  CHECK(j[0]["reported"] == 4);
  CHECK(j[0]["rules"] == json{{"double-space", 2}, {"nbsp", 1}});
  CHECK(j[0]["binary"] == false);
  CHECK(j[0]["invalid_utf8"] == 1);

  CHECK(j[1]["type"] == "file");
  CHECK(j[1]["file"] == "bin\uFFFD.dat");
  CHECK(j[1]["bytes"] == 4096);
  CHECK(j[1]["changed"] == false);
  CHECK(j[1]["binary"] == true);
  CHECK(j[1]["rules"].is_object());
  CHECK(j[1]["rules"].empty());
  CHECK(j[1]["invalid_utf8"] == 0);

  CHECK(j[2]["type"] == "run");
  CHECK(j[2]["files"] == 2);
  CHECK(j[2]["changed"] == 1);
  CHECK(j[2]["skipped"] == 1);
  CHECK(j[2]["errors"] == 1);
  CHECK(j[2]["applied"] == 3);
  CHECK(j[2]["reported"] == 4);
  CHECK(j[2]["rules"] == json{{"double-space", 2}, {"nbsp", 1}});
}

TEST_CASE("report: explain lines", "[report]") {
  const Fixture f;
  std::vector<std::string> lines;
  report::Explain explain([&](std::string_view s) { lines.emplace_back(s); });
  explain.unit("a.txt", f.u1);
  explain.unit("a.txt", f.u2);
  explain.unit("a.txt", f.u3);
  const std::vector<std::string> expected{
      "a.txt:5:8 double-space: \u00ab  \u00bb \u2192 \u00ab \u00bb (0.93) two spaces between words\n",
      "a.txt:6:9 stray-x: \u00abx<0xFF>\u00bb \u2192 \u00abx\u00bb (0.50) stray letter [not applied: protected]\n",
      "a.txt:6:11 double-space: \u00ab  \u00bb \u2192 ? spaces after an invalid byte [not applied: report-only]\n",
      "a.txt:6:14 double-comma: \u00ab,,\u00bb \u2192 \u00ab,\u00bb (0.61) doubled comma [not applied: "
      "below-confidence]\n",
      "a.txt:8:7 soft-hyphen: \u00ab-\\n\u00bb \u2192 \u00ab\u00bb (0.70) line-end hyphen [not applied: ambiguous]\n",
      "a.txt:8:2 nbsp: \u00ab<U+00A0>\u00bb \u2192 \u00ab \u00bb (0.99) no-break space\n",
      "a.txt:9:28 double-space: \u00ab  \u00bb \u2192 \u00ab \u00bb (0.93) two spaces between words\n",
  };
  CHECK(lines == expected);
}

TEST_CASE("report: explain keeps odd messages and file names on one line", "[report]") {
  UnitResult r;
  r.original = "x\r\ny";
  Decision d;
  d.finding.rule_id = "cr";
  d.finding.span = Span{1, 1};  // an insertion point
  d.finding.message = "line\nbreak";
  d.status = Status::report_only;
  r.decisions.push_back(d);
  std::vector<std::string> lines;
  report::Explain explain([&](std::string_view s) { lines.emplace_back(s); });
  explain.unit("odd\nname", r);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "odd\\nname:1:2 cr: \u00ab\u00bb \u2192 ? line\\nbreak [not applied: report-only]\n");
}
