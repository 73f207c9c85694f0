#include "spelling/candidates.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <string>

#include "spelling/error_model.hpp"

namespace textmend::spelling {
namespace {

constexpr std::size_t kMaxIndexedLength = 24;
constexpr std::uint64_t kFnvBasis = 1469598103934665603ull;
constexpr unsigned kFilterWords = 17;  // a 1 MB presence filter: 2^17 words of 64 bits
constexpr unsigned kBucketBits = 18;   // a 1 MB table of where entries start; about 3 entries a bucket

std::uint64_t fnv_step(std::uint64_t h, char c) { return (h ^ static_cast<unsigned char>(c)) * 1099511628211ull; }

bool indexable(std::string_view key) {
  if (key.size() < 2 || key.size() > kMaxIndexedLength) return false;
  return std::all_of(key.begin(), key.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '\''; });
}

}  // namespace

std::uint64_t hash_text(std::string_view s) {
  std::uint64_t h = kFnvBasis;
  for (const char c : s) h = fnv_step(h, c);
  return h;
}

std::uint64_t CandidateIndex::pack(std::uint64_t hash, std::uint64_t id) const { return (hash << id_bits_) | id; }

// A key's place in the presence filter: one word, picked by the top bits
// of its hash (the bits an entry keeps, mixed), and three bits in it. One
// bit a key let 8% of the keys that are no entry through, each to a
// lookup of its own; three in one word let about 1% through, for the same
// one cache miss a key.
CandidateIndex::FilterPlace CandidateIndex::filter_place(std::uint64_t hash) const {
  const std::uint64_t m = (hash & ((std::uint64_t{1} << (64 - id_bits_)) - 1)) * 0x9E3779B97F4A7C15ull;
  std::uint64_t bits = 0;
  for (const unsigned shift : {20u, 26u, 32u}) bits |= std::uint64_t{1} << ((m >> shift) & 63);
  return FilterPlace{static_cast<std::size_t>(m >> (64 - kFilterWords)), bits};
}

std::size_t CandidateIndex::bucket_of(std::uint64_t entry) {
  return static_cast<std::size_t>(entry >> (64 - kBucketBits));
}

bool CandidateIndex::maybe_present(std::uint64_t hash) const {
  const FilterPlace place = filter_place(hash);
  return (present_[place.word] & place.bits) == place.bits;
}

CandidateIndex::CandidateIndex(const LanguageModel& model) : model_(model) {
  id_bits_ = static_cast<unsigned>(std::bit_width(model.size()));
  entries_.reserve(model.size() * 10);
  std::vector<std::uint64_t> prefix;
  for (LanguageModel::Id id = 0; id < static_cast<LanguageModel::Id>(model.size()); ++id) {
    const std::string_view key = model.key(id);
    if (!indexable(key)) continue;
    // FNV-1a state after each prefix, so each deletion's hash costs one
    // pass over the rest of the word rather than building a string.
    prefix.assign(1, kFnvBasis);
    for (const char c : key) prefix.push_back(fnv_step(prefix.back(), c));
    const auto tag = static_cast<std::uint64_t>(id);
    entries_.push_back(pack(prefix.back(), tag));
    for (std::size_t i = 0; i < key.size(); ++i) {
      if (i > 0 && key[i] == key[i - 1]) continue;  // deleting either of a double gives the same string
      std::uint64_t h = prefix[i];
      for (std::size_t j = i + 1; j < key.size(); ++j) h = fnv_step(h, key[j]);
      entries_.push_back(pack(h, tag));
    }
  }
  std::sort(entries_.begin(), entries_.end());
  entries_.erase(std::unique(entries_.begin(), entries_.end()), entries_.end());
  bucket_.assign((std::size_t{1} << kBucketBits) + 1, 0);
  for (const std::uint64_t e : entries_) ++bucket_[bucket_of(e) + 1];
  for (std::size_t b = 1; b < bucket_.size(); ++b) bucket_[b] += bucket_[b - 1];
  present_.assign(std::size_t{1} << kFilterWords, 0);
  for (const std::uint64_t e : entries_) {
    const FilterPlace place = filter_place(e >> id_bits_);
    present_[place.word] |= place.bits;
  }
}

