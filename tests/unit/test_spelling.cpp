#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <memory>
#include <random>
#include <unordered_set>

#include "helpers.hpp"
#include "spelling/candidates.hpp"
#include "spelling/error_model.hpp"
#include "spelling/speller.hpp"
#include "spelling/variants.hpp"
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

TEST_CASE("spelling: the unknown words of technical writing are its terms", "[rule][spelling]") {
  // Marks of code (a=b, $var, {}, snake_case) make the document technical:
  // "fsck", "setuid", "stdout" and "struct" stay, each a letter or two from
  // an English word.
  const std::string technical =
      "Run fsck on the volume, then setuid the helper.\n\n"
      "Set LOG_LEVEL=debug and ${HOME}/bin {a,b} to print to stdout from a struct.\n";
  CHECK(fix(technical, {"spelling"}) == technical);
  // Without a mark of code, the model takes such a word for a typo.
  CHECK(fix("Then setuid the helper.\n", {"spelling"}) != "Then setuid the helper.\n");
  // Technical writing keeps the plainest slips of the commonest words.
  CHECK(fix("Read teh manual.\n\nSet A_B=1 and ${X} {y}.\n", {"spelling"}) ==
        "Read the manual.\n\nSet A_B=1 and ${X} {y}.\n");
}

TEST_CASE("spelling: no vowel, or a short word two edits away, is a term", "[rule][spelling]") {
  for (std::string_view text : {
           "Build it from the src folder with gcc.\n",
           "The hdd was full.\n",
           "It ships with yacc and hppa support.\n",
       }) {
    INFO(text);
    CHECK(fix(text, {"spelling"}) == text);
  }
}

TEST_CASE("spelling: a run of letters longer than any word is no word to check", "[rule][spelling]") {
  // Its variants once took seconds to work out (the square of its length).
  const std::string text = "Start " + std::string(40000, 'a') + " end.\n";
  CHECK(count(text, {"spelling"}) == 0);
  CHECK(count("Start " + std::string(60, 'a') + " end.\n", {"spelling"}) == 1);
}

TEST_CASE("spelling: the other variety's spellings of a word", "[spelling]") {
  const std::vector<std::string> colour = spelling::variant_spellings("colour");
  CHECK(std::find(colour.begin(), colour.end(), "color") != colour.end());
  // Only where a correspondence matches: never the word itself, nothing
  // for a word none matches.
  CHECK(std::find(colour.begin(), colour.end(), "colour") == colour.end());
  CHECK(spelling::variant_spellings("bxkq").empty());
}

TEST_CASE("spelling: a word the document repeats is its own vocabulary", "[rule][spelling]") {
  const std::string text = "The tokamak heats plasma. Each tokamak is large.\n";
  CHECK(fix(text, {"spelling"}) == text);
}

TEST_CASE("spelling: compounds, derived words and the other variety stay", "[rule][spelling]") {
  for (std::string_view text :
       {"They rehash a wornout idiom.\n", "The post was officered by veterans.\n",
        "The town centre has a theatre and colour.\n", "It's huntin' season.\n", "A sort of post-mortem formality.\n",
        // A whole word and two letters more is no slip ("mix" + "up").
        "There was a mixup at the station.\n",
        // A lower-case word is no slip of a name ("alia" is no "Asia").
        "Each order shall specify, inter alia, the services.\n"}) {
    INFO(text);
    CHECK(fix(text, {"spelling"}) == text);
  }
}

TEST_CASE("spelling: a line that looks like code keeps its words, even in prose", "[rule][spelling]") {
  // Two marks are too few to call the text technical writing, but the
  // line shows its own ("`cron`").
  const std::string text = "It is a small tool.\n\n- Runs happily from `cron` or a systemd timer\n";
  CHECK(fix(text, {"spelling"}) == text);
  // A plain line's slips are mended as before.
  CHECK(fix("It is a small tool.\n\n- Runs happily from cron or a systme timer\n", {"spelling"}) ==
        "It is a small tool.\n\n- Runs happily from cron or a system timer\n");
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
  CHECK(spelling::edit_distance("abcd", "abc", 2) == 1);
  CHECK(spelling::edit_distance("ab", "", 2) == 2);
  CHECK(spelling::edit_distance("", "abc", 2) == 3);  // past the limit: limit + 1
  CHECK(spelling::edit_distance("abcdef", "badcfe", 3) == 3);
}

