#pragma once
// The unit of streaming: one paragraph (lines up to and including a blank
// line), or a slice of an over-long one.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"

namespace textmend {

struct Unit {
  std::string text;
  std::uint64_t offset = 0;   // byte offset of text in the input
  std::uint64_t line = 1;     // line number of its first byte
  bool stream_start = false;  // the first unit: a byte-order mark here is kept
};

// A unit after repair, with every decision behind it. Decision spans are
// byte offsets into original.
struct UnitResult {
  std::string original;
  std::vector<Decision> decisions;
  std::uint64_t offset = 0;
  std::uint64_t line = 1;
  std::size_t invalid_sequences = 0;  // invalid UTF-8 sequences passed through
  std::uint64_t first_invalid = 0;    // input offset of the first one
  bool binary = false;                // passed through untouched: not text

  // The text to write: the repaired text, or the original itself when no
  // repair was made (most paragraphs, which are then never copied).
  std::string_view output() const { return edited_ ? std::string_view(repaired_) : std::string_view(original); }
  void set_output(std::string text) {
    repaired_ = std::move(text);
    edited_ = true;
  }
  bool changed() const { return output() != std::string_view(original); }

 private:
  std::string repaired_;
  bool edited_ = false;
};

}  // namespace textmend
