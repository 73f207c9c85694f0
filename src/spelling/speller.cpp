#include "spelling/speller.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <thread>
#include <unordered_map>

#include "core/ascii.hpp"
#include "core/hash.hpp"
#include "spelling/error_model.hpp"
#include "spelling/variants.hpp"

namespace textmend::spelling {
namespace {

// log10 P(typo | word) = -kErrorWeight * typing cost: one ordinary slip
// makes a candidate a hundred times less likely than the word itself.
constexpr double kErrorWeight = 2.0;
// log10 prior that an unknown word is right as it stands, on the same scale
// as a word's frequency, with no neighbour to vouch for it. Together with
// kErrorWeight calibrated on the development set (README: Quality): the
// pair that kept edits on clean text under one in 10,000 words.
constexpr double kContextWeight = 1.0;
// The most a neighbour can add, log10: ten times likelier.
constexpr double kContextCap = 1.0;
constexpr double kKeepPrior = -10.5;
constexpr double kMaxCost = 2.6;       // beyond this no typist slipped
constexpr double kCompoundBias = 2.0;  // "wornout" is likelier a compound than a typo
constexpr double kDerivedBias = 2.0;   // "officered" is likelier a derived word than a typo

// Endings that make new words from old ones.
constexpr std::array<std::string_view, 14> kEndings = {"ed",   "ing",  "s",   "es",   "er",   "ers", "ly",
                                                       "ness", "ment", "ful", "less", "able", "ism", "ist"};

// True when word is stem plus an ending: one of kEndings, or any two
// letters or more.
bool derived_from(std::string_view word, std::string_view stem) {
  if (!word.starts_with(stem) || word.size() == stem.size()) return false;
  // Two letters or more past a whole word are an ending or a second word
  // ("mixup", "postrm", "sudoers"), not a slip of the fingers.
  if (word.size() >= stem.size() + 2) return true;
  const std::string_view ending = word.substr(stem.size());
  for (const std::string_view e : kEndings)
    if (ending == e) return true;
  return false;
}

// Small function words that get run into their neighbour ("ofthe").
bool glue_word(std::string_view w) {
  static constexpr std::array<std::string_view, 40> kGlue = {
      "a",  "an", "the", "of", "to",  "in",  "on",   "at",   "by",  "for", "from", "with", "and", "or",
      "as", "is", "it",  "be", "was", "are", "that", "this", "his", "her", "its",  "into", "but", "not",
      "so", "if", "all", "we", "he",  "she", "they", "you",  "my",  "our", "has",  "had"};
  for (std::string_view g : kGlue)
    if (w == g) return true;
  return false;
}
constexpr std::size_t kMaxSuggestions = 12;   // kept per word, best context-free first
constexpr std::size_t kCacheLimit = 1 << 16;  // words cached per thread before the cache restarts

std::string straight_apostrophes(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else {
      out += word[i];
    }
  }
  return out;
}

std::uint64_t next_serial() {
  static std::atomic<std::uint64_t> serial{0};
  return ++serial;
}

// An answer about a word kept on this thread: compute() runs the first
// time a word is asked. The answers restart when a different speller
// (another serial: an address can be reused) asks on this thread, or when
// kCacheLimit words are held. One cache per call site and answer type.
template <typename Value, typename Compute>
const Value& per_thread_answer(std::uint64_t speller_serial, std::string_view word, Compute compute) {
  thread_local std::unordered_map<std::string, Value, TransparentHash, std::equal_to<>> cache;
  thread_local std::uint64_t owner = 0;  // serials start at 1
  if (owner != speller_serial || cache.size() >= kCacheLimit) {
    cache.clear();
    owner = speller_serial;
  }
  if (auto it = cache.find(word); it != cache.end()) return it->second;
  return cache.emplace(std::string(word), compute()).first->second;
}

// Recent answers of known(), per thread, in a table small enough to stay
// in the core's own cache: prose repeats a few thousand words most of the
// time, and the model's table (megabytes) answers each lookup a cache miss
// away. (Room for 4,096 words was too few for the vocabulary of varied
// news prose: about 16,000 made one thread 5% faster on it.)
//
// A word is held as a 64-bit hash of its bytes and size, seven to a set,
// and a set is one 64-byte cache line: the table holds 21,504 words in
// 192 KB. Holding three words whole to a line (the exact bytes of words up
// to 16 bytes) took 384 KB for 18,432 of them, and the line a lookup reads
// was then often out of this machine's 512 KB L2: waiting for it was half
// of known()'s time. Two words share a hash once in 2^64 pairs.
constexpr std::size_t kKnownWays = 7;
struct alignas(64) KnownSet {
  std::array<std::uint64_t, kKnownWays> tags{};  // 0: empty
  std::uint8_t answers = 0;                      // bit w: way w's answer
  std::uint8_t next = 0;                         // the way a new word takes (first in, first out)

