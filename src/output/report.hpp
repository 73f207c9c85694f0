#pragma once
// Report writers: what textmend saw and did, per decision, for programs
// (JSON Lines, docs/json-report.md) and for people (the --explain listing).
// Both take units in input order, file after file, and hand each finished
// line (ending in '\n') to an emit callback; they know nothing about where
// the text goes.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "pipeline/sink.hpp"
#include "pipeline/unit.hpp"

namespace textmend::report {

// A place in a file: line (1-based) and column (1-based, in characters:
// each valid UTF-8 sequence counts one, each invalid byte counts one).
struct Position {
  std::uint64_t line = 1;
  std::uint64_t column = 1;
};

// The position of byte (an offset into r.original, clamped to its size).
// Lines start after '\n'. first_column is the column of r.original's first
// byte: 1 unless the unit continues a line that an earlier unit began (a
// line longer than --max-paragraph is cut into several units); the writers
// below keep track of that themselves.
Position position_in(const UnitResult& r, std::size_t byte, std::uint64_t first_column = 1);

// Text made to fit on one line for people: '\n' becomes the two characters
// \n, invisible characters (controls, spaces other than U+0020, zero-width
// and bidi marks, soft hyphen, byte-order mark, tags) become <U+XXXX>, and
// invalid bytes become <0xXX>. Everything else is kept as it is.
std::string visible(std::string_view text);

// Totals over a run of several files, for the closing "run" line.
struct RunTotals {
  std::size_t files = 0;                     // files read, binary ones included
  std::size_t changed = 0;                   // files whose output differs from their input
  std::size_t skipped = 0;                   // files passed through untouched as binary
  std::size_t errors = 0;                    // files that could not be read: counted by the caller, not by add()
  std::size_t applied = 0;                   // edits written
  std::size_t reported = 0;                  // findings not written
  std::map<std::string, std::size_t> rules;  // edits written, per rule id

  void add(const FileSummary& s);
};

// Remembers where the previous unit of a file ended, so that a unit that
// continues a line gets the right columns.
class ColumnCarry {
 public:
  // The column of r.original's first byte.
  std::uint64_t first_column(const std::string& file, const UnitResult& r) const;
  // Records the column just after r.original's last byte.
  void done(const std::string& file, const UnitResult& r, std::uint64_t first_column);
  void reset() { active_ = false; }

 private:
  bool active_ = false;
  std::string file_;
  std::uint64_t next_offset_ = 0;
  std::uint64_t column_ = 1;
};

// JSON Lines: one object per line, "type" first: "finding" (one per
// decision, applied or not), "file" (after each file), "run" (at the end).
class JsonReport {
 public:
  using Emit = std::function<void(std::string_view)>;

  explicit JsonReport(Emit emit);

  void unit(const std::string& file, const UnitResult& r);
  void file(const FileSummary& s);
  void run(const RunTotals& t);

 private:
  Emit emit_;
  ColumnCarry carry_;
};

// The --explain listing, one line per decision:
//   FILE:LINE:COL RULE: «BEFORE» → «AFTER» (0.93) MESSAGE
//   FILE:LINE:COL RULE: «BEFORE» → «AFTER» (0.61) MESSAGE [not applied: below-confidence]
// AFTER is an unquoted ? (and the confidence is left out) when the rule
// proposes nothing. BEFORE, AFTER, FILE and MESSAGE go through visible().
class Explain {
 public:
  using Emit = std::function<void(std::string_view)>;

  explicit Explain(Emit emit);

  void unit(const std::string& file, const UnitResult& r);

 private:
  Emit emit_;
  ColumnCarry carry_;
};

}  // namespace textmend::report
