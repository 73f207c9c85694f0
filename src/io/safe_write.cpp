#include "io/safe_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <random>
#include <system_error>
#include <utility>

#include "core/error.hpp"

namespace textmend::io {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxSymlinkHops = 40;
constexpr std::size_t kMaxStemBytes = 200;  // keeps ".STEM.textmend-XXXXXX" under NAME_MAX (255)
constexpr std::size_t kMaxWriteChunk = std::size_t{1} << 30;

[[noreturn]] void fail(const std::string& where, const std::string& what, int err) {
  throw Error(where, what.empty() ? std::string(std::strerror(err)) : what + ": " + std::strerror(err));
}

fs::path directory_of(const fs::path& p) {
  fs::path dir = p.parent_path();
  return dir.empty() ? fs::path(".") : dir;
}

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

// Writes all of data, retrying after EINTR and short writes. Returns 0 or an errno.
int write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), std::min(data.size(), kMaxWriteChunk));
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return EIO;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

int fsync_fd(int fd) {
  while (::fsync(fd) != 0) {
    if (errno != EINTR) return errno;
  }
  return 0;
}

// close() reports delayed write errors on some filesystems (NFS). On Linux the
// descriptor is gone even after EINTR, so that is not retried nor an error.
int close_fd(int fd) {
  if (::close(fd) != 0 && errno != EINTR) return errno;
  return 0;
}

std::string random_letters(std::size_t count) {
  static constexpr char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::mt19937_64 generator{std::random_device{}()};
  // Mixing in the pid keeps a forked child from drawing its parent's names.
  std::uint64_t bits = generator() ^ (static_cast<std::uint64_t>(::getpid()) * 0x9E3779B97F4A7C15ULL);
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    out += kChars[bits % (sizeof kChars - 1)];
    bits /= (sizeof kChars - 1);
  }
  return out;
}

// ".STEM.textmend-XXXXXX", STEM cut to keep the name under NAME_MAX. (Built by
// appending: GCC 12 warns falsely (-Wrestrict) about "." + std::string.)
std::string temp_name(const std::string& stem) {
  std::string name(1, '.');
  name.append(stem, 0, kMaxStemBytes);
  name.append(".textmend-");
  name.append(random_letters(6));
  return name;
}

// Creates a new, unique, hidden file `.NAME.textmend-XXXXXX` beside `beside`.
std::pair<int, fs::path> create_temp(const std::string& where, const fs::path& beside, mode_t mode) {
  const std::string stem = beside.filename().string();
  const fs::path dir = directory_of(beside);
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path candidate = dir / temp_name(stem);
    const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd >= 0) return {fd, std::move(candidate)};
    if (errno == EEXIST || errno == EINTR) continue;
    fail(where, "cannot create a temporary file in " + dir.string(), errno);
  }
  fail(where, "cannot create a temporary file in " + dir.string(), EEXIST);
}

// Follows symbolic links to the file that will actually be replaced.
fs::path resolve_links(const std::string& where, const fs::path& path) {
  fs::path current = path;
  for (int hops = 0; hops <= kMaxSymlinkHops; ++hops) {
    struct stat st {};
    if (::lstat(current.c_str(), &st) != 0) {
      if (errno == ENOENT) return current;  // a new file, or the target of a dangling link
      fail(where, "", errno);
    }
    if (!S_ISLNK(st.st_mode)) return current;
    std::error_code ec;
    const fs::path link = fs::read_symlink(current, ec);
    if (ec) throw Error(where, ec.message());
    current = link.is_absolute() ? link : directory_of(current) / link;
  }
  fail(where, "", ELOOP);
}

// Gives the new file the original's owner (when permitted) and mode.
void apply_metadata(const std::string& where, int fd, mode_t mode, uid_t uid, gid_t gid) {
  bool owner_kept = ::fchown(fd, uid, gid) == 0;
  if (!owner_kept) {
    // Not root: the group can still be kept if the caller belongs to it.
    if (::fchown(fd, static_cast<uid_t>(-1), gid) != 0) {
    }
  }
  // Never hand out a setuid/setgid bit on a file whose owner changed.
  const mode_t keep = owner_kept ? 07777 : 01777;
  if (::fchmod(fd, mode & keep) != 0) fail(where, "cannot set the temporary file's mode", errno);
}

void sync_directory(const std::string& where, const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    // A directory we may not read (mode -wx) cannot be opened for fsync; the
    // rename is done, so there is nothing better to do than carry on.
    if (errno == EACCES) return;
    fail(where, "file replaced, but cannot open directory " + dir.string() + " to sync it", errno);
  }
  Fd guard(fd);
  const int err = fsync_fd(fd);
  // Some filesystems cannot sync a directory; that is not a failure.
  if (err != 0 && err != EINVAL && err != ENOTSUP && err != EROFS) {
    fail(where, "file replaced, but syncing directory " + dir.string() + " failed", err);
  }
}

}  // namespace

