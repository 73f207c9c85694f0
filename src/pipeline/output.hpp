#pragma once
// Buffered writes to a file descriptor. Knows whether its reader is a
// person (a terminal) or a pipe, which decides when to flush.
#include <exception>
#include <string>
#include <string_view>

namespace textmend {

// The reader of our output went away (`textmend big.txt | head -1`): stop
// quietly.
class BrokenPipe : public std::exception {
 public:
  const char* what() const noexcept override { return "broken pipe"; }
};

class Output {
 public:
  // fd -1 discards everything (a check that only counts).
  explicit Output(int fd, std::string name = "-");
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void write(std::string_view bytes);
  void flush();
  // Flushes when a person or a pipe reads us; regular files get big writes.
  void paragraph_done();
  bool is_terminal() const { return terminal_; }

 private:
  int fd_;
  std::string name_;
  std::string buf_;
  bool terminal_ = false;
};

}  // namespace textmend
