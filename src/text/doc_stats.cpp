#include "text/doc_stats.hpp"

#include <array>
#include <bit>
#include <cstring>

#include "core/ascii.hpp"
#include "core/byte_masks.hpp"

namespace textmend {
namespace {

using ascii::is_alnum;
using ascii::is_alpha;
using ascii::is_digit;
using ascii::is_lower;
using ascii::is_upper;

// A blank within a line (the survey meets line ends on their own).
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// A clear majority: at least three uses and three times the other style.
bool majority(std::uint32_t mine, std::uint32_t theirs) { return mine >= 3 && mine >= 3 * theirs; }

// At "Mr Smith", "Dr. Jones" and the like (i at the 'M' or 'D'): the name
// that follows the honorific, or an empty view.
std::string_view honorific_name_at(std::string_view text, std::size_t i) {
  if (i > 0 && is_alpha(text[i - 1])) return {};
  static constexpr const char* kForms[] = {"Mrs", "Mr", "Ms", "Dr"};
  for (const char* form : kForms) {
    const std::size_t n = std::strlen(form);
    if (text.compare(i, n, form) != 0) continue;
    std::size_t j = i + n;
    if (j < text.size() && text[j] == '.') ++j;
    if (j + 1 >= text.size() || text[j] != ' ' || !is_upper(text[j + 1])) return {};
    std::size_t end = j + 1;
    while (end < text.size() && is_alpha(text[end])) ++end;
    return text.substr(j + 1, end - j - 1);
  }
  return {};
}

void record_honorific(DocStats& s, std::string_view name, bool doctor) {
  ++(doctor ? s.doctor : s.mister);
  s.add_honorifics(name, doctor ? 2 : 1);
}

// After a sentence end at text[i] ('.', '?' or '!'), records how the next
// sentence starts: capitalized or not, after one space or two. A lower-case
// word after a period is not counted against capitals: that is the very
// damage (a spurious period) the count helps to judge.
void sentence_start_after(std::string_view text, std::size_t i, DocStats& s) {
  if (i == 0 || !is_lower(text[i - 1])) return;  // "p.m." "U.S." "3." tell nothing
  std::size_t j = i + 1;
  std::size_t spaces = 0;
  while (j < text.size() && text[j] == ' ') ++j, ++spaces;
  if (spaces == 0 || j >= text.size() || spaces > 2) return;
  if (is_upper(text[j])) {
    ++s.sentence_upper;
    ++(spaces == 2 ? s.two_space_sentences : s.one_space_sentences);
  } else if (is_lower(text[j]) && text[i] != '.') {
    ++s.sentence_lower;
  }
}

// A curly quote read as Windows-1252 ("â€™" for ’), with i at the "€": the
// mojibake rule restores it, and the document's style must count it as
// what it will be, or a second run would restyle quotes the first left.
void count_mojibake_quote(std::string_view text, std::size_t i, DocStats& s) {
  if (i < 2 || text.compare(i - 2, 5, "\xC3\xA2\xE2\x82\xAC") != 0) return;
  const std::string_view rest = text.substr(i + 3, 3);
  if (rest.starts_with("\xCB\x9C") || rest.starts_with("\xE2\x84\xA2")) ++s.curly_single;  // ˜ ™: ‘ ’
  if (rest.starts_with("\xC5\x93") || rest.starts_with("\xC2\x9D")) ++s.curly_double;      // œ, U+009D: “ ”
}

// Line starts that mark Markdown: headings, list items, quotes, fences.
bool markdown_line_start(std::string_view text, std::size_t i) {
  const std::string_view rest = text.substr(i, 4);
  return rest.starts_with("# ") || rest.starts_with("## ") || rest.starts_with("- ") || rest.starts_with("* ") ||
         rest.starts_with("> ") || rest.starts_with("```");
}

// True when text ends with letters and digits, a letter among them.
bool ends_a_name(std::string_view text) {
  bool letter = false;
  for (std::size_t k = text.size(); k-- > 0 && is_alnum(text[k]);) letter = letter || is_alpha(text[k]);
  return letter;
}

// code_mark_at's body, inlined into the survey's loop: it runs at every
// hyphen and bracket of the prose the survey reads.
[[gnu::always_inline]] inline bool mark_at(std::string_view text, std::size_t i) {
  const auto blank = [](char c) { return is_space(c) || c == '\n'; };
  const char before = i > 0 ? text[i - 1] : ' ';
  const char after = i + 1 < text.size() ? text[i + 1] : ' ';
  switch (text[i]) {
    case '{':
    case '}':
    case '`':
      return true;
    case '\\':  // \n, C:\Users, a continued line; a lone "\ " is damage (a stray mark)
      return after != ' ' && after != '\t';
    case '_':  // snake_case
      return is_alnum(before) && is_alnum(after);
    case '$':  // $HOME, ${var}, $(command); not $5
      return is_alpha(after) || after == '{' || after == '(';
    case '=':  // a=b, ==, !=, =>
      return !blank(before) && !blank(after);
    case '<':  // <stdio.h>, <b>, </p>, <user@host>
      return is_alpha(after) || after == '/';
    case '-':  // a long option, --force; not a dash "-- aside" or "word--word"
      return blank(before) && after == '-' && i + 2 < text.size() && is_alpha(text[i + 2]);
    case '(':  // a manual page, bzip2(1); not a clause, "Article 5(2)"
      return is_digit(after) && i + 2 < text.size() && text[i + 2] == ')' && ends_a_name(text.substr(0, i));
    default:
      return false;
  }
}

}  // namespace

bool code_mark_at(std::string_view text, std::size_t i) { return mark_at(text, i); }

DocStats& DocStats::operator+=(const DocStats& o) {
  curly_double += o.curly_double;
  straight_double += o.straight_double;
  curly_single += o.curly_single;
  straight_single += o.straight_single;
  mister += o.mister;
  doctor += o.doctor;
  if (o.names_)
    for (const auto& [name, bits] : *o.names_) add_honorifics(name, bits);
  sentence_upper += o.sentence_upper;
  sentence_lower += o.sentence_lower;
  two_space_sentences += o.two_space_sentences;
  one_space_sentences += o.one_space_sentences;
  markdown_lines += o.markdown_lines;
  code_marks += o.code_marks;
  bytes += o.bytes;
  return *this;
}

bool DocStats::prefers_curly_double() const { return majority(curly_double, straight_double); }
bool DocStats::prefers_straight_double() const { return majority(straight_double, curly_double); }
bool DocStats::prefers_curly_single() const { return majority(curly_single, straight_single); }
bool DocStats::prefers_straight_single() const { return majority(straight_single, curly_single); }

bool DocStats::capitalizes_sentences()
    const {  // English capitalizes sentences; only a text that shows otherwise (lower-case
  // paragraph starts, lower case after ? and !) is read as not doing so.
  return sentence_upper >= 2 * sentence_lower;
}

std::uint8_t DocStats::honorifics_of(std::string_view name) const {
  if (!names_) return 0;
  const auto it = names_->find(name);
  return it == names_->end() ? 0 : it->second;
}

void DocStats::add_honorifics(std::string_view name, std::uint8_t bits) {
  const std::uint8_t had = honorifics_of(name);
  if ((had | bits) == had) return;  // nothing new: the shared map stays shared
  if (had == 0 && honorific_name_count() >= kMaxNames) return;
  // Another snapshot may be reading the map: change a copy of it.
  if (!names_ || names_.use_count() > 1) names_ = names_ ? std::make_shared<Names>(*names_) : std::make_shared<Names>();
  (*names_)[std::string(name)] |= bits;
}

bool DocStats::looks_like_markdown() const { return markdown_lines >= 2; }

// At least one mark of code in two kilobytes, and three in all: the shared
// development set's news prose, damaged or not, has none; of the READMEs,
// NEWS files and ChangeLogs of a Debian system, nine in ten have more than
// 1.7 a kilobyte.
bool DocStats::looks_technical() const { return code_marks >= 3 && std::uint64_t{code_marks} * 2048 >= bytes; }

bool DocStats::spaces_twice_after_sentences() const {
  return two_space_sentences >= 2 && two_space_sentences >= 2 * one_space_sentences;
}

namespace {

// What one byte of a line (past its leading spaces) adds to the counts.
void count_at(std::string_view text, std::size_t i, DocStats& s) {
  switch (text[i]) {
    case '"':
      ++s.straight_double;
      break;
    case '\'':
      ++s.straight_single;
      break;
    case '.':
    case '?':
    case '!':
      sentence_start_after(text, i, s);
      break;
    case 'M':
    case 'D':
      if (const std::string_view name = honorific_name_at(text, i); !name.empty())
        record_honorific(s, name, text[i] == 'D');
      break;
    case '\xE2':
      // U+2018..U+201D are E2 80 98..9D.
      if (i + 2 < text.size() && text[i + 1] == '\x80') {
        const auto third = static_cast<unsigned char>(text[i + 2]);
        if (third == 0x98 || third == 0x99) ++s.curly_single;
        if (third == 0x9C || third == 0x9D) ++s.curly_double;
      } else {
        count_mojibake_quote(text, i, s);
      }
      break;
    default:
      s.code_marks += mark_at(text, i);  // its bytes, kCodeMarkBytes, end kStopBytes
      break;
  }
}

// The bytes count_at or a line end act on; the survey skips the rest of a
// line without a second look (most bytes are letters and spaces).
constexpr std::string_view kStopBytes = "\n\"'.?!MD\xE2{}\\`_$=<-(";
static_assert(kStopBytes.ends_with(kCodeMarkBytes), "the survey stops at every byte of a mark of code");
constexpr std::array<bool, 256> kStops = [] {
  std::array<bool, 256> stops{};
  for (const char c : kStopBytes) stops[static_cast<unsigned char>(c)] = true;
  return stops;
}();

// Finds the next byte of kStops. With vector compares it keeps the stops
// of a 64-byte block as a bit mask, so that the skip between stops (about
// ten bytes of prose) is a bit scan, not a loop that mispredicts its exit.
class StopFinder {
 public:
  StopFinder(std::string_view text, bool vectors) : text_(text), vectors_(vectors) {}

