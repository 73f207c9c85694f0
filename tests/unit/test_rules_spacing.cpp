#include <catch2/catch.hpp>

#include "helpers.hpp"

using testing_helpers::fix;

TEST_CASE("multiple-spaces: collapses runs between words", "[rule][multiple-spaces]") {
  CHECK(fix("The  report was   late.\n", {"multiple-spaces"}) == "The report was late.\n");
}

TEST_CASE("multiple-spaces: indentation, tables and two-space sentence style stay", "[rule][multiple-spaces]") {
  for (std::string_view text : {
           "    Indented line of text.\n", "Entry:\n\t  continued after a tab, as ChangeLogs indent.\n",
           "A line ending in a tab and spaces \t  \nand the next.\n", "Name     Age\nAnna     34\nBo       29\n",
           "One.  Two.  Three.  Four.\n",
           "One.  Two (as said.)  Three.  Four.\n",  // a sentence closed inside brackets
       }) {
    INFO(text);
    CHECK(fix(text, {"multiple-spaces"}) == text);
  }
}

TEST_CASE("multiple-spaces: after a list or box marker, the run is indentation", "[rule][multiple-spaces]") {
  for (std::string_view text : {
           "Terms:\n(a)  under intellectual property rights, and\n(b)  under patents.\n",
           "*  Covered Software is provided as is.  *\n",
           "1.  First item of the list\n",
           "iv.  the fourth item\n",
           "\xE2\x80\xA2  a bulleted item\n",
       }) {
    INFO(text);
    CHECK(fix(text, {"multiple-spaces"}) == text);
  }
  // A run after a word is no indentation, wherever it stands on the line.
  CHECK(fix("Ann  said so.\n", {"multiple-spaces"}) == "Ann said so.\n");
  CHECK(fix("(a) the  report\n", {"multiple-spaces"}) == "(a) the report\n");
}

TEST_CASE("multiple-spaces: where sentences are spaced twice, other runs are only reported",
          "[rule][multiple-spaces]") {
  const std::string text =
      "Copyright (C) 2002  Free Software Foundation.  Everyone may copy it.  Boston, MA  02110 USA.\n";
  CHECK(fix(text, {"multiple-spaces"}) == text);
  CHECK(testing_helpers::count(text, {"multiple-spaces"}) == 2);
}

TEST_CASE("missing-space: after a sentence end and after a comma", "[rule][missing-space]") {
  CHECK(fix("It ended.Next day came. Was it?Yes it was!Then\n", {"missing-space"}) ==
        "It ended. Next day came. Was it? Yes it was! Then\n");
  CHECK(fix("apples,pears and plums\n", {"missing-space"}) == "apples, pears and plums\n");
  // The one-letter sentence starts, but not an abbreviation's letters.
  CHECK(fix("The circuits differ.A limitation is size. I hear the oar.I hear it.\n", {"missing-space"}) ==
        "The circuits differ. A limitation is size. I hear the oar. I hear it.\n");
  for (std::string_view text : {"She has a Ph.D in physics.\n", "Made in the U.S.A by them.\n"}) {
    INFO(text);
    CHECK(fix(text, {"missing-space"}) == text);
  }
}

TEST_CASE("missing-space: numbers, abbreviations, names and lists stay", "[rule][missing-space]") {
  for (std::string_view text : {
           "It cost 3,000 dollars, 3.5 each, e.g. this.\n",
           "Use Node.js, index.html and example.com today.\n",
           "Coordinates x,y and a,b,c and ASP.NET here.\n",
           "See https://example.org/a,b.Html now.\n",
       }) {
    INFO(text);
    CHECK(fix(text, {"missing-space"}) == text);
  }
}

TEST_CASE("trailing-space: removes spaces at line ends", "[rule][trailing-space]") {
  CHECK(fix("First line   \nSecond line\t\nThird\r\n", {"trailing-space"}) == "First line\nSecond line\nThird\r\n");
}

