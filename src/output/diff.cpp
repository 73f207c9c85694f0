#include "output/diff.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <unordered_map>
#include <utility>

#include "core/utf8.hpp"

namespace textmend::diff {

// ---------------------------------------------------------------------------
// Myers' algorithm
// ---------------------------------------------------------------------------

namespace {

using Index = std::ptrdiff_t;  // signed: diagonals k = x - y go negative

// Past this many edit steps in one split the search stops looking for the
// shortest script and takes the furthest-reaching point (as GNU diff does),
// so a region where nothing matches costs O(N * limit), not O(N^2).
constexpr Index kCostLimit = 4096;

// Elements as small integers, so the inner loops compare ints, not strings.
struct Interned {
  std::vector<int> a;
  std::vector<int> b;
};

Interned intern(std::span<const std::string_view> a, std::span<const std::string_view> b) {
  std::unordered_map<std::string_view, int> ids;
  ids.reserve(a.size() + b.size());
  auto id_of = [&ids](std::string_view s) { return ids.try_emplace(s, static_cast<int>(ids.size())).first->second; };
  Interned out;
  out.a.reserve(a.size());
  out.b.reserve(b.size());
  for (auto s : a) out.a.push_back(id_of(s));
  for (auto s : b) out.b.push_back(id_of(s));
  return out;
}

// Marks which elements of a are deleted and which of b inserted, by
// divide and conquer on the "middle snake" (Myers 1986, section 4b), which
// needs O(N + M) memory whatever the number of differences.
class Myers {
 public:
  Myers(const std::vector<int>& a, const std::vector<int>& b)
      : a_(a),
        b_(b),
        deleted_(a.size(), false),
        inserted_(b.size(), false),
        offset_(static_cast<Index>(b.size()) + 1),
        fd_(a.size() + b.size() + 3),
        bd_(a.size() + b.size() + 3) {}

  void run() {
    // An explicit stack instead of recursion: heuristic splits can be
    // lopsided, and the call stack should not depend on the input.
    std::vector<Range> todo{{0, size(a_), 0, size(b_)}};
    while (!todo.empty()) {
      const Range r = todo.back();
      todo.pop_back();
      split_range(r, todo);
    }
  }

  const std::vector<bool>& deleted() const { return deleted_; }
  const std::vector<bool>& inserted() const { return inserted_; }

 private:
  struct Range {
    Index xoff, xlim, yoff, ylim;
  };
  struct Point {
    Index x, y;
  };

  static Index size(const std::vector<int>& v) { return static_cast<Index>(v.size()); }
  bool same(Index x, Index y) const { return a_[static_cast<std::size_t>(x)] == b_[static_cast<std::size_t>(y)]; }
  // Forward and backward furthest x per diagonal; diagonals run from
  // -(M + 1) to N + 1, hence the offset.
  Index& fd(Index k) { return fd_[static_cast<std::size_t>(k + offset_)]; }
  Index& bd(Index k) { return bd_[static_cast<std::size_t>(k + offset_)]; }

  void mark_deleted(Index from, Index to) {
    for (Index x = from; x < to; ++x) deleted_[static_cast<std::size_t>(x)] = true;
  }
  void mark_inserted(Index from, Index to) {
    for (Index y = from; y < to; ++y) inserted_[static_cast<std::size_t>(y)] = true;
  }

  // Settles a range or splits it in two on a point of a shortest path.
  void split_range(Range r, std::vector<Range>& todo) {
    while (r.xoff < r.xlim && r.yoff < r.ylim && same(r.xoff, r.yoff)) ++r.xoff, ++r.yoff;
    while (r.xoff < r.xlim && r.yoff < r.ylim && same(r.xlim - 1, r.ylim - 1)) --r.xlim, --r.ylim;
    if (r.xoff == r.xlim) return mark_inserted(r.yoff, r.ylim);
    if (r.yoff == r.ylim) return mark_deleted(r.xoff, r.xlim);
    const Point mid = middle(r);
    const bool at_corner = (mid.x == r.xoff && mid.y == r.yoff) || (mid.x == r.xlim && mid.y == r.ylim);
    if (at_corner) {
      // Cannot happen for a true middle snake; guards against looping.
      mark_deleted(r.xoff, r.xlim);
      return mark_inserted(r.yoff, r.ylim);
    }
    todo.push_back({r.xoff, mid.x, r.yoff, mid.y});
    todo.push_back({mid.x, r.xlim, mid.y, r.ylim});
  }

