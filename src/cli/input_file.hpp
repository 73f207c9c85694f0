#pragma once
// An input opened for reading: stdin for "-", else the named file, closed
// when done. Opening fails with an Error naming the file and the cause.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "core/error.hpp"

namespace textmend::cli {

class InputFile {
 public:
  explicit InputFile(const std::string& path) {
    if (path == "-") {
      fd_ = STDIN_FILENO;
      return;
    }
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw Error(path, std::strerror(errno));
    owned_ = true;
  }
  ~InputFile() {
    if (owned_) ::close(fd_);
  }
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_ = -1;
  bool owned_ = false;
};

}  // namespace textmend::cli
