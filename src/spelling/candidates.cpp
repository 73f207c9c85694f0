#include "spelling/candidates.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>

#include "core/hash.hpp"
#include "spelling/error_model.hpp"

namespace textmend::spelling {
namespace {

constexpr std::size_t kMaxIndexedLength = 24;
constexpr std::size_t kMaxTypoLength = kMaxIndexedLength + 2;  // longer ones are within two edits of no word
constexpr unsigned kBucketBits = 18;                           // a 1 MB table of where buckets start
constexpr unsigned kEntryBits = 32;

bool indexable(std::string_view key) {
  if (key.size() < 2 || key.size() > kMaxIndexedLength) return false;
  return std::all_of(key.begin(), key.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '\''; });
}

// Polynomial hashes of a string's pieces: the hash of the string less one
// or two bytes is put together from three pieces in a few multiplications,
// where hashing each of a word's n²/2 deletions afresh took a pass over it.
class PieceHashes {
 public:
  explicit PieceHashes(std::string_view s) : n_(s.size()) {
    assert(n_ <= kMaxTypoLength);
    prefix_[0] = 0;
    power_[0] = 1;
    for (std::size_t i = 0; i < n_; ++i) {
      prefix_[i + 1] = prefix_[i] * kBase + static_cast<unsigned char>(s[i]);
      power_[i + 1] = power_[i] * kBase;
    }
  }

  // Calls visit with the hash of the string and of it less each byte and
  // each pair of bytes (the same string may come more than once).
  template <typename Visit>
  void each_deletion(Visit visit) const {
    visit(finish(prefix_[n_], n_));
    for (std::size_t i = 0; i < n_; ++i) {
      const std::uint64_t before = prefix_[i];
      visit(finish(join(before, piece(i + 1, n_), n_ - i - 1), n_ - 1));
      for (std::size_t j = i + 1; j < n_; ++j) {
        const std::uint64_t between = join(before, piece(i + 1, j), j - i - 1);
        visit(finish(join(between, piece(j + 1, n_), n_ - j - 1), n_ - 2));
      }
    }
  }

 private:
  static constexpr std::uint64_t kBase = 0x9E3779B97F4A7C15ull;

  std::uint64_t piece(std::size_t begin, std::size_t end) const {
    return prefix_[end] - prefix_[begin] * power_[end - begin];
  }
  // The hash of a piece followed by one of `length` bytes.
  std::uint64_t join(std::uint64_t first, std::uint64_t second, std::size_t length) const {
    return first * power_[length] + second;
  }
  // Mixed, so that every bit depends on every byte (the polynomial's low
  // bits depend on the low bits of the bytes only), with the length in.
  static std::uint64_t finish(std::uint64_t h, std::size_t length) { return mix64(h + length * 0xC2B2AE3D27D4EB4Full); }

  std::size_t n_;
  std::array<std::uint64_t, kMaxTypoLength + 1> prefix_;
  std::array<std::uint64_t, kMaxTypoLength + 1> power_;
};

// The distinct hashes of s and of s less one or two bytes, into out.
void deletion_hashes(std::string_view s, std::vector<std::uint64_t>& out) {
  out.clear();
  PieceHashes(s).each_deletion([&](std::uint64_t h) { out.push_back(h); });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

}  // namespace

CandidateIndex::Place CandidateIndex::place(std::uint64_t hash, std::uint32_t id) const {
  const unsigned check_bits = kEntryBits - id_bits_;
  const auto check = static_cast<std::uint32_t>((hash >> (64 - kBucketBits - check_bits)) & ((1u << check_bits) - 1));
  return Place{static_cast<std::size_t>(hash >> (64 - kBucketBits)), (check << id_bits_) | id};
}

CandidateIndex::CandidateIndex(const LanguageModel& model) : model_(model) {
  id_bits_ = static_cast<unsigned>(std::bit_width(model.size()));
  assert(id_bits_ < kEntryBits);
  // Two passes over the words, counting each bucket's entries and then
  // placing them: keeping the 2.7 million hashes between the passes would
  // take 20 MB at its peak. A word's strings are not told apart (deleting
  // either "l" of "hello" gives one string twice): telling them apart cost
  // more time than the 5% more entries cost room.
  auto each_entry = [&](auto visit) {
    for (LanguageModel::Id id = 0; id < static_cast<LanguageModel::Id>(model.size()); ++id) {
      if (!indexable(model.key(id))) continue;
      PieceHashes(model.key(id)).each_deletion([&](std::uint64_t h) {
        visit(place(h, static_cast<std::uint32_t>(id)));
      });
    }
  };
  // Counted, then turned into where each bucket ends; placing an entry
  // moves its bucket's mark back, so the marks end where the buckets start.
  bucket_.assign((std::size_t{1} << kBucketBits) + 1, 0);
  each_entry([&](const Place& p) { ++bucket_[p.bucket]; });
  std::uint32_t total = 0;
  for (std::uint32_t& mark : bucket_) mark = total += mark;
  entries_.resize(total);
  each_entry([&](const Place& p) { entries_[--bucket_[p.bucket]] = p.entry; });
}

std::vector<LanguageModel::Id> CandidateIndex::near(std::string_view typo) const {
  std::vector<LanguageModel::Id> found;
  if (typo.size() > kMaxTypoLength) return found;
  std::vector<std::uint64_t> keys;
  deletion_hashes(typo, keys);
  const std::uint32_t id_mask = (std::uint32_t{1} << id_bits_) - 1;
  for (const std::uint64_t h : keys) {
    const Place p = place(h, 0);
    for (std::uint32_t e = bucket_[p.bucket]; e < bucket_[p.bucket + 1]; ++e)
      if ((entries_[e] & ~id_mask) == p.entry) found.push_back(static_cast<LanguageModel::Id>(entries_[e] & id_mask));
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::erase_if(found, [&](LanguageModel::Id id) { return edit_distance(typo, model_.key(id), 2) > 2; });
  return found;
}

}  // namespace textmend::spelling
