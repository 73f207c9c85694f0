#include "cli/review.hpp"

#include "output/report.hpp"

namespace textmend::cli {
namespace {

constexpr const char* kHelp =
    "y - apply this fix\n"
    "n - leave this one as it is\n"
    "a - apply this fix and all the rest in this file\n"
    "d - leave this one and all the rest in this file\n"
    "q - quit: leave this one and all the rest; fixes already accepted are written\n"
    "? - this help\n";

// The line of paragraph holding span, with the fix marked inline.
std::string marked_line(const Decision& d, std::string_view paragraph, bool color) {
  const Span& s = d.finding.span;
  const std::size_t start = paragraph.rfind('\n', s.begin == 0 ? 0 : s.begin - 1);
  const std::size_t line_begin = start == std::string_view::npos || s.begin == 0 ? 0 : start + 1;
  std::size_t line_end = paragraph.find('\n', s.end);
  if (line_end == std::string_view::npos) line_end = paragraph.size();
  const std::string before = report::visible(paragraph.substr(s.begin, s.size()));
  const std::string after = d.best() != nullptr ? report::visible(d.best()->replacement) : std::string();
  std::string line(paragraph.substr(line_begin, s.begin - line_begin));
  auto mark = [&line](std::string_view open, const std::string& text, std::string_view close) {
    if (text.empty()) return;
    line.append(open).append(text).append(close);
  };
  mark(color ? "\x1b[31m" : "[-", before, color ? "\x1b[m" : "-]");
  mark(color ? "\x1b[32m" : "{+", after, color ? "\x1b[m" : "+}");
  line.append(paragraph.substr(s.end, line_end - s.end));
  return line;
}

}  // namespace

InteractiveReview::InteractiveReview(std::istream& answers, std::ostream& prompts, bool color)
    : answers_(answers), prompts_(prompts), color_(color) {}

Reviewer InteractiveReview::for_file(const std::string& name) {
  file_choice_ = FileChoice::ask;
  return [this, name](const Decision& d, std::string_view paragraph) { return ask(name, d, paragraph); };
}

bool InteractiveReview::ask(const std::string& name, const Decision& d, std::string_view paragraph) {
  bool yes = false;
  if (quit_ || file_choice_ == FileChoice::skip_rest) {
    yes = false;
  } else if (file_choice_ == FileChoice::accept_rest) {
    yes = true;
  } else {
    prompts_ << name << ": " << d.finding.rule_id << ": " << d.finding.message << "\n"
             << "  " << marked_line(d, paragraph, color_) << "\n";
    for (;;) {
      prompts_ << "Apply this fix [y,n,a,d,q,?]? " << std::flush;
      std::string answer;
      if (!std::getline(answers_, answer)) answer.assign(1, 'q');  // no more answers: stop asking
      const char c = answer.empty() ? '\0' : answer[0];
      if (c == 'y' || c == 'n' || c == 'a' || c == 'd' || c == 'q') {
        yes = c == 'y' || c == 'a';
        if (c == 'a') file_choice_ = FileChoice::accept_rest;
        if (c == 'd') file_choice_ = FileChoice::skip_rest;
        if (c == 'q') quit_ = true;
        break;
      }
      prompts_ << kHelp;
    }
  }
  ++(yes ? accepted_ : declined_);
  return yes;
}

}  // namespace textmend::cli
