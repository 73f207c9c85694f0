#include "rules/quote_analysis.hpp"

#include <algorithm>
#include <array>

#include "core/ascii.hpp"
#include "core/word_list.hpp"
#include "rules/rule.hpp"
#include "rules/rule_util.hpp"
#include "text/doc_stats.hpp"

namespace textmend {
namespace {

constexpr std::string_view kStraight = "\"";
constexpr std::string_view kOpen = "\xE2\x80\x9C";         // “
constexpr std::string_view kClose = "\xE2\x80\x9D";        // ”
constexpr std::string_view kRightSingle = "\xE2\x80\x99";  // ’

enum class Role { open, close, unknown };

Role shape_of(std::string_view glyph) {
  if (glyph == kOpen) return Role::open;
  if (glyph == kClose) return Role::close;
  return Role::unknown;
}

bool is_gap(const Document& doc, std::size_t i) {
  return i >= doc.size() || doc.is(i, TokenType::space) || doc.is(i, TokenType::newline);
}

// Characters after which a quotation can open as if after a space: "(“" "—“".
bool opens_before(const Document& doc, std::size_t i) {
  const std::string_view s = doc.str(i);
  return s == "(" || s == "[" || s == "\xE2\x80\x94" || s == "\xE2\x80\x93";
}

// Characters before which a quotation can close as if before a space: "”."
bool closes_after(const Document& doc, std::size_t i) {
  const char c = punct_char(doc, i);
  return c != '\0' && std::string_view(".,;:!?)]").find(c) != std::string_view::npos;
}

struct Place {
  bool space_before;  // nothing, a space or an opening bracket on the left
  bool space_after;   // nothing, a space or closing punctuation on the right
  Role role() const {
    if (space_before && !space_after) return Role::open;
    if (!space_before && space_after) return Role::close;
    return Role::unknown;
  }
};

Place place_of(const Document& doc, std::size_t i) {
  return Place{i == 0 || is_gap(doc, i - 1) || opens_before(doc, i - 1),
               is_gap(doc, i + 1) || closes_after(doc, i + 1)};
}

enum class Marks { double_quotes, single_quotes };
enum class Target { none, curly, straight };

bool paragraph_has(const Document& doc, Marks marks, bool curly) {
  const std::string_view text = doc.text();
  if (curly && !doc.has('\xE2')) return false;  // every curly quote starts E2
  if (marks == Marks::double_quotes)
    return curly ? text.find(kOpen) != std::string_view::npos || text.find(kClose) != std::string_view::npos
                 : text.find('"') != std::string_view::npos;
  return curly
             ? text.find("\xE2\x80\x98") != std::string_view::npos || text.find(kRightSingle) != std::string_view::npos
             : text.find('\'') != std::string_view::npos;
}

// The style marks should take in this paragraph: --quotes, or else the
// document's clear majority, but only where the paragraph already uses that
// style too. A paragraph wholly in the other style is a consistent section
// (a pasted quotation, an appendix) and is left alone.
Target target_style(const Document& doc, Marks marks) {
  switch (doc.settings().quotes) {
    case QuoteStyle::curly:
      return Target::curly;
    case QuoteStyle::straight:
      return Target::straight;
    case QuoteStyle::keep:
      return Target::none;
    case QuoteStyle::automatic:
      break;
  }
  const DocStats& s = doc.stats();
  const bool dbl = marks == Marks::double_quotes;
  if ((dbl ? s.prefers_curly_double() : s.prefers_curly_single()) && paragraph_has(doc, marks, true))
    return Target::curly;
  if ((dbl ? s.prefers_straight_double() : s.prefers_straight_single()) && paragraph_has(doc, marks, false))
    return Target::straight;
  return Target::none;
}

class DoubleQuoteReader {
 public:
  explicit DoubleQuoteReader(const Document& doc) : doc_(doc) {}

  std::vector<QuoteFix> run() {
    // Only the tokens starting '"' or E2 (the curly quotes' first byte) can
    // be double quotes; their two chains are visited one after the other.
    doc_.each_starting_with("\"\xE2", [&](std::size_t i) {
      const std::string_view g = doc_.str(i);
      if ((g == kStraight || g == kOpen || g == kClose) && !doc_.is_protected(i) && !next_to_number(i))
        quotes_.push_back(i);
    });
    std::sort(quotes_.begin(), quotes_.end());
    for (next_ = 0; next_ < quotes_.size(); ++next_) {
      const std::size_t i = quotes_[next_];
      const Role role = read(i);
      if (role == Role::open) last_open_ = i;
      pending_ = role == Role::open ? true : role == Role::close ? false : pending_;
    }
    if (pending_ && last_open_ != Document::npos) missing_close(last_open_, Document::npos);
    return std::move(fixes_);
  }

