#pragma once
// The progress bar of a batch on a terminal: files done of total, MB/s,
// time left. Drawn on stderr at most ten times a second.
#include <chrono>
#include <cstdint>
#include <ostream>

namespace textmend::cli {

class Progress {
 public:
  Progress(std::ostream& out, std::size_t total_files, std::uint64_t total_bytes, bool enabled);
  void file_done(std::uint64_t bytes);
  // Clears the bar so that the summary starts on a clean line.
  void finish();

 private:
  void draw();

  std::ostream& out_;
  std::size_t total_files_;
  std::uint64_t total_bytes_;
  bool enabled_;
  std::size_t files_ = 0;
  std::uint64_t bytes_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace textmend::cli
