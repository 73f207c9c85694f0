#pragma once
// Word frequencies and word-pair counts (dictionaries/en-words.tsv and
// en-bigrams.tsv, built by tools/build-language-data.py): how common a
// candidate is, and how well it fits between its neighbours.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.hpp"

namespace textmend::spelling {

class LanguageModel {
 public:
  using Id = std::int32_t;
  static constexpr Id kNone = -1;

  // Reads en-words.tsv and en-bigrams.tsv from dir. Throws Error naming the
  // file when one is missing or unreadable.
  static std::unique_ptr<LanguageModel> load(const std::filesystem::path& dir);
  // The first of dirs that holds the model; throws Error naming them all.
  static std::unique_ptr<LanguageModel> find(const std::vector<std::filesystem::path>& dirs);

  // The id of a lower-case word, or kNone.
  Id id(std::string_view lower) const;
  std::size_t size() const { return words_.size(); }
  // The word as the list writes it ("I", "Monday", "the").
  std::string_view word(Id id) const { return text(entry(id).form_at, entry(id)); }
  std::string_view key(Id id) const { return text(entry(id).key_at, entry(id)); }
  // log10 of the word's share of running text.
  double log_frequency(Id id) const;
  // log10 P(next | prev) with Dirichlet smoothing towards the word's
  // frequency; kNone on either side gives the plain frequency.
  double log_follow(Id prev, Id next) const;
  // log10 of P(next | prev) / P(next) for a pair never seen after prev: the
  // smoothing's discount, the same for any unseen next word (an unknown
  // word included).
  double log_unseen_after(Id prev) const;

 private:
  // 24 bytes: the word's text lives in text_ (two strings an entry took
  // 80 bytes, 5 MB for the list).
  struct Entry {
    std::uint32_t key_at = 0;   // lower case
    std::uint32_t form_at = 0;  // as written in the list (the key's place when the same)
    std::uint32_t follows = 0;  // how often it starts a pair in the bigram corpus
    std::uint32_t size = 0;     // of key and form alike (only ASCII letters change case)
    std::uint64_t count = 0;
  };
  const Entry& entry(Id id) const { return words_[static_cast<std::size_t>(id)]; }
  std::string_view text(std::uint32_t at, const Entry& e) const { return std::string_view(text_).substr(at, e.size); }

  static std::uint64_t pair_key(Id a, Id b) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b);
  }

  std::vector<Entry> words_;
  std::string text_;  // the words' keys and forms
  // Open addressing over words_: each slot holds 24 bits of the key's hash
  // and its length in the high half (compared before the string) and id + 1
  // in the low half (0 empty).
  // The spelling rule asks for every word of the text, so this is hot.
  std::vector<std::uint64_t> slots_;
  std::size_t slot_mask_ = 0;

  Id insert_or_find(std::string_view key, Id new_id);
  Entry add_entry(std::string_view key, std::string_view form, std::uint64_t count);

  // Pair counts by pair_key, open addressing (a count of 0 marks an empty
  // slot): a node-based map cost an allocation per pair at start-up and a
  // pointer chase per lookup, and every candidate in context asks for two.
  struct PairSlot {
    std::uint64_t key = 0;
    std::uint32_t count = 0;
  };
  void size_pairs(std::size_t pairs);
  void add_pair(std::uint64_t key, std::uint32_t count);
  std::uint32_t pair_count(std::uint64_t key) const;
  std::size_t pair_slot(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> pair_shift_);
  }
  std::vector<PairSlot> pairs_;
  unsigned pair_shift_ = 63;
  double total_ = 1;
};

}  // namespace textmend::spelling