 private:
  // 5'10" and 12" are measures, not quotations.
  bool next_to_number(std::size_t i) const {
    if (doc_.str(i) != kStraight) return false;
    return (i > 0 && doc_.is(i - 1, TokenType::number)) || doc_.is(i + 1, TokenType::number);
  }

  Role read(std::size_t i) {
    const std::string_view glyph = doc_.str(i);
    const Role shape = shape_of(glyph);
    const Place place = place_of(doc_, i);
    const Role expected = pending_ ? Role::close : Role::open;
    const Role at = place.role();
    if (at != Role::unknown && (shape == at || (shape == Role::unknown && at == expected))) {
      if (at == Role::open && expected == Role::close && last_open_ != Document::npos)
        missing_close(last_open_, i);
      else if (at != expected)
        report(i, "closing quote with no quotation open");
      style(i, at);
      return at;
    }
    if (at != Role::unknown && shape == Role::unknown) return read_straight_against_parity(i, at, expected);
    if (at != Role::unknown) return read_against_shape(i, at, shape, expected);
    if (place.space_before && place.space_after) return read_detached(i, shape, expected);
    return read_glued(i, shape, expected);
  }

  // The quotation opened at token `open` never closed before token `limit`
  // (the next opening quote, or npos for the paragraph end). Adds the
  // closing quote where its place is plain: after a quoted title ("Slums And
  // Suburbs, calls"), after the one sentence end before the next quotation,
  // or at the paragraph end when the quotation opened in its last sentence.
  // Anywhere else it is only reported.
  void missing_close(std::size_t open, std::size_t limit) {
    // "'Dear Tony. My mother says, "A man...": the second quotation is
    // nested in a single-quoted one, not a sign of a lost closing quote.
    if (limit != Document::npos && single_quote_open(open, limit)) {
      report(open, "quotation opened here is not closed");
      return;
    }
    std::size_t after = title_end(open);
    if (after == Document::npos) {
      const std::vector<std::size_t> ends = sentence_ends(open, limit == Document::npos ? doc_.size() : limit);
      if (limit != Document::npos && ends.size() == 1) after = ends[0];
      if (limit == Document::npos && ends.empty() && !doc_.at_line_start(open)) after = final_stop(open);
    }
    if (after == Document::npos) {
      report(open, "quotation opened here is not closed");
      return;
    }
    const std::string glyph(doc_.str(open) == kOpen ? kClose : kStraight);
    add(QuoteProblem::unbalanced, Span{doc_[after].end, doc_[after].end}, glyph, confidence::kLikely,
        "closing quote missing");
  }

  // True when a single quotation opens after token from and is still open
  // at token to: ' or ‘ before a word, after a space, a line start or the
  // double quote; ' or ’ after a word and before no letter closes it.
  bool single_quote_open(std::size_t from, std::size_t to) const {
    bool open = false;
    for (std::size_t k = from + 1; k < to; ++k) {
      const std::string_view g = doc_.str(k);
      if (g != "'" && g != "\xE2\x80\x98" && g != "\xE2\x80\x99") continue;
      const bool word_after = k + 1 < doc_.size() && doc_.is_word(k + 1);
      const bool word_before = doc_.is_word(k - 1) || is_char(doc_, k - 1, '.') || is_char(doc_, k - 1, ',') ||
                               is_char(doc_, k - 1, '?') || is_char(doc_, k - 1, '!');
      if (word_after && !word_before && g != "\xE2\x80\x99") open = true;
      if (word_before && !word_after && g != "\xE2\x80\x98") open = false;
    }
    return open;
  }

