#pragma once
// Repairs one input (a file or stdin) the way the mode asks: its text, diff
// or report to an emit callback, its repaired bytes in place or under -o.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/batch.hpp"
#include "pipeline/sink.hpp"

namespace textmend::cli {

using Emit = std::function<void(std::string_view)>;

struct FileOutcome {
  FileSummary summary;
  std::vector<std::string> notes;  // stderr lines, each "textmend: PATH: ..." with its '\n'
  bool skipped = false;            // binary in a tree walk: left alone
  bool error = false;              // could not be read or written
  bool bad_input = false;          // binary or invalid UTF-8 given by name: passed through
};

struct FileJobOptions {
  unsigned jobs = 1;                 // paragraph threads (a single input uses them all)
  const Reviewer* review = nullptr;  // --interactive
  Emit flush;                        // called when the input waits (streaming to a pipe)
};

// out receives what goes to stdout for this input, in order.
FileOutcome repair_input(const Input& input, const Engine& engine, const Mode& mode, const Emit& out,
                         const FileJobOptions& options);

}  // namespace textmend::cli
