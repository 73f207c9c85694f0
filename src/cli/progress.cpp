#include "cli/progress.hpp"

#include <cstdio>

namespace textmend::cli {

Progress::Progress(std::ostream& out, std::size_t total_files, std::uint64_t total_bytes, bool enabled)
    : out_(out), total_files_(total_files), total_bytes_(total_bytes), enabled_(enabled) {}

void Progress::file_done(std::uint64_t bytes) {
  ++files_;
  bytes_ += bytes;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100) && files_ < total_files_) return;
  last_draw_ = now;
  draw();
}

void Progress::draw() {
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(bytes_) / 1e6 / seconds : 0;
  const double left = rate > 0 && total_bytes_ > bytes_ ? static_cast<double>(total_bytes_ - bytes_) / 1e6 / rate : 0;
  constexpr int kWidth = 30;
  const int filled = total_files_ == 0 ? kWidth : static_cast<int>(kWidth * files_ / total_files_);
  char line[160];
  std::snprintf(line, sizeof line, "\r[%.*s%.*s] %zu/%zu files  %.1f MB/s  %d:%02d left\x1b[K", filled,
                "##############################", kWidth - filled, "                              ", files_,
                total_files_, rate, static_cast<int>(left) / 60, static_cast<int>(left) % 60);
  out_ << line << std::flush;
}

void Progress::finish() {
  if (enabled_ && files_ > 0) out_ << "\r\x1b[K" << std::flush;
}

}  // namespace textmend::cli