  // A quoted title of three or more capitalized words (small words allowed
  // inside) followed by lower case: the quote closes after the title and
  // the comma or period that follows it.
  std::size_t title_end(std::size_t open) const {
    static constexpr std::array<std::string_view, 10> kSmall = {"of", "the", "and", "a",   "an",
                                                                "in", "on",  "to",  "for", "at"};
    std::size_t last = Document::npos;
    int words = 0;
    for (std::size_t k = open + 1; k < doc_.size(); k += 2) {
      if (!doc_.is_word(k)) break;
      const std::string_view w = doc_.str(k);
      if (!starts_capitalized(w) && !(words > 0 && one_of(w, kSmall))) break;
      if (starts_capitalized(w)) last = k;
      ++words;
      if (!doc_.is_single_space(k + 1)) break;
    }
    if (words < 3 || last == Document::npos) return Document::npos;
    std::size_t after = last;
    if (is_char(doc_, last + 1, ',') || is_char(doc_, last + 1, '.')) after = last + 1;
    const std::size_t next = doc_.next_solid(after);
    if (next == Document::npos || !doc_.is_word(next) || !starts_lowercase(doc_.str(next))) return Document::npos;
    return after;
  }

  // Sentence-ending marks in (from, to): where ICU ends a sentence on a
  // . ? ! followed by a space and a capital, except after an abbreviation or
  // an initial (ICU does not know "Mr." from a sentence end).
  std::vector<std::size_t> sentence_ends(std::size_t from, std::size_t to) const {
    std::vector<std::size_t> ends;
    const std::vector<std::size_t>& icu = doc_.sentence_ends();
    std::size_t k = from + 1;
    for (const std::size_t end : icu) {
      if (end <= doc_[from].end) continue;
      while (k < to && doc_[k].end < end) ++k;  // first token reaching the boundary
      if (k >= to) break;
      std::size_t mark = k;
      while (mark > from &&
             (doc_.is(mark, TokenType::space) || doc_.is(mark, TokenType::newline) || doc_[mark].begin >= end))
        --mark;
      const char c = punct_char(doc_, mark);
      if (c != '.' && c != '?' && c != '!') continue;
      if (mark + 2 >= to || !doc_.is(mark + 1, TokenType::space) || !doc_.is_word(mark + 2) ||
          !starts_capitalized(doc_.str(mark + 2)))
        continue;
      if (c == '.' && doc_.is_word(mark - 1) &&
          (doc_[mark - 1].size() == 1 || abbreviations().contains(doc_.str(mark - 1))))
        continue;
      ends.push_back(mark);
    }
    return ends;
  }

  // The paragraph's last sentence-ending mark after token from, if the
  // paragraph ends there.
  std::size_t final_stop(std::size_t from) const {
    std::size_t k = doc_.size();
    while (k > from + 1 && (doc_.is(k - 1, TokenType::space) || doc_.is(k - 1, TokenType::newline))) --k;
    if (k <= from + 1) return Document::npos;
    const char c = punct_char(doc_, k - 1);
    return c == '.' || c == '?' || c == '!' ? k - 1 : Document::npos;
  }

  // A straight quote whose place contradicts parity: either its space is
  // on the wrong side, or parity went wrong earlier (a dropped quote). The
  // next quote tells: if its place agrees with this quote's place, parity
  // is what is off, and the text is left alone.
  Role read_straight_against_parity(std::size_t i, Role at, Role expected) {
    const bool more = next_ + 1 < quotes_.size();
    const Role next_at = more ? place_of(doc_, quotes_[next_ + 1]).role() : Role::unknown;
    if (next_at == expected || (more && next_at == Role::unknown)) {
      if (at == Role::open && last_open_ != Document::npos)
        missing_close(last_open_, i);
      else
        report(i, "closing quote with no quotation open");
      return at;
    }
    return read_against_shape(i, at, expected, expected);
  }

  // Place and shape disagree: a swapped space (parity agrees with the
  // shape) or a quote facing the wrong way (parity agrees with the place).
  Role read_against_shape(std::size_t i, Role at, Role shape, Role expected) {
    const Token& q = doc_[i];
    if (shape == expected) {
      const std::size_t gap = at == Role::open ? i - 1 : i + 1;
      if (!doc_.is_single_space(gap)) {
        report(i, "quote with the space on the wrong side");
        return shape;
      }
      const std::string glyph(doc_.str(i));
      const double conf = shape_of(glyph) == Role::unknown ? 0.85 : confidence::kHigh;
      if (at == Role::open)  // ", ”he" -> ",” he"
        add(QuoteProblem::spacing, Span{doc_[gap].begin, q.end}, glyph + " ", conf,
            "closing quote with its space on the wrong side");
      else  // "said“ We" -> "said “We"
        add(QuoteProblem::spacing, Span{q.begin, doc_[gap].end}, " " + glyph, conf,
            "opening quote with its space on the wrong side");
      return shape;
    }
    add(QuoteProblem::direction, Span{q.begin, q.end}, std::string(at == Role::open ? kOpen : kClose),
        confidence::kHigh,
        at == Role::open ? "closing quote where a quotation opens" : "opening quote where a quotation closes");
    return at;
  }

