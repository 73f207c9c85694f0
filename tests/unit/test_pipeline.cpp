#include <catch2/catch.hpp>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <sstream>

#include "helpers.hpp"
#include "lexicon/lexicon.hpp"
#include "pipeline/engine.hpp"
#include "pipeline/reader.hpp"
#include "pipeline/run.hpp"

using namespace textmend;
using testing_helpers::fix;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string repair_with(std::string_view text, std::size_t buffer, std::size_t max_unit = 256 * 1024) {
  EngineOptions options;
  const Engine engine(select_rules({}, {}), &testing_helpers::lexicon(), &testing_helpers::speller(), options);
  RunOptions run;
  run.reader.buffer_size = buffer;
  run.reader.max_unit = max_unit;
  return repair_text(text, engine, run);
}

const std::string kDamaged =
    "r Okafor said the the plan was  ready. tensions rose.\r\n"
    "He said\xE2\x80\x9C We are ready, \xE2\x80\x9Dhe added. \r\n"
    "\r\n"
    "The inter- national donâ€™t case ( see above ) ends here,,\n"
    "\n"
    "Last line without newline , done";

}  // namespace

TEST_CASE("pipeline: output does not depend on the read-buffer size", "[pipeline][invariant]") {
  const std::string expected = repair_with(kDamaged, 65536);
  for (std::size_t buffer : {1, 2, 3, 7, 64, 1000}) {
    INFO("buffer " << buffer);
    CHECK(repair_with(kDamaged, buffer) == expected);
  }
  const std::string sample = read_file(TEXTMEND_SOURCE_DIR "/samples/news-article.txt");
  const std::string sample_expected = repair_with(sample, 65536);
  for (std::size_t buffer : {1, 13, 512}) CHECK(repair_with(sample, buffer) == sample_expected);
}

TEST_CASE("pipeline: repairs are idempotent", "[pipeline][invariant]") {
  const std::string once = fix(kDamaged);
  CHECK(once != kDamaged);
  CHECK(fix(once) == once);
  // The quote a mojibake repair restores counts toward the document's
  // style from the first run, or the second would restyle "It's".
  const std::string curly = fix("It's \xE2\x80\x98no\xE2\x80\x99 couldn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t.\n");
  CHECK(curly == "It\xE2\x80\x99s \xE2\x80\x98no\xE2\x80\x99 couldn\xE2\x80\x99t.\n");
  CHECK(fix(curly) == curly);
}

TEST_CASE("pipeline: untouched bytes pass through exactly", "[pipeline][lossless]") {
  SECTION("CRLF, tabs, no final newline") {
    const std::string text = "One line.\r\n\tIndented line.\r\n\r\nLast line";
    CHECK(fix(text) == text);
  }
  SECTION("a byte-order mark at the start") {
    const std::string text = "\xEF\xBB\xBFThe report is ready.\n";
    CHECK(fix(text) == text);
  }
  SECTION("invalid UTF-8 stays, and repairs around it still happen") {
    const std::string text = "Bad \xFF\xFE bytes and the the word \xC3 here.\n";
    CHECK(fix(text) == "Bad \xFF\xFE bytes and the word \xC3 here.\n");
  }
  SECTION("no edit fuses invalid bytes into a character a later pass would remove") {
    // Without the control character, C2 81 is U+0081 and E2 80 8B a
    // zero-width space: both damage to a later pass.
    for (const std::string text : {"\xC2\x01\x81", "The wo\xE2\x80\x01\x8Brd is here.\n"}) {
      INFO(text);
      CHECK(fix(text) == text);
    }
  }
  SECTION("an empty input") { CHECK(fix("") == ""); }
  SECTION("only blank lines") { CHECK(fix("\n\n\r\n\n") == "\n\n\r\n\n"); }
}

TEST_CASE("pipeline: an over-long paragraph is cut without changing clean text", "[pipeline]") {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "A line of clean prose, with a comma and a period.\n";
  CHECK(repair_with(text, 4096, 1024) == text);
  std::string one_line;
  for (int i = 0; i < 500; ++i) one_line += "alpha beta gamma delta ";
  CHECK(repair_with(one_line, 100, 256) == one_line);
}