  // A point on a shortest edit path through r, found by searching from
  // both ends at once until the searches meet. r has no common prefix or
  // suffix. Diagonals outside the range get sentinels so that paths never
  // leave the grid.
  Point middle(const Range& r) {
    const Index dmin = r.xoff - r.ylim;
    const Index dmax = r.xlim - r.yoff;
    const Index fmid = r.xoff - r.yoff;
    const Index bmid = r.xlim - r.ylim;
    const bool odd = ((fmid - bmid) & 1) != 0;
    Index fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
    fd(fmid) = r.xoff;
    bd(bmid) = r.xlim;
    for (Index cost = 1;; ++cost) {
      // Forward: one more edit on each diagonal, then follow the snake.
      if (fmin > dmin) {
        fd(--fmin - 1) = -1;
      } else {
        ++fmin;
      }
      if (fmax < dmax) {
        fd(++fmax + 1) = -1;
      } else {
        --fmax;
      }
      for (Index k = fmax; k >= fmin; k -= 2) {
        const Index lo = fd(k - 1), hi = fd(k + 1);
        Index x = lo < hi ? hi : lo + 1;
        Index y = x - k;
        while (x < r.xlim && y < r.ylim && same(x, y)) ++x, ++y;
        fd(k) = x;
        if (odd && bmin <= k && k <= bmax && bd(k) <= x) return {x, y};
      }
      // Backward, the mirror image.
      if (bmin > dmin) {
        bd(--bmin - 1) = std::numeric_limits<Index>::max();
      } else {
        ++bmin;
      }
      if (bmax < dmax) {
        bd(++bmax + 1) = std::numeric_limits<Index>::max();
      } else {
        --bmax;
      }
      for (Index k = bmax; k >= bmin; k -= 2) {
        const Index lo = bd(k - 1), hi = bd(k + 1);
        Index x = lo < hi ? lo : hi - 1;
        Index y = x - k;
        while (r.xoff < x && r.yoff < y && same(x - 1, y - 1)) --x, --y;
        bd(k) = x;
        if (!odd && fmin <= k && k <= fmax && x <= fd(k)) return {x, y};
      }
      if (cost >= kCostLimit) return best_guess(r, fmin, fmax, bmin, bmax);
    }
  }

  // The furthest-reaching point of either search: not on a shortest path
  // in general, but it splits the range and so bounds the time.
  Point best_guess(const Range& r, Index fmin, Index fmax, Index bmin, Index bmax) {
    Point forward{r.xoff, r.yoff};
    for (Index k = fmax; k >= fmin; k -= 2) {
      Index x = std::min(fd(k), r.xlim);
      Index y = x - k;
      if (y > r.ylim) x = r.ylim + k, y = r.ylim;
      if (x + y > forward.x + forward.y) forward = {x, y};
    }
    Point backward{r.xlim, r.ylim};
    for (Index k = bmax; k >= bmin; k -= 2) {
      Index x = std::max(bd(k), r.xoff);
      Index y = x - k;
      if (y < r.yoff) x = r.yoff + k, y = r.yoff;
      if (x + y < backward.x + backward.y) backward = {x, y};
    }
    const Index forward_gain = forward.x + forward.y - (r.xoff + r.yoff);
    const Index backward_gain = (r.xlim + r.ylim) - (backward.x + backward.y);
    return forward_gain > backward_gain ? forward : backward;
  }

