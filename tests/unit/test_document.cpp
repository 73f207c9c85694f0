#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "text/doc_stats.hpp"
#include "text/document.hpp"

using namespace textmend;

namespace {

// Byte facts do not depend on the knowledge a document is read against.
struct Built {
  explicit Built(std::string s) : text(std::move(s)), doc(text, Context{DocKnowledge{&stats}}, fences) {}
  std::string text;
  DocStats stats;
  ProtectState fences;
  Document doc;
};

}  // namespace

TEST_CASE("document: byte and byte-pair presence", "[document]") {
  const Built b("one  two ,three.Four\tend?\n");
  const Document& d = b.doc;
  CHECK(d.has(','));
  CHECK_FALSE(d.has(';'));
  CHECK(d.has_pair(' ', ' '));
  CHECK(d.has_pair(' ', ','));
  CHECK(d.has_pair(',', 't'));
  CHECK(d.has_pair('.', 'F'));
  CHECK(d.has_pair('\t', 'e'));
  CHECK(d.has_pair('?', '\n'));
  CHECK(d.has_pair('w', 'o'));
  CHECK_FALSE(d.has_pair('w', 'w'));
  CHECK_FALSE(d.has_pair(' ', '.'));
  CHECK_FALSE(d.has_pair(',', ' '));
  CHECK_FALSE(d.has_pair('.', ' '));
  CHECK(d.has_pair_in('.', 'A', 'Z'));
  CHECK_FALSE(d.has_pair_in('.', 'a', 'z'));
  CHECK_FALSE(d.has_pair_in('?', 'A', 'Z'));
  // 'n' is no tracked lead: the answer is "both bytes occur".
  CHECK(d.has_pair('n', 'd'));
  CHECK(d.has_pair('n', 'F'));
  CHECK_FALSE(d.has_pair('n', ';'));
  CHECK(d.ascii_only());
}

