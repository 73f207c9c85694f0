// A word left over in the wrong place, found from the words around it.
#include <array>
#include <memory>

#include "core/ascii.hpp"
#include "rules/registry.hpp"
#include "rules/rule_util.hpp"

namespace textmend {
namespace {

const RuleInfo kStrayOf{"stray-of",
                        Kind::stray,
                        true,
                        "Removes an 'of' that the preposition before it cannot take ('along of the line', "
                        "'despite of').",
                        "actions along of the line",
                        "actions along the line"};

// Prepositions that take their object directly, never through "of"
// ("inside of", "outside of", "off of" and "ahead of" are English and are
// not here).
bool never_takes_of(std::string_view word) {
  if (word.size() < 3 || word.size() > 10) return false;
  static constexpr std::array<std::string_view, 24> kWords = {
      "along",   "across", "against", "toward",  "towards", "through",    "throughout", "into",
      "onto",    "upon",   "within",  "beneath", "amid",    "amidst",     "among",      "amongst",
      "despite", "during", "via",     "unlike",  "beyond",  "underneath", "between",    "versus"};
  return one_of(ascii::lower(word), kWords);
}

class StrayOf final : public Rule {
 public:
  StrayOf() : Rule(kStrayOf) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    for (const std::size_t of : doc.starting_with('o')) {
      const std::size_t i = of - 2;  // the preposition before the "of"
      if (of < 2 || of + 2 >= doc.size() || !doc.is(of, "of") || !doc.is_word(i) || !doc.is_single_space(i + 1) ||
          !doc.is_single_space(i + 3) || !starts_word(doc, i + 4) || !never_takes_of(doc.str(i)))
        continue;
      if (doc.is_protected(i + 2)) continue;
      std::string message(doc.str(i));
      message += " takes no 'of'";
      propose(out, Span{doc[i + 2].begin, doc[i + 4].begin}, "", 0.85, std::move(message));
    }
  }
};

}  // namespace

void add_stray_word_rules(RuleList& rules) { rules.push_back(std::make_unique<StrayOf>()); }

}  // namespace textmend