  const std::vector<int>& a_;
  const std::vector<int>& b_;
  std::vector<bool> deleted_;
  std::vector<bool> inserted_;
  Index offset_;
  std::vector<Index> fd_;
  std::vector<Index> bd_;
};

void push_run(std::vector<Op>& ops, OpKind kind, std::size_t a_pos, std::size_t b_pos, std::size_t count) {
  if (count > 0) ops.push_back({kind, a_pos, b_pos, count});
}

// Turns the marks into runs, each change as its deletions then insertions.
// Unmarked elements pair up in order: they are the common subsequence.
std::vector<Op> runs_from_marks(const std::vector<bool>& deleted, const std::vector<bool>& inserted, std::size_t a_base,
                                std::size_t b_base) {
  std::vector<Op> ops;
  std::size_t i = 0, j = 0;
  const std::size_t n = deleted.size(), m = inserted.size();
  while (i < n || j < m) {
    const std::size_t i0 = i, j0 = j;
    while (i < n && j < m && !deleted[i] && !inserted[j]) ++i, ++j;
    push_run(ops, OpKind::kEqual, a_base + i0, b_base + j0, i - i0);
    const std::size_t i1 = i;
    while (i < n && deleted[i]) ++i;
    push_run(ops, OpKind::kDelete, a_base + i1, b_base + j, i - i1);
    const std::size_t j1 = j;
    while (j < m && inserted[j]) ++j;
    push_run(ops, OpKind::kInsert, a_base + i, b_base + j1, j - j1);
  }
  return ops;
}

}  // namespace

std::vector<Op> diff_sequences(std::span<const std::string_view> a, std::span<const std::string_view> b) {
  // The common prefix and suffix are most of a typical paragraph; strip
  // them before paying for interning.
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  const auto a_mid = a.subspan(prefix, a.size() - prefix - suffix);
  const auto b_mid = b.subspan(prefix, b.size() - prefix - suffix);

  std::vector<Op> ops;
  push_run(ops, OpKind::kEqual, 0, 0, prefix);
  if (!a_mid.empty() || !b_mid.empty()) {
    const Interned ids = intern(a_mid, b_mid);
    Myers myers(ids.a, ids.b);
    myers.run();
    const auto middle = runs_from_marks(myers.deleted(), myers.inserted(), prefix, prefix);
    ops.insert(ops.end(), middle.begin(), middle.end());
  }
  push_run(ops, OpKind::kEqual, a.size() - suffix, b.size() - suffix, suffix);
  return ops;
}

// ---------------------------------------------------------------------------
// Unified diff
// ---------------------------------------------------------------------------

namespace {

bool at_line_start(const std::string& s) { return s.empty() || s.back() == '\n'; }

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t nl = text.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return lines;
}

// One line of a hunk; only the very last line of a side can lack its
// newline, and diff says so on a line of its own.
void append_line(std::string& out, char prefix, std::string_view line) {
  out += prefix;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

// "l,s" with the conventions of diff: "l" alone when s is 1, and for an
// empty range the number of the line before it.
std::string hunk_range(std::size_t lines_before, std::size_t count) {
  if (count == 0) return std::to_string(lines_before) + ",0";
  if (count == 1) return std::to_string(lines_before + 1);
  return std::to_string(lines_before + 1) + "," + std::to_string(count);
}

// A file name as a ---/+++ line holds it so that patch and git apply read
// it back: in double quotes with C escapes when it has a tab, a line break,
// a quote, a backslash or another control byte (as git writes it), else as
// it is, followed by a tab when it has a space (which patch takes for the
// end of the name unless a tab ends it, as diff -u writes a date after one).
std::string header_name(std::string_view name) {
  const bool plain = std::none_of(name.begin(), name.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F || c == '"' || c == '\\';
  });
  if (plain) return name.find(' ') == std::string_view::npos ? std::string(name) : std::string(name) + "\t";
  std::string out = "\"";
  for (const char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (u < 0x20 || u == 0x7F) {
      const char octal[] = {'\\', static_cast<char>('0' + (u >> 6)), static_cast<char>('0' + ((u >> 3) & 7)),
                            static_cast<char>('0' + (u & 7)), '\0'};
      out += octal;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

UnifiedDiff::UnifiedDiff(std::string label_before, std::string label_after, UnifiedOptions options,
                         std::function<void(std::string_view)> emit)
    : label_before_(std::move(label_before)),
      label_after_(std::move(label_after)),
      context_(static_cast<std::size_t>(std::max(options.context, 0))),
      emit_(std::move(emit)),
      recent_(context_) {}

void UnifiedDiff::add(std::string_view before, std::string_view after) {
  if (before == after) {
    add_unchanged(before);
  } else {
    add_changed(before, after);
  }
}

void UnifiedDiff::finish() {
  if (dirty_) {
    diff_region();
  } else if (!old_buf_.empty()) {
    on_common(old_buf_);  // the last line, without a newline on either side
    old_buf_.clear();
    new_buf_.clear();
  }
  flush_changes();
  if (hunk_open_) close_hunk();
}

// An unchanged chunk ends the changed region at its first line end: from
// there on both sides are the same lines, so the region can be diffed on
// its own and the rest streamed through as common lines.
void UnifiedDiff::add_unchanged(std::string_view chunk) {
  if (!dirty_) return feed_common(chunk);
  const std::size_t nl = chunk.find('\n');
  if (nl == std::string_view::npos) {
    old_buf_ += chunk;
    new_buf_ += chunk;
    return;
  }
  old_buf_ += chunk.substr(0, nl + 1);
  new_buf_ += chunk.substr(0, nl + 1);
  diff_region();
  feed_common(chunk.substr(nl + 1));
}

// Where both sides end a changed chunk at a line end, the region is closed
// right away: memory then stays within one paragraph even when every
// paragraph of a file changes.
void UnifiedDiff::add_changed(std::string_view before, std::string_view after) {
  old_buf_ += before;
  new_buf_ += after;
  dirty_ = true;
  if (at_line_start(old_buf_) && at_line_start(new_buf_)) diff_region();
}

// Unchanged text while no region is open: complete lines go straight to
// the hunk builder, a trailing partial line waits in the buffers.
void UnifiedDiff::feed_common(std::string_view text) {
  std::size_t pos = 0;
  if (!old_buf_.empty()) {
    const std::size_t nl = text.find('\n');
    if (nl == std::string_view::npos) {
      old_buf_ += text;
      new_buf_ += text;
      return;
    }
    old_buf_ += text.substr(0, nl + 1);
    on_common(old_buf_);
    pos = nl + 1;
  }
  old_buf_.clear();
  new_buf_.clear();
  while (pos < text.size()) {
    const std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) {
      old_buf_.assign(text.substr(pos));
      new_buf_ = old_buf_;
      return;
    }
    on_common(text.substr(pos, nl + 1 - pos));
    pos = nl + 1;
  }
}

void UnifiedDiff::diff_region() {
  const auto a = split_lines(old_buf_);
  const auto b = split_lines(new_buf_);
  emit_ops(a, b);
  old_buf_.clear();
  new_buf_.clear();
  dirty_ = false;
}

void UnifiedDiff::emit_ops(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  for (const Op& op : diff_sequences(a, b)) {
    for (std::size_t i = 0; i < op.count; ++i) {
      switch (op.kind) {
        case OpKind::kEqual:
          on_common(a[op.a_pos + i]);
          break;
        case OpKind::kDelete:
          on_change(OpKind::kDelete, a[op.a_pos + i]);
          break;
        case OpKind::kInsert:
          on_change(OpKind::kInsert, b[op.b_pos + i]);
          break;
      }
    }
  }
}

// A common line is trailing context of the open hunk, or waits in the
// ring in case a change follows. When the ring would overflow while a hunk
// is open, the gap to any next change exceeds 2 * context: the hunk ends.
void UnifiedDiff::on_common(std::string_view line) {
  flush_changes();
  ++old_line_;
  ++new_line_;
  if (hunk_open_ && trailing_common_ < context_) {
    append_line(hunk_body_, ' ', line);
    ++hunk_old_count_;
    ++hunk_new_count_;
    ++trailing_common_;
    return;
  }
  if (hunk_open_ && recent_size_ == context_) close_hunk();
  push_recent(line);
}

void UnifiedDiff::on_change(OpKind kind, std::string_view line) {
  if (!hunk_open_) open_hunk();
  take_recent_into_hunk();
  trailing_common_ = 0;
  if (kind == OpKind::kDelete) {
    append_line(pending_del_, '-', line);
    ++hunk_old_count_;
    ++old_line_;
  } else {
    append_line(pending_ins_, '+', line);
    ++hunk_new_count_;
    ++new_line_;
  }
}

void UnifiedDiff::open_hunk() {
  hunk_open_ = true;
  hunk_old_start_ = old_line_ - recent_size_;
  hunk_new_start_ = new_line_ - recent_size_;
  hunk_old_count_ = 0;
  hunk_new_count_ = 0;
  hunk_body_.clear();
}

void UnifiedDiff::take_recent_into_hunk() {
  for (std::size_t i = 0; i < recent_size_; ++i) {
    append_line(hunk_body_, ' ', recent_[(recent_start_ + i) % context_]);
  }
  hunk_old_count_ += recent_size_;
  hunk_new_count_ += recent_size_;
  recent_start_ = 0;
  recent_size_ = 0;
}

// Changes are held back until the next common line so that each change
// prints all its removed lines before its added ones, as diff does, even
// when it spans two regions.
void UnifiedDiff::flush_changes() {
  hunk_body_ += pending_del_;
  hunk_body_ += pending_ins_;
  pending_del_.clear();
  pending_ins_.clear();
}

void UnifiedDiff::close_hunk() {
  flush_changes();
  if (!header_done_) {
    emit_("--- " + header_name(label_before_) + "\n+++ " + header_name(label_after_) + "\n");
    header_done_ = true;
  }
  emit_("@@ -" + hunk_range(hunk_old_start_, hunk_old_count_) + " +" + hunk_range(hunk_new_start_, hunk_new_count_) +
        " @@\n");
  emit_(hunk_body_);
  hunk_body_.clear();
  hunk_open_ = false;
}

// Keeps the last context_ lines; assign() reuses each slot's capacity, so
// streaming a long unchanged stretch does not allocate per line.
void UnifiedDiff::push_recent(std::string_view line) {
  if (context_ == 0) return;
  if (recent_size_ < context_) {
    recent_[(recent_start_ + recent_size_) % context_].assign(line);
    ++recent_size_;
  } else {
    recent_[recent_start_].assign(line);
    recent_start_ = (recent_start_ + 1) % context_;
  }
}

// ---------------------------------------------------------------------------
// Word diff
// ---------------------------------------------------------------------------

namespace {

enum class CharClass { kLineEnd, kSpace, kWord, kSingle };

bool is_space_cp(char32_t cp) {
  return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// Non-ASCII characters that stand alone like ASCII punctuation: the ones
// textmend edits most (curly quotes, dashes, ellipses, invisible marks)
// must not glue onto the word next to them.
bool is_single_cp(char32_t cp) {
  if (cp >= 0xA1 && cp <= 0xBF) return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
  return cp == 0xD7 || cp == 0xF7 || (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20CF) ||
         (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xFE10 && cp <= 0xFE6F) ||
         cp == 0xFEFF || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xFFFD || cp >= 0x1F000 ||
         cp == utf8::kInvalid;
}

CharClass ascii_class(unsigned char c) {
  if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') return CharClass::kSpace;
  if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_') return CharClass::kWord;
  return CharClass::kSingle;
}

// The class of the character at s[i]; advances i past it.
CharClass next_char(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == '\n' || (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) {
    i += c == '\r' ? 2 : 1;
    return CharClass::kLineEnd;
  }
  if (c < 0x80) {
    ++i;
    return ascii_class(c);
  }
  const char32_t cp = utf8::decode(s, i);
  if (is_space_cp(cp)) return CharClass::kSpace;
  if (is_single_cp(cp)) return CharClass::kSingle;
  return CharClass::kWord;
}

bool is_line_end(std::string_view token) { return token == "\n" || token == "\r\n"; }

constexpr std::string_view kLineEndMark = "\xE2\x86\xB5";  // ↵

struct Markers {
  std::string_view del_open, del_close, ins_open, ins_close;
};

constexpr Markers kPlain{"[-", "-]", "{+", "+}"};
constexpr Markers kColor{"\x1b[31m", "\x1b[m", "\x1b[32m", "\x1b[m"};

struct DisplayLine {
  std::string text;
  bool changed = false;
};

// Lays the edit script out on the lines of `after`: common and added text
// where it stands, removed text where it stood. Markers close at each line
// end so that every line reads (and colours) on its own.
class Layout {
 public:
  explicit Layout(const Markers& markers) : markers_(markers), lines_(1) {}

  void common(std::string_view token) {
    if (is_line_end(token)) {
      lines_.emplace_back();
    } else {
      lines_.back().text += token;
    }
  }

  void removed(std::span<const std::string_view> tokens) {
    std::string shown;
    for (auto t : tokens) shown += is_line_end(t) ? kLineEndMark : t;
    mark(markers_.del_open, shown, markers_.del_close);
  }

  void added(std::span<const std::string_view> tokens) {
    std::string shown;
    for (auto t : tokens) {
      if (!is_line_end(t)) {
        shown += t;
        continue;
      }
      shown += kLineEndMark;
      mark(markers_.ins_open, shown, markers_.ins_close);
      shown.clear();
      lines_.emplace_back();
    }
    if (!shown.empty()) mark(markers_.ins_open, shown, markers_.ins_close);
  }

  // The lines of `after`: a last empty line after the final line end is
  // not one, unless a removal at the very end was laid out there.
  std::vector<DisplayLine> take() {
    if (lines_.size() > 1 && lines_.back().text.empty() && !lines_.back().changed) lines_.pop_back();
    if (lines_.size() == 1 && lines_.back().text.empty() && !lines_.back().changed) lines_.clear();
    return std::move(lines_);
  }

 private:
  void mark(std::string_view open, std::string_view text, std::string_view close) {
    DisplayLine& line = lines_.back();
    line.text += open;
    line.text += text;
    line.text += close;
    line.changed = true;
  }

  Markers markers_;
  std::vector<DisplayLine> lines_;
};

// Changed lines and the context lines around them; "--" between groups
// that are not adjacent.
std::string render(const std::vector<DisplayLine>& lines, std::size_t context) {
  std::vector<bool> shown(lines.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].changed) continue;
    const std::size_t from = i >= context ? i - context : 0;
    const std::size_t to = std::min(lines.size(), i + context + 1);
    for (std::size_t j = from; j < to; ++j) shown[j] = true;
  }
  std::string out;
  bool any = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!shown[i]) continue;
    if (any && !shown[i - 1]) out += "--\n";
    out += lines[i].text;
    out += '\n';
    any = true;
  }
  return out;
}

}  // namespace

std::vector<std::string_view> word_tokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const CharClass cls = next_char(text, i);
    if (cls == CharClass::kSpace || cls == CharClass::kWord) {
      // Extend the run while the next character is of the same class.
      std::size_t j = i;
      while (j < text.size()) {
        std::size_t k = j;
        if (next_char(text, k) != cls) break;
        j = k;
      }
      i = j;
    }
    tokens.push_back(text.substr(start, i - start));
  }
  return tokens;
}

std::string word_diff(std::string_view before, std::string_view after, const WordDiffOptions& options) {
  const auto a = word_tokens(before);
  const auto b = word_tokens(after);
  Layout layout(options.color ? kColor : kPlain);
  for (const Op& op : diff_sequences(a, b)) {
    switch (op.kind) {
      case OpKind::kEqual:
        for (std::size_t i = 0; i < op.count; ++i) layout.common(b[op.b_pos + i]);
        break;
      case OpKind::kDelete:
        layout.removed(std::span(a).subspan(op.a_pos, op.count));
        break;
      case OpKind::kInsert:
        layout.added(std::span(b).subspan(op.b_pos, op.count));
        break;
    }
  }
  return render(layout.take(), static_cast<std::size_t>(std::max(options.context, 0)));
}

}  // namespace textmend::diff
