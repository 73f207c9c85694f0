#include "cli/inputs.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <system_error>

namespace textmend::cli {
namespace fs = std::filesystem;
namespace {

bool matches_any(const std::vector<std::string>& patterns, const fs::path& relative) {
  const std::string whole = relative.generic_string();
  const std::string name = relative.filename().string();
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) {
    return fnmatch(p.c_str(), whole.c_str(), 0) == 0 || fnmatch(p.c_str(), name.c_str(), 0) == 0;
  });
}

bool hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

class Walker {
 public:
  Walker(const WalkOptions& options, Inputs& out) : options_(options), out_(out) {}

  void walk(const fs::path& dir, const fs::path& root) {
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
    if (ec) {
      out_.problems.push_back({dir.string(), ec.message()});
      return;
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    for (const fs::directory_entry& e : entries) visit(e, root);
  }

 private:
  void visit(const fs::directory_entry& e, const fs::path& root) {
    const fs::path relative = e.path().lexically_relative(root);
    std::error_code ec;
    if ((!options_.hidden && hidden(e.path())) || matches_any(options_.exclude, relative) ||
        (e.is_symlink(ec) && !options_.follow)) {
      ++out_.skipped;
      return;
    }
    if (e.is_directory(ec)) {
      walk(e.path(), root);
      return;
    }
    if (!e.is_regular_file(ec)) {
      ++out_.skipped;  // sockets, devices, broken links
      return;
    }
    if (!options_.include.empty() && !matches_any(options_.include, relative)) {
      ++out_.skipped;
      return;
    }
    out_.files.push_back(Input{e.path().string(), tidy_relative(e.path()), true});
  }

  const WalkOptions& options_;
  Inputs& out_;
};

}  // namespace

fs::path tidy_relative(const fs::path& p) {
  fs::path out;
  for (const fs::path& part : p.lexically_normal().relative_path())
    if (part != "." && part != ".." && !part.empty()) out /= part;
  return out.empty() ? fs::path("-") : out;
}

Inputs collect_inputs(const std::vector<std::string>& args, const WalkOptions& options) {
  Inputs out;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (arg != "-" && fs::is_directory(arg, ec)) {
      Walker(options, out).walk(arg, arg);
      continue;
    }
    out.files.push_back(Input{arg, arg == "-" ? fs::path("-") : tidy_relative(arg), false});
  }
  return out;
}

}  // namespace textmend::cli
