#pragma once
// --interactive: each fix shown in its line and confirmed one at a time,
// like `git add -p`. Answers come from a stream (stdin), prompts go to
// another (stderr).
#include <istream>
#include <ostream>
#include <string>

#include "pipeline/engine.hpp"

namespace textmend::cli {

class InteractiveReview {
 public:
  InteractiveReview(std::istream& answers, std::ostream& prompts, bool color);

  // A reviewer for one file's fixes; "a" and "d" answers last until the
  // next file, "q" for the rest of the run.
  Reviewer for_file(const std::string& name);

  std::size_t accepted() const { return accepted_; }
  std::size_t declined() const { return declined_; }

 private:
  bool ask(const std::string& name, const Decision& d, std::string_view paragraph);

  std::istream& answers_;
  std::ostream& prompts_;
  bool color_;
  enum class FileChoice { ask, accept_rest, skip_rest } file_choice_ = FileChoice::ask;
  bool quit_ = false;
  std::size_t accepted_ = 0;
  std::size_t declined_ = 0;
};

}  // namespace textmend::cli