  // The ways holding tag, as bits (a tag is in one way at most). All seven
  // compared, without a branch: which way a word sits in follows no
  // pattern a branch predictor learns.
  unsigned find(std::uint64_t tag) const {
    unsigned found = 0;
    for (unsigned way = 0; way < kKnownWays; ++way) found |= static_cast<unsigned>(tags[way] == tag) << way;
    return found;
  }
  void insert(std::uint64_t tag, bool answer) {
    tags[next] = tag;
    const unsigned bit = 1u << next;
    answers = static_cast<std::uint8_t>(answer ? answers | bit : answers & ~bit);
    next = static_cast<std::uint8_t>(next + 1 == kKnownWays ? 0 : next + 1);
  }
};
static_assert(sizeof(KnownSet) == 64);
constexpr std::size_t kKnownSets = 3072;  // 192 KB
struct KnownCache {
  std::uint64_t owner = 0;  // the speller's serial
  std::array<KnownSet, kKnownSets> sets{};
};

// The cache's hash of a word; never 0, which marks an empty way.
std::uint64_t known_tag(std::string_view w) {
  const std::uint64_t h = hash_bytes(w);
  return h == 0 ? 1 : h;
}

// The set that holds tag's word.
std::size_t known_set(std::uint64_t tag) { return static_cast<std::size_t>((tag >> 32) * kKnownSets >> 32); }

}  // namespace

Speller::Speller(const Lexicon& lexicon, const LanguageModel& model, std::optional<DictionaryFiles> other_variety)
    : lexicon_(lexicon), model_(model), serial_(next_serial()), other_files_(std::move(other_variety)) {}

bool Speller::known_in_other_variety(std::string_view word) const {
  // Asked for every unknown word, and a document's typos recur (a corpus's
  // across its records): the answers are kept per thread.
  return per_thread_answer<bool>(serial_, word, [&] { return known_in_other_variety_uncached(word); });
}

bool Speller::known_in_other_variety_uncached(std::string_view word) const {
  // The regular correspondences first: they need no second dictionary.
  for (const std::string& v : variant_spellings(ascii::lower(straight_apostrophes(word))))
    if (model_.id(v) != LanguageModel::kNone || lexicon_.knows(v)) return true;
  if (!other_files_) return false;
  std::call_once(other_once_, [this] { other_ = std::make_unique<Lexicon>(*other_files_); });
  return other_->knows(word);
}

void Speller::prepare_in_background() const {
  std::thread([this] { index(); }).detach();
}

const CandidateIndex& Speller::index() const {
  std::call_once(index_once_, [this] { index_ = std::make_unique<CandidateIndex>(model_); });
  return *index_;
}

bool Speller::known(std::string_view word) const {
  if (word.empty()) return known_uncached(word);
  thread_local KnownCache cache;  // trivially destructible: no guard on each access
  if (cache.owner != serial_) {
    cache.sets.fill(KnownSet{});  // in place: no 192 KB temporary on the stack
    cache.owner = serial_;
  }
  const std::uint64_t tag = known_tag(word);
  KnownSet& set = cache.sets[known_set(tag)];
  if (const unsigned ways = set.find(tag); ways != 0) return (set.answers & ways) != 0;
  const bool answer = known_uncached(word);
  set.insert(tag, answer);
  return answer;
}

bool Speller::known_uncached(std::string_view word) const {
  // Most words are plain lower case: look them up without building a key.
  const bool plain = std::all_of(word.begin(), word.end(), [](char c) { return ascii::is_lower(c) || c == '\''; });
  if (plain ? model_.id(word) != LanguageModel::kNone
            : model_.id(ascii::lower(straight_apostrophes(word))) != LanguageModel::kNone)
    return true;
  return lexicon_.knows(word);
}

const WordInfo& Speller::suggest(std::string_view lower) const {
  return per_thread_answer<WordInfo>(serial_, lower, [&] { return generate(lower); });
}

namespace {

// A short word two edits from a candidate has lost half of itself to the
// slip: far likelier a term of its own ("gcc" is no "go", "yacc" no "ya",
// "mixup" no "mix") than a typo.
bool too_far_for_a_short_word(std::string_view word, std::string_view candidate) {
  constexpr std::size_t kShort = 4;
  return word.size() <= kShort && edit_distance(word, candidate) > 1;
}

}  // namespace

