#pragma once
// The resolver decides which findings are written: only a finding whose best
// candidate passes the confidence gate, is clearly ahead of its runner-up,
// touches no protected byte and overlaps no stronger edit. Everything else
// is kept as a reported decision, never written.
#include <array>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/finding.hpp"

namespace textmend {

struct ResolverOptions {
  double min_confidence = 0.8;
  // The best candidate must beat the second by at least this much.
  double ambiguity_margin = 0.15;
};

// Optional veto on edits that passed the gate (interactive review); returns
// false to keep the text as it is.
using Approver = std::function<bool(const Decision&)>;

// The spans of the edits taken so far, none overlapping another (Span::
// overlaps). A paragraph takes a few, and a scan of them is cheapest; past
// kFew they go into ordered sets, where whether a new one clashes is two
// searches (a scan of them all made a one-line paragraph with 50,000
// findings quadratic).
class TakenSpans {
 public:
  bool clashes(const Span& span) const;
  void add(const Span& span);

 private:
  static constexpr std::size_t kFew = 32;
  void insert(const Span& span);

  std::array<Span, kFew> few_;  // until there are more than kFew: no allocation for a paragraph
  std::size_t few_count_ = 0;
  std::set<std::pair<std::size_t, std::size_t>> ranges_;  // then replacements and deletions: disjoint
  std::set<std::size_t> points_;                          // and insertions
};

// Decisions come back sorted by span start (then rule id) whatever the order
// of the findings; protected spans must be sorted and disjoint
// (merge_overlapping).
std::vector<Decision> resolve(std::vector<Finding> findings, const std::vector<Span>& protected_spans,
                              const ResolverOptions& options, const Approver& approve = {});

// The applied edits of decisions, sorted by position.
std::vector<Edit> applied_edits(const std::vector<Decision>& decisions);

// Applies sorted, non-overlapping edits.
std::string apply_edits(std::string_view text, const std::vector<Edit>& edits);

// Maps offsets in the text after `edits` back to the text before them;
// an offset inside a replacement maps to the start of the replaced span.
// The edits' places in the new text are worked out once, and each offset
// is a binary search (a scan of the edits for every finding made a
// one-line paragraph with tens of thousands of them quadratic).
class OffsetsBack {
 public:
  explicit OffsetsBack(const std::vector<Edit>& edits);
  std::size_t operator()(std::size_t offset) const;

 private:
  struct Place {
    std::size_t old_begin;
    std::size_t new_begin;  // sorted: the edits are sorted and do not overlap
    std::size_t new_end;
    std::ptrdiff_t shift_after;  // (new position) - (old position) after the edit
  };
  std::vector<Place> places_;  // one allocation a pass
};

}  // namespace textmend
