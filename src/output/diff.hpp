#pragma once
// Diffs of a repaired file against its original, for showing what textmend
// would change instead of writing the new text.
//
// The pipeline hands us a file as (original, repaired) chunk pairs in input
// order, and files can be far larger than memory, so the unified diff is
// built as a stream: it keeps the text of the changed region it is working
// on, the hunk it is building and `context` unchanged lines, never the file.
// Lines are byte strings: CRLF, invalid UTF-8 and NUL bytes pass through as
// they are, which is what `patch` and `git apply` expect.
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace textmend::diff {

// One run of a shortest edit script: `count` elements starting at `a_pos`
// in the first sequence and/or `b_pos` in the second.
enum class OpKind { kEqual, kDelete, kInsert };
struct Op {
  OpKind kind;
  std::size_t a_pos;
  std::size_t b_pos;
  std::size_t count;
};

// Myers' O(ND) difference algorithm (linear-space, divide and conquer).
// Elements are compared as byte strings; generic over lines or words.
// Within each change, deletions come before insertions, as diff prints
// them. The script is minimal unless the two sides differ in more than
// several thousand elements, where a heuristic bounds the time.
std::vector<Op> diff_sequences(std::span<const std::string_view> a, std::span<const std::string_view> b);

struct UnifiedOptions {
  int context = 3;  // unchanged lines shown around each change
};

// Writes a unified diff (`diff -u` / `git diff` format) of one file as its
// chunk pairs arrive. Labels go out as given: pass "a/PATH" and "b/PATH"
// for `patch -p1` and `git apply`. Nothing at all is emitted for a file
// that did not change.
class UnifiedDiff {
 public:
  // emit receives the output in pieces, in order.
  UnifiedDiff(std::string label_before, std::string label_after, UnifiedOptions options,
              std::function<void(std::string_view)> emit);

  // The next pair of chunks; either may end in the middle of a line.
  void add(std::string_view before, std::string_view after);
  // Flushes the pending hunk. Call once, after the last add().
  void finish();

 private:
  // Lines of the changed region and of unchanged chunks reach the hunk
  // builder as these three events.
  void on_common(std::string_view line);
  void on_change(OpKind kind, std::string_view line);

  void add_unchanged(std::string_view chunk);
  void add_changed(std::string_view before, std::string_view after);
  void feed_common(std::string_view text);
  void diff_region();
  void emit_ops(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b);

  void open_hunk();
  void take_recent_into_hunk();
  void flush_changes();
  void close_hunk();
  void push_recent(std::string_view line);

  std::string label_before_;
  std::string label_after_;
  std::size_t context_;
  std::function<void(std::string_view)> emit_;

  // Text not yet split into lines and diffed. Both start at a line start;
  // while `dirty_` is false they are equal and hold at most a partial line.
  std::string old_buf_;
  std::string new_buf_;
  bool dirty_ = false;

  // Lines consumed so far on each side.
  std::size_t old_line_ = 0;
  std::size_t new_line_ = 0;

  // The last unchanged lines not yet in a hunk, a ring of at most context_.
  std::vector<std::string> recent_;
  std::size_t recent_start_ = 0;
  std::size_t recent_size_ = 0;

  // The hunk being built: its formatted lines and ranges.
  bool hunk_open_ = false;
  std::string hunk_body_;
  std::size_t hunk_old_start_ = 0;
  std::size_t hunk_new_start_ = 0;
  std::size_t hunk_old_count_ = 0;
  std::size_t hunk_new_count_ = 0;
  std::size_t trailing_common_ = 0;  // unchanged lines since the last change

  // Removed and added lines of the current change, printed removed first.
  std::string pending_del_;
  std::string pending_ins_;

  bool header_done_ = false;
};

struct WordDiffOptions {
  bool color = false;  // ANSI red/green instead of [-...-] and {+...+}
  int context = 0;     // unchanged lines shown around each changed line
};

// Like `git diff --word-diff` for one changed chunk: the lines of `after`
// holding a change (and `context` lines around them), each followed by
// "\n" instead of its own line end. Removed text shows as [-removed-],
// added as {+added+}; a removed or added line end shows as "↵". Groups of
// lines that are not adjacent are separated by a "--" line, as grep does.
std::string word_diff(std::string_view before, std::string_view after, const WordDiffOptions& options);

// The tokens word_diff compares: words, runs of whitespace, line ends
// ("\n" or "\r\n") and single punctuation characters. UTF-8 sequences are
// never split; an invalid byte is a token of its own.
std::vector<std::string_view> word_tokens(std::string_view text);

}  // namespace textmend::diff
