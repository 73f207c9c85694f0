#pragma once
// The one explicit, sorted list of rules. No self-registration: a static
// library would silently drop rules that register themselves.
#include <memory>
#include <string>
#include <vector>

#include "rules/rule.hpp"

namespace textmend {

using RuleList = std::vector<std::unique_ptr<Rule>>;

// Every rule, sorted by id. Throws Error on a duplicate id.
RuleList all_rules();

// Picks rules: the defaults, plus enable, minus disable. Unknown ids throw
// Error. "all" means every rule: "--disable all --enable X" runs X alone.
RuleList select_rules(const std::vector<std::string>& enable, const std::vector<std::string>& disable);

// One function per rule family file.
void add_stray_rules(RuleList& rules);
void add_invisible_rules(RuleList& rules);
void add_stray_word_rules(RuleList& rules);
void add_quote_rules(RuleList& rules);
void add_punctuation_rules(RuleList& rules);
void add_whitespace_rules(RuleList& rules);
void add_repetition_rules(RuleList& rules);
void add_hyphenation_rules(RuleList& rules);
void add_encoding_rules(RuleList& rules);
void add_spelling_rules(RuleList& rules);

}  // namespace textmend