namespace {

// The units a reader cuts text into, read buffer bytes at a time.
std::vector<std::string> units_of(std::string_view text, std::size_t buffer, std::size_t max_unit = 256 * 1024) {
  StringSource source(text);
  ReaderOptions options;
  options.buffer_size = buffer;
  options.max_unit = max_unit;
  ParagraphReader reader(source, options);
  std::vector<std::string> units;
  Unit unit;
  while (reader.next(unit)) units.push_back(unit.text);
  return units;
}

}  // namespace

TEST_CASE("pipeline: text without blank lines is cut where a line ends a sentence", "[pipeline][reader]") {
  // One paragraph a line, no blank lines: past soft_unit (4 KiB) a unit
  // ends after the first line that ends a sentence outside any quotation.
  std::string text;
  for (int i = 0; i < 400; ++i)
    text += i % 3 == 0 ? "A line that runs on without a stop and\n" : "It ends here, as a sentence does.\n";
  const std::vector<std::string> units = units_of(text, 65536);
  REQUIRE(units.size() > 1);
  std::string joined;
  for (const std::string& u : units) {
    joined += u;
    if (&u == &units.back()) continue;
    CHECK(u.size() >= 4096);
    CHECK(u.size() < 4096 + 64);
    CHECK(u.ends_with("as a sentence does.\n"));
  }
  CHECK(joined == text);
  for (std::size_t buffer : {1, 7, 1000}) CHECK(units_of(text, buffer) == units);
}

TEST_CASE("pipeline: a line too long for one unit is cut after a sentence", "[pipeline][reader]") {
  // So that no rule needs both sides of a cut: "crisis. tensions" cut
  // between its words was repaired only on a second run, once the repair
  // before it had moved the cut.
  std::string text;
  for (int i = 0; i < 40; ++i) text += "It rose at a time of crisis. tensions grew. Then it fell. ";
  const std::vector<std::string> units = units_of(text, 4096, 100);
  REQUIRE(units.size() > 1);
  std::string joined;
  for (const std::string& u : units) {
    joined += u;
    CHECK(u.size() <= 100);
    if (&u != &units.back()) CHECK(u.ends_with(". "));
    CHECK_FALSE(u.starts_with("tensions"));
  }
  CHECK(joined == text);
  const std::string once = repair_with(text, 4096, 100);
  CHECK(repair_with(once, 4096, 100) == once);
}

TEST_CASE("pipeline: a soft cut waits for an open quotation to close", "[pipeline][reader]") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "Plain prose that ends no sentence fills the first part, and\n";
  text += "He said, \xE2\x80\x9CThis goes on.\n";  // opens past 4 KiB, ends a sentence, quotation open
  text += "And on.\n";
  text += "Until here.\xE2\x80\x9D\n";  // closes the quotation: the first place to cut
  text += "Then more prose follows.\n";
  const std::vector<std::string> units = units_of(text, 65536);
  REQUIRE(units.size() == 2);
  CHECK(units[0].ends_with("Until here.\xE2\x80\x9D\n"));
  CHECK(units[1] == "Then more prose follows.\n");
}

TEST_CASE("pipeline: a quote mark opens or closes by its place, not its shape", "[pipeline][reader]") {
  // The repairs turn a closing “ into ” and â€œ into “: were the units
  // cut by the marks' shapes, a second run would cut them elsewhere, and
  // the rules that look across a unit see other neighbours.
  const std::string x(200, 'x');
  const std::string rest = "Then prose " + std::string(200, 'z') + ".\n";
  for (const std::string& line : {
           "He said \"" + x + " and left.\xE2\x80\x9C Then it was over.\n",  // a closing quote shaped “
           "He said \xC3\xA2\xE2\x82\xAC\xC5\x93" + x + " and left.\" Then it was over.\n",  // â€œ opens
       }) {
    const std::vector<std::string> units = units_of(line + rest, 65536);
    REQUIRE(units.size() == 2);
    CHECK(units[0] == line);
  }
}

