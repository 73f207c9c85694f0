#pragma once
// Safe in-place writing: a file is replaced by writing a temporary file beside
// it and renaming that over the original, so a reader (or a crash) sees either
// the old content or the new one, never a mix.
//
// What is kept and what is refused:
// - The new file gets the original's permission bits, and its owner and group
//   when the process may set them (root; otherwise the group if the caller is
//   a member of it). setuid/setgid bits are kept only when the owner and group
//   were kept. ACLs, extended attributes and the inode number are not kept, and
//   other hard links to the original keep the old content.
// - A file nobody may write (no write bit at all: 0444, 0400...) is refused
//   with "file is read-only", even for root. A file the process may not write
//   (access(W_OK) fails, e.g. someone else's 0644 file) is refused with the
//   errno text ("Permission denied", "Read-only file system"), even when the
//   directory would allow the rename. Anything but a regular file is refused.
// - A symbolic link is written through: the file it finally points to (all
//   links followed) is replaced, the link stays a link, and a backup is made
//   beside that file. A path that does not exist (or a dangling link) is
//   created, with mode 0666 minus the umask.
// - The temporary file is named `.NAME.textmend-XXXXXX` in the target's
//   directory. Every error path removes it; a process killed with SIGKILL (or
//   a power cut) can leave one behind, which is safe to delete.
#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace textmend::io {

struct WriteOptions {
  // Keep the original as PATH+suffix (e.g. "~" or ".orig"), replacing an older
  // backup. Made by a hard link (or, where links fail, a copy) after the new
  // content is safely on disk and before the rename. Must not be empty or
  // contain '/'.
  std::optional<std::string> backup_suffix;
};

// Replaces the file at path with data, atomically: writes a temporary file in
// the same directory, fsyncs it, gives it the original's permission bits (and
// owner when permitted), renames it over the original, then fsyncs the
// directory. On any failure before the rename the temporary file is removed,
// the original is untouched, and Error(path, cause) is thrown. (A failure to
// sync the directory after the rename is reported too, but the file has then
// been replaced.)
void replace_file(const std::filesystem::path& path, std::string_view data, const WriteOptions& options = {});

// Reads the whole file. Throws Error(path, strerror text).
std::string read_file(const std::filesystem::path& path);

// For content too big to hold in memory: a temporary file beside the target
// that the caller streams into; commit() does fsync + chown/chmod + backup +
// rename + directory fsync as replace_file does. The destructor removes the
// temporary file if commit() was never called or failed.
class AtomicFile {
 public:
  explicit AtomicFile(const std::filesystem::path& target, const WriteOptions& options = {});  // throws Error
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  void write(std::string_view bytes);  // throws Error (disk full, file-size limit...)
  void commit();                       // throws Error; the temporary file is gone either way

  // The file that will be replaced (after following symbolic links).
  const std::filesystem::path& target() const { return target_; }
  // The temporary file (empty once committed or discarded).
  const std::filesystem::path& temp_path() const { return temp_; }

 private:
  void discard() noexcept;
  void make_backup();

  std::string where_;             // the path as given, for messages
  std::filesystem::path target_;  // after following symbolic links
  std::filesystem::path temp_;
  std::optional<std::string> backup_suffix_;
  int fd_ = -1;
  bool existed_ = false;
  mode_t mode_ = 0;
  uid_t uid_ = 0;
  gid_t gid_ = 0;
  bool failed_ = false;  // a write failed: commit() must not publish a partial file
  bool done_ = false;    // committed or discarded
};

}  // namespace textmend::io
