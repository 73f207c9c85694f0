#pragma once
// Reads the double quotes of a paragraph in order, deciding for each whether
// it opens or closes a quotation from three clues: its shape (“ or ”), its
// place (space before and a word after, or the reverse) and parity (a
// quotation that is open must close before another opens). Where the clues
// disagree, the disagreement names the damage: a space on the wrong side,
// a quote facing the wrong way, a quote in the wrong style.
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "text/document.hpp"

namespace textmend {

enum class QuoteProblem {
  spacing,     // space on the wrong side, detached, or missing
  direction,   // a curly quote facing the wrong way
  style,       // straight in a curly text or the reverse
  unbalanced,  // a quotation that never closes or never opened
};

struct QuoteFix {
  QuoteProblem problem;
  Span span;
  std::string replacement;  // empty with no_edit
  bool no_edit = false;     // report only
  double confidence = 0;
  std::string message;
};

// The analysis of doc's double quotes, computed once per document.
const std::vector<QuoteFix>& analyze_double_quotes(const Document& doc);
std::vector<QuoteFix> analyze_single_quotes(const Document& doc);

}  // namespace textmend
