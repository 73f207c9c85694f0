#pragma once
// Finds the dictionary words near a misspelling fast, without Hunspell's
// suggest() (tens of milliseconds a word): every word is indexed under
// itself and every string made by deleting one or two of its letters, and
// a misspelling is looked up the same way. Two strings within two edits of
// each other always share such a string (a substitution is a deletion on
// both sides, a swap one deletion on each), so a misspelling of n letters
// needs about n²/2 lookups to reach every word within two edits.
#include <cstdint>
#include <string_view>
#include <vector>

#include "spelling/language_model.hpp"

namespace textmend::spelling {

class CandidateIndex {
 public:
  explicit CandidateIndex(const LanguageModel& model);

  // Ids of the words within edit distance 2 of typo (lower case), sorted.
  std::vector<LanguageModel::Id> near(std::string_view typo) const;

 private:
  // Where a deletion string's entry goes: its bucket, and the entry (the
  // hash's next bits above the word's id).
  struct Place {
    std::size_t bucket;
    std::uint32_t entry;
  };
  Place place(std::uint64_t hash, std::uint32_t id) const;

  // Entries by bucket (bucket_[b] .. bucket_[b + 1]), unsorted within one:
  // a bucket holds about ten, read in one or two cache lines. An entry
  // keeps only id_bits_ of id and the rest of 32 bits of hash, so a query
  // may find a word that merely shares those bits: near() checks each
  // word's distance.
  std::vector<std::uint32_t> entries_;
  std::vector<std::uint32_t> bucket_;
  unsigned id_bits_ = 0;
  const LanguageModel& model_;
};

}  // namespace textmend::spelling
