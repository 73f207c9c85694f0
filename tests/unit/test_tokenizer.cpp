#include <catch2/catch.hpp>

#include <string>

#include "helpers.hpp"
#include "text/tokenizer.hpp"
#include "unicode/unicode.hpp"

using namespace textmend;

namespace {

std::string describe(std::string_view text, const Tokens& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    out += '[';
    out += text.substr(t.begin, t.size());
    out += "]";
    out += std::to_string(static_cast<int>(t.type));
  }
  return out;
}

void expect_same_as_icu(std::string_view text) {
  Tokens fast;
  Tokens icu;
  REQUIRE(tokenize_fast(text, fast));
  unicode::word_tokens(text, icu);
  INFO("text: " << text);
  REQUIRE(describe(text, fast) == describe(text, icu));
}

// count random strings of 1 to max_length entries of alphabet.
template <typename Alphabet>
void expect_same_as_icu_on_random(const Alphabet& alphabet, unsigned seed, int count, int max_length) {
  testing_helpers::for_random_texts(alphabet, seed, count, max_length,
                                    [](const std::string& text) { expect_same_as_icu(text); });
}

}  // namespace

TEST_CASE("tokenizer: ASCII fast path matches ICU on typical prose", "[tokenizer]") {
  for (std::string_view text : {
           "Hello, world. end.Next e.g. U.S. don't 3,000 3.5 a,b x:y",
           "tabs\there__x_1 ab12 12ab Node.js http://a.b/c?d=1 he's 'quoted'",
           "a.1 1.a 1_ _1 __ 1__ a_1 1_a a.b.c 1.2.3 1.2a a''b 1..2 a..b",
           "line\r\nnext\n\nx  y   z . ; ;; ,, .. ... ?! -- a-b\v\f\x01\x7f",
       })
    expect_same_as_icu(text);
}

TEST_CASE("tokenizer: ASCII fast path matches ICU on random strings", "[tokenizer]") {
  expect_same_as_icu_on_random(std::string_view("aZq09.',;:_ \t\r\n-\"!?()x"), 12345, 3000, 24);
}

TEST_CASE("tokenizer: fast path matches ICU on every ASCII byte value", "[tokenizer]") {
  // All 128 ASCII bytes, weighted towards the ones that join tokens.
  std::string alphabet = "aaaZZqq0099..'',,;;__  @";
  for (int c = 0; c < 128; ++c) alphabet += static_cast<char>(c);
  expect_same_as_icu_on_random(alphabet, 777, 20000, 40);
}

TEST_CASE("tokenizer: fast path matches ICU on text long enough to be read 64 bytes at a time", "[tokenizer]") {
  // Runs of ASCII are cut a 64-byte block at a time: tokens across block
  // edges, words longer than a block, joiners at an edge, CR LF split by
  // one, a non-ASCII character anywhere in a block, and the text's end
  // inside the last block. Letters weigh most, so words run long.
  std::vector<std::string> alphabet = {"a",       "b",  "e",  "Z", "@",  "0",    "7",    ".",
                                       "'",       ",",  ";",  ":", "_",  " ",    " ",    "\t",
                                       "\r",      "\n", "\v", "-", "\"", "\x01", "\x7f", "\xE2\x80\x99",
                                       "\xC3\xA9"};
  for (int k = 0; k < 24; ++k) alphabet.push_back(std::string(1, static_cast<char>('a' + k)));
  expect_same_as_icu_on_random(alphabet, 64, 6000, 400);
  // Mostly letters: words that outrun a block.
  expect_same_as_icu_on_random(std::string_view("abcdefghijklmnopqrstuvwxyzABCXYZ09.'_ "), 65, 2000, 300);
  // Mostly digits and their joiners.
  expect_same_as_icu_on_random(std::string_view("0123456789.,;' a_\r\n"), 66, 2000, 300);
}

TEST_CASE("tokenizer: fast path matches ICU on Latin-script prose characters", "[tokenizer]") {
  // Letters, digits and ASCII punctuation mixed with the non-ASCII
  // characters the fast path claims to know.
  const std::vector<std::string> alphabet = {
      "a", "Z", "0", ".", "'", ",", ";", ":", "_", " ", "\n", "-", "\"", "\xC3\xA9", "\xC3\x9C", "\xC5\x93", "\xC4\x9F",
      "\xC8\x99", "\xC2\xAA", "\xC2\xB5", "\xC2\xBA", "\xC3\x97", "\xC3\xB7", "\xE2\x80\x98", "\xE2\x80\x99",
      "\xE2\x80\xA4", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2", "\xE2\x80\xA6",
      "\xE2\x82\xAC", "\xE2\x84\xA2", "\xC2\xA0", "\xC2\xA3", "\xC2\xAC", "\xC2\xA6", "\xC2\xBF", "\xC2\xA9",
      // what UTF-8 read as Windows-1252 turns up
      "\xC2\x80", "\xC2\x81", "\xC2\x85", "\xC2\x8D", "\xC2\x90", "\xC2\x9D", "\xC2\x9F", "\xCB\x86", "\xCB\x9C",
      "\xE2\x80\x9A", "\xE2\x80\x9E", "\xE2\x80\xA0", "\xE2\x80\xA1", "\xE2\x80\xB0", "\xE2\x80\xB9", "\xE2\x80\xBA"};
  expect_same_as_icu_on_random(alphabet, 777, 20000, 16);
}