TEST_CASE("pipeline: a paragraph written on one line is a unit of its own", "[pipeline][reader]") {
  // Long lines (paragraphs written on one line, no blank lines between)
  // end their unit when they end a sentence; short wrapped lines and a
  // long line that ends no sentence do not.
  const std::string paragraph(200, 'x');  // stands for 200 bytes of prose
  const std::string a = "First " + paragraph + " ends here.\n";
  const std::string b = "Second " + paragraph + " ends with no stop\n";
  const std::string c = "a short wrapped line.\n";
  const std::string d = "Third " + paragraph + " ends here.\n";
  const std::vector<std::string> units = units_of(a + b + c + d, 65536);
  REQUIRE(units.size() == 2);
  CHECK(units[0] == a);
  CHECK(units[1] == b + c + d);
  for (std::size_t buffer : {1, 5, 100}) CHECK(units_of(a + b + c + d, buffer) == units);
}

TEST_CASE("pipeline: a long line before a blank line keeps the blank line", "[pipeline][reader]") {
  const std::string a = "A paragraph " + std::string(200, 'x') + " that ends here.\n\n";
  const std::string b = "Another paragraph.\n";
  const std::vector<std::string> units = units_of(a + b, 65536);
  REQUIRE(units.size() == 2);
  CHECK(units[0] == a);
  CHECK(units[1] == b);
}

TEST_CASE("pipeline: a long line inside a quotation does not end the unit", "[pipeline][reader]") {
  const std::string a = "He said, \xE2\x80\x9C" + std::string(200, 'x') + " goes on.\n";
  const std::string b = "And on " + std::string(200, 'y') + ".\xE2\x80\x9D\n";
  const std::string c = "Then prose " + std::string(200, 'z') + ".\n";
  const std::vector<std::string> units = units_of(a + b + c, 65536);
  REQUIRE(units.size() == 2);
  CHECK(units[0] == a + b);
  CHECK(units[1] == c);
}

TEST_CASE("pipeline: paragraphs with blank lines are not cut short", "[pipeline][reader]") {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "A sentence ends on this line.\n";
  text += "\n";
  text += text;
  const std::vector<std::string> units = units_of(text, 65536);
  REQUIRE(units.size() == 2);
  CHECK(units[0].size() == text.size() / 2);
}

namespace {

// Hands out one paragraph per read and remembers how many reads happened
// before each unit reached the sink.
class ParagraphAtATime final : public ByteSource {
 public:
  explicit ParagraphAtATime(std::vector<std::string> parts) : parts_(std::move(parts)) {}
  std::size_t read(char* buf, std::size_t n) override {
    ++reads;
    if (next_ >= parts_.size()) return 0;
    const std::string& p = parts_[next_++];
    REQUIRE(p.size() <= n);
    std::copy(p.begin(), p.end(), buf);
    return p.size();
  }
  int reads = 0;

 private:
  std::vector<std::string> parts_;
  std::size_t next_ = 0;
};

class RecordingSink final : public Sink {
 public:
  explicit RecordingSink(const ParagraphAtATime& source) : source_(source) {}
  void unit(const UnitResult&) override { reads_at_unit.push_back(source_.reads); }
  std::vector<int> reads_at_unit;

 private:
  const ParagraphAtATime& source_;
};

}  // namespace

TEST_CASE("pipeline: each paragraph is written before the next is read", "[pipeline][streaming]") {
  ParagraphAtATime source({"First paragraph.\n\n", "Second paragraph.\n\n", "Third.\n"});
  RecordingSink sink(source);
  const Engine engine(select_rules({}, {}), &testing_helpers::lexicon(), &testing_helpers::speller(), EngineOptions{});
  RunOptions run;
  run.prescan = false;
  run_stream(source, "-", engine, sink, run);
  CHECK(sink.reads_at_unit == std::vector<int>{1, 2, 4});
}

