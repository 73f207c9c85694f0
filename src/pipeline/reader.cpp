#include "pipeline/reader.hpp"

#include <algorithm>
#include <cstring>

#include "core/ascii.hpp"
#include "core/utf8.hpp"

namespace textmend {

ParagraphReader::ParagraphReader(ByteSource& source, const ReaderOptions& options, std::function<void()> before_wait)
    : source_(source), options_(options), before_wait_(std::move(before_wait)) {
  options_.buffer_size = std::max<std::size_t>(options_.buffer_size, 1);
  options_.max_unit = std::max<std::size_t>(options_.max_unit, 64);
}

void ParagraphReader::fill() {
  if (before_wait_ && source_.would_block()) before_wait_();
  // Drop consumed bytes before growing, so the buffer stays within one
  // unit plus one read.
  if (head_ > 0) {
    buf_.erase(0, head_);
    scan_ -= head_;
    if (unit_end_ != 0) unit_end_ -= head_;
    quotes_to_ -= head_;
    if (cut_after_ != 0) cut_after_ -= head_;
    line_start_ -= head_;
    head_ = 0;
  }
  // A read asks for no more than the source holds (and one byte more, to
  // see its end): resizing the buffer clears the room it makes.
  std::size_t want = options_.buffer_size;
  if (const auto size = source_.size()) want = std::clamp<std::size_t>(*size + 1, 1, want);
  const std::size_t old = buf_.size();
  buf_.resize(old + want);
  std::size_t n = 0;
  try {
    n = source_.read(buf_.data() + old, want);
  } catch (...) {
    buf_.resize(old);
    throw;
  }
  buf_.resize(old + n);
  if (n == 0) eof_ = true;
}

namespace {

// True when the line ending at text[end] (its line break) ends a sentence:
// its last mark, before closing quotes or brackets, is . ? or !.
bool ends_sentence(std::string_view text, std::size_t end) {
  while (end > 0 && (text[end - 1] == '\r' || text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  for (int closers = 0; closers < 2 && end > 0; ++closers) {
    if (text[end - 1] == '"' || text[end - 1] == ')') {
      --end;
    } else if (end >= 3 && (text.substr(end - 3, 3) == "\xE2\x80\x9D" || text.substr(end - 3, 3) == "\xE2\x80\x9C" ||
                            text.substr(end - 3, 3) == "\xE2\x80\x99")) {  // a closing “ is mended into ”
      end -= 3;
    } else {
      break;
    }
  }
  return end > 0 && (text[end - 1] == '.' || text[end - 1] == '?' || text[end - 1] == '!');
}

// The length of the double quote mark at text[i], or 0: " “ ” and the two
// curly ones read as Windows-1252 (â€œ, â€\x9D), which the repairs turn
// into quotes.
std::size_t double_quote_at(std::string_view text, std::size_t i) {
  if (text[i] == '"') return 1;
  const std::string_view rest = text.substr(i);
  if (rest.starts_with("\xE2\x80\x9C") || rest.starts_with("\xE2\x80\x9D")) return 3;
  if (rest.starts_with("\xC3\xA2\xE2\x82\xAC\xC5\x93") || rest.starts_with("\xC3\xA2\xE2\x82\xAC\xC2\x9D")) return 7;
  return 0;
}

// After the last ". A" ("? A", "! A") in text, or npos: where a sentence
// ends, no rule needs to see both sides, so a repair near the cut comes
// out the same when the cut lands elsewhere on a second run.
std::size_t after_last_sentence_end(std::string_view text) {
  for (std::size_t sp = text.rfind(' '); sp != std::string_view::npos && sp > 0; sp = text.rfind(' ', sp - 1)) {
    const char end = text[sp - 1];
    if ((end == '.' || end == '?' || end == '!') && sp + 1 < text.size() && ascii::is_upper(text[sp + 1]))
      return sp + 1;
  }
  return std::string_view::npos;
}

}  // namespace

// True when the unit may end after the line ending at line_end (its line
// break), if a line with text follows: the line ends a sentence, and it is
// long or the unit is (see ReaderOptions). No rule reads across a sentence
// end at a line break but the quote rules, which pair a paragraph's quotes
// (quotation_closed_at).
bool ParagraphReader::may_cut_after(std::size_t line_end) const {
  const bool long_line = line_end - line_start_ >= options_.long_line;
  const bool long_unit = line_end + 1 - head_ >= options_.soft_unit;
  return (long_line || long_unit) && ends_sentence(buf_, line_end);
}

// True when no quotation is open at line_end: the last quote mark before
// it closes one. Counting marks instead would stay off for good after one
// dropped or doubled quote, common in damaged text. A mark opens after a
// space, a bracket or at a line start, and closes anywhere else, whatever
// its shape: the repairs give it the shape its place asks for (“ after a
// word becomes ”), and the units must come out the same on a second run.
bool ParagraphReader::quotation_closed_at(std::size_t line_end) {
  const std::string_view text(buf_.data(), line_end);
  for (std::size_t i = quotes_to_; i < line_end; ++i) {
    const char c = buf_[i];
    if (c != '"' && c != '\xE2' && c != '\xC3') continue;
    const std::size_t n = double_quote_at(text, i);
    if (n == 0) continue;
    const char before = i == head_ ? ' ' : buf_[i - 1];
    quotation_open_ = before == ' ' || before == '\n' || before == '\t' || before == '(' || before == '[';
    i += n - 1;
  }
  quotes_to_ = line_end;
  return !quotation_open_;
}

// The end of the first complete unit in the buffer (just past a blank
// line, or before a line with text that may start one), or 0 when the
// buffer holds none yet.
std::size_t ParagraphReader::complete_unit_end() {
  if (unit_end_ != 0) return unit_end_;
  while (scan_ < buf_.size()) {
    if (!line_blank_) {
      // Inside a line with text: jump to its end.
      const void* nl = std::memchr(buf_.data() + scan_, '\n', buf_.size() - scan_);
      if (nl == nullptr) {
        scan_ = buf_.size();
        return 0;
      }
      const auto line_end = static_cast<std::size_t>(static_cast<const char*>(nl) - buf_.data());
      scan_ = line_end + 1;
      line_blank_ = true;
      cut_after_ = may_cut_after(line_end) ? scan_ : 0;
      line_start_ = scan_;
      continue;
    }
    const char c = buf_[scan_++];
    if (c == '\n') return unit_end_ = scan_;
    if (c != ' ' && c != '\t' && c != '\r') {
      line_blank_ = false;
      // A line with text follows one the unit may end after. (Before a
      // blank line the paragraph ends one line later anyway.)
      if (cut_after_ != 0 && quotation_closed_at(cut_after_ - 1)) return unit_end_ = cut_after_;
      cut_after_ = 0;
    }
  }
  return 0;
}

// Where to cut a unit that has grown past max_unit: after the last line
// break, else after the last sentence end, else after the last space, else
// at a character boundary.
std::size_t ParagraphReader::forced_cut() const {
  const std::string_view pending = std::string_view(buf_).substr(head_);
  const std::string_view head = pending.substr(0, options_.max_unit);
  if (const std::size_t nl = head.rfind('\n'); nl != std::string_view::npos) return head_ + nl + 1;
  if (const std::size_t end = after_last_sentence_end(head); end != std::string_view::npos) return head_ + end;
  if (const std::size_t sp = head.rfind(' '); sp != std::string_view::npos) return head_ + sp + 1;
  return head_ + utf8::char_boundary_at_or_before(pending, options_.max_unit);
}

void ParagraphReader::take(std::size_t end, Unit& unit) {
  unit.text.assign(buf_, head_, end - head_);
  unit.offset = consumed_;
  unit.line = line_;
  unit.stream_start = first_;
  first_ = false;
  consumed_ += unit.text.size();
  line_ += static_cast<std::uint64_t>(std::count(unit.text.begin(), unit.text.end(), '\n'));
  head_ = end;
  scan_ = end;
  line_blank_ = true;
  unit_end_ = 0;
  line_start_ = end;
  cut_after_ = 0;
  quotes_to_ = end;
  quotation_open_ = false;
}

bool ParagraphReader::would_wait() {
  if (eof_ || complete_unit_end() != 0 || buf_.size() - head_ >= options_.max_unit) return false;
  return source_.would_block();
}

bool ParagraphReader::next(Unit& unit) {
  for (;;) {
    const std::size_t pending = buf_.size() - head_;
    const std::size_t end = complete_unit_end();
    if (end != 0 && end - head_ <= options_.max_unit) {
      take(end, unit);
      return true;
    }
    if (pending >= options_.max_unit) {
      take(forced_cut(), unit);
      return true;
    }
    if (eof_) {
      if (pending == 0) return false;
      take(buf_.size(), unit);
      return true;
    }
    fill();
  }
}

}  // namespace textmend
