#pragma once
// The resolver decides which findings are written: only a finding whose best
// candidate passes the confidence gate, is clearly ahead of its runner-up,
// touches no protected byte and overlaps no stronger edit. Everything else
// is kept as a reported decision, never written.
#include <functional>
#include <string>
#include <string_view>
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

// Decisions come back sorted by span start (then rule id) whatever the order
// of the findings; protected spans must be sorted by start.
std::vector<Decision> resolve(std::vector<Finding> findings, const std::vector<Span>& protected_spans,
                              const ResolverOptions& options, const Approver& approve = {});

// The applied edits of decisions, sorted by position.
std::vector<Edit> applied_edits(const std::vector<Decision>& decisions);

// Applies sorted, non-overlapping edits.
std::string apply_edits(std::string_view text, const std::vector<Edit>& edits);

// Maps an offset in the text after `edits` back to the text before them.
// Offsets inside a replacement map to the start of the replaced span.
std::size_t map_back(std::size_t offset, const std::vector<Edit>& edits);

}  // namespace textmend
