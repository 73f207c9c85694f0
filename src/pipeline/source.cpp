#include "pipeline/source.hpp"

#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/error.hpp"
#include "io/pipe.hpp"

namespace textmend {

FdSource::FdSource(int fd, std::string name) : fd_(fd), name_(std::move(name)) {
  struct stat st {};
  regular_ = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (!regular_) widen_pipe(fd);
  if (regular_) {
    const off_t at = ::lseek(fd, 0, SEEK_CUR);
    regular_ = at >= 0;
    start_ = at;
  }
}

std::size_t FdSource::read(char* buf, std::size_t n) {
  for (;;) {
    const ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno != EINTR) throw Error(name_, std::strerror(errno));
  }
}

bool FdSource::would_block() {
  if (regular_) return false;
  pollfd p{fd_, POLLIN, 0};
  return ::poll(&p, 1, 0) == 0;
}

std::size_t FdSource::peek_at(std::size_t offset, char* buf, std::size_t n) {
  for (;;) {
    const ssize_t got = ::pread(fd_, buf, n, static_cast<off_t>(start_ + static_cast<long long>(offset)));
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno != EINTR) throw Error(name_, std::strerror(errno));
  }
}

std::optional<std::size_t> FdSource::size() const {
  struct stat st {};
  if (!regular_ || ::fstat(fd_, &st) != 0 || st.st_size < start_) return std::nullopt;
  return static_cast<std::size_t>(st.st_size - start_);
}

std::size_t StringSource::read(char* buf, std::size_t n) {
  const std::size_t k = std::min(n, text_.size() - pos_);
  std::memcpy(buf, text_.data() + pos_, k);
  pos_ += k;
  return k;
}

std::size_t StringSource::peek_at(std::size_t offset, char* buf, std::size_t n) {
  if (offset >= text_.size()) return 0;
  const std::size_t k = std::min(n, text_.size() - offset);
  std::memcpy(buf, text_.data() + offset, k);
  return k;
}

}  // namespace textmend
