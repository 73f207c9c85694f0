#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

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

TEST_CASE("resolver: apply_edits and mapping offsets back", "[resolver]") {
  const std::vector<Edit> edits = {{{1, 2}, "XYZ"}, {{4, 6}, ""}, {{7, 7}, "!"}};
  const std::string out = apply_edits("abcdefgh", edits);
  CHECK(out == "aXYZcdg!h");
  const OffsetsBack map_back(edits);
  CHECK(map_back(0) == 0);
  CHECK(map_back(2) == 1);  // inside the replacement
  CHECK(map_back(4) == 2);  // 'c'
  CHECK(map_back(6) == 6);  // 'g'
  CHECK(map_back(8) == 7);  // 'h'
}

TEST_CASE("touches_any: one binary search over merged spans answers as a scan of the spans does", "[resolver]") {
  // The scan it replaced, over the spans as found (sorted, overlapping).
  const auto scan = [](const Span& span, const std::vector<Span>& spans) {
    for (const Span& p : spans)
      if (span.empty() ? (span.begin > p.begin && span.begin < p.end) : span.overlaps(p)) return true;
    return false;
  };
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::vector<Span> spans;
    const int n = static_cast<int>(rng() % 8);
    for (int k = 0; k < n; ++k) {
      const std::size_t b = rng() % 40;
      spans.push_back(Span{b, b + 1 + rng() % 8});  // protected spans are never empty
    }
    std::vector<Span> merged = spans;
    merge_overlapping(merged);
    for (std::size_t b = 0; b < 50; ++b)
      for (std::size_t e = b; e < b + 4; ++e) {
        INFO("round " << round << " span " << b << "-" << e);
        CHECK(touches_any(Span{b, e}, merged) == scan(Span{b, e}, spans));
      }
  }
}

TEST_CASE("resolver: the taken spans clash exactly as a scan of them all does", "[resolver]") {
  std::mt19937 rng(11);
  for (int round = 0; round < 3000; ++round) {
    TakenSpans taken;
    std::vector<Span> all;
    for (int k = 0; k < 90; ++k) {  // past the few it scans, into its sets
      const std::size_t b = rng() % 200;
      const Span span{b, b + (rng() % 3 == 0 ? 0 : rng() % 6)};
      const bool scan = std::any_of(all.begin(), all.end(), [&](const Span& s) { return s.overlaps(span); });
      INFO("round " << round << " span " << span.begin << "-" << span.end);
      REQUIRE(taken.clashes(span) == scan);
      if (!scan) {
        taken.add(span);
        all.push_back(span);
      }
    }
  }
}

TEST_CASE("resolver: offsets map back by binary search as as a walk through the edits does", "[resolver]") {
  // The walk it replaced.
  const auto walk = [](std::size_t offset, const std::vector<Edit>& edits) {
    std::ptrdiff_t shift = 0;
    for (const Edit& e : edits) {
      const auto new_begin = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(e.span.begin) + shift);
      if (offset < new_begin) break;
      if (offset < new_begin + e.replacement.size()) return e.span.begin;
      shift += static_cast<std::ptrdiff_t>(e.replacement.size()) - static_cast<std::ptrdiff_t>(e.span.size());
    }
    return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(offset) - shift);
  };
  std::mt19937 rng(5);
  for (int round = 0; round < 2000; ++round) {
    // Sorted edits that do not overlap: deletions, insertions, replacements.
    std::vector<Edit> edits;
    std::size_t at = 0;
    for (int k = 0; k < 6; ++k) {
      at += rng() % 4;
      const std::size_t size = rng() % 3;
      edits.push_back(Edit{Span{at, at + size}, std::string(rng() % 3, 'x')});
      at += size;
    }
    const OffsetsBack back(edits);
    for (std::size_t offset = 0; offset < at + 8; ++offset) {
      INFO("round " << round << " offset " << offset);
      REQUIRE(back(offset) == walk(offset, edits));
    }
  }
}
