// Spacing inside lines: runs of spaces, a missing space after a sentence or
// a comma, spaces at line ends.
#include <algorithm>
#include <memory>

#include "core/ascii.hpp"
#include "lexicon/lexicon.hpp"
#include "rules/registry.hpp"
#include "rules/rule_util.hpp"

namespace textmend {
namespace {

const RuleInfo kMultipleSpaces{"multiple-spaces",
                               Kind::spacing,
                               true,
                               "Collapses a run of spaces between two words on a line to one space.",
                               "the  report",
                               "the report",
                               /*needs_dictionary=*/false,
                               /*prose_only=*/true};

const RuleInfo kMissingSpace{"missing-space",
                             Kind::spacing,
                             true,
                             "Adds the missing space after a sentence end or a comma between words "
                             "(not in 3,000, 3.5, e.g. or file names).",
                             "the end.Next day",
                             "the end. Next day",
                             /*needs_dictionary=*/false,
                             /*prose_only=*/true};

const RuleInfo kTrailingSpace{"trailing-space",
                              Kind::spacing,
                              true,
                              "Removes spaces and tabs at line ends (keeping two-space line breaks in Markdown).",
                              "the end   ",
                              "the end"};

bool all_spaces(std::string_view s) { return s.find_first_not_of(' ') == std::string_view::npos; }

class MultipleSpaces final : public Rule {
 public:
  MultipleSpaces() : Rule(kMultipleSpaces) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    if (!doc.has_pair(' ', ' ')) return;
    const bool tabular = is_tabular(doc);
    for (std::size_t i = 1; i + 1 < doc.size(); ++i) {
      if (!doc.is(i, TokenType::space) || doc[i].size() < 2 || !all_spaces(doc.str(i))) continue;
      // Indentation (also after a tab, as ChangeLogs indent, and after a
      // list or box marker: "(a)  under", "*  text"), the end of a line,
      // and the room before a box's right edge ("text   *").
      if (doc.at_line_start(i) || doc.at_line_end(i) || line_marker(line_prefix(doc, i))) continue;
      if (const std::string_view rest = line_rest(doc, i); !rest.empty() && only_marks(rest)) continue;
      // "<maintainer@example.org>  Mon, 25 Apr 2011": a Debian changelog's
      // sign-off needs its two spaces; after a tag or an address, a run is set.
      if (is_char(doc, i - 1, '>')) continue;
      if (doc.is_protected(i)) continue;
      const bool typewriter = doc.stats().spaces_twice_after_sentences();
      if (typewriter && after_sentence(doc, i - 1)) continue;
      if (doc[i].size() > 2 && tabular) continue;
      // Where sentences are spaced twice, two spaces elsewhere are often
      // meant too ("MA  02110", "(C) 2002  Free Software Foundation"):
      // reported, not edited.
      const double conf = typewriter           ? confidence::kUnsure
                          : doc[i].size() == 2 ? confidence::kHigh
                                               : confidence::kLikely;
      propose(out, Span{doc[i].begin, doc[i].end}, " ", conf, "run of spaces between words");
    }
  }

 private:
  static bool after_sentence(const Document& doc, std::size_t i) {
    auto ends_sentence = [&](std::size_t k) {
      const char c = punct_char(doc, k);
      return c == '.' || c == '?' || c == '!';
    };
    if (ends_sentence(i)) return true;
    // A sentence closed inside a quotation or brackets: ."  .”  .)  .]  .’  .'
    const std::string_view s = doc.str(i);
    const bool closer = s == "\"" || s == "\xE2\x80\x9D" || s == ")" || s == "]" || s == "'" || s == "\xE2\x80\x99";
    return closer && i > 0 && ends_sentence(i - 1);
  }

