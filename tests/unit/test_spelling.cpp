#include <catch2/catch.hpp>

#include <memory>
#include <unordered_set>

#include "helpers.hpp"
#include "spelling/candidates.hpp"
#include "spelling/error_model.hpp"
#include "spelling/speller.hpp"
#include "text/document_words.hpp"

using namespace textmend;
using testing_helpers::count;
using testing_helpers::fix;

TEST_CASE("spelling: corrects clear typos", "[rule][spelling]") {
  CHECK(fix("We did not recieve the letter from the goverment.\n", {"spelling"}) ==
        "We did not receive the letter from the government.\n");
  CHECK(fix("It will definately rain.\n", {"spelling"}) == "It will definitely rain.\n");
}

TEST_CASE("spelling: splits a word run into a small function word", "[rule][spelling]") {
  CHECK(fix("He ran fromthe house.\n", {"spelling"}) == "He ran from the house.\n");
  CHECK(fix("He is one ofthe best.\n", {"spelling"}) == "He is one of the best.\n");
}

TEST_CASE("spelling: keeps the case of the original", "[rule][spelling]") {
  CHECK(fix("Recieve the parcel today.\n", {"spelling"}) == "Receive the parcel today.\n");
}

TEST_CASE("spelling: never touches names, acronyms, code or addresses", "[rule][spelling]") {
  for (std::string_view text : {
           "Secretary Blinken met Minister Lavrov in Kiev.\n",
           "The OSCE and NATO met; the UNHCR did not.\n",
           "Call getUserNmae or read_confg in `cfg.ymal` now.\n",
           "See https://exmaple.org/recieve and mail bob@exmaple.com now.\n",
           "Tag #recieve and ping @goverment about /usr/lib/libfoo.\n",
           "The 2nd and 3rd versions, v2beta and x86, ran.\n",
       }) {
    INFO(text);
    CHECK(fix(text, {"spelling"}) == text);
  }
}

TEST_CASE("spelling: a word the document repeats is its own vocabulary", "[rule][spelling]") {
  const std::string text = "The tokamak heats plasma. Each tokamak is large.\n";
  CHECK(fix(text, {"spelling"}) == text);
}

TEST_CASE("spelling: compounds, derived words and the other variety stay", "[rule][spelling]") {
  for (std::string_view text : {"They rehash a wornout idiom.\n", "The post was officered by veterans.\n",
                                "The town centre has a theatre and colour.\n", "It's huntin' season.\n",
                                "A sort of post-mortem formality.\n"}) {
    INFO(text);
    CHECK(fix(text, {"spelling"}) == text);
  }
}

TEST_CASE("spelling: an ambiguous word is reported, not changed", "[rule][spelling]") {
  const std::string text = "The trane was late.\n";  // train? trance? trade? tree?
  CHECK(fix(text, {"spelling"}) == text);
  CHECK(count(text, {"spelling"}) == 1);
}

TEST_CASE("spelling: the personal dictionary is never corrected", "[rule][spelling]") {
  Settings settings;
  settings.personal_words =
      std::make_shared<const std::unordered_set<std::string>>(std::unordered_set<std::string>{"recieve"});
  CHECK(fix("We did not recieve it.\n", {"spelling"}, settings) == "We did not recieve it.\n");
}

TEST_CASE("spelling: the error model prefers common slips", "[spelling]") {
  using spelling::typing_cost;
  CHECK(typing_cost("recieve", "receive") < typing_cost("recieve", "relieve"));
  CHECK(typing_cost("labbel", "label") < 1.0);
  CHECK(typing_cost("mznager", "manager") < typing_cost("mxnager", "manager") + 1e-9);
  CHECK(typing_cost("gerenations", "generations") < 2.0);
  CHECK(typing_cost("xecieve", "receive") > typing_cost("recieve", "receive"));
  CHECK(spelling::keyboard_neighbours('a', 's'));
  CHECK(spelling::keyboard_neighbours('z', 's'));
  CHECK_FALSE(spelling::keyboard_neighbours('a', 'p'));
  CHECK(spelling::edit_distance("kitten", "sitting", 3) == 3);
  CHECK(spelling::edit_distance("abcd", "abdc", 2) == 1);
}

TEST_CASE("spelling: candidates reach every word within two edits", "[spelling]") {
  const auto& speller = testing_helpers::speller();
  auto has = [&](std::string_view typo, std::string_view word) {
    for (const auto& s : speller.suggest(typo).suggestions)
      if (s.text == word) return true;
    return false;
  };
  CHECK(has("comitee", "committee"));   // two letters left out
  CHECK(has("somthign", "something"));  // one left out, two swapped
  CHECK(has("teh", "the"));
  CHECK(has("ofthe", "of the"));
}

TEST_CASE("document-words: recurring words, as of each paragraph", "[spelling]") {
  DocumentWords words;
  words.add("The zorblax met.", 0);
  words.add("Another zorblax came.", 1);
  words.add("ZORBLAX twice: zorblax.", 2);
  CHECK_FALSE(words.recurring("zorblax", 0));
  CHECK(words.recurring("zorblax", 1));
  CHECK(words.recurring("Zorblax", 5));
  CHECK_FALSE(words.recurring("met", 9));
}
