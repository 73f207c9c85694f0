// Stray characters: lone letters and symbols left by OCR, PDF extraction or
// a slipped key, and symbols glued to a word.
#include <array>
#include <memory>

#include "core/ascii.hpp"
#include "core/word_list.hpp"
#include "rules/registry.hpp"
#include "rules/rule_util.hpp"

namespace textmend {
namespace {

const RuleInfo kStrayLetter{
    "stray-letter",
    Kind::stray,
    true,
    "Removes a lone lower-case letter that is no word in its context, or restores the M of a lost Mr.",
    "the t report",
    "the report",
    /*needs_dictionary=*/false,
    /*prose_only=*/true};

const RuleInfo kStraySymbol{"stray-symbol",
                            Kind::stray,
                            true,
                            "Removes a lone symbol (| ¬ • ~ ^ ¦ \\ _) standing between words.",
                            "the | report",
                            "the report",
                            /*needs_dictionary=*/false,
                            /*prose_only=*/true};

const RuleInfo kGluedSymbol{"glued-symbol",
                            Kind::stray,
                            true,
                            "Removes a stray symbol (| ¬ ^ ~ ¦) glued to the start or end of a word.",
                            "handed¬ the note",
                            "handed the note",
                            /*needs_dictionary=*/false,
                            /*prose_only=*/true};

// Words after which one letter is a name: "plan B", "vitamin c", "type a".
bool names_a_letter(std::string_view word) {
  static const std::array<std::string_view, 61> kWords = {
      "plan",     "vitamin",   "type",     "grade",    "letter",   "option",   "class",   "section", "part",
      "appendix", "exhibit",   "item",     "point",    "variable", "size",     "row",     "column",  "model",
      "group",    "step",      "phase",    "line",     "article",  "category", "level",   "drive",   "key",
      "chapter",  "figure",    "table",    "form",     "unit",     "block",    "wing",    "gate",    "terminal",
      "track",    "exit",      "route",    "division", "series",   "version",  "channel", "team",    "box",
      "room",     "floor",     "ward",     "rank",     "note",     "string",   "button",  "tab",     "shift",
      "press",    "hepatitis", "schedule", "platform", "pool",     "tier",     "let"};
  const std::string lower = ascii::lower(word);
  for (std::string_view w : kWords)
    if (lower == w) return true;
  return false;
}

// "don t", "it s", "I m", "you d": a contraction split by a lost apostrophe,
// not a stray letter.
bool splits_contraction(char letter, std::string_view prev) {
  const std::string p = ascii::lower(prev);
  auto any_of = [&](std::initializer_list<std::string_view> list) {
    for (std::string_view w : list)
      if (p == w) return true;
    return false;
  };
  switch (letter) {
    case 't':
      return any_of({"don", "can", "won", "isn", "aren", "didn", "doesn", "hadn", "hasn", "haven", "wasn", "weren",
                     "wouldn", "couldn", "shouldn", "ain", "mustn", "needn", "mightn"});
    case 's':
      return any_of({"it", "that", "what", "there", "here", "he", "she", "who", "let", "where", "how"});
    case 'd':
      return any_of({"i", "you", "he", "she", "we", "they", "it", "that", "who"});
    case 'm':
      return p == "i";
    default:
      return false;
  }
}

class StrayLetter final : public Rule {
 public:
  StrayLetter() : Rule(kStrayLetter) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    for (const std::size_t i : doc.words()) {
      if (i + 2 >= doc.size()) break;
      if (doc[i].size() != 1) continue;
      if (!is_lone_letter(doc, i) || !doc.is_single_space(i + 1) || !starts_word(doc, i + 2)) continue;
      const char letter = doc.text()[doc[i].begin];
      if (legit_here(doc, i, letter) || doc.is_protected(i)) continue;
      if (doc.mostly_unknown_words()) return;  // another language's one-letter words: Italian "e", Polish "w"
      const double conf = looks_like_notation(doc, i) ? confidence::kUnsure : 0.85;
      const DocStats& stats = doc.stats();
      if (letter == 'r' && starts_capitalized(doc.str(i + 2)) && stats.mister + stats.doctor > 0 &&
          !after_determiner(doc, i)) {
        // The M of "Mr" or the D of "Dr" was lost: restore the honorific the
        // document uses; when it uses both, the two tie and it is reported.
        // The name's own honorific decides ("Mr. Okafor" elsewhere).
        Finding f =
            make(Span{doc[i].begin, doc[i].end}, "lone 'r' before a name: the first letter of an honorific was lost");
        const std::uint8_t named = stats.honorifics_of(doc.str(i + 2));
        const bool mister = named != 0 ? (named & 1) != 0 : stats.mister > 0;
        const bool doctor = named != 0 ? (named & 2) != 0 : stats.doctor > 0;
        if (mister) f.candidates.push_back(Candidate{"Mr", conf});
        if (doctor) f.candidates.push_back(Candidate{"Dr", conf});
        out.push_back(std::move(f));
        continue;
      }
      propose(out, Span{doc[i].begin, doc[i + 2].begin}, "", conf,
              std::string("lone letter '") + letter + "' is no word here");
    }
  }

