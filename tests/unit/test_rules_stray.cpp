#include <catch2/catch.hpp>

#include "helpers.hpp"

using testing_helpers::fix;

TEST_CASE("stray-letter: removes a lone letter before a word", "[rule][stray-letter]") {
  CHECK(fix("The report was t ready for the board.\n", {"stray-letter"}) == "The report was ready for the board.\n");
  CHECK(fix("q The meeting began late.\n", {"stray-letter"}) == "The meeting began late.\n");
}

TEST_CASE("stray-letter: restores Mr when the document uses honorifics", "[rule][stray-letter]") {
  const std::string text =
      "Talks began on Monday.\n\nr Okafor handed over the letter.\n\nLater Mr. Diaz spoke to reporters.\n";
  CHECK(fix(text, {"stray-letter"}) ==
        "Talks began on Monday.\n\nMr Okafor handed over the letter.\n\nLater Mr. Diaz spoke to reporters.\n");
}

TEST_CASE("stray-letter: deletes the r when the document has no honorifics", "[rule][stray-letter]") {
  CHECK(fix("Talks began.\n\nr Okafor handed over the letter.\n", {"stray-letter"}) ==
        "Talks began.\n\nOkafor handed over the letter.\n");
}

TEST_CASE("stray-letter: legitimate single letters stay", "[rule][stray-letter]") {
  for (std::string_view text : {
           "I bought a car and O what a car it was.\n",
           "The novel by C. Elwood and J. R. Smith sold well.\n",
           "a) the first item\nb) the second item\n",
           "We chose plan b after vitamin c ran out.\n",
           "Let x be the width and y the height, so x = 2y.\n",
           "It ran 5 m in 10 s flat.\n",
           "He said he don t know and it s late.\n",
           "Options a, b and c are open.\n",
           "The President’s staff met.\n",
       }) {
    INFO(text);
    CHECK(fix(text, {"stray-letter"}) == text);
  }
}

TEST_CASE("stray-symbol: removes lone symbols between words", "[rule][stray-symbol]") {
  CHECK(fix("the administrator of ¬ the agency\n", {"stray-symbol"}) == "the administrator of the agency\n");
  CHECK(fix("Award for | her portrayal\n", {"stray-symbol"}) == "Award for her portrayal\n");
  CHECK(fix("taken hold on • most of them\n", {"stray-symbol"}) == "taken hold on most of them\n");
  CHECK(fix("~ the start of a line\n", {"stray-symbol"}) == "the start of a line\n");
}

TEST_CASE("stray-symbol: symbols with a job stay", "[rule][stray-symbol]") {
  for (std::string_view text : {
           "• first item\n• second item\n",
           "Home | About | Contact\n",
           "It costs ~ 5 dollars.\n",
           "| a | b |\n|---|---|\n",
       }) {
    INFO(text);
    CHECK(fix(text, {"stray-symbol"}) == text);
  }
}

TEST_CASE("glued-symbol: removes a symbol glued to a word", "[rule][glued-symbol]") {
  CHECK(fix("He handed¬ the note over.\n", {"glued-symbol"}) == "He handed the note over.\n");
  CHECK(fix("in bulk^ newsletters\n", {"glued-symbol"}) == "in bulk newsletters\n");
  CHECK(fix("the |report came\n", {"glued-symbol"}) == "the report came\n");
}

TEST_CASE("glued-symbol: code-like and numeric uses stay", "[rule][glued-symbol]") {
  for (std::string_view text : {
           "Compute x^2 and a|b here.\n",
           "Use ~5 minutes and 2^10 bytes.\n",
           "See ~/notes and `a|b` for details.\n",
       }) {
    INFO(text);
    CHECK(fix(text, {"glued-symbol"}) == text);
  }
}

TEST_CASE("control-char: deletes control characters", "[rule][control-char]") {
  CHECK(fix("the\x01 report\x7f is\xC2\x80 late\n", {"control-char"}) == "the report is late\n");
}

TEST_CASE("control-char: tabs, line and page breaks and escapes stay", "[rule][control-char]") {
  const std::string text = "a\tb\r\nc\fd\x1b[31m red\n";
  CHECK(fix(text, {"control-char"}) == text);
}

TEST_CASE("invisible-char: deletes zero-width characters and soft hyphens", "[rule][invisible-char]") {
  CHECK(fix("re\xE2\x80\x8Bport and inter\xC2\xADnational\n", {"invisible-char"}) == "report and international\n");
  CHECK(fix("word\xE2\x81\xA0joiner\n", {"invisible-char"}) == "wordjoiner\n");
}

TEST_CASE("invisible-char: joiners with a job and a leading BOM stay", "[rule][invisible-char]") {
  for (std::string_view text : {
           "\xEF\xBB\xBFStarts with a byte-order mark.\n",
           "A family emoji \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 here.\n",
           "Persian \xD9\x85\xE2\x80\x8C\xD9\x8A text.\n",
       }) {
    INFO(text);
    CHECK(fix(text, {"invisible-char"}) == text);
  }
}

TEST_CASE("stray-of: removes an 'of' the preposition cannot take", "[rule][stray-of]") {
  CHECK(fix("provocative actions along of the line of contact\n", {"stray-of"}) ==
        "provocative actions along the line of contact\n");
  CHECK(fix("Despite of the rain they came.\n", {"stray-of"}) == "Despite the rain they came.\n");
}

TEST_CASE("stray-of: prepositions that take 'of' stay", "[rule][stray-of]") {
  for (std::string_view text : {"He walked out of the room and inside of the house.\n",
                                "It fell off of the shelf, ahead of the others, because of the wind.\n",
                                "the length along the line of contact\n"}) {
    INFO(text);
    CHECK(fix(text, {"stray-of"}) == text);
  }
}
