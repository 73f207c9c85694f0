#pragma once
// What rules produce (findings with candidate replacements) and what the
// resolver turns them into (edits). Offsets are bytes into one unit's text.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace textmend {

enum class Kind {
  spacing,
  punctuation,
  quotes,
  stray,
  repetition,
  hyphenation,
  encoding,
  invisible,
  spelling,
};

std::string_view kind_name(Kind kind);

// A half-open byte range [begin, end).
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool overlaps(const Span& other) const;
};

// True when span would change a byte of one of spans: it overlaps one, or
// inserts strictly inside one. The spans are sorted and disjoint (see
// merge_overlapping): one binary search, where a scan made a paragraph
// with thousands of protected names quadratic.
bool touches_any(const Span& span, const std::vector<Span>& spans);

// Sorts spans and merges those that overlap (not those that only touch:
// an insertion between two is outside both), dropping empty ones. What
// touches_any answers is the same before and after.
void merge_overlapping(std::vector<Span>& spans);

struct Candidate {
  std::string replacement;
  double confidence = 0.0;
};

// One problem a rule saw. Candidates are ordered best first; a finding with
// no candidate is a pure report ("unbalanced quote").
struct Finding {
  std::string_view rule_id;  // points at the rule's static id
  Kind kind = Kind::spacing;
  Span span;
  std::string message;
  std::vector<Candidate> candidates;
};

// Why a finding was or was not written.
enum class Status {
  applied,
  below_confidence,  // best candidate under --min-confidence
  ambiguous,         // two candidates too close to call
  conflict,          // overlaps an edit that won
  protected_text,    // touches bytes that must not change (invalid UTF-8, URL, code)
  report_only,       // the rule has nothing to propose
  declined,          // the user said no (interactive review)
};

std::string_view status_name(Status status);

struct Edit {
  Span span;
  std::string replacement;
};

// A finding together with the resolver's verdict; what every output mode
// (text, diff, JSON, review) is built from.
struct Decision {
  Finding finding;
  std::string original;  // the bytes the finding covers, as the rule saw them
  Status status = Status::report_only;
  std::size_t chosen = 0;  // index into finding.candidates when applied

  bool applied() const { return status == Status::applied; }
  const Candidate* best() const { return finding.candidates.empty() ? nullptr : &finding.candidates[chosen]; }
};

}  // namespace textmend
