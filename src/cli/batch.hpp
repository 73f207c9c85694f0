#pragma once
// Running textmend over its inputs: one stream, or a batch of files (trees
// walked, files repaired in parallel, results reported in input order).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/inputs.hpp"
#include "core/error.hpp"
#include "io/safe_write.hpp"
#include "pipeline/engine.hpp"
#include "pipeline/run.hpp"

namespace textmend::cli {

// What goes to stdout.
enum class Report {
  text,       // the repaired text (the filter)
  diff,       // a unified diff (--diff)
  word_diff,  // changed lines with the fixes marked inline (--word-diff)
  explain,    // one line per finding (--explain)
  json,       // JSON Lines (--report=json)
  none,       // nothing (-i, -o, --check and --interactive write elsewhere)
};

struct Mode {
  Report report = Report::text;
  bool check = false;                            // --check: list files that would change; exit 1 if any
  bool in_place = false;                         // -i: rewrite changed files
  std::optional<std::filesystem::path> out_dir;  // -o DIR: write repaired copies there
  io::WriteOptions write;                        // --backup
  bool interactive = false;                      // --interactive: review each fix, then write in place
  int context = 3;                               // -U N
  std::optional<std::string> label;              // --label NAME: stdin's name in diffs and reports
  bool color = false;                            // highlight word diffs
  bool quiet = false;                            // no progress bar, no summary
  bool progress = false;                         // progress bar on stderr (a terminal, a batch, not quiet)
  std::string encoding;                          // --encoding; empty: UTF-8 (UTF-16 is found by its byte-order mark)
  WalkOptions walk;
  RunOptions run;  // reader options and -j
};

// Runs every input through engine as mode says; returns the exit code.
// Errors on one file are reported on stderr and the rest go on.
ExitCode run_inputs(const std::vector<std::string>& args, const Engine& engine, const Mode& mode);

// "1 file", "3 files": a count for the summaries on stderr.
std::string counted(std::size_t n, const char* one, const char* many);

}  // namespace textmend::cli