  // Space on both sides: it belongs to the word on the side parity says.
  Role read_detached(std::size_t i, Role shape, Role expected) {
    const Role role = shape == Role::unknown ? expected : shape;
    if (role != expected) {
      report(i, "quote standing apart from any word");
      return role;
    }
    const std::size_t gap = role == Role::open ? i + 1 : i - 1;
    const std::size_t word = role == Role::open ? doc_.next_solid(i) : doc_.prev_solid(i);
    const bool ok = gap < doc_.size() && doc_.is_single_space(gap) && word != Document::npos &&
                    !doc_.is(word, TokenType::newline) &&
                    (i == 0 || !doc_.is(i - 1, TokenType::newline) || role == Role::open);
    if (!ok) {
      report(i, "quote standing apart from any word");
      return role;
    }
    const double conf = shape == Role::unknown ? 0.85 : confidence::kHigh;
    add(QuoteProblem::spacing, Span{doc_[gap].begin, doc_[gap].end}, "", conf,
        role == Role::open ? "opening quote detached from its word" : "closing quote detached from its word");
    style(i, role);
    return role;
  }

  // Words on both sides ("said“We", "end.”Next"): a space is missing.
  Role read_glued(std::size_t i, Role shape, Role expected) {
    const Role role = shape == Role::unknown ? expected : shape;
    if (role != expected || i == 0 || i + 1 >= doc_.size() || !starts_word(doc_, i + 1)) return role;
    const Token& q = doc_[i];
    const double conf = shape == Role::unknown ? confidence::kLikely : 0.85;
    if (role == Role::open && doc_.is_word(i - 1))
      add(QuoteProblem::spacing, Span{q.begin, q.begin}, " ", conf, "missing space before an opening quote");
    else if (role == Role::close && (doc_.is_word(i - 1) || closes_after(doc_, i - 1)))
      add(QuoteProblem::spacing, Span{q.end, q.end}, " ", conf, "missing space after a closing quote");
    style(i, role);
    return role;
  }

  // A quote in the other style than the document's (or --quotes).
  void style(std::size_t i, Role role) {
    const std::string_view glyph = doc_.str(i);
    const Span span{doc_[i].begin, doc_[i].end};
    const Target target = target_style(doc_, Marks::double_quotes);
    if (glyph == kStraight && target == Target::curly && role != Role::unknown)
      add(QuoteProblem::style, span, std::string(role == Role::open ? kOpen : kClose), 0.85,
          "straight quote in a text that uses curly quotes");
    else if (glyph != kStraight && target == Target::straight)
      add(QuoteProblem::style, span, std::string(kStraight), 0.85, "curly quote in a text that uses straight quotes");
  }

  void add(QuoteProblem problem, Span span, std::string replacement, double conf, std::string message) {
    fixes_.push_back(QuoteFix{problem, span, std::move(replacement), false, conf, std::move(message)});
  }

  void report(std::size_t i, std::string message) {
    fixes_.push_back(
        QuoteFix{QuoteProblem::unbalanced, Span{doc_[i].begin, doc_[i].end}, "", true, 0, std::move(message)});
  }

