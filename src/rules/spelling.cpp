// Typos: words Hunspell and the frequency list do not know, corrected only
// when one candidate is clearly likelier than the rest and than the word
// being right as it stands.
#include <array>
#include <memory>

#include "core/ascii.hpp"
#include "core/word_list.hpp"
#include "rules/registry.hpp"
#include "rules/rule_util.hpp"
#include "spelling/speller.hpp"
#include "text/protect.hpp"

namespace textmend {
namespace {

using spelling::LanguageModel;

const RuleInfo kSpelling{"spelling",
                         Kind::spelling,
                         true,
                         "Corrects misspelled words (recieve, goverment, ofthe) when one correction is clearly "
                         "likeliest; names, terms, acronyms and code are left alone.",
                         "we did not recieve teh letter",
                         "we did not receive the letter",
                         true};

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";
constexpr std::size_t kMinLetters = 3;
// Longer than any English word ("pneumonoultramicroscopicsilicovolcanoconiosis"
// has 45 letters): no typo of one, and the variety check's work grows with
// the square of a word's length (a 40 KB run of letters took seconds).
constexpr std::size_t kMaxBytes = 64;
constexpr std::size_t kShownSuggestions = 5;
// A capitalized word at a sentence start may be a name seen once: the
// correction must be this much (log10) likelier still.
constexpr double kNameBias = 0.5;
// In technical writing most unknown words are names of commands, functions,
// options and formats ("fsck", "mmap", "stdout", "setuid"), each a letter
// or two from an English word ("fuck", "map", "stout", "stupid"): a
// correction there must be this much (log10) likelier than the word.
constexpr double kTechnicalBias = 7.0;

// Letters and apostrophes only, three or more letters, no capital after the
// first letter (ALL-CAPS acronyms, CamelCase and McName stay).
bool checkable(std::string_view w) {
  std::size_t letters = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (ascii::is_alpha(c)) {
      if (i > 0 && ascii::is_upper(c)) return false;
      ++letters;
    } else if (c == '\'') {
      continue;
    } else if (w.compare(i, 3, kCurlyApostrophe) == 0) {
      i += 2;
    } else {
      return false;
    }
  }
  return letters >= kMinLetters;
}

// No a, e, i, o, u or y: an abbreviation or a name of code, which no
// English word is; a typo of one keeps a vowel nearly always.
bool no_vowel(std::string_view w) { return w.find_first_of("aeiouyAEIOUY") == std::string_view::npos; }

std::string key_of(std::string_view w) {
  std::string out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w.compare(i, 3, kCurlyApostrophe) == 0) {
      out += '\'';
      i += 2;
    } else {
      out += ascii::to_lower(w[i]);
    }
  }
  return out;
}

// The correction written like the original: its capital, its apostrophe.
std::string styled_like(std::string_view original, std::string_view text, std::string_view listed) {
  std::string out(listed.find(' ') == std::string_view::npos && listed.size() == text.size() ? listed : text);
  if (ascii::is_upper(original[0])) out[0] = ascii::to_upper(out[0]);
  if (original.find(kCurlyApostrophe) != std::string_view::npos) {
    std::string curly;
    for (const char c : out) curly += c == '\'' ? std::string(kCurlyApostrophe) : std::string(1, c);
    out = curly;
  }
  return out;
}

