#include <catch2/catch.hpp>

#include "helpers.hpp"

using testing_helpers::count;
using testing_helpers::decisions;
using testing_helpers::fix;

namespace {
// Sentence starts that show the text capitalizes them.
const std::string kPrelude = "The council met. It voted. Then it rose.\n\n";
}  // namespace

TEST_CASE("spurious-period: removes a period before a lower-case word", "[rule][spurious-period]") {
  CHECK(fix(kPrelude + "Talks began at a time of crisis. tensions over the border.\n", {"spurious-period"}) ==
        kPrelude + "Talks began at a time of crisis tensions over the border.\n");
  CHECK(fix(kPrelude + "After signing a. motion-picture contract, she left.\n", {"spurious-period"}) ==
        kPrelude + "After signing a motion-picture contract, she left.\n");
}

TEST_CASE("spurious-period: abbreviations, initials, numbers and URLs stay", "[rule][spurious-period]") {
  for (std::string_view text : {
           kPrelude + "We met e.g. the mayor and Mr. smith at 5 p.m. today.\n",
           kPrelude + "The U.S. government and J. edgar spoke.\n",
           kPrelude + "Version 3.5 and example.com are fine... and so on.\n",
           kPrelude + "It was 5 in. long and the town of Galena, Ill. agreed.\n",
       }) {
    INFO(text);
    CHECK(fix(text, {"spurious-period"}) == text);
  }
}

TEST_CASE("spurious-period: a list item's number is no sentence end", "[rule][spurious-period]") {
  for (std::string_view text : {
           kPrelude + "The rights are:\n  i. the right to copy;\n ii. moral rights;\niii. publicity rights.\n",
           kPrelude + "Steps:\n a. remove the cover\n b. lift the panel\nxiv. close it\n",
       }) {
    INFO(text);
    CHECK(fix(text, {"spurious-period"}) == text);
  }
  // The same word ending a sentence mid-line, or a word at a line start
  // that numbers nothing, is still read as damage.
  CHECK(fix(kPrelude + "It was a time of crisis. tensions rose.\n", {"spurious-period"}) ==
        kPrelude + "It was a time of crisis tensions rose.\n");
  CHECK(fix(kPrelude + "It was a time of\ncrisis. tensions rose.\n", {"spurious-period"}) ==
        kPrelude + "It was a time of\ncrisis tensions rose.\n");
}

TEST_CASE("spurious-period: a new sentence after the period gets its capital", "[rule][spurious-period]") {
  CHECK(fix(kPrelude + "The vote was close. it was decided by one vote.\n", {"spurious-period"}) ==
        kPrelude + "The vote was close. It was decided by one vote.\n");
  CHECK(fix(kPrelude + "The shop closed early. we went home.\n", {"spurious-period"}) ==
        kPrelude + "The shop closed early. We went home.\n");
}

TEST_CASE("spurious-period: an unknown lower-case word after the period is only reported", "[rule][spurious-period]") {
  const std::string text = kPrelude + "Run the installer first. npm handles the rest.\n";
  CHECK(fix(text, {"spurious-period"}) == text);
  CHECK(count(text, {"spurious-period"}) == 1);
}

TEST_CASE("spurious-period: a text that never capitalizes is left alone", "[rule][spurious-period]") {
  const std::string text = "we met. then we left. it was fine. nobody minded.\n";
  CHECK(fix(text, {"spurious-period"}) == text);
}

TEST_CASE("space-before-punct: removes a space before a mark", "[rule][space-before-punct]") {
  CHECK(fix("The report , he said , was late .\n", {"space-before-punct"}) == "The report, he said, was late.\n");
  CHECK(fix("Is it ready ? Yes !\n", {"space-before-punct"}) == "Is it ready? Yes!\n");
  CHECK(fix("first ,second\n", {"space-before-punct"}) == "first, second\n");
}

TEST_CASE("space-before-punct: ellipses, smileys, .NET and decimals stay", "[rule][space-before-punct]") {
  for (std::string_view text : {"And so ... it went.\n", "Nice :) and :-( faces.\n", "We use .NET and .5 mm.\n"}) {
    INFO(text);
    CHECK(fix(text, {"space-before-punct"}) == text);
  }
}

TEST_CASE("doubled-punct: reduces a doubled mark", "[rule][doubled-punct]") {
  CHECK(fix("First,, second;; third.. Fourth:: fifth\n", {"doubled-punct"}) == "First, second; third. Fourth: fifth\n");
  // Two slips in one paragraph are two slips: no sentence goes on after them.
  CHECK(fix("5. Add the bay leaf..\n6. Cover and braise..\n", {"doubled-punct"}) ==
        "5. Add the bay leaf.\n6. Cover and braise.\n");
}

TEST_CASE("doubled-punct: ellipses, ?! and code stay", "[rule][doubled-punct]") {
  for (std::string_view text : {"Wait... what?!\n", "Use std::map here.\n", "Really?? Yes!!\n"}) {
    INFO(text);
    CHECK(fix(text, {"doubled-punct"}) == text);
  }
}

TEST_CASE("bracket-spacing: removes spaces just inside brackets", "[rule][bracket-spacing]") {
  CHECK(fix("See the notes ( page 4 ) and [ appendix ].\n", {"bracket-spacing"}) ==
        "See the notes (page 4) and [appendix].\n");
}

TEST_CASE("bracket-spacing: code calls, checkboxes, list markers and smileys stay", "[rule][bracket-spacing]") {
  for (std::string_view text :
       {"Call f( x ) now.\n", "- [ ] task\n- [ x ] done\n", "a ) first\nb ) second\n", "Fine : )\n",
        // A command's synopsis and a formula are notation.
        "Run bzip2 [ -cdfk ] on it.\n", "Run it [ -h|--help ] now.\n", "Give it [ filenames ... ] now.\n",
        "It needs 400 k + ( 8 x block size ) of memory.\n"}) {
    INFO(text);
    CHECK(fix(text, {"bracket-spacing"}) == text);
  }
}

TEST_CASE("spurious-period: confidence is reported on each decision", "[rule][spurious-period]") {
  const auto ds = decisions(kPrelude + "At a time of crisis. tensions rose.\n", {"spurious-period"});
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].applied());
  CHECK(ds[0].best()->confidence >= 0.8);
}
