// Quote rules: thin views on one shared reading of the paragraph's quotes
// (quote_analysis.cpp), so that they always agree on which quote is which.
#include <memory>

#include "rules/quote_analysis.hpp"
#include "rules/registry.hpp"

namespace textmend {
namespace {

const RuleInfo kQuoteSpacing{"quote-spacing",
                             Kind::quotes,
                             true,
                             "Moves a space to the right side of a quote, and joins detached quotes to their words.",
                             "conflicts, \xE2\x80\x9Dhe said",
                             "conflicts,\xE2\x80\x9D he said",
                             /*needs_dictionary=*/false,
                             /*prose_only=*/true};

const RuleInfo kQuoteDirection{"quote-direction",
                               Kind::quotes,
                               true,
                               "Turns a curly quote that faces the wrong way for its place.",
                               "\xE2\x80\x9DWe are ready",
                               "\xE2\x80\x9CWe are ready",
                               /*needs_dictionary=*/false,
                               /*prose_only=*/true};

const RuleInfo kQuoteStyle{"quote-style",
                           Kind::quotes,
                           true,
                           "Makes straight and curly quotes and apostrophes follow the document's majority "
                           "(or --quotes).",
                           "\xE2\x80\x9CYes,\" she said",
                           "\xE2\x80\x9CYes,\xE2\x80\x9D she said",
                           /*needs_dictionary=*/false,
                           /*prose_only=*/true};

const RuleInfo kUnbalancedQuote{"unbalanced-quote",
                                Kind::quotes,
                                true,
                                "Reports a quotation that never closes (or never opened), and adds the closing "
                                "quote where its place is plain.",
                                "entitled \xE2\x80\x9CSlums And Suburbs, calls for",
                                "entitled \xE2\x80\x9CSlums And Suburbs,\xE2\x80\x9D calls for",
                                /*needs_dictionary=*/false,
                                /*prose_only=*/true};

class QuoteRule final : public Rule {
 public:
  QuoteRule(const RuleInfo& info, QuoteProblem problem) : Rule(info), problem_(problem) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    for (const QuoteFix& fix : analyze_double_quotes(doc)) emit(fix, out);
    if (problem_ == QuoteProblem::style)
      for (const QuoteFix& fix : analyze_single_quotes(doc)) emit(fix, out);
  }

 private:
  void emit(const QuoteFix& fix, std::vector<Finding>& out) const {
    if (fix.problem != problem_) return;
    if (fix.no_edit)
      report(out, fix.span, fix.message);
    else
      propose(out, fix.span, fix.replacement, fix.confidence, fix.message);
  }

  QuoteProblem problem_;
};

}  // namespace

void add_quote_rules(RuleList& rules) {
  rules.push_back(std::make_unique<QuoteRule>(kQuoteSpacing, QuoteProblem::spacing));
  rules.push_back(std::make_unique<QuoteRule>(kQuoteDirection, QuoteProblem::direction));
  rules.push_back(std::make_unique<QuoteRule>(kQuoteStyle, QuoteProblem::style));
  rules.push_back(std::make_unique<QuoteRule>(kUnbalancedQuote, QuoteProblem::unbalanced));
}

}  // namespace textmend
