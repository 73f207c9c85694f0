#pragma once
// Where repaired units go. Each output mode (clean text, diff, JSON
// report, check, in-place) is one Sink; the pipeline knows nothing about
// formats and sinks know nothing about reading.
#include <cstdint>
#include <map>
#include <string>

#include "pipeline/output.hpp"
#include "pipeline/unit.hpp"

namespace textmend {

struct FileSummary {
  std::string name;
  std::uint64_t bytes = 0;
  std::size_t applied = 0;   // edits written
  std::size_t reported = 0;  // findings not written
  std::map<std::string, std::size_t, std::less<>> applied_by_rule;
  std::size_t invalid_sequences = 0;
  std::uint64_t first_invalid = 0;
  bool binary = false;
  std::uint64_t first_nul = 0;
  bool changed = false;

  void add(const UnitResult& r);
};

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void begin_file(const std::string& name) { (void)name; }
  virtual void unit(const UnitResult& result) = 0;
  virtual void end_file(const FileSummary& summary) { (void)summary; }
  // The input is about to wait for more bytes: show what is ready.
  virtual void before_wait() {}
};

// The plain filter: repaired text to an Output.
class TextSink final : public Sink {
 public:
  explicit TextSink(Output& out) : out_(out) {}
  void unit(const UnitResult& result) override {
    out_.write(result.output());
    out_.paragraph_done();
  }
  void before_wait() override { out_.flush(); }

 private:
  Output& out_;
};

}  // namespace textmend
