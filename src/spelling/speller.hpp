#pragma once
// Ranks corrections for an unknown word by a noisy-channel model: how
// common the candidate is and how well it fits between its neighbours
// (the language model), against how likely the typing error is (the error
// model), with "leave it as it is" as one more hypothesis: unknown words
// are often right (names, terms, rare words), and a correction must beat
// that by a clear margin.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.hpp"
#include "spelling/candidates.hpp"
#include "spelling/language_model.hpp"

namespace textmend::spelling {

struct Suggestion {
  std::string text;         // lower case: "receive", or "of the" for a merged pair
  LanguageModel::Id first;  // the (first) word
  LanguageModel::Id last;   // the last word (== first for one word)
  double cost = 0;          // typing cost (error_model.hpp)
};

// What the speller knows of one unknown word, computed once per word.
struct WordInfo {
  std::vector<Suggestion> suggestions;  // best context-free first
  // log10 odds, beyond the usual, that the word is right as it stands: it is
  // two words run together as compounds are ("wornout"), or a known word
  // with a common ending ("officered").
  double keep_bias = 0;
};

struct Scored {
  const Suggestion* suggestion;  // nullptr: leave the word as it is
  double probability;            // share of the hypotheses' total
};

class Speller {
 public:
  // other_variety: the other English's dictionary (en_GB for en_US and the
  // reverse), loaded on first need: a word spelled right there is a choice
  // of variety or an accepted variant ("judgement", "miniscule"), not a typo.
  Speller(const Lexicon& lexicon, const LanguageModel& model, std::optional<DictionaryFiles> other_variety = {});

  const LanguageModel& model() const { return model_; }

  // True when word is spelled right: in the frequency list, or accepted by
  // Hunspell (which knows case rules, affixes and the curly apostrophe).
  bool known(std::string_view word) const;
  // known() without the per-thread cache of recent answers.
  bool known_uncached(std::string_view word) const;
  // True when the word is the other English variety's spelling ("centre"
  // for "center"): a choice, not a typo. Cached per word on each thread.
  bool known_in_other_variety(std::string_view word) const;

  // Starts building the candidate index on a thread of its own, so that it
  // is ready (or nearly) when the first unknown word needs it instead of
  // stalling that paragraph's thread. For a speller that lives as long as
  // the process: the thread is detached.
  void prepare_in_background() const;

  // Candidates for an unknown lower-case word (apostrophes straight), best
  // context-free first. Cached per word on each thread.
  const WordInfo& suggest(std::string_view lower) const;

  // The hypotheses ranked in context: left and right are the neighbouring
  // words' ids (LanguageModel::kNone when there is none). keep_bias raises
  // the odds of leaving the word alone (a capitalized word may be a name).
  std::vector<Scored> rank(const std::vector<Suggestion>& suggestions, LanguageModel::Id left, LanguageModel::Id right,
                           double keep_bias = 0) const;

 private:
  bool known_in_other_variety_uncached(std::string_view word) const;
  const CandidateIndex& index() const;
  WordInfo generate(std::string_view lower) const;
  double legitimacy(std::string_view lower) const;
  void add_splits(std::string_view lower, std::vector<Suggestion>& out) const;
  double score(const Suggestion& s, LanguageModel::Id left, LanguageModel::Id right) const;

  const Lexicon& lexicon_;
  const LanguageModel& model_;
  // Tells this speller's cached answers from those of an earlier one that
  // lived at the same address.
  const std::uint64_t serial_;
  std::optional<DictionaryFiles> other_files_;
  mutable std::once_flag other_once_;
  mutable std::unique_ptr<Lexicon> other_;
  mutable std::once_flag index_once_;
  mutable std::unique_ptr<CandidateIndex> index_;
};

}  // namespace textmend::spelling
