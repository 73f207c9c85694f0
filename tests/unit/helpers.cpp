#include "helpers.hpp"

#include <memory>

#include "lexicon/lexicon.hpp"
#include "pipeline/engine.hpp"
#include "pipeline/run.hpp"
#include "spelling/speller.hpp"
#include "text/doc_stats.hpp"

namespace testing_helpers {
using namespace textmend;

namespace {

RuleList rules_for(const std::vector<std::string>& only) {
  if (only.empty()) return select_rules({}, {});
  return select_rules(only, {"all"});
}

Engine make_engine(const std::vector<std::string>& only, const Settings& settings) {
  EngineOptions options;
  options.settings = settings;
  return Engine(rules_for(only), &lexicon(), &speller(), options);
}

}  // namespace

const spelling::LanguageModel& language_model() {
  static const auto model = spelling::LanguageModel::load(std::filesystem::path(TEXTMEND_SOURCE_DIR) / "dictionaries");
  return *model;
}

const spelling::Speller& speller() {
  static const spelling::Speller speller(
      lexicon(), language_model(),
      find_dictionary("en_GB", std::filesystem::path(TEXTMEND_SOURCE_DIR) / "dictionaries"));
  return speller;
}

const Lexicon& lexicon() {
  static const Lexicon lex(find_dictionary("en_US", std::filesystem::path(TEXTMEND_SOURCE_DIR) / "dictionaries"));
  return lex;
}

std::string fix(std::string_view text, const std::vector<std::string>& only, const Settings& settings) {
  return repair_text(text, make_engine(only, settings));
}

std::vector<Decision> decisions(std::string_view text, const std::vector<std::string>& only) {
  const Engine engine = make_engine(only, {});
  Unit unit;
  unit.text = std::string(text);
  unit.stream_start = true;
  ProtectState fences;
  const DocStats stats = survey(text);
  return engine.process(unit, DocKnowledge{&stats, nullptr, 0}, fences).decisions;
}

std::size_t count(std::string_view text, const std::vector<std::string>& only) { return decisions(text, only).size(); }

}  // namespace testing_helpers