TEST_CASE("pipeline: the output is the same for any number of threads", "[pipeline][invariant][parallel]") {
  std::string text;
  const std::string sample = read_file(TEXTMEND_SOURCE_DIR "/samples/news-article.txt");
  for (int i = 0; i < 40; ++i) text += kDamaged + "\n\n" + sample + "\n\n";
  const Engine engine(select_rules({}, {}), &testing_helpers::lexicon(), &testing_helpers::speller(), EngineOptions{});
  RunOptions one;
  one.prescan = false;
  const std::string expected = repair_text(text, engine, one);
  for (unsigned jobs : {2u, 3u, 8u}) {
    for (std::size_t buffer : {std::size_t{7}, std::size_t{4096}, std::size_t{1} << 20}) {
      RunOptions many = one;
      many.jobs = jobs;
      many.reader.buffer_size = buffer;
      INFO("jobs " << jobs << ", buffer " << buffer);
      CHECK(repair_text(text, engine, many) == expected);
    }
  }
}

TEST_CASE("pipeline: the prescan of a large input is the same for any number of threads",
          "[pipeline][invariant][parallel]") {
  // Over three prescan chunks (1 MB each), so that they are analysed on
  // different threads; a misspelling that recurs only far apart (first
  // paragraph, last paragraph) is the document's own word either way.
  const std::string sample = read_file(TEXTMEND_SOURCE_DIR "/samples/news-article.txt");
  std::string text = "We recieve letters daily.\n\n";
  while (text.size() < (std::size_t{3} << 20) + 4096) text += kDamaged + "\n\n" + sample + "\n\n";
  text += "They recieve them too.\n";
  const Engine engine(select_rules({}, {}), &testing_helpers::lexicon(), &testing_helpers::speller(), EngineOptions{});
  RunOptions one;
  const std::string expected = repair_text(text, engine, one);
  CHECK(expected.starts_with("We recieve letters"));
  CHECK(expected.ends_with("They recieve them too.\n"));
  for (unsigned jobs : {2u, 3u}) {
    RunOptions many = one;
    many.jobs = jobs;
    INFO("jobs " << jobs);
    CHECK(repair_text(text, engine, many) == expected);
  }
}

namespace {

// A producer that sends the next paragraph only once the one before it has
// come out (or five seconds have passed, which the test counts as a stall).
class WaitsForOutput final : public ByteSource, public Sink {
 public:
  explicit WaitsForOutput(std::vector<std::string> parts) : parts_(std::move(parts)) {}
  std::size_t read(char* buf, std::size_t n) override {
    if (next_ == parts_.size()) return 0;
    std::unique_lock lock(mutex_);
    if (!shown_.wait_for(lock, std::chrono::seconds(5), [&] { return delivered_ >= next_; })) ++stalls;
    const std::string& p = parts_[next_++];
    REQUIRE(p.size() <= n);
    std::copy(p.begin(), p.end(), buf);
    return p.size();
  }
  bool would_block() override { return true; }
  void unit(const UnitResult&) override {
    std::lock_guard lock(mutex_);
    ++delivered_;
    shown_.notify_all();
  }
  int stalls = 0;

 private:
  std::vector<std::string> parts_;
  std::size_t next_ = 0;
  std::size_t delivered_ = 0;
  std::mutex mutex_;
  std::condition_variable shown_;
};

}  // namespace

TEST_CASE("pipeline: with threads, each paragraph still comes out before the next is read",
          "[pipeline][streaming][parallel]") {
  const Engine engine(select_rules({}, {}), &testing_helpers::lexicon(), &testing_helpers::speller(), EngineOptions{});
  for (unsigned jobs : {2u, 3u}) {
    WaitsForOutput stream({"First  paragraph.\n\n", "Second paragraph.\n\n", "Third one.\n\n", "Last.\n"});
    RunOptions run;
    run.prescan = false;
    run.jobs = jobs;
    INFO("jobs " << jobs);
    run_stream(stream, "-", engine, stream, run);
    CHECK(stream.stalls == 0);
  }
}