WordInfo Speller::generate(std::string_view lower) const {
  WordInfo info;
  info.keep_bias = legitimacy(lower);
  std::vector<Suggestion>& out = info.suggestions;
  for (const LanguageModel::Id id : index().near(lower)) {
    if (derived_from(lower, model_.key(id))) continue;  // "flyer" is no slip for "fly"
    if (too_far_for_a_short_word(lower, model_.key(id))) continue;
    const double cost = typing_cost(lower, model_.key(id), kMaxCost);
    if (cost <= kMaxCost) out.push_back(Suggestion{std::string(model_.key(id)), id, id, cost});
  }
  add_splits(lower, out);
  std::sort(out.begin(), out.end(), [&](const Suggestion& a, const Suggestion& b) {
    const double sa = score(a, LanguageModel::kNone, LanguageModel::kNone);
    const double sb = score(b, LanguageModel::kNone, LanguageModel::kNone);
    return sa != sb ? sa > sb : a.text < b.text;
  });
  if (out.size() > kMaxSuggestions) out.resize(kMaxSuggestions);
  return info;
}

// Evidence that an unknown word is a real one the dictionary lacks: two
// content words run together like a closed compound ("wornout",
// "skindiving"), or a known word with a productive ending ("officered").
double Speller::legitimacy(std::string_view lower) const {
  for (std::size_t i = 3; i + 3 <= lower.size(); ++i)
    if (model_.id(lower.substr(0, i)) != LanguageModel::kNone && model_.id(lower.substr(i)) != LanguageModel::kNone &&
        !glue_word(lower.substr(0, i)) && !glue_word(lower.substr(i)))
      return kCompoundBias;
  for (const std::string_view ending : kEndings) {
    if (lower.size() < ending.size() + 3 || !lower.ends_with(ending)) continue;
    const std::string_view stem = lower.substr(0, lower.size() - ending.size());
    if (model_.id(stem) != LanguageModel::kNone || lexicon_.knows(stem)) return kDerivedBias;
  }
  return 0;
}

// "ofthe" -> "of the": a word run together with a small function word.
// Two content words run together are a compound, which is kept.
void Speller::add_splits(std::string_view lower, std::vector<Suggestion>& out) const {
  if (lower.size() < 4) return;
  for (std::size_t i = 1; i + 1 < lower.size(); ++i) {
    const std::string_view a = lower.substr(0, i);
    const std::string_view b = lower.substr(i);
    if ((a.size() == 1 && a != "a") || b.size() < 2 || (!glue_word(a) && !glue_word(b))) continue;
    const LanguageModel::Id ia = model_.id(a);
    const LanguageModel::Id ib = model_.id(b);
    if (ia == LanguageModel::kNone || ib == LanguageModel::kNone) continue;
    out.push_back(Suggestion{std::string(a) + " " + std::string(b), ia, ib, 1.0});
  }
}

// log10 of P(left c right) / P(left) P(right) in the bigram model, less the
// typing cost: the candidate's frequency, and how much likelier its
// neighbours make it than chance (each term 0 without that neighbour).
double Speller::score(const Suggestion& s, LanguageModel::Id left, LanguageModel::Id right) const {
  double lm = model_.log_frequency(s.first);
  double context = 0;
  // A neighbour counts only as evidence for a pair the corpus has seen, as
  // against one it has not (the bigram corpus is small: most pairs are
  // unseen, and that says little), and at most kContextCap, so that a pair
  // seen a few times cannot outweigh the typing evidence.
  auto evidence = [](double x) { return std::clamp(x, 0.0, kContextCap); };
  if (left != LanguageModel::kNone)
    context +=
        evidence(model_.log_follow(left, s.first) - model_.log_frequency(s.first) - model_.log_unseen_after(left));
  if (s.last != s.first) lm += model_.log_follow(s.first, s.last);
  if (right != LanguageModel::kNone)
    context +=
        evidence(model_.log_follow(s.last, right) - model_.log_frequency(right) - model_.log_unseen_after(s.last));
  return lm + kContextWeight * context - kErrorWeight * s.cost;
}

std::vector<Scored> Speller::rank(const std::vector<Suggestion>& suggestions, LanguageModel::Id left,
                                  LanguageModel::Id right, double keep_bias) const {
  std::vector<std::pair<double, const Suggestion*>> scores;
  // The word as it stands, seen after `left` as rarely as any unseen pair.
  scores.emplace_back(kKeepPrior + keep_bias, nullptr);
  for (const Suggestion& s : suggestions) scores.emplace_back(score(s, left, right), &s);
  std::stable_sort(scores.begin(), scores.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  // Each hypothesis's weight against the best, worked out once (pow is
  // most of the cost of a ranking, and every typo of a document is ranked).
  std::vector<Scored> ranked;
  ranked.reserve(scores.size());
  double total = 0;
  for (const auto& [sc, s] : scores) {
    ranked.push_back(Scored{s, std::pow(10.0, sc - scores.front().first)});
    total += ranked.back().probability;
  }
  for (Scored& r : ranked) r.probability /= total;
  return ranked;
}

}  // namespace textmend::spelling
