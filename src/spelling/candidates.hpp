#pragma once
// Finds the dictionary words near a misspelling fast, without Hunspell's
// suggest() (tens of milliseconds a word): an index of every word and every
// word with one letter deleted, queried with the misspelling, every string
// one edit from it, and each of those less one letter. That reaches nearly
// every word within two edits (a few double substitutions escape it) with
// some 50n² keys for a misspelling of n letters: a Bloom filter turns most
// of them away, and the few left are looked up.
#include <cstdint>
#include <string_view>
#include <vector>

#include "spelling/language_model.hpp"

namespace textmend::spelling {

class CandidateIndex {
 public:
  explicit CandidateIndex(const LanguageModel& model);

  // Ids of words within edit distance 2 of typo (lower case), unsorted.
  std::vector<LanguageModel::Id> near(std::string_view typo) const;

 private:
  std::uint64_t pack(std::uint64_t hash, std::uint64_t id) const;
  // False when no entry has this hash (true may be a false alarm).
  bool maybe_present(std::uint64_t hash) const;
  struct FilterPlace {
    std::size_t word;
    std::uint64_t bits;
  };
  FilterPlace filter_place(std::uint64_t hash) const;
  // The run of bucket_ a packed entry (or query) falls in.
  static std::size_t bucket_of(std::uint64_t entry);

  // Sorted entries: a string's hash in the high bits, the word's id in the
  // low id_bits_ bits.
  std::vector<std::uint64_t> entries_;
  unsigned id_bits_ = 0;
  // A Bloom filter of the entries' hashes (filter_place): most strings a
  // query tries are no word and no deletion of one, and this turns them
  // away without a lookup.
  std::vector<std::uint64_t> present_;
  // Where each run of entries with the same top kBucketBits begins
  // (bucket_[b] .. bucket_[b + 1]): a query reads a few entries there
  // instead of binary-searching megabytes, a cache miss a step.
  std::vector<std::uint32_t> bucket_;
  const LanguageModel& model_;
};

std::uint64_t hash_text(std::string_view s);

}  // namespace textmend::spelling
