#pragma once
// The one exception type textmend throws across module edges; main() turns
// it into "textmend: <where>: <what>" and an exit code.
#include <stdexcept>
#include <string>

namespace textmend {

enum class ExitCode : int {
  ok = 0,
  changes_found = 1,  // --check: some fix would be applied
  error = 2,          // usage, I/O, missing dictionary
  bad_input = 3,      // input is not text (binary) or not valid UTF-8
};

class Error : public std::runtime_error {
 public:
  Error(std::string where, const std::string& what, ExitCode code = ExitCode::error)
      : std::runtime_error(what), where_(std::move(where)), code_(code) {}

  const std::string& where() const { return where_; }
  ExitCode code() const { return code_; }

 private:
  std::string where_;
  ExitCode code_;
};

}  // namespace textmend
