#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "io/safe_write.hpp"

using namespace textmend;
namespace fs = std::filesystem;

namespace {

// A fresh directory, removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "textmend-safe-write-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

// A tmpfs mounted on a directory (root only), unmounted at the end.
class Tmpfs {
 public:
  Tmpfs(const fs::path& dir, const std::string& size) : dir_(dir) {
    fs::create_directory(dir_);
    mounted_ =
        std::system(("mount -t tmpfs -o size=" + size + " tmpfs '" + dir_.string() + "' 2>/dev/null").c_str()) == 0;
  }
  Tmpfs(const Tmpfs&) = delete;
  Tmpfs& operator=(const Tmpfs&) = delete;
  ~Tmpfs() {
    if (mounted_ && std::system(("umount '" + dir_.string() + "' 2>/dev/null").c_str()) != 0) {
      const int lazy = std::system(("umount -l '" + dir_.string() + "' 2>/dev/null").c_str());
      static_cast<void>(lazy);
    }
  }
  bool mounted() const { return mounted_; }
  bool remount_read_only() const {
    return std::system(("mount -o remount,ro '" + dir_.string() + "' 2>/dev/null").c_str()) == 0;
  }

 private:
  fs::path dir_;
  bool mounted_ = false;
};

void write_raw(const fs::path& path, const std::string& content, fs::perms mode) {
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
  }
  fs::permissions(path, mode);
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

fs::perms mode_of(const fs::path& path) { return fs::status(path).permissions(); }

// Our temporary files (".NAME.textmend-XXXXXX") left in dir.
std::vector<std::string> stray_temps(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.find(".textmend-") != std::string::npos) out.push_back(name);
  }
  return out;
}

// "where: what" of the Error thrown by f, or "" when nothing is thrown.
std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.where() + ": " + e.what();
  }
  return "";
}

// Runs f in a forked child; returns its exit code, or 128 + signal number.
// The child reports only through its exit code: no Catch2 in there.
int run_in_child(const std::function<int()>& f) {
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int code = 99;
    try {
      code = f();
    } catch (...) {
      code = 98;
    }
    ::_exit(code);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

const std::string kOriginal = "the original text\nsecond line\n";

}  // namespace

TEST_CASE("safe-write: replace keeps the mode and makes a backup", "[safe-write]") {
  TempDir dir;
  const fs::path file = dir / "notes.txt";
  write_raw(file, kOriginal, fs::perms(0640));

  io::replace_file(file, "new text\n");
  CHECK(slurp(file) == "new text\n");
  CHECK(mode_of(file) == fs::perms(0640));
  CHECK(stray_temps(dir.path()).empty());

  io::WriteOptions options;
  options.backup_suffix = "~";
  io::replace_file(file, "newer text\n", options);
  CHECK(slurp(file) == "newer text\n");
  CHECK(slurp(dir / "notes.txt~") == "new text\n");
  CHECK(mode_of(dir / "notes.txt~") == fs::perms(0640));

  // A second backup replaces the first.
  io::replace_file(file, "newest text\n", options);
  CHECK(slurp(file) == "newest text\n");
  CHECK(slurp(dir / "notes.txt~") == "newer text\n");
  CHECK(stray_temps(dir.path()).empty());

  CHECK(io::read_file(file) == "newest text\n");
}

TEST_CASE("safe-write: empty content, a new file, and streaming in pieces", "[safe-write]") {
  TempDir dir;
  const fs::path file = dir / "a.txt";
  write_raw(file, kOriginal, fs::perms(0600));
  io::replace_file(file, "");
  CHECK(slurp(file).empty());

  const mode_t mask = ::umask(0);
  ::umask(mask);
  const fs::path fresh = dir / "fresh.txt";
  io::replace_file(fresh, "hello\n");
  CHECK(slurp(fresh) == "hello\n");
  CHECK(mode_of(fresh) == fs::perms(0666 & ~mask));

  std::string expected;
  {
    io::AtomicFile out(file);
    for (int i = 0; i < 1000; ++i) {
      const std::string line =
          "line " + std::to_string(i) + " " + std::string(static_cast<std::size_t>(i % 97), 'x') + "\n";
      out.write(line);
      expected += line;
    }
    CHECK(slurp(file).empty());  // nothing visible before commit
    out.commit();
  }
  CHECK(io::read_file(file) == expected);
  CHECK(mode_of(file) == fs::perms(0600));
  CHECK(stray_temps(dir.path()).empty());
}