  // The first stop at or after i, or the text's size.
  std::size_t next(std::size_t i) {
#if defined(TEXTMEND_BYTE_MASKS)
    using byte_masks::kBlock;
    while (vectors_ && text_.size() - i >= kBlock) {
      if (i < base_ || i >= base_ + kBlock) {
        base_ = i;
        stops_ = stops_in_block(text_.data() + i);
      }
      const std::uint64_t ahead = stops_ & (~std::uint64_t{0} << (i - base_));
      if (ahead != 0) return base_ + static_cast<std::size_t>(std::countr_zero(ahead));
      i = base_ + kBlock;
    }
#endif
    while (i < text_.size() && !kStops[static_cast<unsigned char>(text_[i])]) ++i;
    return i;
  }

 private:
#if defined(TEXTMEND_BYTE_MASKS)
  static std::uint64_t stops_in_block(const char* p) {
    using namespace byte_masks;
    std::uint64_t stops = 0;
    for (unsigned at = 0; at < kBlock; at += 16) {
      const __m128i v = load16(p + at);
      __m128i any = _mm_setzero_si128();
      for (const char c : kStopBytes) any = _mm_or_si128(any, equal(v, c));
      stops |= bits(any, at);
    }
    return stops;
  }
  std::size_t base_ = ~std::size_t{0} / 2;  // no block yet
  std::uint64_t stops_ = 0;
#endif
  std::string_view text_;
  bool vectors_;
};

DocStats survey(std::string_view text, bool vectors) {
  DocStats s;
  s.bytes = text.size();
  StopFinder stops(text, vectors);
  bool para_start = true;  // no text since the last blank line
  std::size_t i = 0;
  while (i < text.size()) {
    // A line's start: a blank line starts a paragraph, and the first mark
    // on a line may be Markdown or a paragraph's first word.
    while (i < text.size() && is_space(text[i])) ++i;
    if (i == text.size()) break;
    if (text[i] == '\n') {
      para_start = true;
      ++i;
      continue;
    }
    s.markdown_lines += markdown_line_start(text, i);
    // A paragraph's first word (one letter could be a stray: "r Blinken").
    if (para_start && is_alpha(text[i]) && i + 1 < text.size() && is_alpha(text[i + 1]))
      ++(is_upper(text[i]) ? s.sentence_upper : s.sentence_lower);
    para_start = false;
    count_at(text, i++, s);
    // The rest of the line.
    for (;;) {
      i = stops.next(i);
      if (i == text.size() || text[i++] == '\n') break;
      count_at(text, i - 1, s);
    }
  }
  return s;
}

}  // namespace

DocStats survey(std::string_view text) { return survey(text, true); }

DocStats survey_bytewise(std::string_view text) { return survey(text, false); }

}  // namespace textmend
