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

bool TakenSpans::clashes(const Span& span) const {
  if (ranges_.empty() && points_.empty())
    return std::any_of(few_.begin(), few_.begin() + static_cast<std::ptrdiff_t>(few_count_),
                       [&](const Span& s) { return s.overlaps(span); });
  // An insertion clashes with one at the same point, or strictly inside span.
  if (span.empty()) {
    if (points_.contains(span.begin)) return true;
  } else if (const auto p = points_.upper_bound(span.begin); p != points_.end() && *p < span.end) {
    return true;
  }
  // The ranges are disjoint: of those starting before span's end (before its
  // point, for an insertion), only the last can reach into it.
  const std::size_t bound = span.empty() ? span.begin : span.end;
  const auto after = ranges_.lower_bound({bound, 0});
  if (after == ranges_.begin()) return false;
  const auto& [begin, end] = *std::prev(after);
  return Span{begin, end}.overlaps(span);
}

void TakenSpans::add(const Span& span) {
  if (ranges_.empty() && points_.empty() && few_count_ < kFew) {
    few_[few_count_++] = span;
    return;
  }
  for (std::size_t k = 0; k < few_count_; ++k) insert(few_[k]);
  few_count_ = 0;
  insert(span);
}

void TakenSpans::insert(const Span& span) {
  if (span.empty())
    points_.insert(span.begin);
  else
    ranges_.emplace(span.begin, span.end);
}

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
  TakenSpans taken;
  for (const std::size_t i : order) {
    Decision& d = decisions[i];
    d.finding = std::move(findings[i]);
    d.status = gate(d.finding, options);
    if (d.status != Status::applied) continue;
    if (touches_any(d.finding.span, protected_spans)) {
      d.status = Status::protected_text;
      continue;
    }
    if (taken.clashes(d.finding.span)) {
      d.status = Status::conflict;
      continue;
    }
    if (approve && !approve(d)) {
      d.status = Status::declined;
      continue;
    }
    taken.add(d.finding.span);
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

OffsetsBack::OffsetsBack(const std::vector<Edit>& edits) {
  std::ptrdiff_t shift = 0;
  places_.reserve(edits.size());
  for (const Edit& e : edits) {
    const auto new_begin = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(e.span.begin) + shift);
    shift += static_cast<std::ptrdiff_t>(e.replacement.size()) - static_cast<std::ptrdiff_t>(e.span.size());
    places_.push_back(Place{e.span.begin, new_begin, new_begin + e.replacement.size(), shift});
  }
}

std::size_t OffsetsBack::operator()(std::size_t offset) const {
  // The last edit starting at or before offset in the new text; the edits
  // before it end before it starts, so only it can hold offset.
  const auto after = std::upper_bound(places_.begin(), places_.end(), offset,
                                      [](std::size_t at, const Place& p) { return at < p.new_begin; });
  if (after == places_.begin()) return offset;
  const Place& p = *std::prev(after);
  if (offset < p.new_end) return p.old_begin;
  return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(offset) - p.shift_after);
}

}  // namespace textmend
