#pragma once
// Drives one input through the engine into a sink.
#include <string>

#include "pipeline/engine.hpp"
#include "pipeline/reader.hpp"
#include "pipeline/sink.hpp"

namespace textmend {

struct RunOptions {
  ReaderOptions reader;
  // Skim a regular file first so that document-level knowledge (quote
  // style, honorifics) covers the whole document; on a pipe it grows as
  // paragraphs arrive.
  bool prescan = true;
  // Threads repairing paragraphs; the output is the same for any number.
  unsigned jobs = 1;
  // Asked before each edit is written (interactive review); serial runs only.
  const Reviewer* review = nullptr;
};

FileSummary run_stream(ByteSource& source, const std::string& name, const Engine& engine, Sink& sink,
                       const RunOptions& options);

// Repairs a whole text in memory, exactly as the stream would.
std::string repair_text(std::string_view text, const Engine& engine, const RunOptions& options = {});
// The same, also telling what was done (edits written, per rule).
std::string repair_text(std::string_view text, const Engine& engine, const RunOptions& options, FileSummary& summary);

}  // namespace textmend
