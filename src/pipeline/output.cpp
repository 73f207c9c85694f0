#include "pipeline/output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.hpp"
#include "io/pipe.hpp"

namespace textmend {
namespace {
// Bulk output goes out in large writes (64 KB writes cost 1-2% more); a
// terminal still gets each paragraph, and a pipe whatever is ready when the
// input pauses.
constexpr std::size_t kBufferSize = 256 * 1024;
}  // namespace

Output::Output(int fd, std::string name) : fd_(fd), name_(std::move(name)) {
  terminal_ = fd >= 0 && ::isatty(fd) == 1;
  buf_.reserve(kBufferSize);
  widen_pipe(fd);
}

Output::~Output() {
  try {
    flush();
  } catch (...) {
    // Destructors must not throw; callers that care flush explicitly.
  }
}

void Output::write(std::string_view bytes) {
  if (buf_.size() + bytes.size() > kBufferSize) flush();
  if (bytes.size() >= kBufferSize) {
    buf_.append(bytes);
    flush();
    return;
  }
  buf_.append(bytes);
}

void Output::flush() {
  if (fd_ < 0) buf_.clear();
  std::size_t done = 0;
  while (done < buf_.size()) {
    const ssize_t n = ::write(fd_, buf_.data() + done, buf_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      buf_.clear();
      if (errno == EPIPE) throw BrokenPipe();
      throw Error(name_, std::string("write failed: ") + std::strerror(errno));
    }
    done += static_cast<std::size_t>(n);
  }
  buf_.clear();
}

void Output::paragraph_done() {
  if (terminal_) flush();
}

}  // namespace textmend