 private:
  static bool is_lone_letter(const Document& doc, std::size_t i) {
    if (!doc.is_word(i) || doc[i].size() != 1 || !after_gap(doc, i)) return false;
    const char c = doc.text()[doc[i].begin];
    return ascii::is_lower(c) && c != 'a' && c != 'i' && c != 'o';
  }

  static bool legit_here(const Document& doc, std::size_t i, char letter) {
    if (doc.str(i + 2).size() < 2) return true;  // "x y": letters naming things
    const std::size_t prev = doc.prev_solid(i);
    if (prev == Document::npos || doc.is(prev, TokenType::newline)) return false;
    if (doc.is(prev, TokenType::number)) return true;  // a unit: "5 m", "10 s"
    if (in_letter_list(doc, i)) return true;
    if (doc.is_word(prev)) {
      const std::string_view p = doc.str(prev);
      return p.size() == 1 || names_a_letter(p) || splits_contraction(letter, p);
    }
    const char p = doc.text()[doc[prev].begin];
    return std::string_view("=+-*/<>(").find(p) != std::string_view::npos;  // notation, "(b)"
  }

  // "the r Schuylkill": no honorific follows "the", so the r is a plain stray.
  static bool after_determiner(const Document& doc, std::size_t i) {
    static constexpr std::array<std::string_view, 14> kDeterminers = {
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your"};
    const std::size_t prev = doc.prev_solid(i);
    return prev != Document::npos && doc.is_word(prev) && one_of(ascii::lower(doc.str(prev)), kDeterminers);
  }

  // "a, b and c", "x or y": letters listed as names.
  static bool in_letter_list(const Document& doc, std::size_t i) {
    auto single = [&](std::size_t k) { return k != Document::npos && doc.is_word(k) && doc[k].size() == 1; };
    auto joiner = [&](std::size_t k) {
      return k != Document::npos && (is_char(doc, k, ',') || doc.is(k, "and") || doc.is(k, "or"));
    };
    const std::size_t before = doc.prev_solid(i);
    if (joiner(before) && single(doc.prev_solid(before))) return true;
    const std::size_t after = doc.next_solid(i);
    return joiner(after) && single(doc.next_solid(after));
  }

  // Another lone letter in the paragraph, or an equation, means letters
  // are names of things here ("x and y", "press y or n", "x = 3").
  static bool looks_like_notation(const Document& doc, std::size_t i) {
    if (doc.has('=')) return true;
    for (std::size_t j = 0; j < doc.size(); ++j)
      if (j != i && is_lone_letter(doc, j)) return true;
    return false;
  }
};

// The symbols OCR and PDF extraction leave between words.
constexpr std::array<std::string_view, 8> kLoneSymbols = {"|", "\xC2\xAC", "\xE2\x80\xA2", "~",
                                                          "^", "\xC2\xA6", "\\",           "_"};
// Their first bytes.
constexpr std::string_view kLoneSymbolLeads = "|\xC2\xE2~^\\_";
// Symbols that are never meant to stand alone in prose.
bool always_stray(std::string_view s) { return s == "\xC2\xAC" || s == "\xC2\xA6" || s == "\xE2\x80\xA2"; }

class StraySymbol final : public Rule {
 public:
  StraySymbol() : Rule(kStraySymbol) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    doc.each_starting_with(kLoneSymbolLeads, [&](std::size_t i) { check_at(doc, i, out); });
  }