TEST_CASE("safe-write: a symbolic link is written through", "[safe-write]") {
  TempDir dir;
  fs::create_directory(dir / "sub");
  const fs::path real = dir / "sub" / "real.txt";
  write_raw(real, kOriginal, fs::perms(0640));
  const fs::path link = dir / "link.txt";
  fs::create_symlink("sub/real.txt", link);
  const fs::path link2 = dir / "link2.txt";
  fs::create_symlink("link.txt", link2);  // a chain

  io::WriteOptions options;
  options.backup_suffix = ".orig";
  io::replace_file(link2, "through the link\n", options);
  CHECK(fs::is_symlink(link));
  CHECK(fs::is_symlink(link2));
  CHECK(fs::read_symlink(link) == "sub/real.txt");
  CHECK(slurp(real) == "through the link\n");
  CHECK(mode_of(real) == fs::perms(0640));
  CHECK(slurp(dir / "sub" / "real.txt.orig") == kOriginal);  // the backup sits beside the real file
  CHECK_FALSE(fs::exists(dir / "link2.txt.orig"));
  CHECK(stray_temps(dir.path()).empty());
  CHECK(stray_temps(dir / "sub").empty());
}

TEST_CASE("safe-write: the owner is kept when permitted", "[safe-write]") {
  if (::geteuid() != 0) {
    WARN("not root: cannot give a file to another user; owner test skipped");
    return;
  }
  TempDir dir;
  const fs::path file = dir / "owned.txt";
  write_raw(file, kOriginal, fs::perms(0664));
  REQUIRE(::chown(file.c_str(), 65534, 65534) == 0);
  io::replace_file(file, "new\n");
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK(st.st_uid == 65534);
  CHECK(st.st_gid == 65534);
  CHECK((st.st_mode & 07777) == 0664);
}

TEST_CASE("safe-write: a read-only file is refused", "[safe-write]") {
  TempDir dir;
  for (const auto mode : {fs::perms(0444), fs::perms(0400)}) {
    const fs::path file = dir / "locked.txt";
    write_raw(file, kOriginal, fs::perms(0644));
    fs::permissions(file, mode);
    CHECK(error_of([&] { io::replace_file(file, "new\n"); }) == file.string() + ": file is read-only");
    CHECK(error_of([&] { io::AtomicFile out(file); }) == file.string() + ": file is read-only");
    CHECK(slurp(file) == kOriginal);
    CHECK(mode_of(file) == mode);
    CHECK(stray_temps(dir.path()).empty());
    fs::permissions(file, fs::perms(0644));
    fs::remove(file);
  }
  // Nor is anything but a regular file.
  fs::create_directory(dir / "subdir");
  CHECK(error_of([&] { io::replace_file(dir / "subdir", "x"); }) == (dir / "subdir").string() + ": not a regular file");
  CHECK(stray_temps(dir.path()).empty());
}

TEST_CASE("safe-write: read_file reports errors", "[safe-write]") {
  TempDir dir;
  const fs::path missing = dir / "missing.txt";
  CHECK(error_of([&] { (void)io::read_file(missing); }) == missing.string() + ": " + std::strerror(ENOENT));
  CHECK(error_of([&] { (void)io::read_file(dir.path()); }) == dir.path().string() + ": " + std::strerror(EISDIR));
}

TEST_CASE("safe-write: a write failure (file-size limit) leaves the original", "[safe-write]") {
  TempDir dir;
  const fs::path file = dir / "big.txt";
  write_raw(file, kOriginal, fs::perms(0644));
  const std::string data(64 * 1024, 'x');

  // In a child: a 4 KiB file-size limit makes the write fail with EFBIG.
  const int code = run_in_child([&] {
    ::signal(SIGXFSZ, SIG_IGN);
    const struct rlimit limit = {4096, 4096};
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) return 10;
    const std::string expected = file.string() + ": write failed: " + std::strerror(EFBIG);
    if (error_of([&] { io::replace_file(file, data); }) != expected) return 11;
    if (!stray_temps(dir.path()).empty()) return 12;

    // The same through AtomicFile: the failed write poisons commit().
    {
      io::AtomicFile out(file);
      if (error_of([&] { out.write(data); }) != expected) return 13;
      if (error_of([&] { out.commit(); }).find("an earlier write failed") == std::string::npos) return 14;
      if (!out.temp_path().empty()) return 15;
    }
    if (!stray_temps(dir.path()).empty()) return 16;
    return 0;
  });
  CHECK(code == 0);
  CHECK(slurp(file) == kOriginal);
  CHECK(mode_of(file) == fs::perms(0644));
  CHECK(stray_temps(dir.path()).empty());
}

