#include "rules/rule.hpp"

namespace textmend {

Finding Rule::make(Span span, std::string message) const {
  Finding f;
  f.rule_id = info_.id;
  f.kind = info_.kind;
  f.span = span;
  f.message = std::move(message);
  return f;
}

void Rule::propose(std::vector<Finding>& out, Span span, std::string replacement, double confidence,
                   std::string message) const {
  Finding f = make(span, std::move(message));
  f.candidates.push_back(Candidate{std::move(replacement), confidence});
  out.push_back(std::move(f));
}

void Rule::report(std::vector<Finding>& out, Span span, std::string message) const {
  out.push_back(make(span, std::move(message)));
}

}  // namespace textmend