TEST_CASE("trailing-space: a Markdown hard break stays", "[rule][trailing-space]") {
  const std::string text = "# Notes\n\n- one\n- two\n\nLine one  \nline two\n";
  CHECK(fix(text, {"trailing-space"}) == text);
  CHECK(fix("Plain text  \nline two\n", {"trailing-space"}) == "Plain text\nline two\n");
}

TEST_CASE("trailing-space: an e-mail signature separator keeps its space", "[rule][trailing-space]") {
  const std::string text = "See you then.\n\n-- \nAnn\n";
  CHECK(fix(text, {"trailing-space"}) == text);
  CHECK(fix("See you -- \nthen.\n", {"trailing-space"}) == "See you --\nthen.\n");
}

TEST_CASE("trailing-space: blank lines lose their spaces", "[rule][trailing-space]") {
  CHECK(fix("One.\n   \nTwo.\n", {"trailing-space"}) == "One.\n\nTwo.\n");
}

TEST_CASE("repeated-word: removes a doubled word", "[rule][repeated-word]") {
  CHECK(fix("He signed the the letter.\n", {"repeated-word"}) == "He signed the letter.\n");
  CHECK(fix("The the letter came.\n", {"repeated-word"}) == "The letter came.\n");
  CHECK(fix("the end of\nof the line\n", {"repeated-word"}) == "the end of\nthe line\n");
  CHECK(fix("at the end of of\n", {"repeated-word"}) == "at the end of\n");
}

TEST_CASE("repeated-word: legitimate repeats and names stay", "[rule][repeated-word]") {
  for (std::string_view text : {
           "He had had enough and said that that was it.\n", "They went to Walla Walla in 1990 1990.\n",
           "It was very very cold.\n",
           "ruler\toff\toff\nnumber\ton\toff\n",  // cells of a table
           "Mode  off  off\n",
           "Lines of text text text here.\n",  // a run of three is meant
       }) {
    INFO(text);
    CHECK(fix(text, {"repeated-word"}) == text);
  }
}

TEST_CASE("repeated-word: a keyword beside the plain word, and a compound's start, stay", "[rule][repeated-word]") {
  for (std::string_view text : {
           "AND and OR lists are sequences of pipelines.\n",
           "It executes the list list-2 as long as the list list_1 succeeds.\n",
       }) {
    INFO(text);
    CHECK(fix(text, {"repeated-word"}) == text);
  }
}

TEST_CASE("repeated-word: in technical writing only small words are slips", "[rule][repeated-word]") {
  // Marks of code ({ } $name a=b) make the document technical writing.
  const std::string code = "Set `x=1` and ${HOME} then {a} and {b} and $PATH.\n\n";
  CHECK(fix(code + "A conditional expression expression is true.\n", {"repeated-word"}) ==
        code + "A conditional expression expression is true.\n");
  CHECK(fix(code + "Copy it to to the target.\n", {"repeated-word"}) == code + "Copy it to the target.\n");
  // In prose the same content word is a slip.
  CHECK(fix("A conditional expression expression is true.\n", {"repeated-word"}) ==
        "A conditional expression is true.\n");
}

TEST_CASE("line-break-hyphen: a word glued to shell syntax is no broken word", "[rule][line-break-hyphen]") {
  const std::string text = "If an [N]<&WORD- redirection has WORD expand to nothing, it fails.\n";
  CHECK(fix(text, {"line-break-hyphen"}) == text);
}

TEST_CASE("multiple-spaces: a Debian changelog sign-off keeps its two spaces", "[rule][multiple-spaces]") {
  const std::string text = " -- Ann Smith <ann@example.org>  Mon, 25 Apr 2011 15:18:22 +0200\n";
  CHECK(fix(text, {"multiple-spaces"}) == text);
  CHECK(fix("It was  late.\n", {"multiple-spaces"}) == "It was late.\n");
}