AtomicFile::AtomicFile(const fs::path& target, const WriteOptions& options)
    : where_(target.string()), backup_suffix_(options.backup_suffix) {
  if (backup_suffix_ && (backup_suffix_->empty() || backup_suffix_->find('/') != std::string::npos)) {
    throw Error(where_, "invalid backup suffix \"" + *backup_suffix_ + "\"");
  }
  if (target.empty()) throw Error(where_, std::strerror(ENOENT));
  target_ = resolve_links(where_, target);

  struct stat st {};
  if (::stat(target_.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode)) throw Error(where_, "not a regular file");
    if ((st.st_mode & 0222) == 0) throw Error(where_, "file is read-only");
    // Refuse what the caller could not write in place, even if the directory
    // would let the rename go through.
    if (::faccessat(AT_FDCWD, target_.c_str(), W_OK, AT_EACCESS) != 0) fail(where_, "", errno);
    existed_ = true;
    mode_ = st.st_mode;
    uid_ = st.st_uid;
    gid_ = st.st_gid;
  } else if (errno != ENOENT) {
    fail(where_, "", errno);
  }

  // A new file is created 0666 minus the umask; a replacement starts private
  // and gets the original's mode at commit.
  auto [fd, temp] = create_temp(where_, target_, existed_ ? 0600 : 0666);
  fd_ = fd;
  temp_ = std::move(temp);
}

AtomicFile::~AtomicFile() {
  if (!done_) discard();
}

void AtomicFile::discard() noexcept {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  if (!temp_.empty()) {
    ::unlink(temp_.c_str());
    temp_.clear();
  }
  done_ = true;
}

void AtomicFile::write(std::string_view bytes) {
  if (done_) throw Error(where_, "write after commit");
  if (failed_) throw Error(where_, "write after a failed write");
  if (const int err = write_all(fd_, bytes); err != 0) {
    failed_ = true;
    fail(where_, "write failed", err);
  }
}

void AtomicFile::commit() {
  if (done_) throw Error(where_, "commit after commit");
  try {
    if (failed_) throw Error(where_, "an earlier write failed; not replacing the file");
    if (existed_) apply_metadata(where_, fd_, mode_, uid_, gid_);
    if (const int err = fsync_fd(fd_); err != 0) fail(where_, "fsync failed", err);
    const int err = close_fd(std::exchange(fd_, -1));
    if (err != 0) fail(where_, "close failed", err);
    if (existed_ && backup_suffix_) make_backup();
    if (::rename(temp_.c_str(), target_.c_str()) != 0) {
      fail(where_, "cannot rename the temporary file over the original", errno);
    }
  } catch (...) {
    discard();
    throw;
  }
  temp_.clear();
  done_ = true;
  sync_directory(where_, directory_of(target_));
}

// Keeps the original as TARGET+suffix. The backup is built under a temporary
// name and renamed into place, so an older backup is replaced atomically.
void AtomicFile::make_backup() {
  const fs::path backup = target_.string() + *backup_suffix_;

  // A hard link shares the original's inode: once the new file is renamed over
  // the original, the link is all that holds the old content.
  for (int attempt = 0; attempt < 100; ++attempt) {
    const fs::path link = directory_of(backup) / temp_name(backup.filename().string());
    if (::link(target_.c_str(), link.c_str()) == 0) {
      if (::rename(link.c_str(), backup.c_str()) == 0) return;
      const int err = errno;
      ::unlink(link.c_str());
      fail(where_, "cannot create backup " + backup.string(), err);
    }
    if (errno == EEXIST) continue;
    break;  // no hard links here (EPERM, EMLINK, ENOTSUP...): copy instead
  }

  Fd in(::open(target_.c_str(), O_RDONLY | O_CLOEXEC));
  if (in.get() < 0) fail(where_, "cannot read the original to back it up", errno);
  auto [out_fd, copy] = create_temp(where_, backup, 0600);
  Fd out(out_fd);
  try {
    char buffer[1 << 16];
    for (;;) {
      const ssize_t n = ::read(in.get(), buffer, sizeof buffer);
      if (n < 0) {
        if (errno == EINTR) continue;
        fail(where_, "cannot read the original to back it up", errno);
      }
      if (n == 0) break;
      if (const int err = write_all(out.get(), std::string_view(buffer, static_cast<std::size_t>(n))); err != 0) {
        fail(where_, "cannot write backup " + backup.string(), err);
      }
    }
    apply_metadata(where_, out.get(), mode_, uid_, gid_);
    if (const int err = fsync_fd(out.get()); err != 0) fail(where_, "cannot write backup " + backup.string(), err);
    if (const int err = close_fd(out.release()); err != 0) {
      fail(where_, "cannot write backup " + backup.string(), err);
    }
    if (::rename(copy.c_str(), backup.c_str()) != 0) fail(where_, "cannot create backup " + backup.string(), errno);
  } catch (...) {
    ::unlink(copy.c_str());
    throw;
  }
}

void replace_file(const fs::path& path, std::string_view data, const WriteOptions& options) {
  AtomicFile file(path, options);
  file.write(data);
  file.commit();
}

std::string read_file(const fs::path& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) fail(path.string(), "", errno);
  std::string out;
  struct stat st {};
  if (::fstat(fd.get(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    out.reserve(static_cast<std::size_t>(st.st_size));
  }
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(path.string(), "", errno);
    }
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace textmend::io
