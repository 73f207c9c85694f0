// Repeated words: "the the", also across a line break.
#include <memory>

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
bool first_letters_differ(std::string_view a, std::string_view b) {
  const auto fa = static_cast<unsigned char>(a[0]);
  const auto fb = static_cast<unsigned char>(b[0]);
  return fa < 0x80 && fb < 0x80 && ascii::to_lower(static_cast<char>(fa)) != ascii::to_lower(static_cast<char>(fb));
}

bool same_word(std::string_view a, std::string_view b) {
  if (first_letters_differ(a, b)) return false;
  if (utf8::is_ascii(a) && utf8::is_ascii(b)) return ascii::iequals(a, b);
  // Canonically equivalent spellings ("café" precomposed or with a
  // combining accent) are the same word.
  return a == b || unicode::nfc(unicode::to_lower(a)) == unicode::nfc(unicode::to_lower(b));
}

class RepeatedWord final : public Rule {
 public:
  RepeatedWord() : Rule(kRepeatedWord) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    for (const std::size_t i : doc.words()) {
      if (followed_by_another_letter(doc, i)) continue;
      const std::size_t j = next_word_across_gap(doc, i);
      if (j == Document::npos) continue;
      // In ASCII text, words of different lengths are different words.
      if (doc.ascii_only() && doc[i].size() != doc[j].size()) continue;
      if (!same_word(doc.str(i), doc.str(j))) continue;
      if (legit(doc, i, j) || doc.is_protected(i) || doc.is_protected(j)) continue;
      // Drop the second word with the space after it, so a repeat across a
      // line break keeps the line break where it was.
      const Span span = doc.is_single_space(j + 1) ? Span{doc[j].begin, doc[j + 1].end} : Span{doc[i].end, doc[j].end};
      propose(out, span, "", confidence::kHigh, "word repeated: '" + std::string(doc.str(j)) + "'");
    }
  }

 private:
  // The usual case, settled without the general search: one space, then a
  // word starting with another letter.
  static bool followed_by_another_letter(const Document& doc, std::size_t i) {
    return i + 2 < doc.size() && doc[i + 1].type == TokenType::space && doc[i + 2].type == TokenType::word &&
           first_letters_differ(doc.str(i), doc.str(i + 2));
  }

  // The word after i when only spaces and at most one line break lie between.
  static std::size_t next_word_across_gap(const Document& doc, std::size_t i) {
    std::size_t j = i + 1;
    int breaks = 0;
    for (; j < doc.size(); ++j) {
      if (doc.is(j, TokenType::newline)) {
        if (++breaks > 1) return Document::npos;
      } else if (!doc.is(j, TokenType::space)) {
        break;
      }
    }
    if (j == i + 1 || !doc.is_word(j)) return Document::npos;
    return j;
  }

  static bool legit(const Document& doc, std::size_t i, std::size_t j) {
    const std::string_view first = doc.str(i);
    if (legit_repeats().contains(first)) return true;
    // "Walla Walla", "Sing Sing": a capitalized pair mid-sentence is a name.
    return starts_capitalized(first) && starts_capitalized(doc.str(j));
  }
};

}  // namespace

void add_repetition_rules(RuleList& rules) { rules.push_back(std::make_unique<RepeatedWord>()); }

}  // namespace textmend
