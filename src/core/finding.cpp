#include "core/finding.hpp"

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
  for (const Span& p : spans) {
    if (p.begin > span.end || (p.begin == span.end && !span.empty())) break;
    if (span.empty() ? (span.begin > p.begin && span.begin < p.end) : span.overlaps(p)) return true;
  }
  return false;
}

}  // namespace textmend
