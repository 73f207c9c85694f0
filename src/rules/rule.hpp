#pragma once
// A rule finds one kind of damage in a paragraph and proposes repairs with a
// confidence. Rules are const, hold no state between calls and never throw;
// the resolver, not the rule, decides what is written.
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "text/document.hpp"

namespace textmend {

// Confidence levels shared by all rules, so that one --min-confidence means
// the same thing everywhere. The default threshold is kLikely.
namespace confidence {
inline constexpr double kCertain = 0.97;  // the text cannot be right as it stands
inline constexpr double kHigh = 0.9;      // wrong in all but contrived text
inline constexpr double kLikely = 0.8;    // usually wrong; the default threshold
inline constexpr double kUnsure = 0.6;    // worth a report, not an edit
}  // namespace confidence

struct RuleInfo {
  std::string_view id;  // kebab-case, stable: used by the CLI, JSON and tests
  Kind kind;
  bool default_on;
  std::string_view description;  // one sentence, shown by --list-rules
  std::string_view example_before;
  std::string_view example_after;
  bool needs_dictionary = false;  // does nothing without a Hunspell dictionary
  // Not run on technical writing (DocStats::looks_technical), where what it
  // repairs in prose is often meant: a lone "|" or "~" is an operator,
  // "gpg,gpgsm" a list, "backend. sd-event" a sentence starting with a
  // command's name, and quotes wrap code that spans lines.
  bool prose_only = false;
};

class Rule {
 public:
  explicit Rule(const RuleInfo& info) : info_(info) {}
  virtual ~Rule() = default;
  Rule(const Rule&) = delete;
  Rule& operator=(const Rule&) = delete;

  const RuleInfo& info() const { return info_; }
  std::string_view id() const { return info_.id; }

  virtual void check(const Document& doc, std::vector<Finding>& out) const = 0;

 protected:
  // Adds a finding with one candidate replacement.
  void propose(std::vector<Finding>& out, Span span, std::string replacement, double confidence,
               std::string message) const;
  // Adds a finding with no candidate: a report only.
  void report(std::vector<Finding>& out, Span span, std::string message) const;
  Finding make(Span span, std::string message) const;

 private:
  const RuleInfo& info_;
};

}  // namespace textmend
