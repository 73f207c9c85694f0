#include "rules/registry.hpp"

#include <algorithm>
#include <set>

#include "core/error.hpp"

namespace textmend {

RuleList all_rules() {
  RuleList rules;
  add_stray_rules(rules);
  add_invisible_rules(rules);
  add_stray_word_rules(rules);
  add_quote_rules(rules);
  add_punctuation_rules(rules);
  add_whitespace_rules(rules);
  add_repetition_rules(rules);
  add_hyphenation_rules(rules);
  add_encoding_rules(rules);
  add_spelling_rules(rules);
  std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a->id() < b->id(); });
  for (std::size_t i = 1; i < rules.size(); ++i)
    if (rules[i]->id() == rules[i - 1]->id()) throw Error("rules", "duplicate rule id " + std::string(rules[i]->id()));
  return rules;
}

RuleList select_rules(const std::vector<std::string>& enable, const std::vector<std::string>& disable) {
  RuleList rules = all_rules();
  std::set<std::string, std::less<>> known;
  for (const auto& r : rules) known.emplace(r->id());
  const bool enable_all = std::find(enable.begin(), enable.end(), "all") != enable.end();
  for (const auto* list : {&enable, &disable})
    for (const std::string& id : *list)
      if (id != "all" && !known.contains(id))
        throw Error("--enable/--disable", "unknown rule '" + id + "' (see --list-rules)");
  auto listed = [](const std::vector<std::string>& list, std::string_view id) {
    return std::find(list.begin(), list.end(), id) != list.end();
  };
  const bool disable_all = listed(disable, "all");
  std::erase_if(rules, [&](const auto& r) {
    const bool on = r->info().default_on || enable_all || listed(enable, r->id());
    const bool off = (disable_all && !listed(enable, r->id())) || listed(disable, r->id());
    return !on || off;
  });
  return rules;
}

}  // namespace textmend