TEST_CASE("line-break-hyphen: joins words broken across a space or a line", "[rule][line-break-hyphen]") {
  CHECK(fix("the inter- national meeting\n", {"line-break-hyphen"}) == "the international meeting\n");
  CHECK(fix("the gov-\nernment said\n", {"line-break-hyphen"}) == "the government said\n");
  CHECK(fix("the gov-\n   ernment said\n", {"line-break-hyphen"}) == "the government said\n");
  CHECK(fix("a well- known fact\n", {"line-break-hyphen"}) == "a well-known fact\n");
  CHECK(fix("the inter\xC2\xAD\nnational desk\n", {"line-break-hyphen"}) == "the international desk\n");
}

TEST_CASE("line-break-hyphen: compounds, suspended hyphens and dashes stay", "[rule][line-break-hyphen]") {
  for (std::string_view text : {
           "a state-of-the-art tool\n",
           "first- and second-year students\n",
           "He was- he said- tired\n",
           "Smith-\nJones arrived\n",
       }) {
    INFO(text);
    CHECK(fix(text, {"line-break-hyphen"}) == text);
  }
}

TEST_CASE("mojibake: repairs UTF-8 read as Windows-1252", "[rule][mojibake]") {
  CHECK(fix("donâ€™t go to the cafÃ© â€“ now\n", {"mojibake"}) == "don’t go to the café – now\n");
  CHECK(fix("â€œquotedâ€\xC2\x9D\n", {"mojibake"}) == "“quoted”\n");
  CHECK(fix("SkarvÃ¸y\n", {"mojibake"}) == "Skarvøy\n");
}

TEST_CASE("mojibake: real accented text stays", "[rule][mojibake]") {
  for (std::string_view text :
       {"naïve café in Zürich and São Paulo, ÉTÉ\n", "“Quoted” — dashes – and ’apostrophes’\n", "Æsop’s Œuvre ß\n"}) {
    INFO(text);
    CHECK(fix(text, {"mojibake"}) == text);
  }
}

TEST_CASE("repeated-word: canonically equivalent spellings are the same word", "[rule][repeated-word]") {
  CHECK(fix("the caf\xC3\xA9 cafe\xCC\x81 round the corner\n", {"repeated-word"}) ==
        "the caf\xC3\xA9 round the corner\n");
}

TEST_CASE("technical writing: lines of code stay whole, prose-only rules stay out", "[rule][technical]") {
  // Marks of code (a_b, a=b, ${x}, {}) make the document technical.
  const std::string marks = "Set LOG_LEVEL=debug and ${HOME}/bin {a,b}.\n\n";
  for (const std::string& text : {
           marks + "  $ cp -rl dir dir\n",                      // a command line: its repeat is meant
           marks + "Use tail -f log | grep x now.\n",           // a pipe, not a stray symbol
           marks + "Fix gpg,gpgsm and scd,openpgp.\n",          // component lists
           marks + "Moved to the backend. sd-event is new.\n",  // a command's name starts the sentence
           marks + ".. image:: logo.png\n",
           marks + "Ignore the x coordinate of the point.\n",         // a variable, not a stray letter
           marks + "It expands ~user and HEAD^ now.\n",               // symbols that belong to their words
           marks + "Pick one of [ arch base32 ] as before.\n",        // a list, not bracket spacing
           marks + "A line that begins with \"From \" is quoted.\n",  // a literal string's space
           marks + "Run it as before ;; and then go.\n",              // a shell case's end
           marks + "Results  are  aligned  in  columns.\n",           // layout
       }) {
    INFO(text);
    CHECK(fix(text, {"repeated-word", "missing-space", "stray-symbol", "spurious-period", "doubled-punct",
                     "stray-letter", "glued-symbol", "bracket-spacing", "quote-spacing", "multiple-spaces"}) == text);
  }
  // The same rules still repair prose.
  CHECK(fix("We saw the the dog | today,then left.\n", {"repeated-word", "missing-space", "stray-symbol"}) ==
        "We saw the dog today, then left.\n");
  // Prose lines of a technical document keep the rules that are safe there.
  CHECK(fix(marks + "It was the the best.\n", {"repeated-word"}) == marks + "It was the best.\n");
}
