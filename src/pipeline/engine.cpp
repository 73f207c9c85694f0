#include "pipeline/engine.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "core/hash.hpp"
#include "core/utf8.hpp"

namespace textmend {
namespace {

constexpr char kMask = '\x1A';  // stands in for an invalid byte while rules look

// Text the rules can read as UTF-8: each invalid byte becomes kMask and
// its position is protected, so it comes out exactly as it went in.
struct Masked {
  std::string text;  // empty when the input is valid as it is
  std::vector<Span> invalid;
};

Masked mask_invalid(std::string_view text) {
  Masked m;
  std::size_t i = utf8::valid_prefix(text);
  if (i == text.size()) return m;
  m.text.assign(text);
  while (i < text.size()) {
    const std::size_t start = i;
    if (utf8::decode(text, i) == utf8::kInvalid) {
      m.text[start] = kMask;
      if (!m.invalid.empty() && m.invalid.back().end == start)
        m.invalid.back().end = i;
      else
        m.invalid.push_back(Span{start, i});
    }
  }
  return m;
}

// The invalid bytes' spans, each with the byte on either side: removing
// the byte between two invalid bytes ("\xC2\x01\x81") would fuse them into
// a valid character (U+0081), which the next pass would take for damage.
std::vector<Span> with_neighbours(std::vector<Span> spans, std::size_t size) {
  for (Span& s : spans) {
    s.begin = s.begin > 0 ? s.begin - 1 : 0;
    s.end = std::min(size, s.end + 1);
  }
  return spans;
}

Span map_span_back(Span span, const std::vector<OffsetsBack>& passes) {
  for (auto it = passes.rbegin(); it != passes.rend(); ++it) {
    span.begin = (*it)(span.begin);
    span.end = std::max(span.begin, (*it)(span.end));
  }
  return span;
}

// What makes two decisions the same report: a later pass finds again what
// an earlier one reported.
struct ReportKey {
  std::string_view rule;
  Span span;
  Status status = Status::applied;
  bool operator==(const ReportKey& o) const {
    return rule == o.rule && span.begin == o.span.begin && span.end == o.span.end && status == o.status;
  }
};
struct ReportKeyHash {
  std::size_t operator()(const ReportKey& k) const {
    return std::hash<std::string_view>{}(k.rule) ^ mix64(k.span.begin * 0x9E3779B97F4A7C15ull + k.span.end) ^
           static_cast<std::size_t>(k.status);
  }
};

// The reports a paragraph holds so far: a scan while they are few (as they
// nearly always are), a hash set once there are many (a scan for each made
// a one-line paragraph with tens of thousands of findings quadratic).
class ReportSet {
 public:
  // False when key was there already.
  bool insert(const ReportKey& key) {
    if (!many_.empty()) return many_.insert(key).second;
    const auto end = few_.begin() + static_cast<std::ptrdiff_t>(few_count_);
    if (std::find(few_.begin(), end, key) != end) return false;
    if (few_count_ < kFew) {
      few_[few_count_++] = key;
      return true;
    }
    many_.insert(few_.begin(), end);
    many_.insert(key);
    return true;
  }

 private:
  static constexpr std::size_t kFew = 32;
  std::array<ReportKey, kFew> few_;  // no allocation for a paragraph's few
  std::size_t few_count_ = 0;
  std::unordered_set<ReportKey, ReportKeyHash> many_;
};

}  // namespace

Engine::Stage Engine::stage_of(const Rule& rule) {
  const Kind kind = rule.info().kind;
  return kind == Kind::encoding || kind == Kind::invisible ? Stage::characters : Stage::words;
}

Engine::Engine(RuleList rules, const Lexicon* lexicon, const spelling::Speller* speller, EngineOptions options)
    : rules_(std::move(rules)), lexicon_(lexicon), speller_(speller), options_(std::move(options)) {}

std::vector<Decision> Engine::run_stage(const Document& doc, Stage stage, const Approver& approve) const {
  std::vector<Finding> findings;
  for (const auto& rule : rules_)
    if (stage_of(*rule) == stage && !((doc.technical() || doc.foreign_script()) && rule->info().prose_only))
      rule->check(doc, findings);
  return resolve(std::move(findings), doc.protected_spans(), options_.resolver, approve);
}

UnitResult Engine::process(Unit unit, const DocKnowledge& knowledge, ProtectState& fences,
                           const Reviewer& review) const {
  UnitResult result;
  result.original = std::move(unit.text);
  result.offset = unit.offset;
  result.line = unit.line;
  const Context context{knowledge, lexicon_, speller_, &options_.settings};
  const ProtectState fences_before = fences;
  // The text as repaired so far: the original itself until a pass changes
  // it (most paragraphs need nothing, and so are never copied for it).
  std::string repaired;
  bool edited = false;
  const auto current = [&] { return std::string_view(edited ? repaired : result.original); };
  std::vector<OffsetsBack> passes;
  ReportSet reported;  // of result.decisions
  // Edits declined in review, by rule and place in the original text, so
  // a later pass does not ask again.
  std::vector<std::pair<std::string_view, Span>> declined;
  Approver approve;
  if (review)
    approve = [&](const Decision& d) {
      const Span where = map_span_back(d.finding.span, passes);
      for (const auto& [rule, span] : declined)
        if (rule == d.finding.rule_id && span.begin == where.begin && span.end == where.end) return false;
      if (review(d, current())) return true;
      declined.emplace_back(d.finding.rule_id, where);
      return false;
    };
  for (int pass = 0; pass < options_.max_passes; ++pass) {
    Masked masked = mask_invalid(current());
    const std::string_view text = masked.text.empty() ? current() : std::string_view(masked.text);
    std::vector<Span> keep = with_neighbours(masked.invalid, text.size());
    if (unit.stream_start && text.starts_with("\xEF\xBB\xBF")) keep.push_back(Span{0, 3});
    ProtectState state = fences_before;
    const Document doc(text, context, state, std::move(keep));
    if (pass == 0) {
      fences = state;
      result.invalid_sequences = masked.invalid.size();
      if (!masked.invalid.empty()) result.first_invalid = unit.offset + masked.invalid.front().begin;
    }
    // Characters first: other rules misread words that still hold mojibake
    // or zero-width characters, so they wait for the next pass.
    std::vector<Decision> decisions = run_stage(doc, Stage::characters, approve);
    std::vector<Edit> edits = applied_edits(decisions);
    if (edits.empty()) {
      std::vector<Decision> more = run_stage(doc, Stage::words, approve);
      decisions.insert(decisions.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
      edits = applied_edits(decisions);
    }
    for (Decision& d : decisions) {
      d.original = std::string(text.substr(d.finding.span.begin, d.finding.span.size()));
      d.finding.span = map_span_back(d.finding.span, passes);
      const ReportKey key{d.finding.rule_id, d.finding.span, d.status};
      if (reported.insert(key) || d.applied()) result.decisions.push_back(std::move(d));
    }
    if (edits.empty()) break;
    repaired = apply_edits(current(), edits);
    edited = true;
    passes.emplace_back(edits);
  }
  std::stable_sort(result.decisions.begin(), result.decisions.end(),
                   [](const Decision& a, const Decision& b) { return a.finding.span.begin < b.finding.span.begin; });
  if (edited) result.set_output(std::move(repaired));
  return result;
}

}  // namespace textmend