TEST_CASE("tokenizer: fast path matches ICU on characters of other scripts and symbols", "[tokenizer]") {
  // Characters the fast path classes by ICU's own tables: Greek, Cyrillic,
  // Armenian, Georgian and Arabic letters, ligatures, fullwidth and
  // mathematical letters, digits of other scripts, symbols, arrows, dashes
  // and primes, an emoji, joiners between letters or digits (U+FF0E,
  // U+FE50, U+2044) and after them (U+203F, U+202F), line separators.
  // One character an entry, packed by hand.
  // clang-format off
  const std::vector<std::string> alphabet = {
      "a", "Z", "0", ".", "'", ",", ";", ":", "_", " ", "\n", "-", "\xCE\xB1", "\xCE\xA9", "\xCE\xAC", "\xCF\x82",
      "\xD0\xBF", "\xD0\x96", "\xD1\x91", "\xD5\xA1", "\xE1\x83\x90", "\xD8\xA8", "\xEF\xAC\x81", "\xEF\xAC\x82",
      "\xEF\xBC\xA1", "\xF0\x9D\x91\xA5", "\xE2\x85\xA3", "\xEF\xBC\x90", "\xD9\xA0", "\xE0\xA5\xA6", "\xE2\x88\x92",
      "\xE2\x89\xA5", "\xE2\x86\x92", "\xE2\x87\x92", "\xE2\x80\x90", "\xE2\x80\x91", "\xE2\x80\x95", "\xE2\x80\xB2",
      "\xE2\x80\x87", "\xE2\x94\x80", "\xE2\x96\xAA", "\xE2\x9C\x93", "\xE2\x82\xB9", "\xF0\x9F\x98\x80",
      "\xE2\x91\xA0", "\xE3\x80\x82", "\xE2\x80\x8B", "\xEF\xBC\x8E", "\xEF\xB9\x90", "\xE2\x81\x84", "\xE2\x80\xBF",
      "\xE2\x80\xAF", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xC3\xA9", "\xE2\x80\x99"};
  // clang-format on
  expect_same_as_icu_on_random(alphabet, 2026, 20000, 16);
}

TEST_CASE("tokenizer: characters outside the fast path go to ICU", "[tokenizer]") {
  // Classes whose rules the fast path does not implement (soft hyphen and
  // other format characters, combining marks, joiners, Hebrew letters,
  // regional indicators, runs of other spaces, MidLetter marks) and
  // scripts ICU segments with a dictionary (Thai, Han, kana, Hangul).
  for (const std::string_view text : {"soft\xC2\xADhyphen", "cafe\xCC\x81",
                                      "a\xE2\x80\x8D"
                                      "b",
                                      "\xD7\x90\xD7\x91", "\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8",
                                      "a\xE2\x80\x83\xE2\x80\x83"
                                      "b",
                                      "a\xC2\xB7"
                                      "b",
                                      "\xE0\xB8\x81\xE0\xB8\xB2", "\xE4\xB8\xAD\xE6\x96\x87", "\xE3\x81\x82",
                                      "\xE3\x82\xAB", "\xED\x95\x9C", "bad \xFF byte"}) {
    Tokens t;
    INFO("text: " << text);
    CHECK_FALSE(tokenize_fast(text, t));
    CHECK(t.empty());
  }
  // And back from ICU they come the same as before.
  Tokens t;
  tokenize("\xE4\xB8\xAD\xE6\x96\x87 text", t);
  REQUIRE(t.size() == 3);
  CHECK(t[2].type == TokenType::word);
}

TEST_CASE("tokenizer: token types", "[tokenizer]") {
  Tokens t;
  tokenize("He paid 3,000 -- twice.\n", t);
  REQUIRE(t.size() == 12);
  CHECK(t[0].type == TokenType::word);
  CHECK(t[1].type == TokenType::space);
  CHECK(t[4].type == TokenType::number);
  CHECK(t[6].type == TokenType::punct);
  CHECK(t[11].type == TokenType::newline);
}

TEST_CASE("tokenizer: non-ASCII text goes through ICU", "[tokenizer]") {
  Tokens t;
  const std::string text = "café don’t naïve";
  tokenize(text, t);
  REQUIRE(t.size() == 5);
  CHECK(text.substr(t[2].begin, t[2].size()) == "don’t");
}
