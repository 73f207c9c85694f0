#pragma once
// Where input bytes come from: a file descriptor, or memory (tests, and
// the string fields of JSON Lines records).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace textmend {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes; 0 at the end. Throws Error on a read error.
  virtual std::size_t read(char* buf, std::size_t n) = 0;
  // True when a read now would wait for a slow producer.
  virtual bool would_block() { return false; }
  // True when the content can be read ahead without consuming the stream
  // (a regular file, memory): lets the pipeline learn the document's style
  // before the first paragraph.
  virtual bool can_peek() const { return false; }
  // Reads up to n bytes at offset from the start, leaving the stream where
  // it is. Only when can_peek().
  virtual std::size_t peek_at(std::size_t offset, char* buf, std::size_t n) {
    (void)offset;
    (void)buf;
    (void)n;
    return 0;
  }
  // How many bytes the source holds from where it started, when known (a
  // regular file, memory): buffers and tables are sized by it, so that a
  // small document (a file of a batch, a JSON Lines record) does not clear
  // room for a large one.
  virtual std::optional<std::size_t> size() const { return std::nullopt; }
};

class FdSource final : public ByteSource {
 public:
  FdSource(int fd, std::string name);
  std::size_t read(char* buf, std::size_t n) override;
  bool would_block() override;
  bool can_peek() const override { return regular_; }
  std::size_t peek_at(std::size_t offset, char* buf, std::size_t n) override;
  std::optional<std::size_t> size() const override;

 private:
  int fd_;
  std::string name_;
  bool regular_ = false;
  long long start_ = 0;  // file offset when opened
};

class StringSource final : public ByteSource {
 public:
  explicit StringSource(std::string_view text) : text_(text) {}
  std::size_t read(char* buf, std::size_t n) override;
  bool can_peek() const override { return true; }
  std::size_t peek_at(std::size_t offset, char* buf, std::size_t n) override;
  std::optional<std::size_t> size() const override { return text_.size(); }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace textmend