  // Columns aligned with spaces on two or more lines: a table to keep.
  static bool is_tabular(const Document& doc) {
    std::size_t lines_with_runs = 0;
    bool this_line = false;
    for (std::size_t i = 0; i < doc.size(); ++i) {
      if (doc.is(i, TokenType::newline)) {
        lines_with_runs += this_line;
        this_line = false;
      } else if (doc.is(i, TokenType::space) &&
                 (doc[i].size() >= 3 || doc.str(i).find('\t') != std::string_view::npos) && i > 0 &&
                 !doc.is(i - 1, TokenType::newline)) {
        this_line = true;
      }
    }
    return lines_with_runs + this_line >= 2;
  }
};

class MissingSpace final : public Rule {
 public:
  MissingSpace() : Rule(kMissingSpace) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    if (!may_hold(doc)) return;
    const bool data = comma_data_lines(doc) >= 2;
    for (std::size_t i = 0; i < doc.size(); ++i) {
      if (doc.is(i, TokenType::number)) check_after_number(doc, i, out);
      if (!doc.is_word(i)) continue;
      // Only a word with a dot inside, or one glued to ? ! , and a word,
      // can be missing a space: test that before anything dearer.
      const bool dotted = doc.str(i).find('.') != std::string_view::npos;
      const char mark = punct_char(doc, i + 1);
      const bool glued = (mark == '?' || mark == '!' || mark == ',') && doc.is_word(i + 2);
      if ((!dotted && !glued) || doc.is_protected(i)) continue;
      if (dotted) check_inner_dot(doc, i, out);
      if (glued && !data) check_mark_between(doc, i, out);
    }
  }

 private:
  // Every finding has an ASCII capital right after '.', '?' or '!'
  // ("end.Next", "1990.Then", "end?Next") or an ASCII letter right after
  // ',' ("first,second").
  static bool may_hold(const Document& doc) {
    return doc.has_pair_in('.', 'A', 'Z') || doc.has_pair_in('?', 'A', 'Z') || doc.has_pair_in('!', 'A', 'Z') ||
           doc.has_pair_in(',', 'A', 'Z') || doc.has_pair_in(',', 'a', 'z');
  }

  // "in 1990.Then": a year or count ends a sentence.
  void check_after_number(const Document& doc, std::size_t i, std::vector<Finding>& out) const {
    if (!is_char(doc, i + 1, '.') || !doc.is_word(i + 2) || !capitalized_word(doc.str(i + 2))) return;
    const std::string_view n = doc.str(i);
    if (!std::all_of(n.begin(), n.end(), ascii::is_digit) || doc.is_protected(i) || doc.is_protected(i + 2)) return;
    const std::size_t at = doc[i + 1].end;
    propose(out, Span{at, at}, " ", 0.85, "missing space after a sentence end");
  }

  // Lines of comma-separated values ("Smith,John"): every comma on the line
  // is glued to both neighbours. Data, not prose.
  static std::size_t comma_data_lines(const Document& doc) {
    if (!doc.has(',')) return 0;
    std::size_t lines = 0;
    bool glued = false;
    bool spaced = false;
    for (std::size_t i = 1; i + 1 < doc.size(); ++i) {
      if (doc.is(i, TokenType::newline)) {
        lines += glued && !spaced;
        glued = spaced = false;
      } else if (is_char(doc, i, ',')) {
        (doc.is(i + 1, TokenType::space) || doc.is(i - 1, TokenType::space) ? spaced : glued) = true;
      }
    }
    return lines + (glued && !spaced);
  }

  // "end.Next" is one word token to ICU.
  void check_inner_dot(const Document& doc, std::size_t i, std::vector<Finding>& out) const {
    const std::string_view w = doc.str(i);
    const std::size_t dot = w.find('.');
    if (dot == std::string_view::npos || w.find('.', dot + 1) != std::string_view::npos) return;
    const std::string_view left = w.substr(0, dot);
    const std::string_view right = w.substr(dot + 1);
    // "differ.A limitation", "oar.I hear": the two one-letter words that
    // start sentences ("Ph.D" and "U.S.A" end in other letters).
    const bool lone_capital = right == "A" || right == "I";
    if (!sentence_end_word(left) || (!capitalized_word(right) && !lone_capital)) return;
    if (lone_capital && !doc.is_single_space(i + 1)) return;
    const std::size_t at = doc[i].begin + dot + 1;
    propose(out, Span{at, at}, " ", known(doc, left, right) ? confidence::kHigh : confidence::kLikely,
            "missing space after a sentence end");
  }

