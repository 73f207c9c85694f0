#include "core/finding.hpp"

#include <algorithm>

namespace textmend {

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::spacing:
      return "spacing";
    case Kind::punctuation:
      return "punctuation";
    case Kind::quotes:
      return "quotes";
    case Kind::stray:
      return "stray";
    case Kind::repetition:
      return "repetition";
    case Kind::hyphenation:
      return "hyphenation";
    case Kind::encoding:
      return "encoding";
    case Kind::invisible:
      return "invisible";
    case Kind::spelling:
      return "spelling";
  }
  return "unknown";
}

std::string_view status_name(Status status) {
  switch (status) {
    case Status::applied:
      return "applied";
    case Status::below_confidence:
      return "below-confidence";
    case Status::ambiguous:
      return "ambiguous";
    case Status::conflict:
      return "conflict";
    case Status::protected_text:
      return "protected";
    case Status::report_only:
      return "report-only";
    case Status::declined:
      return "declined";
  }
  return "unknown";
}

bool Span::overlaps(const Span& other) const {
  // Two insertions at the same point conflict; an insertion at the edge of a
  // replaced span does not (it lands before or after it).
  if (empty() && other.empty()) return begin == other.begin;
  if (empty()) return begin > other.begin && begin < other.end;
  if (other.empty()) return other.begin > begin && other.begin < end;
  return begin < other.end && other.begin < end;
}

bool touches_any(const Span& span, const std::vector<Span>& spans) {
  // The first span ending past span's start: the only one that can hold
  // span's start, and the earliest that can overlap it (the spans are
  // disjoint, so their ends are sorted too).
  const auto first = std::upper_bound(spans.begin(), spans.end(), span.begin,
                                      [](std::size_t at, const Span& p) { return at < p.end; });
  if (first == spans.end()) return false;
  return span.empty() ? span.begin > first->begin : first->begin < span.end;
}

void merge_overlapping(std::vector<Span>& spans) {
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin != b.begin ? a.begin < b.begin : a.end > b.end; });
  std::size_t n = 0;
  for (const Span& s : spans) {
    if (s.empty()) continue;
    if (n > 0 && s.begin < spans[n - 1].end) {
      spans[n - 1].end = std::max(spans[n - 1].end, s.end);
    } else {
      spans[n++] = s;
    }
  }
  spans.resize(n);
}

}  // namespace textmend
