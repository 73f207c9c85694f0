#pragma once
// The inputs named on the command line: files, stdin, and the files of
// directory trees, in a deterministic order.
#include <filesystem>
#include <string>
#include <vector>

namespace textmend::cli {

struct Input {
  std::string path;  // as to open; "-" is stdin
  // Relative path used for -o mirroring and diff labels: the path as given,
  // with no leading '/' and no "." or ".." parts.
  std::filesystem::path relative;
  bool walked = false;  // found in a directory tree (binary files are then skipped quietly)
};

struct WalkOptions {
  std::vector<std::string> include;  // glob patterns (fnmatch): a walked file must match one, if any are given
  std::vector<std::string> exclude;  // glob patterns: matching files and directories are left out
  bool follow = false;               // follow symbolic links inside trees
  bool hidden = false;               // also walk hidden files and directories
};

struct InputProblem {
  std::string path;
  std::string reason;
};

struct Inputs {
  std::vector<Input> files;
  std::vector<InputProblem> problems;  // unreadable directories and the like
  std::size_t skipped = 0;             // symbolic links, hidden and excluded entries, special files
};

// Expands args: "-" and files as they are, directories into their files,
// sorted by name at each level. Hidden entries (".git", ".hg", ".svn" and
// every dot-file) are skipped unless hidden is set; so are symbolic links
// unless follow is set. Patterns match the path relative to the directory
// given, or the file's name alone.
Inputs collect_inputs(const std::vector<std::string>& args, const WalkOptions& options);

// The path made relative and tidy for -o and diff labels.
std::filesystem::path tidy_relative(const std::filesystem::path& p);

}  // namespace textmend::cli
