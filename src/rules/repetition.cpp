// Repeated words: "the the", also across a line break.
#include <array>
#include <memory>
#include <string>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "core/word_list.hpp"
#include "rules/registry.hpp"
#include "rules/rule_util.hpp"
#include "unicode/unicode.hpp"

namespace textmend {
namespace {

const RuleInfo kRepeatedWord{"repeated-word",
                             Kind::repetition,
                             true,
                             "Removes a word typed twice in a row (\"had had\", \"that that\" and other "
                             "legitimate repeats stay).",
                             "the the report",
                             "the report"};

// Almost every pair of neighbours differs in its first letter: an ASCII
// letter, compared without case.
bool first_letters_differ(char a, char b) {
  const auto fa = static_cast<unsigned char>(a);
  const auto fb = static_cast<unsigned char>(b);
  return fa < 0x80 && fb < 0x80 && ascii::to_lower(a) != ascii::to_lower(b);
}

bool same_word(std::string_view a, std::string_view b) {
  if (first_letters_differ(a[0], b[0])) return false;
  if (utf8::is_ascii(a) && utf8::is_ascii(b)) return ascii::iequals(a, b);
  // Canonically equivalent spellings ("café" precomposed or with a
  // combining accent) are the same word.
  return a == b || unicode::nfc(unicode::to_lower(a)) == unicode::nfc(unicode::to_lower(b));
}

class RepeatedWord final : public Rule {
 public:
  RepeatedWord() : Rule(kRepeatedWord) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    if (doc.foreign_script()) return;  // repeats that other languages mean
    // Each word against the next one: most pairs differ in their first
    // letter or (in ASCII text) their length, which settles them before
    // anything between the two is looked at.
    // Straight from the tokens and the bytes: this runs for every word.
    const std::vector<std::uint32_t>& words = doc.words();
    const Tokens& tokens = doc.tokens();
    const char* text = doc.text().data();
    for (std::size_t k = 0; k + 1 < words.size(); ++k) {
      const std::size_t i = words[k];
      const std::size_t j = words[k + 1];
      if (first_letters_differ(text[tokens[i].begin], text[tokens[j].begin])) continue;
      // In ASCII text, words of different lengths are different words.
      if (doc.ascii_only() && tokens[i].size() != tokens[j].size()) continue;
      if (!repeats_at(doc, words, k)) continue;
      if (legit(doc, i, j) || doc.is_protected(i) || doc.is_protected(j)) continue;
      // Three or more in a row are meant: "text text text", "ccc ccc ccc".
      if (repeats_at(doc, words, k + 1) || (k > 0 && repeats_at(doc, words, k - 1))) continue;
      // Italian "così così", Turkish "ağır ağır": other languages double words.
      if (doc.mostly_unknown_words()) return;
      // Drop the second word with the space after it, so a repeat across a
      // line break keeps the line break where it was.
      const Span span = doc.is_single_space(j + 1) ? Span{doc[j].begin, doc[j + 1].end} : Span{doc[i].end, doc[j].end};
      propose(out, span, "", confidence::kHigh, "word repeated: '" + std::string(doc.str(j)) + "'");
    }
  }

 private:
  // True when only spaces and at most one line break (and at least one of
  // them) lie between tokens i and j. A tab, or a run of spaces on the
  // line, parts the cells of a table ("off<TAB>off"), not a repeat.
  static bool only_a_gap_between(const Document& doc, std::size_t i, std::size_t j) {
    if (j == i + 1) return false;
    int breaks = 0;
    for (std::size_t k = i + 1; k < j; ++k) {
      if (doc.is(k, TokenType::newline)) {
        if (++breaks > 1) return false;
      } else if (!doc.is(k, TokenType::space)) {
        return false;
      }
    }
    if (breaks == 0 && (j != i + 2 || doc.str(i + 1) != " ")) return false;
    return true;
  }

  // True when the k-th word is repeated by the next one, as check() finds
  // a repeat.
  static bool repeats_at(const Document& doc, const std::vector<std::uint32_t>& words, std::size_t k) {
    if (k + 1 >= words.size()) return false;
    const std::size_t i = words[k];
    const std::size_t j = words[k + 1];
    return only_a_gap_between(doc, i, j) && same_word(doc.str(i), doc.str(j));
  }

  static bool legit(const Document& doc, std::size_t i, std::size_t j) {
    const std::string_view first = doc.str(i);
    const std::string_view second = doc.str(j);
    if (legit_repeats().contains(first)) return true;
    // "Walla Walla", "Sing Sing": a capitalized pair mid-sentence is a name.
    if (starts_capitalized(first) && starts_capitalized(second)) return true;
    // "AND and OR lists": a keyword or acronym beside the plain word.
    if (shouting(first) != shouting(second)) return true;
    // "the list list-2": the second is the start of a compound.
    if (is_char(doc, j + 1, '-') || is_char(doc, j + 1, '_')) return true;
    // In technical writing a repeated content word is mostly a placeholder
    // whose italics were lost ("conditional expression expression", "the
    // shell function function"); only small words are plain slips there.
    return doc.technical() && !small_word(first);
  }

  static bool shouting(std::string_view w) { return w.size() >= 2 && ascii::has_upper(w) && !ascii::has_lower(w); }

  static bool small_word(std::string_view w) {
    static constexpr std::array<std::string_view, 10> kShort = {"to", "in", "is", "it", "on",
                                                                "at", "by", "as", "be", "for"};
    const std::string lower = ascii::lower(w);
    return function_words().contains(lower) || one_of(lower, kShort);
  }
};

}  // namespace

void add_repetition_rules(RuleList& rules) { rules.push_back(std::make_unique<RepeatedWord>()); }

}  // namespace textmend
