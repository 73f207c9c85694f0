// Line-break hyphenation left in running text: "inter- national",
// "inter-" + newline + "national", and compounds split after their hyphen.
#include <array>
#include <memory>

#include "core/ascii.hpp"
#include "core/word_list.hpp"
#include "lexicon/lexicon.hpp"
#include "rules/registry.hpp"
#include "rules/rule_util.hpp"

namespace textmend {
namespace {

const RuleInfo kLineBreakHyphen{"line-break-hyphen",
                                Kind::hyphenation,
                                true,
                                "Joins a word hyphenated across a line break or a space when the joined word "
                                "is in the dictionary; keeps the hyphen of real compounds.",
                                "inter- national",
                                "international",
                                true};

constexpr std::string_view kSoftHyphen = "\xC2\xAD";

// Hyphen-like marks that end a line in extracted text: '-', OCR's '¬', the
// Unicode hyphen.
bool is_hyphen(std::string_view s) { return s == "-" || s == "\xC2\xAC" || s == "\xE2\x80\x90"; }

// '-', or the lead byte of '¬', a soft hyphen or U+2010.
bool may_hold_hyphen(const Document& doc) { return doc.has('-') || doc.has('\xC2') || doc.has('\xE2'); }

// Words that are never half of a hyphenated compound: joining "was- he"
// into "was-he" would turn a dash into nonsense.
bool joins_no_compound(std::string_view word) {
  static constexpr std::array<std::string_view, 30> kWords = {
      "he",    "she", "it",    "we",   "they", "you",  "him", "her", "them", "his",
      "was",   "is",  "are",   "were", "be",   "been", "has", "had", "have", "will",
      "would", "can", "could", "did",  "does", "do",   "not", "and", "or",   "but"};
  return word.size() < 2 || function_words().contains(word) || one_of(ascii::lower(word), kWords);
}

// "first- and second-degree": a suspended hyphen, not a broken word.
bool suspends(std::string_view next) {
  static constexpr std::array<std::string_view, 6> kWords = {"and", "or", "nor", "to", "but", "versus"};
  return one_of(next, kWords);
}

struct Break {
  std::size_t head;  // token of the first half
  Span hyphen;       // the hyphen mark
  std::size_t tail;  // token of the second half
  bool newline;      // broken across lines (else across a space)
  std::string_view head_text;
};

class LineBreakHyphen final : public Rule {
 public:
  LineBreakHyphen() : Rule(kLineBreakHyphen) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    const Lexicon* lex = doc.lexicon();
    if (lex == nullptr || !may_hold_hyphen(doc)) return;
    // A break is a word followed by a hyphen or a line break: visit the
    // tokens after which one may start.
    doc.each_starting_with("-\n\r\v\f\xC2\xE2", [&](std::size_t mark) {
      if (mark > 0 && mark + 1 < doc.size()) check_at(doc, mark - 1, *lex, out);
    });
  }

 private:
  void check_at(const Document& doc, std::size_t i, const Lexicon& lex, std::vector<Finding>& out) const {
    Break b{};
    if (!find_break(doc, i, b)) return;
    const std::string_view tail = doc.str(b.tail);
    const std::string joined = std::string(b.head_text) + std::string(tail);
    const Span gap{b.hyphen.end, doc[b.tail].begin};
    if (lex.knows(joined)) {
      const bool halves_known = lex.knows(b.head_text) && lex.knows(tail);
      propose(out, Span{b.hyphen.begin, gap.end}, "", halves_known ? 0.85 : confidence::kCertain,
              "word hyphenated across a " + std::string(b.newline ? "line break" : "space") + ": '" + joined + "'");
    } else if (doc.str(i + 1) == "-" && lex.knows(b.head_text) && lex.knows(tail) && !joins_no_compound(b.head_text) &&
               !joins_no_compound(tail) && !uses_spaced_dash(doc, lex)) {
      propose(out, gap, "", 0.85,
              "compound split after its hyphen: '" + std::string(b.head_text) + "-" + std::string(tail) + "'");
    }
  }

 private:
  static bool find_break(const Document& doc, std::size_t i, Break& b) {
    if (!doc.is_word(i) || i + 1 >= doc.size()) return false;
    // Cheapest test first: a hyphen mark, or a line break after a word.
    if (doc[i + 1].type != TokenType::newline && (doc[i + 1].type != TokenType::punct || !is_hyphen(doc.str(i + 1))))
      return false;
    if (!plain_word(doc, i) || doc.is_protected(i)) return false;
    std::size_t k = i + 1;
    std::string_view head = doc.str(i);
    if (head.ends_with(kSoftHyphen) && doc.is(k, TokenType::newline)) {
      // ICU keeps a soft hyphen inside the word before it.
      b.hyphen = Span{doc[i].end - kSoftHyphen.size(), doc[i].end};
      head.remove_suffix(kSoftHyphen.size());
    } else if (is_hyphen(doc.str(k)) && doc[k].begin == doc[i].end) {
      b.hyphen = Span{doc[k].begin, doc[k].end};
      ++k;
    } else {
      return false;
    }
    if (i > 0 && is_hyphen(doc.str(i - 1))) return false;  // "state-of- the": part of a longer compound
    if (glued_to_code(doc, i)) return false;               // "[N]<&WORD- redirection": shell syntax
    b.newline = doc.is(k, TokenType::newline);
    if (b.newline) {
      ++k;
      if (doc.is(k, TokenType::space)) ++k;  // indentation of the next line
    } else if (!doc.is_single_space(k) || doc.str(i + 1) != "-") {
      return false;
    } else {
      ++k;
    }
    if (!plain_word(doc, k) || !starts_lowercase(doc.str(k)) || suspends(doc.str(k)) || doc.is_protected(k))
      return false;
    b.head = i;
    b.tail = k;
    b.head_text = head;
    return true;
  }

  // "He was- he said- tired": where some "word- word" cannot be a broken
  // word or compound, the writer uses "- " as a dash, and none is joined.
  static bool uses_spaced_dash(const Document& doc, const Lexicon& lex) {
    for (std::size_t i = 0; i + 3 < doc.size(); ++i) {
      if (!doc.is_word(i) || doc.str(i + 1) != "-" || !doc.is_single_space(i + 2) || !doc.is_word(i + 3)) continue;
      const std::string_view a = doc.str(i);
      const std::string_view b = doc.str(i + 3);
      if (suspends(b)) continue;
      if (joins_no_compound(a) || joins_no_compound(b)) return true;
      if (!lex.knows(std::string(a) + std::string(b)) && !(lex.knows(a) && lex.knows(b))) return true;
    }
    return false;
  }

  static bool glued_to_code(const Document& doc, std::size_t i) {
    if (i == 0 || doc[i - 1].end != doc[i].begin) return false;
    const std::string_view before = doc.str(i - 1);
    return before.size() == 1 && std::string_view("&<>=/$@#%|\\").find(before[0]) != std::string_view::npos;
  }

  static bool plain_word(const Document& doc, std::size_t i) { return doc.is_word(i) && !ascii::has_digit(doc.str(i)); }
};

}  // namespace

void add_hyphenation_rules(RuleList& rules) { rules.push_back(std::make_unique<LineBreakHyphen>()); }

}  // namespace textmend