  const Document& doc_;
  std::vector<std::size_t> quotes_;  // tokens of the quotes, in order
  std::size_t next_ = 0;             // index in quotes_ being read
  std::size_t last_open_ = Document::npos;
  bool pending_ = false;
  std::vector<QuoteFix> fixes_;
};

}  // namespace

const std::vector<QuoteFix>& analyze_double_quotes(const Document& doc) {
  // Four rules read the same analysis of the same paragraph: do it once
  // per document (and thread).
  thread_local std::uint64_t cached_serial = ~std::uint64_t{0};
  thread_local std::vector<QuoteFix> cached;
  if (cached_serial == doc.serial()) return cached;
  cached_serial = doc.serial();
  cached.clear();
  const std::string_view text = doc.text();
  // „German“ and «French» conventions use “ differently: leave them be.
  const bool curly = doc.has('\xE2');  // “ ” „ all start E2, « starts C2
  const bool other_convention = (curly && text.find("\xE2\x80\x9E") != std::string_view::npos) ||
                                (doc.has('\xC2') && text.find("\xC2\xAB") != std::string_view::npos);
  if (!other_convention && (doc.has('"') || (curly && (text.find("\xE2\x80\x9C") != std::string_view::npos ||
                                                       text.find("\xE2\x80\x9D") != std::string_view::npos))))
    cached = DoubleQuoteReader(doc).run();
  // Czech and German close with “: in another language, no quote is read.
  if (!cached.empty() && doc.mostly_unknown_words()) cached.clear();
  return cached;
}

// Apostrophes and single quotes: only the style, and only where the mark's
// job is plain from its neighbours (inside a word, or after a word's end).
namespace {

bool is_letter_byte(char c) { return ascii::is_alnum(c) || static_cast<unsigned char>(c) >= 0x80; }

// "'n'", "'em", "'tis", "'90s": a mark at a word start that stands for
// lost letters, an apostrophe rather than an opening quote.
bool elision_after(std::string_view rest) {
  static constexpr std::array<std::string_view, 8> kElisions = {"n", "em", "tis", "twas", "cause", "til", "bout", "s"};
  std::size_t n = 0;
  while (n < rest.size() && ascii::is_alpha(rest[n])) ++n;
  if (!rest.empty() && ascii::is_digit(rest[0])) return true;
  return one_of(ascii::lower(rest.substr(0, n)), kElisions);
}

// True when a mark from the set closes a quotation later in the text: it
// follows a letter and is followed by a space, punctuation or the end.
bool closed_later(std::string_view text, std::size_t from, std::string_view mark) {
  for (std::size_t p = text.find(mark, from); p != std::string_view::npos; p = text.find(mark, p + 1)) {
    const std::size_t end = p + mark.size();
    if (p > 0 && is_letter_byte(text[p - 1]) && (end >= text.size() || !is_letter_byte(text[end]))) return true;
  }
  return false;
}

// Two or more straight single quotes in a row are markup (TeX's and wiki
// text's '' and ''') or noise, not apostrophes. Read one by one, each
// one's job hung on its neighbours once they were converted, one more a
// pass: "x'''''" needed five passes to settle.
bool in_straight_run(std::string_view text, std::size_t p, std::size_t end) {
  return (p > 0 && text[p - 1] == '\'') || (end < text.size() && text[end] == '\'');
}

}  // namespace

// Apostrophes and single quotes: only the style, and only where the mark's
// job is plain from its neighbours.
std::vector<QuoteFix> analyze_single_quotes(const Document& doc) {
  std::vector<QuoteFix> fixes;
  if (!doc.has('\'') && !doc.has('\xE2')) return fixes;
  const Target target = target_style(doc, Marks::single_quotes);
  if (target == Target::none) return fixes;
  const bool to_curly = target == Target::curly;
  const std::string_view text = doc.text();
  for (const std::string_view from : {std::string_view("'"), kRightSingle, std::string_view("\xE2\x80\x98")}) {
    if ((from == "'") != to_curly) continue;  // curly target converts ', straight target converts ’ and ‘
    for (std::size_t p = text.find(from); p != std::string_view::npos; p = text.find(from, p + 1)) {
      const std::size_t end = p + from.size();
      if (in_straight_run(text, p, end)) continue;
      const bool after_letter = p > 0 && is_letter_byte(text[p - 1]);
      const bool before_letter = end < text.size() && is_letter_byte(text[end]);
      std::string_view to;
      if (!to_curly) {
        to = "'";
      } else if (after_letter) {
        to = kRightSingle;  // "don't", "dogs'", "'maybe'" closing
      } else if (before_letter && elision_after(text.substr(end))) {
        to = kRightSingle;  // "'n'", "'90s"
      } else if (before_letter && closed_later(text, end, from)) {
        to = "\xE2\x80\x98";  // "'maybe'" opening
      } else {
        continue;
      }
      if (doc.is_protected(Span{p, end})) continue;
      fixes.push_back(QuoteFix{QuoteProblem::style, Span{p, end}, std::string(to), false, 0.85,
                               to_curly ? "straight apostrophe or quote in a text that uses curly ones"
                                        : "curly apostrophe or quote in a text that uses straight ones"});
    }
  }
  return fixes;
}

}  // namespace textmend
