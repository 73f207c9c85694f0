#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "core/error.hpp"
#include "rules/registry.hpp"

using namespace textmend;

TEST_CASE("registry: ids are sorted, unique, kebab-case and described", "[registry]") {
  const RuleList rules = all_rules();
  REQUIRE(!rules.empty());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const RuleInfo& r = rules[i]->info();
    INFO(r.id);
    if (i > 0) CHECK(rules[i - 1]->id() < r.id);
    CHECK(r.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string_view::npos);
    CHECK(!r.description.empty());
    CHECK(!r.example_before.empty());
  }
}

TEST_CASE("registry: select_rules honours --enable and --disable", "[registry]") {
  const auto only = select_rules({"mojibake"}, {"all"});
  REQUIRE(only.size() == 1);
  CHECK(only[0]->id() == "mojibake");
  const auto without = select_rules({}, {"mojibake"});
  for (const auto& r : without) CHECK(r->id() != "mojibake");
  CHECK_THROWS_AS(select_rules({"no-such-rule"}, {}), Error);
}

TEST_CASE("registry: every rule has golden fixtures", "[registry][meta]") {
  namespace fs = std::filesystem;
  for (const auto& rule : all_rules()) {
    const fs::path dir = fs::path(TEXTMEND_SOURCE_DIR) / "tests" / "fixtures" / std::string(rule->id());
    INFO("tests/fixtures/" << rule->id() << " needs a positive and a negative case");
    std::size_t cases = 0;
    if (fs::is_directory(dir))
      for (const auto& e : fs::directory_iterator(dir)) cases += e.path().extension() == ".in";
    CHECK(cases >= 2);
  }
}