TEST_CASE("spelling: the candidate index finds exactly the words within two edits", "[spelling]") {
  // Against a search of the whole word list, for typos made from listed
  // words by one or two random edits (deterministic).
  const spelling::LanguageModel& model = testing_helpers::language_model();
  const spelling::CandidateIndex index(model);
  auto indexed = [](std::string_view w) {
    return w.size() >= 2 && w.size() <= 24 &&
           std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '\''; });
  };
  std::mt19937 random(2024);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  const std::string letters = "abcdefghijklmnopqrstuvwxyz";
  for (int t = 0; t < 40; ++t) {
    std::string typo(model.key(static_cast<spelling::LanguageModel::Id>(pick(model.size()))));
    const int edits = 1 + static_cast<int>(pick(2));
    for (int e = 0; e < edits && typo.size() > 2; ++e) {
      const std::size_t at = pick(typo.size());
      switch (pick(4)) {
        case 0:
          typo[at] = letters[pick(26)];
          break;
        case 1:
          typo.erase(at, 1);
          break;
        case 2:
          typo.insert(at, 1, letters[pick(26)]);
          break;
        default:
          if (at + 1 < typo.size()) std::swap(typo[at], typo[at + 1]);
      }
    }
    std::vector<spelling::LanguageModel::Id> expected;
    for (spelling::LanguageModel::Id id = 0; id < static_cast<spelling::LanguageModel::Id>(model.size()); ++id)
      if (indexed(model.key(id)) && spelling::edit_distance(typo, model.key(id), 2) <= 2) expected.push_back(id);
    INFO(typo);
    CHECK(index.near(typo) == expected);
  }
  CHECK(index.near(std::string(27, 'a')).empty());  // longer than any word plus two
}

