#pragma once
// Cuts a byte stream into paragraph units without ever holding more than
// one unit plus one read buffer. Where units end depends only on the bytes,
// never on how reads happened to split them, so output is the same for any
// buffer size.
#include <cstddef>
#include <functional>
#include <string>

#include "pipeline/source.hpp"
#include "pipeline/unit.hpp"

namespace textmend {

struct ReaderOptions {
  std::size_t buffer_size = 64 * 1024;
  std::size_t max_unit = 256 * 1024;  // a paragraph longer than this is cut at a line end
  // A paragraph is also cut after a line that ends a sentence, with no
  // quotation open, when a line with text follows it and either the line
  // is long (as a paragraph written on one line is: wrapped text keeps its
  // lines under a hundred characters or so) or the unit has passed
  // soft_unit. Text with no blank lines (one paragraph a line, as many
  // exports write it) would otherwise come in units of max_unit, where
  // every rule finds its marks somewhere, a pass is redone whole for one
  // edit, and nothing is written until the unit is full.
  std::size_t long_line = 160;
  std::size_t soft_unit = 4 * 1024;
};

class ParagraphReader {
 public:
  // before_wait runs when the next read would block (nothing is ready on a
  // pipe or terminal): the caller flushes output so that a slow producer's
  // paragraphs appear as they come.
  ParagraphReader(ByteSource& source, const ReaderOptions& options, std::function<void()> before_wait = {});

  // The next unit; false at the end of the input. Throws Error on a read error.
  bool next(Unit& unit);
  // True when next() would have to wait for a slow producer: no whole unit
  // is buffered and the source has nothing ready yet.
  bool would_wait();

  std::uint64_t bytes_read() const { return consumed_; }

 private:
  void fill();
  std::size_t complete_unit_end();
  bool may_cut_after(std::size_t line_end) const;
  bool quotation_closed_at(std::size_t line_end);
  std::size_t forced_cut() const;
  void take(std::size_t n, Unit& unit);

  ByteSource& source_;
  ReaderOptions options_;
  std::function<void()> before_wait_;
  std::string buf_;
  std::size_t head_ = 0;  // start of the bytes not yet handed out
  bool eof_ = false;
  bool first_ = true;
  std::uint64_t consumed_ = 0;
  std::uint64_t line_ = 1;
  // Scan state, kept between calls so bytes are scanned once.
  std::size_t scan_ = 0;  // absolute position in buf_
  bool line_blank_ = true;
  std::size_t unit_end_ = 0;    // where the scan found the buffered unit's end; 0 when not yet
  std::size_t line_start_ = 0;  // where the line being scanned starts
  // Where the unit may end (just past a line break) if a line with text
  // follows; 0 when it may not.
  std::size_t cut_after_ = 0;
  // Whether a quotation is open at quotes_to_ (absolute in buf_; the
  // unit's start until a cut is about to be made and the unit is read up
  // to it).
  std::size_t quotes_to_ = 0;
  bool quotation_open_ = false;
};

}  // namespace textmend