 private:
  void check_at(const Document& doc, std::size_t i, std::vector<Finding>& out) const {
    if (i + 2 >= doc.size() || !doc.is(i, TokenType::punct) || !one_of(doc.str(i), kLoneSymbols)) return;
    const bool line_start = doc.at_line_start(i);
    if (!after_gap(doc, i)) return;  // glued on the left: not lone
    if (!doc.is_single_space(i + 1) || doc.is(i + 2, TokenType::newline) || doc.is(i + 2, TokenType::space)) return;
    if (!legit_position(doc, i, line_start) || doc.is_protected(i)) return;
    const double conf = always_stray(doc.str(i)) ? confidence::kHigh : 0.85;
    propose(out, Span{doc[i].begin, doc[i + 2].begin}, "", conf,
            "lone '" + std::string(doc.str(i)) + "' between words");
  }

  // False where the symbol has a job: a list bullet, "~5", a table or menu
  // with the same symbol repeated on the line.
  static bool legit_position(const Document& doc, std::size_t i, bool line_start) {
    const std::string_view sym = doc.str(i);
    if (line_start && sym == "\xE2\x80\xA2") return false;
    if (sym == "~" && doc.is(i + 2, TokenType::number)) return false;
    if (names_the_symbol(doc, i)) return false;
    return count_on_line(doc, i, sym) == 1;
  }

  // "with a | and the output": after an article and before a function word
  // the symbol is the thing being talked about.
  static bool names_the_symbol(const Document& doc, std::size_t i) {
    static constexpr std::array<std::string_view, 4> kArticles = {"a", "an", "the", "each"};
    const std::size_t prev = doc.prev_solid(i);
    const std::size_t next = doc.next_solid(i);
    return prev != Document::npos && next != Document::npos && doc.is_word(prev) &&
           one_of(ascii::lower(doc.str(prev)), kArticles) && doc.is_word(next) &&
           (function_words().contains(doc.str(next)) || one_of(doc.str(next), kArticles) ||
            one_of(doc.str(next), std::array<std::string_view, 6>{"is", "was", "in", "to", "for", "with"}));
  }
};

class GluedSymbol final : public Rule {
 public:
  GluedSymbol() : Rule(kGluedSymbol) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    doc.each_starting_with("|\xC2^~", [&](std::size_t i) { check_at(doc, i, out); });
  }

 private:
  void check_at(const Document& doc, std::size_t i, std::vector<Finding>& out) const {
    static constexpr std::array<std::string_view, 5> kGlued = {"|", "\xC2\xAC", "^", "~", "\xC2\xA6"};
    if (!doc.is(i, TokenType::punct) || !one_of(doc.str(i), kGlued)) return;
    const bool after_word = i > 0 && plain_word(doc, i - 1) && !word_like(doc, i + 1);
    const bool before_word = plain_word(doc, i + 1) && (i == 0 || opens(doc, i - 1));
    if (!after_word && !before_word) return;
    // A "¬" ending a line is a line-break hyphen; line-break-hyphen joins it.
    if (doc.str(i) == "\xC2\xAC" && doc.is(i + 1, TokenType::newline)) return;
    if (doc.is_protected(i)) return;
    const double conf = count_in(doc, doc.str(i)) > 1 ? confidence::kUnsure
                        : always_stray(doc.str(i))    ? confidence::kHigh
                                                      : 0.85;
    propose(out, Span{doc[i].begin, doc[i].end}, "", conf, "stray '" + std::string(doc.str(i)) + "' glued to a word");
  }

  static bool plain_word(const Document& doc, std::size_t i) {
    return doc.is_word(i) && doc[i].size() >= 2 && !ascii::has_digit(doc.str(i));
  }
  static bool word_like(const Document& doc, std::size_t i) { return doc.is_word(i) || doc.is(i, TokenType::number); }
  // What may stand before a word: space, line start, an opening bracket or quote.
  static bool opens(const Document& doc, std::size_t i) {
    if (doc.is(i, TokenType::space) || doc.is(i, TokenType::newline)) return true;
    const std::string_view s = doc.str(i);
    return s == "(" || s == "[" || s == "\"" || s == "\xE2\x80\x9C" || s == "\xE2\x80\x98";
  }
  static std::size_t count_in(const Document& doc, std::string_view sym) {
    std::size_t n = 0;
    for (std::size_t p = doc.text().find(sym); p != std::string_view::npos; p = doc.text().find(sym, p + 1)) ++n;
    return n;
  }
};

}  // namespace

void add_stray_rules(RuleList& rules) {
  rules.push_back(std::make_unique<StrayLetter>());
  rules.push_back(std::make_unique<StraySymbol>());
  rules.push_back(std::make_unique<GluedSymbol>());
}

}  // namespace textmend