  // "end?Next", "end!Next", "first,second".
  void check_mark_between(const Document& doc, std::size_t i, std::vector<Finding>& out) const {
    const char mark = punct_char(doc, i + 1);
    if (mark != '?' && mark != '!' && mark != ',') return;
    if (!doc.is_word(i + 2) || doc.is_protected(i + 2)) return;
    const std::string_view left = doc.str(i);
    const std::string_view right = doc.str(i + 2);
    const std::size_t at = doc[i + 1].end;
    if (mark == ',') {
      if (!ascii::all_alpha(left) || !ascii::all_alpha(right) || in_list(doc, i)) return;
      const double conf = ascii::is_lower(right[0]) ? confidence::kHigh : 0.85;
      propose(out, Span{at, at}, " ", conf, "missing space after a comma");
      return;
    }
    if (sentence_end_word(left) && capitalized_word(right))
      propose(out, Span{at, at}, " ", 0.85, std::string("missing space after '") + mark + "'");
  }

  // "a,b,c" and "x,y" are lists or code, not prose with a lost space.
  static bool in_list(const Document& doc, std::size_t i) {
    if (doc[i].size() < 2 || doc[i + 2].size() < 2) return true;
    return (i > 0 && is_char(doc, i - 1, ',')) || is_char(doc, i + 3, ',');
  }

  static bool sentence_end_word(std::string_view w) {
    return w.size() >= 2 && ascii::all_alpha(w) && ascii::is_lower(w.back());
  }

  static bool capitalized_word(std::string_view w) {
    return w.size() >= 2 && ascii::all_alpha(w) && ascii::is_upper(w[0]) && ascii::all_lower(w.substr(1));
  }

  static bool known(const Document& doc, std::string_view left, std::string_view right) {
    const Lexicon* lex = doc.lexicon();
    return lex != nullptr && lex->knows(left) && lex->knows(right);
  }
};

class TrailingSpace final : public Rule {
 public:
  TrailingSpace() : Rule(kTrailingSpace) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    if (!may_hold(doc)) return;
    for (std::size_t i = 0; i + 1 < doc.size(); ++i) {
      if (!doc.is(i, TokenType::space) || !doc.is(i + 1, TokenType::newline)) continue;
      std::size_t begin = i;
      while (begin > 0 && doc.is(begin - 1, TokenType::space)) --begin;  // a tab and spaces are separate tokens
      const Span span{doc[begin].begin, doc[i].end};
      if (markdown_break(doc, span, i + 1) || signature_separator(doc, span) || doc.is_protected(span)) continue;
      propose(out, span, "", confidence::kHigh, "spaces at the end of a line");
    }
  }

 private:
  // A space or tab right before a line break: LF, CR, or the rarer VT, FF,
  // NEL and U+2028/2029 (whose UTF-8 starts C2 or E2).
  static bool may_hold(const Document& doc) {
    for (const char blank : {' ', '\t'})
      for (const char brk : {'\n', '\r', '\v', '\f', '\xC2', '\xE2'})
        if (doc.has_pair(blank, brk)) return true;
    return false;
  }

  // "-- " alone on a line opens an e-mail signature (RFC 3676): mail
  // programs find the signature by that space.
  static bool signature_separator(const Document& doc, const Span& span) {
    const std::string_view text = doc.text();
    return span.size() == 1 && text[span.begin] == ' ' && span.begin >= 2 && text.substr(span.begin - 2, 2) == "--" &&
           (span.begin == 2 || text[span.begin - 3] == '\n');
  }

  // Exactly two spaces before a line that goes on, in Markdown: a hard break.
  static bool markdown_break(const Document& doc, const Span& span, std::size_t newline) {
    if (!doc.stats().looks_like_markdown() || doc.slice(span.begin, span.end) != "  ") return false;
    if (span.begin == 0 || doc.text()[span.begin - 1] == '\n') return false;
    const std::size_t next = newline + 1;
    return next < doc.size() && !doc.is(next, TokenType::newline) && !doc.is(next, TokenType::space);
  }
};

}  // namespace

void add_whitespace_rules(RuleList& rules) {
  rules.push_back(std::make_unique<MultipleSpaces>());
  rules.push_back(std::make_unique<MissingSpace>());
  rules.push_back(std::make_unique<TrailingSpace>());
}

}  // namespace textmend