TEST_CASE("safe-write: read-only directory", "[safe-write]") {
  TempDir dir;
  if (::geteuid() != 0) {
    const fs::path file = dir / "file.txt";
    write_raw(file, kOriginal, fs::perms(0644));
    fs::permissions(dir.path(), fs::perms(0555));
    const std::string error = error_of([&] { io::replace_file(file, "new\n"); });
    fs::permissions(dir.path(), fs::perms(0755));
    CHECK(error.find(std::strerror(EACCES)) != std::string::npos);
    CHECK(slurp(file) == kOriginal);
    CHECK(stray_temps(dir.path()).empty());
    return;
  }

  // Root ignores directory permissions: use a read-only mount...
  {
    const fs::path mount_dir = dir / "ro";
    Tmpfs tmpfs(mount_dir, "1m");
    if (!tmpfs.mounted()) {
      WARN("cannot mount a tmpfs here; read-only mount case skipped");
    } else {
      const fs::path file = mount_dir / "file.txt";
      write_raw(file, kOriginal, fs::perms(0644));
      if (!tmpfs.remount_read_only()) {
        WARN("cannot remount the tmpfs read-only; read-only mount case skipped");
      } else {
        const std::string error = error_of([&] { io::replace_file(file, "new\n"); });
        CHECK(error == file.string() + ": " + std::strerror(EROFS));
        CHECK(error_of([&] { io::AtomicFile out(file); }) == error);
        CHECK(slurp(file) == kOriginal);
        CHECK(stray_temps(mount_dir).empty());
      }
    }
  }

  // ...and a 0555 directory seen by an unprivileged user (a child that drops to nobody).
  {
    const fs::path sub = dir / "locked";
    fs::create_directory(sub);
    const fs::path file = sub / "file.txt";
    write_raw(file, kOriginal, fs::perms(0644));
    REQUIRE(::chown(file.c_str(), 65534, 65534) == 0);
    REQUIRE(::chown(sub.c_str(), 65534, 65534) == 0);
    fs::permissions(sub, fs::perms(0555));
    fs::permissions(dir.path(), fs::perms(0755));
    const int code = run_in_child([&] {
      if (::setgid(65534) != 0 || ::setuid(65534) != 0) return 77;
      const std::string error = error_of([&] { io::replace_file(file, "new\n"); });
      const std::string expected =
          file.string() + ": cannot create a temporary file in " + sub.string() + ": " + std::strerror(EACCES);
      return error == expected ? 0 : 1;
    });
    if (code == 77) {
      WARN("cannot drop privileges; 0555 directory case skipped");
    } else {
      CHECK(code == 0);
    }
    CHECK(slurp(file) == kOriginal);
    CHECK(stray_temps(sub).empty());
  }
}

TEST_CASE("safe-write: disk full on a tiny tmpfs", "[safe-write]") {
  if (::geteuid() != 0) {
    WARN("not root: cannot mount a tiny tmpfs; disk-full case skipped");
    return;
  }
  TempDir dir;
  const fs::path mount_dir = dir / "tiny";
  Tmpfs tmpfs(mount_dir, "64k");
  if (!tmpfs.mounted()) {
    WARN("cannot mount a tmpfs here; disk-full case skipped");
    return;
  }
  const fs::path file = mount_dir / "file.txt";
  write_raw(file, kOriginal, fs::perms(0640));
  const std::string data(256 * 1024, 'y');
  const std::string expected = file.string() + ": write failed: " + std::strerror(ENOSPC);

  CHECK(error_of([&] { io::replace_file(file, data); }) == expected);
  CHECK(slurp(file) == kOriginal);
  CHECK(mode_of(file) == fs::perms(0640));
  CHECK(stray_temps(mount_dir).empty());

  io::WriteOptions options;
  options.backup_suffix = "~";
  CHECK(error_of([&] { io::replace_file(file, data, options); }) == expected);
  CHECK(slurp(file) == kOriginal);
  CHECK_FALSE(fs::exists(mount_dir / "file.txt~"));  // no backup when nothing was replaced
  CHECK(stray_temps(mount_dir).empty());

  // The space is back: a small replacement now works.
  io::replace_file(file, "fits\n");
  CHECK(slurp(file) == "fits\n");
}

TEST_CASE("safe-write: AtomicFile without commit leaves the original", "[safe-write]") {
  TempDir dir;
  const fs::path file = dir / "draft.txt";
  write_raw(file, kOriginal, fs::perms(0644));
  fs::path temp;
  {
    io::AtomicFile out(file);
    out.write("half of the new");
    temp = out.temp_path();
    CHECK(temp.parent_path() == dir.path());
    CHECK(temp.filename().string().rfind(".draft.txt.textmend-", 0) == 0);
    CHECK(fs::exists(temp));
    CHECK(stray_temps(dir.path()).size() == 1);
  }
  CHECK_FALSE(fs::exists(temp));
  CHECK(slurp(file) == kOriginal);
  CHECK(stray_temps(dir.path()).empty());
}

TEST_CASE("safe-write: a run killed mid-write leaves the original", "[safe-write]") {
  TempDir dir;
  const fs::path file = dir / "victim.txt";
  write_raw(file, kOriginal, fs::perms(0644));
  const int code = run_in_child([&] {
    io::AtomicFile out(file);
    out.write(std::string(32 * 1024, 'z'));
    ::kill(::getpid(), SIGKILL);  // no destructor runs
    return 1;
  });
  CHECK(code == 128 + SIGKILL);
  CHECK(slurp(file) == kOriginal);
  CHECK(mode_of(file) == fs::perms(0644));
  // SIGKILL leaves the temporary file behind: at most one, recognisably ours.
  const auto strays = stray_temps(dir.path());
  CHECK(strays.size() <= 1);
  for (const auto& name : strays) CHECK(name.rfind(".victim.txt.textmend-", 0) == 0);
}
