#pragma once
// --jsonl FIELD: corpus files of one JSON object per line (as search and
// model-training pipelines store documents). The named string field of
// each record is repaired as a document of its own; every other byte of
// the line (other fields, key order, spacing, escapes) stays as it was. A
// line that is not a JSON object, or has no such string field, passes
// through unchanged and is counted.
#include <cstddef>
#include <string>
#include <string_view>

#include "pipeline/engine.hpp"
#include "pipeline/output.hpp"
#include "pipeline/reader.hpp"
#include "pipeline/source.hpp"

namespace textmend {

struct JsonlSummary {
  std::size_t records = 0;  // lines read (blank lines excluded)
  std::size_t changed = 0;  // records whose field was repaired
  std::size_t passed = 0;   // lines passed through: not a JSON object, or no such string field
  std::size_t applied = 0;  // edits written

  JsonlSummary& operator+=(const JsonlSummary& o) {
    records += o.records;
    changed += o.changed;
    passed += o.passed;
    applied += o.applied;
    return *this;
  }
};

enum class JsonlLine {
  passed,     // not a JSON object, or no such string member: left as it is
  unchanged,  // the member needed no repair
  changed,    // out holds the line with the member repaired
};

// Repairs one line (without its line end), adding to applied the edits made.
// The member's text is cut into paragraphs as a document would be (paragraphs:
// --max-paragraph), so a record comes out as its text would from a file.
JsonlLine repair_jsonl_line(std::string_view line, std::string_view field, const Engine& engine, std::string& out,
                            std::size_t& applied, const ReaderOptions& paragraphs = {});

// The whole stream, records repaired on `jobs` threads and written in order.
JsonlSummary run_jsonl(ByteSource& source, const std::string& field, const Engine& engine, Output& out, unsigned jobs,
                       const ReaderOptions& paragraphs = {});

namespace json {

// The span of the top-level member `key`'s raw string value (between the
// quotes, escapes still in) in an object; false if text is not exactly one
// valid JSON object, or the member is missing or not a string.
bool find_string_member(std::string_view text, std::string_view key, std::size_t& begin, std::size_t& end);
// Decodes a raw JSON string body (escapes, \uXXXX with surrogate pairs) to
// UTF-8; false on a bad escape.
bool unescape(std::string_view raw, std::string& out);
// Encodes UTF-8 as a JSON string body: quotes, backslashes and control
// characters escaped, everything else as it is.
std::string escape(std::string_view text);

}  // namespace json
}  // namespace textmend
