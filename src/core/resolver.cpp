#include "core/resolver.hpp"

#include <algorithm>
#include <numeric>

namespace textmend {
namespace {

Status gate(const Finding& f, const ResolverOptions& options) {
  if (f.candidates.empty()) return Status::report_only;
  if (f.candidates[0].confidence < options.min_confidence) return Status::below_confidence;
  if (f.candidates.size() > 1 && f.candidates[0].confidence - f.candidates[1].confidence < options.ambiguity_margin)
    return Status::ambiguous;
  return Status::applied;
}

}  // namespace

std::vector<Decision> resolve(std::vector<Finding> findings, const std::vector<Span>& protected_spans,
                              const ResolverOptions& options, const Approver& approve) {
  for (auto& f : findings)
    std::stable_sort(f.candidates.begin(), f.candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.confidence > b.confidence; });

  std::vector<std::size_t> order(findings.size());
  std::iota(order.begin(), order.end(), 0);
  // Strongest first; among equals the longer span (a mojibake repair beats a
  // control-character deletion inside it), then position, then rule id, so
  // the outcome never depends on the order rules ran in.
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Finding& x = findings[a];
    const Finding& y = findings[b];
    const double cx = x.candidates.empty() ? -1 : x.candidates[0].confidence;
    const double cy = y.candidates.empty() ? -1 : y.candidates[0].confidence;
    if (cx != cy) return cx > cy;
    if (x.span.size() != y.span.size()) return x.span.size() > y.span.size();
    if (x.span.begin != y.span.begin) return x.span.begin < y.span.begin;
    return x.rule_id < y.rule_id;
  });

  std::vector<Decision> decisions(findings.size());
  std::vector<Span> taken;
  for (const std::size_t i : order) {
    Decision& d = decisions[i];
    d.finding = std::move(findings[i]);
    d.status = gate(d.finding, options);
    if (d.status != Status::applied) continue;
    if (touches_any(d.finding.span, protected_spans)) {
      d.status = Status::protected_text;
      continue;
    }
    const bool clash =
        std::any_of(taken.begin(), taken.end(), [&](const Span& s) { return s.overlaps(d.finding.span); });
    if (clash) {
      d.status = Status::conflict;
      continue;
    }
    if (approve && !approve(d)) {
      d.status = Status::declined;
      continue;
    }
    taken.push_back(d.finding.span);
  }
  std::stable_sort(decisions.begin(), decisions.end(), [](const Decision& a, const Decision& b) {
    if (a.finding.span.begin != b.finding.span.begin) return a.finding.span.begin < b.finding.span.begin;
    return a.finding.rule_id < b.finding.rule_id;
  });
  return decisions;
}

std::vector<Edit> applied_edits(const std::vector<Decision>& decisions) {
  std::vector<Edit> edits;
  for (const Decision& d : decisions)
    if (d.applied()) edits.push_back(Edit{d.finding.span, d.best()->replacement});
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.span.end < b.span.end;  // an insertion before a replacement at the same point
  });
  return edits;
}

std::string apply_edits(std::string_view text, const std::vector<Edit>& edits) {
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t pos = 0;
  for (const Edit& e : edits) {
    out.append(text.substr(pos, e.span.begin - pos));
    out.append(e.replacement);
    pos = e.span.end;
  }
  out.append(text.substr(pos));
  return out;
}

std::size_t map_back(std::size_t offset, const std::vector<Edit>& edits) {
  std::ptrdiff_t shift = 0;  // (new position) - (old position) before the current edit
  for (const Edit& e : edits) {
    const std::size_t new_begin = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(e.span.begin) + shift);
    const std::size_t new_end = new_begin + e.replacement.size();
    if (offset < new_begin) break;
    if (offset < new_end) return e.span.begin;
    shift += static_cast<std::ptrdiff_t>(e.replacement.size()) - static_cast<std::ptrdiff_t>(e.span.size());
  }
  return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(offset) - shift);
}

}  // namespace textmend