namespace {

// Appends the hash of s and of every string s less one character.
void add_hashes_with_deletions(std::string_view s, std::vector<std::uint64_t>& out) {
  // Filled up to s.size() before it is read: left unzeroed, as zeroing its
  // 512 bytes for each of a typo's hundreds of edits cost a sixth of the
  // typo's time. near() hands in at most kMaxIndexedLength + 3 bytes.
  std::array<std::uint64_t, 64> prefix;
  assert(s.size() < prefix.size());
  prefix[0] = kFnvBasis;
  for (std::size_t i = 0; i < s.size(); ++i) prefix[i + 1] = fnv_step(prefix[i], s[i]);
  out.push_back(prefix[s.size()]);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && s[i] == s[i - 1]) continue;
    std::uint64_t h = prefix[i];
    for (std::size_t j = i + 1; j < s.size(); ++j) h = fnv_step(h, s[j]);
    out.push_back(h);
  }
}

}  // namespace

std::vector<LanguageModel::Id> CandidateIndex::near(std::string_view typo) const {
  std::vector<LanguageModel::Id> found;
  if (typo.size() > kMaxIndexedLength + 2) return found;
  // The typo, every string one edit from it, and those with one more letter
  // deleted, against every word and every word less one letter: together
  // that reaches every word within two edits (a substitution is a deletion
  // on both sides). Edits are built in one buffer, hashes kept, no strings.
  static constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz'";
  std::vector<std::uint64_t> keys;
  keys.reserve((typo.size() + 1) * kAlphabet.size() * 2 * (typo.size() + 2));
  keys.push_back(hash_text(typo));
  std::string edit;
  edit.reserve(typo.size() + 1);
  for (std::size_t i = 0; i <= typo.size(); ++i) {
    for (const char c : kAlphabet) {
      edit.assign(typo.substr(0, i)).push_back(c);
      edit.append(typo.substr(i));
      add_hashes_with_deletions(edit, keys);  // insertion
      if (i < typo.size() && typo[i] != c) {
        edit.assign(typo);
        edit[i] = c;
        add_hashes_with_deletions(edit, keys);  // substitution
      }
    }
    if (i < typo.size()) {
      edit.assign(typo.substr(0, i)).append(typo.substr(i + 1));
      add_hashes_with_deletions(edit, keys);  // deletion
    }
    if (i + 1 < typo.size() && typo[i] != typo[i + 1]) {
      edit.assign(typo);
      std::swap(edit[i], edit[i + 1]);
      add_hashes_with_deletions(edit, keys);  // swap
    }
  }
  // Most keys are no word and no deletion of one: the presence filter
  // turns them away first, so that only the few left are sorted (sorting
  // all of them, thousands a typo, was most of the time a typo took).
  std::erase_if(keys, [&](std::uint64_t h) { return !maybe_present(h); });
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  const std::uint64_t id_mask = (std::uint64_t{1} << id_bits_) - 1;
  for (const std::uint64_t h : keys) {
    const std::uint64_t first = pack(h, 0);
    const std::size_t bucket = bucket_of(first);
    const auto end = entries_.begin() + bucket_[bucket + 1];
    for (auto it = std::lower_bound(entries_.begin() + bucket_[bucket], end, first);
         it != end && (*it & ~id_mask) == first; ++it)
      found.push_back(static_cast<LanguageModel::Id>(*it & id_mask));
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::erase_if(found, [&](LanguageModel::Id id) { return edit_distance(typo, model_.key(id), 2) > 2; });
  return found;
}

}  // namespace textmend::spelling