class Spelling final : public Rule {
 public:
  Spelling() : Rule(kSpelling) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    const spelling::Speller* speller = doc.speller();
    if (speller == nullptr) return;
    thread_local std::vector<std::size_t> suspects;  // unknown words to correct, if the paragraph is English
    suspects.clear();
    std::size_t unknown_lower = 0;  // lower-case words the speller does not know
    for (const std::size_t i : doc.words()) {
      const std::string_view w = doc.str(i);
      // Too short to hold kMinLetters letters, so never checkable: a third
      // of the words of English prose ("a", "of", "to") skip the lookup.
      if (w.size() < kMinLetters || w.size() > kMaxBytes) continue;
      const bool capital = ascii::is_upper(w[0]);
      if (!capital) {
        // Most words are known, and known() answers the common ones from
        // a cache: ask it before walking the letters.
        if (speller->known(w)) continue;
        ++unknown_lower;
        if (!checkable(w)) continue;
      } else {
        // A capitalized word mid-sentence is left alone, known or not (a
        // name): decided before the dictionary lookup, which costs more.
        if (!checkable(w) || !sentence_start(doc, i) || speller->known(w)) continue;
      }
      // Cheapest reasons to leave an unknown word alone first.
      if (doc.is_protected(i) || doc.settings().personal(w)) continue;
      if (half_of_broken_word(doc, i)) continue;         // line-break-hyphen's to join
      if (elided(doc, i)) continue;                      // "huntin'", "gallivantin’"
      if (in_compound(doc, i)) continue;                 // "post-mortem": Hunspell knows the whole, not the part
      if (doc.recurring(w)) continue;                    // the document's own word
      if (no_vowel(w)) continue;                         // "src", "hdd", "fsck": an abbreviation
      if (contraction(w, *speller)) continue;            // "this'd", "Smith'll"
      if (foreign_context(doc, i)) continue;             // "Italian contadini", "De La boite"
      if (speller->known_in_other_variety(w)) continue;  // "centre" in American text is a choice
      suspects.push_back(i);
    }
    if (suspects.empty()) return;
    // Dutch, Polish, Italian: no typos of English. It takes three unknown
    // words, so most paragraphs with a typo or two are not asked.
    if (unknown_lower >= 3 && doc.mostly_unknown_words()) return;
    for (const std::size_t i : suspects) propose_corrections(doc, i, ascii::is_upper(doc.str(i)[0]), *speller, out);
  }

 private:
  void propose_corrections(const Document& doc, std::size_t i, bool capital, const spelling::Speller& speller,
                           std::vector<Finding>& out) const {
    const std::string_view w = doc.str(i);
    const std::string key = key_of(w);
    if (doc.settings().personal(key)) return;
    const spelling::WordInfo& info = speller.suggest(key);
    Finding f = make(Span{doc[i].begin, doc[i].end}, "unknown word '" + std::string(w) + "'");
    if (!info.suggestions.empty()) {
      const auto ranked =
          speller.rank(info.suggestions, neighbour(doc, i, -1, speller.model()), neighbour(doc, i, +1, speller.model()),
                       info.keep_bias + (capital ? kNameBias : 0) + (among_code(doc, i) ? kTechnicalBias : 0));
      for (const spelling::Scored& s : ranked) {
        if (f.candidates.size() >= kShownSuggestions) break;
        if (s.suggestion == nullptr) continue;  // leaving it is no candidate edit
        // A capitalized word near a proper noun ("Juras", "Judas") is a
        // name spelled another way, not a typo.
        if (capital && ascii::is_upper(speller.model().word(s.suggestion->first)[0])) continue;
        // Nor is a lower-case word a name's slip: a typist who misses a
        // letter of "Asia" still types its capital ("inter alia" stays).
        if (!capital && ascii::is_upper(speller.model().word(s.suggestion->first)[0]) &&
            s.suggestion->first == s.suggestion->last)
          continue;
        const LanguageModel::Id id = s.suggestion->first;
        const std::string_view listed =
            s.suggestion->first == s.suggestion->last ? speller.model().word(id) : std::string_view(s.suggestion->text);
        f.candidates.push_back(Candidate{styled_like(w, s.suggestion->text, listed), s.probability});
      }
      f.message = "misspelled word '" + std::string(w) + "'";
    }
    out.push_back(std::move(f));
  }

  // In technical writing, or on a line that looks like code or a command
  // ("Runs from `cron` or a systemd timer"): a stream judges its first
  // paragraphs before it knows what kind of text it is, but a line shows
  // its own marks.
  static bool among_code(const Document& doc, std::size_t i) {
    if (doc.technical()) return true;
    // A paragraph on one line is one line: asked once, not for each typo.
    thread_local std::uint64_t serial = ~std::uint64_t{0};
    thread_local const char* line_start = nullptr;
    thread_local bool code = false;
    const std::string_view line = line_of(doc, i);
    if (serial != doc.serial() || line_start != line.data()) {
      serial = doc.serial();
      line_start = line.data();
      code = looks_like_code(line);
    }
    return code;
  }

  // The word `step` tokens away across one space, as a model id; none past
  // punctuation or a line break (a sentence boundary breaks the context).
  static LanguageModel::Id neighbour(const Document& doc, std::size_t i, int step, const LanguageModel& model) {
    const std::size_t gap = step < 0 ? i - 1 : i + 1;
    const std::size_t word = step < 0 ? i - 2 : i + 2;
    if (i < 2 && step < 0) return LanguageModel::kNone;
    if (!doc.is_single_space(gap) || !doc.is_word(word)) return LanguageModel::kNone;
    return model.id(key_of(doc.str(word)));
  }

  // A word after a language's name, or beside a French, Spanish, Italian or
  // German article or preposition, is likely a foreign word quoted as such.
  static bool foreign_context(const Document& doc, std::size_t i) {
    static constexpr std::array<std::string_view, 12> kLanguages = {"french",  "italian", "latin",      "german",
                                                                    "spanish", "greek",   "portuguese", "dutch",
                                                                    "russian", "yiddish", "hebrew",     "arabic"};
    static constexpr std::array<std::string_view, 20> kForeign = {"de",  "la",  "le",  "les", "des", "du",  "el",
                                                                  "los", "las", "il",  "lo",  "di",  "del", "della",
                                                                  "der", "die", "das", "und", "von", "et"};
    const std::size_t before = i >= 2 && doc.is_single_space(i - 1) && doc.is_word(i - 2) ? i - 2 : Document::npos;
    const std::size_t after = doc.is_single_space(i + 1) && doc.is_word(i + 2) ? i + 2 : Document::npos;
    auto lower = [&](std::size_t k) { return k == Document::npos ? std::string() : ascii::lower(doc.str(k)); };
    const std::string b = lower(before);
    const std::string a = lower(after);
    return one_of(b, kLanguages) || one_of(b, kForeign) || one_of(a, kForeign);
  }

  static bool in_compound(const Document& doc, std::size_t i) {
    const bool before = i > 0 && doc.str(i - 1) == "-" && doc[i - 1].end == doc[i].begin;
    const bool after = i + 1 < doc.size() && doc.str(i + 1) == "-" && doc[i + 1].begin == doc[i].end &&
                       i + 2 < doc.size() && doc.is_word(i + 2);
    return before || after;
  }

  // A known word with a contraction ending: 'd 'll 've 're 's 'm.
  static bool contraction(std::string_view w, const spelling::Speller& speller) {
    const std::string key = key_of(w);
    const std::size_t apostrophe = key.rfind('\'');
    if (apostrophe == std::string::npos || apostrophe == 0) return false;
    const std::string_view ending = std::string_view(key).substr(apostrophe + 1);
    if (ending != "d" && ending != "ll" && ending != "ve" && ending != "re" && ending != "s" && ending != "m")
      return false;
    return speller.known(std::string_view(key).substr(0, apostrophe));
  }

  // A dropped letter shown by an apostrophe right after the word.
  static bool elided(const Document& doc, std::size_t i) {
    if (i + 1 >= doc.size() || doc[i + 1].begin != doc[i].end) return false;
    const std::string_view next = doc.str(i + 1);
    return next == "'" || next == "\xE2\x80\x99";
  }

  // "inter- national", "gov-" + newline + "ernment": each half is no word,
  // and the hyphenation rule joins them.
  static bool half_of_broken_word(const Document& doc, std::size_t i) {
    auto hyphen = [&](std::size_t k) {
      const std::string_view s = doc.str(k);
      return s == "-" || s == "\xC2\xAC" || s == "\xE2\x80\x90";
    };
    auto gap = [&](std::size_t k) { return doc.is(k, TokenType::space) || doc.is(k, TokenType::newline); };
    if (i + 2 < doc.size() && hyphen(i + 1) && gap(i + 2)) return true;
    if (doc.str(i).ends_with("\xC2\xAD")) return true;
    std::size_t k = i;
    while (k > 0 && gap(k - 1)) --k;
    return k != i && k >= 2 && hyphen(k - 1) && doc.is_word(k - 2);
  }

  // At a paragraph start, or after . ? ! (and an opening quote).
  static bool sentence_start(const Document& doc, std::size_t i) {
    std::size_t p = doc.prev_solid(i);
    while (p != Document::npos && (doc.str(p) == "\"" || doc.str(p) == "\xE2\x80\x9C" || doc.str(p) == "("))
      p = doc.prev_solid(p);
    if (p == Document::npos) return true;
    const char c = punct_char(doc, p);
    if (c == '.' && p > 0 && doc.is_word(p - 1) && abbreviations().contains(doc.str(p - 1)))
      return false;  // "Mr. Smith"
    return c == '.' || c == '?' || c == '!' || c == ':';
  }
};

}  // namespace

void add_spelling_rules(RuleList& rules) { rules.push_back(std::make_unique<Spelling>()); }

}  // namespace textmend