TEST_CASE("document: byte and pair presence agree with a search of the text", "[document]") {
  // Random texts over the pair leads, a few letters, punctuation and high
  // bytes: every byte value and every pair after a lead, against find().
  std::mt19937 random(5);
  const std::string alphabet = std::string(Document::kPairLeads) + "aAz0'\"\n\xE2\x80\x9C\xC3";
  for (int round = 0; round < 200; ++round) {
    std::string text(random() % 40, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    const Built b(text);
    for (int v = 0; v < 256; ++v) {
      const char byte = static_cast<char>(v);
      INFO(text << " byte " << v);
      CHECK(b.doc.has(byte) == (text.find(byte) != std::string::npos));
      for (const char lead : Document::kPairLeads)
        CHECK(b.doc.has_pair(lead, byte) == (text.find(std::string{lead, byte}) != std::string::npos));
    }
  }
}

TEST_CASE("document: the first byte follows nothing", "[document]") {
  const Built b(" x");
  CHECK_FALSE(b.doc.has_pair(' ', ' '));
  CHECK(b.doc.has_pair(' ', 'x'));
  const Built accented("caf\xC3\xA9");
  CHECK_FALSE(accented.doc.ascii_only());
}

TEST_CASE("document: tokens by first byte, in order", "[document]") {
  const Built b("of the. One, of two... off\xE2\x80\x94of");
  const Document& d = b.doc;
  auto firsts = [&](char byte) {
    std::string out;
    for (const std::size_t i : d.starting_with(byte)) out += "[" + std::string(d.str(i)) + "]";
    return out;
  };
  CHECK(firsts('o') == "[of][of][off][of]");
  CHECK(firsts('.') == "[.][.][.][.]");
  CHECK(firsts('\xE2') == "[\xE2\x80\x94]");
  CHECK(firsts('O') == "[One]");
  CHECK(firsts('z').empty());
  std::string marks;
  d.each_starting_with(".\xE2o", [&](std::size_t i) { marks += "[" + std::string(d.str(i)) + "]"; });
  CHECK(marks == "[.][.][.][.][\xE2\x80\x94][of][of][off][of]");
  // Every token is on exactly one chain.
  std::size_t on_chains = 0;
  for (int byte = 0; byte < 256; ++byte)
    for ([[maybe_unused]] const std::size_t i : d.starting_with(static_cast<char>(byte))) ++on_chains;
  CHECK(on_chains == d.size());
}

TEST_CASE("document: the word tokens, in order, and only those", "[document]") {
  // Built twice on one thread: the second document reuses the first's
  // vectors, and must not see what they held.
  { const Built first("many words here, and numbers 1 2 3 4 5 6 7 8 9 0 too\n"); }
  const Built b("Don't stop: 3.5 is e.g. a word's number, isn't it?\n");
  const Document& d = b.doc;
  std::vector<std::string_view> expected;
  for (std::size_t i = 0; i < d.size(); ++i)
    if (d.is_word(i)) expected.push_back(d.str(i));
  std::vector<std::string_view> got;
  for (const std::size_t i : d.words()) got.push_back(d.str(i));
  CHECK(got == expected);
  CHECK(got == std::vector<std::string_view>{"Don't", "stop", "is", "e.g", "a", "word's", "number", "isn't", "it"});
}

TEST_CASE("survey: the same counts as a byte-by-byte reading, on random texts", "[document]") {
  // Long enough for 64-byte blocks: every mark the survey acts on (quotes,
  // sentence ends, honorifics, curly quotes, line and paragraph starts,
  // Markdown), at block edges and in the last, short block.
  const std::vector<std::string> alphabet = {"a",
                                             "b",
                                             "e",
                                             "The",
                                             "x",
                                             " ",
                                             " ",
                                             "  ",
                                             "\n",
                                             "\n\n",
                                             "\"",
                                             "'",
                                             ".",
                                             "?",
                                             "!",
                                             "Mr ",
                                             "Mrs. ",
                                             "Dr ",
                                             "M",
                                             "D",
                                             "Ann",
                                             "Bo",
                                             "# ",
                                             "- ",
                                             "> ",
                                             "```",
                                             "\xE2\x80\x9C",
                                             "\xE2\x80\x9D",
                                             "\xE2\x80\x98",
                                             "\xE2\x80\x99",
                                             "\xE2\x80\x94",
                                             "\t",
                                             "\r\n",
                                             "3",
                                             "U.S.",
                                             ",",
                                             "{",
                                             "}",
                                             "\\",
                                             "`",
                                             "_",
                                             "$",
                                             "=",
                                             "<"};
  testing_helpers::for_random_texts(alphabet, 7, 3000, 300, [](const std::string& text) {
    const DocStats fast = survey(text);
    const DocStats plain = survey_bytewise(text);
    INFO("text: " << text);
    REQUIRE(fast.curly_double == plain.curly_double);
    REQUIRE(fast.straight_double == plain.straight_double);
    REQUIRE(fast.curly_single == plain.curly_single);
    REQUIRE(fast.straight_single == plain.straight_single);
    REQUIRE(fast.mister == plain.mister);
    REQUIRE(fast.doctor == plain.doctor);
    REQUIRE(fast.sentence_upper == plain.sentence_upper);
    REQUIRE(fast.sentence_lower == plain.sentence_lower);
    REQUIRE(fast.two_space_sentences == plain.two_space_sentences);
    REQUIRE(fast.one_space_sentences == plain.one_space_sentences);
    REQUIRE(fast.markdown_lines == plain.markdown_lines);
    REQUIRE(fast.code_marks == plain.code_marks);
    REQUIRE(fast.bytes == plain.bytes);
    REQUIRE(fast.honorific_name_count() == plain.honorific_name_count());
    // Every quote mark is counted, whichever way the text is read.
    REQUIRE(plain.straight_double == static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '"')));
  });
}

TEST_CASE("survey: marks of code tell technical writing from prose", "[document]") {
  const DocStats readme = survey("Set LOG_LEVEL=debug in $HOME/.config and call {init} from <stdio.h>.\n");
  CHECK(readme.code_marks == 6);
  CHECK(readme.looks_technical());
  // A stray backslash, a price and an equals sign between spaces are prose.
  const DocStats news = survey("The council \\ met on Tuesday; it cost $5 and x = y.\n");
  CHECK(news.code_marks == 0);
  CHECK_FALSE(news.looks_technical());
  // A long option and a manual page are marks; a dash between words is not.
  CHECK(survey("Use --force, see bzip2(1).\n").code_marks == 2);
  CHECK(survey("He left -- at last -- and the well--known man read Article 5(2).\n").code_marks == 0);
  // One mark in a long text is not enough.
  std::string prose(4000, 'a');
  prose += " a_b\n";
  CHECK(survey(prose).code_marks == 1);
  CHECK_FALSE(survey(prose).looks_technical());
}
