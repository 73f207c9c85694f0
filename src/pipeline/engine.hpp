#pragma once
// Repairs one unit: segment, run the rules, resolve, apply; then again on
// the result until nothing more applies (a repair can uncover another:
// "the  the" needs the spaces collapsed before the repeat shows), so that
// cleaning the output again changes nothing.
#include <functional>
#include <memory>
#include <string_view>

#include "core/resolver.hpp"
#include "pipeline/unit.hpp"
#include "rules/registry.hpp"
#include "text/document.hpp"

namespace textmend {

// Interactive review: asked, for each edit about to be written, with the
// paragraph's text as it stands in this pass (the decision's span is an
// offset into it); false keeps the text as it is. An edit declined once is
// not asked about again in later passes of the same paragraph.
using Reviewer = std::function<bool(const Decision& decision, std::string_view paragraph)>;

struct EngineOptions {
  ResolverOptions resolver;
  Settings settings;
  int max_passes = 4;
};

class Engine {
 public:
  // lexicon and speller may be null (rules that need them then do nothing).
  Engine(RuleList rules, const Lexicon* lexicon, const spelling::Speller* speller, EngineOptions options);

  // knowledge: what is known of the document as of this unit; fences:
  // code-fence state before the unit, updated to the state after it.
  // The unit is taken by value: its text becomes the result's original.
  UnitResult process(Unit unit, const DocKnowledge& knowledge, ProtectState& fences, const Reviewer& review = {}) const;

  const spelling::Speller* speller() const { return speller_; }

  const RuleList& rules() const { return rules_; }
  const EngineOptions& options() const { return options_; }

 private:
  enum class Stage { characters, words };
  static Stage stage_of(const Rule& rule);
  std::vector<Decision> run_stage(const Document& doc, Stage stage, const Approver& approve) const;

  RuleList rules_;
  const Lexicon* lexicon_;
  const spelling::Speller* speller_;
  EngineOptions options_;
};

}  // namespace textmend
