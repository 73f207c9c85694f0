#include <catch2/catch.hpp>

#include <random>

#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "lexicon/lexicon.hpp"
#include "pipeline/engine.hpp"
#include "pipeline/jsonl.hpp"
#include "pipeline/run.hpp"
#include "spelling/speller.hpp"

using namespace textmend;

namespace {

const Engine& engine() {
  static const Engine e(select_rules({}, {}), &testing_helpers::lexicon(), &testing_helpers::speller(),
                        EngineOptions{});
  return e;
}

std::string repaired(std::string_view line, std::string_view field = "text") {
  std::string out;
  std::size_t applied = 0;
  return repair_jsonl_line(line, field, engine(), out, applied) == JsonlLine::changed ? out : std::string(line);
}

}  // namespace

TEST_CASE("jsonl: the field is repaired and every other byte kept", "[jsonl]") {
  const std::string line =
      R"({"id": 7, "text":"The the cat sat  here.", "meta":{"text":"the the"}, "z":[1,2.5e3,true,null]})";
  const std::string out = repaired(line);
  CHECK(out == R"({"id": 7, "text":"The cat sat here.", "meta":{"text":"the the"}, "z":[1,2.5e3,true,null]})");
  CHECK(nlohmann::json::parse(out)["text"] == "The cat sat here.");
}

TEST_CASE("jsonl: escapes and Unicode round-trip", "[jsonl]") {
  const std::string line = R"({"text":"She said \"yes\" at the caf\u00e9\ttoday and and left.\n\ud83d\ude00"})";
  const std::string out = repaired(line);
  const auto parsed = nlohmann::json::parse(out);
  CHECK(parsed["text"] == "She said \"yes\" at the café\ttoday and left.\n\U0001F600");
}

TEST_CASE("jsonl: lines that are not objects with the field pass through", "[jsonl]") {
  for (std::string_view line :
       {"not json at all", R"({"text": 5})", R"({"body":"the the"})", R"(["the the"])", R"({"text":"the the")",
        R"({"text":"the the"} trailing)", R"({"text":"bad \x escape"})", R"({"a":01,"text":"the the"})"}) {
    INFO(line);
    std::string out;
    std::size_t applied = 0;
    CHECK(repair_jsonl_line(line, "text", engine(), out, applied) == JsonlLine::passed);
  }
}

TEST_CASE("jsonl: an unchanged field leaves the line exactly as it was", "[jsonl]") {
  const std::string line = R"({"text":"Clean \u0074ext stays, escapes and all."})";
  std::string out;
  std::size_t applied = 0;
  CHECK(repair_jsonl_line(line, "text", engine(), out, applied) == JsonlLine::unchanged);
}

TEST_CASE("jsonl: the JSON helpers", "[jsonl]") {
  std::size_t b = 0;
  std::size_t e = 0;
  const std::string text = R"( { "a" : { "x" : "y" } , "t\u0065xt" : "v\"w" } )";
  REQUIRE(json::find_string_member(text, "text", b, e));
  CHECK(text.substr(b, e - b) == R"(v\"w)");
  std::string out;
  CHECK(json::unescape(R"(a\u00e9\n\"\\)", out));
  CHECK(out == "a\xC3\xA9\n\"\\");
  CHECK(json::escape("a\"b\\c\n\x01") == R"(a\"b\\c\n\u0001)");
  CHECK_FALSE(json::unescape(R"(\q)", out));
}

TEST_CASE("jsonl: unescape and escape agree with nlohmann on random string bodies", "[jsonl]") {
  // Pieces that make valid and invalid bodies: every escape, surrogate
  // pairs whole and alone, bad hex, a trailing backslash, multi-byte UTF-8
  // and an ill-formed byte.
  const std::vector<std::string> pieces = {
      "a",
      "Z",
      " ",
      "\xC3\xA9",
      "\xE2\x80\x9C",
      "\xF0\x9F\x98\x80",
      "\xC3",
      "\\\"",
      "\\\\",
      "\\/",
      "\\b",
      "\\f",
      "\\n",
      "\\r",
      "\\t",
      "\\u0041",
      "\\u00e9",
      "\\u00E9",
      "\\u0000",
      "\\u001f",
      "\\ud83d",
      "\\ude00",
      "\\uD83D\\uDE00",
      "\\u12g4",
      "\\q",
      "\\",
      "\\u20",
  };
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    std::string raw;
    const int n = static_cast<int>(rng() % 6);
    for (int k = 0; k < n; ++k) raw += pieces[rng() % pieces.size()];
    const auto reference = nlohmann::json::parse("\"" + raw + "\"", nullptr, false);
    // As repair_jsonl_line uses them: the scanner finds the body, then it is decoded.
    const std::string line = "{\"k\":\"" + raw + "\"}";
    std::size_t b = 0;
    std::size_t e = 0;
    std::string ours;
    const bool ok = json::find_string_member(line, "k", b, e) && json::unescape(line.substr(b, e - b), ours);
    INFO("raw: " << raw);
    REQUIRE(ok == reference.is_string());
    if (!ok) continue;
    REQUIRE(ours == reference.get_ref<const std::string&>());
    REQUIRE(json::escape(ours) == reference.dump().substr(1, reference.dump().size() - 2));
  }
}

TEST_CASE("jsonl: a record is cut into paragraphs as its text would be (--max-paragraph)", "[jsonl]") {
  // The cuts decide what each rule sees: with the default cuts for every
  // record, a record and its text as a document came out differently.
  // Two lone letters in one paragraph read as names of things and stay;
  // each alone in its own, as a stray mark, and goes.
  const std::string text =
      "The cat sat on the k mat for most of the long day. It was warm and quiet in the old house. "
      "Then the dog lay on the q rug by the fire.";
  RunOptions run;
  run.reader.max_unit = 100;
  const std::string as_document = repair_text(text, engine(), run);
  const std::string line = nlohmann::json{{"text", text}}.dump();
  std::string out;
  std::size_t applied = 0;
  REQUIRE(repair_jsonl_line(line, "text", engine(), out, applied, run.reader) == JsonlLine::changed);
  CHECK(nlohmann::json::parse(out)["text"].get<std::string>() == as_document);
}
