#include <catch2/catch.hpp>

#include "core/resolver.hpp"

using namespace textmend;

namespace {

Finding finding(std::string_view rule, Span span, std::vector<Candidate> candidates) {
  Finding f;
  f.rule_id = rule;
  f.span = span;
  f.candidates = std::move(candidates);
  return f;
}

}  // namespace

TEST_CASE("resolver: applies a confident fix and reports a weak one", "[resolver]") {
  std::vector<Finding> fs;
  fs.push_back(finding("a", {0, 1}, {{"x", 0.9}}));
  fs.push_back(finding("b", {3, 4}, {{"y", 0.5}}));
  const auto ds = resolve(std::move(fs), {}, ResolverOptions{});
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].status == Status::applied);
  CHECK(ds[1].status == Status::below_confidence);
}

TEST_CASE("resolver: two close candidates are ambiguous", "[resolver]") {
  std::vector<Finding> fs;
  fs.push_back(finding("a", {0, 1}, {{"x", 0.9}, {"y", 0.85}}));
  const auto ds = resolve(std::move(fs), {}, ResolverOptions{});
  CHECK(ds[0].status == Status::ambiguous);
}

TEST_CASE("resolver: the stronger of two overlapping edits wins", "[resolver]") {
  std::vector<Finding> fs;
  fs.push_back(finding("weak", {2, 5}, {{"", 0.85}}));
  fs.push_back(finding("strong", {0, 4}, {{"z", 0.95}}));
  const auto ds = resolve(std::move(fs), {}, ResolverOptions{});
  CHECK(ds[0].finding.rule_id == "strong");
  CHECK(ds[0].status == Status::applied);
  CHECK(ds[1].status == Status::conflict);
}

TEST_CASE("resolver: two insertions at one point conflict", "[resolver]") {
  std::vector<Finding> fs;
  fs.push_back(finding("a", {3, 3}, {{" ", 0.9}}));
  fs.push_back(finding("b", {3, 3}, {{"-", 0.9}}));
  const auto ds = resolve(std::move(fs), {}, ResolverOptions{});
  CHECK((ds[0].applied() != ds[1].applied()));
}

TEST_CASE("resolver: protected bytes are never edited", "[resolver]") {
  std::vector<Finding> fs;
  fs.push_back(finding("a", {4, 6}, {{"", 0.99}}));
  fs.push_back(finding("b", {10, 10}, {{" ", 0.99}}));
  const auto ds = resolve(std::move(fs), {{5, 8}, {9, 12}}, ResolverOptions{});
  CHECK(ds[0].status == Status::protected_text);
  CHECK(ds[1].status == Status::protected_text);
}

TEST_CASE("resolver: the approver can decline an edit", "[resolver]") {
  std::vector<Finding> fs;
  fs.push_back(finding("a", {0, 1}, {{"x", 0.9}}));
  const auto ds = resolve(std::move(fs), {}, ResolverOptions{}, [](const Decision&) { return false; });
  CHECK(ds[0].status == Status::declined);
}

TEST_CASE("resolver: apply_edits and map_back", "[resolver]") {
  const std::vector<Edit> edits = {{{1, 2}, "XYZ"}, {{4, 6}, ""}, {{7, 7}, "!"}};
  const std::string out = apply_edits("abcdefgh", edits);
  CHECK(out == "aXYZcdg!h");
  CHECK(map_back(0, edits) == 0);
  CHECK(map_back(2, edits) == 1);  // inside the replacement
  CHECK(map_back(4, edits) == 2);  // 'c'
  CHECK(map_back(6, edits) == 6);  // 'g'
  CHECK(map_back(8, edits) == 7);  // 'h'
}