TEST_CASE("spelling: known() answers the same from its cache as the first time", "[spelling]") {
  // More words than the cache has sets, fewer than it has room for, asked
  // in shuffled orders: hits in every way of a set, words moved to the
  // front, and evictions. Half are listed words (some capitalized, as the
  // text has them), half made up.
  const spelling::LanguageModel& model = testing_helpers::language_model();
  const spelling::Speller speller(testing_helpers::lexicon(), model, std::nullopt);
  std::vector<std::string> words;
  std::mt19937 random(99);
  for (spelling::LanguageModel::Id id = 0; id < 5000; ++id) {
    words.emplace_back(model.word(id));
    std::string made_up(model.key(id));
    for (char& c : made_up) c = static_cast<char>('a' + random() % 26);
    words.push_back(made_up + "q");
  }
  std::vector<int> first;
  for (const auto& w : words) first.push_back(speller.known(w) ? 1 : 0);
  std::vector<std::size_t> order(words.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::size_t wrong = 0;
  for (int round = 0; round < 4; ++round) {
    std::shuffle(order.begin(), order.end(), random);
    for (const std::size_t i : order)
      if ((speller.known(words[i]) ? 1 : 0) != first[i]) ++wrong;
  }
  CHECK(wrong == 0);
  CHECK(speller.known("government"));
  CHECK_FALSE(speller.known("govermentq"));
}

TEST_CASE("spelling: the language model keeps the list's spelling of a word", "[spelling]") {
  const spelling::LanguageModel& model = testing_helpers::language_model();
  const spelling::LanguageModel::Id monday = model.id("monday");
  REQUIRE(monday != spelling::LanguageModel::kNone);
  CHECK(model.key(monday) == "monday");
  CHECK(model.word(monday) == "Monday");
  const spelling::LanguageModel::Id the = model.id("the");
  REQUIRE(the != spelling::LanguageModel::kNone);
  CHECK(model.word(the) == "the");
  CHECK(model.id("Monday") == spelling::LanguageModel::kNone);  // keys are lower case
  CHECK(model.log_frequency(the) > model.log_frequency(monday));
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

namespace {

// The words DocumentWords keeps, read the plain way: a run of ASCII
// letters with apostrophes (' or ’) between letters, kept with three
// letters or more unless a digit, "_" or a non-ASCII byte follows it, in
// which case the run of letters, digits and non-ASCII bytes it starts is
// passed over.
std::vector<std::string> kept_words(const std::string& t) {
  auto letter = [&](std::size_t i) { return i < t.size() && std::isalpha(static_cast<unsigned char>(t[i])) != 0; };
  auto high = [&](std::size_t i) { return static_cast<unsigned char>(t[i]) >= 0x80; };
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < t.size()) {
    if (!letter(i)) {
      ++i;
      continue;
    }
    std::string word;
    int letters = 0;
    for (;;) {
      if (letter(i)) {
        word += t[i++];
        ++letters;
      } else if (t.compare(i, 1, "'") == 0 && letter(i + 1)) {
        word += t[i++];
      } else if (t.compare(i, 3, "\xE2\x80\x99") == 0 && letter(i + 3)) {
        word += t.substr(i, 3);
        i += 3;
      } else {
        break;
      }
    }
    const bool blocked = i < t.size() && (high(i) || std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == '_');
    if (!blocked && letters >= 3) words.push_back(word);
    while (i < t.size() && (std::isalnum(static_cast<unsigned char>(t[i])) != 0 || high(i))) ++i;
  }
  return words;
}

}  // namespace

TEST_CASE("document-words: the words fingerprinted are those of a plain reading, on random texts", "[spelling]") {
  // Long enough to be read 64 bytes at a time: words across block edges,
  // longer than a block, next to curly apostrophes and accented letters,
  // and the text's end inside the last block.
  std::vector<std::string> alphabet = {"'", "\xE2\x80\x99", "\xC3\xA9", "0", "7", "_", " ", " ", ".", ",", "\n", "-"};
  for (char c = 'a'; c <= 'z'; ++c) alphabet.push_back(std::string(1, c));
  for (char c = 'A'; c <= 'F'; ++c) alphabet.push_back(std::string(1, c));
  int n = 0;
  testing_helpers::for_random_texts(alphabet, 99, 3000, 500, [&n](std::string text) {
    if (n % 10 == 0) text.insert(text.size() / 2, std::string(70 + n % 20, 'x'));  // a word longer than a block
    ++n;
    std::vector<std::uint64_t> expected;
    for (const std::string& w : kept_words(text)) expected.push_back(word_fingerprint(w));
    std::vector<std::uint64_t> got;
    DocumentWords::fingerprints(text, got);
    INFO("text: " << text);
    REQUIRE(got == expected);
  });
}

TEST_CASE("a paragraph in another language in Latin letters is not read as English", "[rule][spelling][stray-letter]") {
  // Most of its lower-case words are unknown: no typos of English, and its
  // one-letter words and doubled words are its own.
  for (std::string_view text : {
           "Het was een mooie dag en wij gingen naar de markt om groenten te kopen.\n",
           "Il gatto e il cane dormono insieme sul divano, e poi mangiano.\n",
           "Come stai? Così così, grazie, e tu come stai oggi?\n",
       }) {
    INFO(text);
    CHECK(fix(text, {"spelling", "stray-letter", "repeated-word"}) == text);
  }
  // English with a typo or two is still English.
  CHECK(fix("The comittee met on Tuesday and the the vote was held in the hall.\n", {"spelling", "repeated-word"}) ==
        "The committee met on Tuesday and the vote was held in the hall.\n");
}
