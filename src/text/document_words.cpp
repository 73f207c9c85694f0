#include "text/document_words.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "core/ascii.hpp"
#include "core/byte_masks.hpp"
#include "core/hash.hpp"
#include "core/load.hpp"

namespace textmend {
namespace {

constexpr std::size_t kMinLetters = 3;

// 0 marks an empty slot: a word whose hash is 0 takes 1.
std::uint64_t fingerprint_of(const EightByteHash& hash, std::size_t size) {
  const std::uint64_t h = hash.finish(size);
  return h == 0 ? 1 : h;
}

// A word's bytes fed one at a time (lower case, apostrophes straight),
// eight to a chunk: the same fingerprint as the block scan, which feeds
// them eight at a time from the text.
class ByteHash {
 public:
  void add(unsigned char c) {
    eight_ |= std::uint64_t{c} << (8 * filled_);
    ++size_;
    if (++filled_ == 8) {
      hash_.add_eight(eight_);
      eight_ = 0;
      filled_ = 0;
    }
  }
  std::uint64_t finish() {
    if (filled_ != 0) hash_.add_eight(eight_);
    return fingerprint_of(hash_, size_);
  }

 private:
  EightByteHash hash_;
  std::uint64_t eight_ = 0;
  unsigned filled_ = 0;
  std::size_t size_ = 0;
};

bool is_curly_apostrophe(std::string_view text, std::size_t i) { return text.compare(i, 3, "\xE2\x80\x99") == 0; }

}  // namespace

std::uint64_t word_fingerprint(std::string_view word) {
  ByteHash hash;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c == '\xE2' && is_curly_apostrophe(word, i)) {  // ’ counts as '
      c = '\'';
      i += 2;
    }
    hash.add(static_cast<unsigned char>(ascii::to_lower(c)));
  }
  return hash.finish();
}

DocumentWords::DocumentWords(unsigned capacity_log2)
    : slots_(new Slot[std::size_t{1} << capacity_log2]),
      mask_((std::size_t{1} << capacity_log2) - 1),
      limit_(((std::size_t{1} << capacity_log2) * 7) / 10) {}

namespace {

constexpr std::array<bool, 256> kAlpha = [] {
  std::array<bool, 256> alpha{};
  for (int c = 'a'; c <= 'z'; ++c) alpha[static_cast<std::size_t>(c)] = alpha[static_cast<std::size_t>(c - 32)] = true;
  return alpha;
}();

bool alpha_at(std::string_view text, std::size_t i) {
  return i < text.size() && kAlpha[static_cast<unsigned char>(text[i])];
}

// The words DocumentWords keeps: a run of ASCII letters, with an
// apostrophe (either) between two letters, of three letters or more, that
// ends before neither a digit, "_" nor a non-ASCII character (the words
// the speller checks); after a word that does, the rest of that run of
// letters, digits and non-ASCII bytes is skipped.
//
// Byte by byte from text[i] (outside any word) until a word or skipped run
// ends at or past `until`: calls visit with each kept word's fingerprint,
// hashed as it is scanned, and returns where it stopped (outside any word).
template <typename Visit>
std::size_t visit_words_bytewise(std::string_view text, std::size_t i, std::size_t until, Visit& visit) {
  while (i < text.size() && i < until) {
    if (!kAlpha[static_cast<unsigned char>(text[i])]) {
      ++i;
      continue;
    }
    ByteHash hash;
    std::size_t letters = 0;
    bool plain = true;
    while (i < text.size()) {
      const char c = text[i];
      if (kAlpha[static_cast<unsigned char>(c)]) {
        hash.add(static_cast<unsigned char>(c | 0x20));
        ++letters;
        ++i;
      } else if (c == '\'' && alpha_at(text, i + 1)) {
        hash.add('\'');
        ++i;
      } else if (c == '\xE2' && is_curly_apostrophe(text, i) && alpha_at(text, i + 3)) {
        hash.add('\'');
        i += 3;
      } else {
        plain = !(static_cast<unsigned char>(c) >= 0x80 || ascii::is_digit(c) || c == '_');
        break;
      }
    }
    if (plain && letters >= kMinLetters) visit(hash.finish());
    while (i < text.size() && (ascii::is_alnum(text[i]) || static_cast<unsigned char>(text[i]) >= 0x80)) ++i;
  }
  return i;
}

#if defined(TEXTMEND_BYTE_MASKS)
using byte_masks::kBlock;

// The fingerprints of the words a block decides, in order. A word and the
// byte after it take two bytes at least: 32 words a block at most.
struct BlockWords {
  std::array<std::uint64_t, kBlock / 2> prints;
  std::size_t count = 0;
};

// The same for the 64 bytes at text[i] (outside any word), by bit masks
// (bit k for byte k): finds the words those bytes decide and returns where
// to go on (outside any word): the start of the first word they do not
// decide (one running past the block or into a non-ASCII byte), or the end
// of what they decide. first_high is set to the offset of the block's
// first non-ASCII byte (kBlock if none).
std::size_t find_words_in_block(std::string_view text, std::size_t i, BlockWords& words, std::size_t& first_high) {
  using namespace byte_masks;
  constexpr std::size_t kSlack = 8;  // a word's last eight-byte load may reach past the block
  const std::size_t n = text.size();
  const char* p = text.data() + i;
  std::array<char, kBlock + kSlack> padded;
  if (n - i < kBlock + kSlack) {  // zero bytes past the end end a word as the end does
    padded.fill(0);
    std::memcpy(padded.data(), p, n - i);
    p = padded.data();
  }
  std::uint64_t alpha = 0, apostrophes = 0, digit_or_underscore = 0, alnum_or_high = 0, high = 0;
  for (unsigned at = 0; at < kBlock; at += 16) {
    const __m128i v = load16(p + at);
    const __m128i a = letters(v);
    const __m128i d = in_range(v, '0', '9');
    alpha |= bits(a, at);
    apostrophes |= bits(equal(v, '\''), at);
    digit_or_underscore |= bits(_mm_or_si128(d, equal(v, '_')), at);
    alnum_or_high |= bits(_mm_or_si128(_mm_or_si128(a, d), v), at);
    high |= bits(v, at);
  }
  first_high = high == 0 ? kBlock : static_cast<std::size_t>(std::countr_zero(high));
  // Bytes before `limit` are ASCII and so is the byte after each.
  const std::size_t limit = first_high == 0 ? 0 : first_high - 1;
  const std::uint64_t joinable = alpha | (apostrophes & (alpha >> 1));
  const std::uint64_t in_word = joinable & ~(apostrophes & ~(joinable << 1));  // no word starts with '
  std::uint64_t starts = alpha & ~(in_word << 1) & below(limit);
  while (starts != 0) {
    const std::size_t s = static_cast<std::size_t>(std::countr_zero(starts));
    const std::size_t e = s + static_cast<std::size_t>(std::countr_one(in_word >> s));
    if (e >= limit) return i + s;
    starts &= ~std::uint64_t{0} << e;
    if (((digit_or_underscore >> e) & 1) != 0) {
      const std::size_t next = e + static_cast<std::size_t>(std::countr_one(alnum_or_high >> e));
      if (next >= limit) return i + s;
      // Past the skipped run the first letter starts a word, even one
      // after an apostrophe the mask joined to the run ("qe7tB'Azq").
      const std::uint64_t after = ~std::uint64_t{0} << next;
      const std::uint64_t first_letter = alpha & after & below(limit);
      starts = (starts & after) | (first_letter & (~first_letter + 1));
    } else {
      // Every word is hashed and the short ones are not counted: a third
      // of prose words have one or two letters, and a branch on it
      // mispredicts. (No popcount: without -mpopcnt it is a library call.)
      const std::uint64_t word_apostrophes = (apostrophes >> s) & below(e - s);
      const std::size_t letters =
          e - s - (word_apostrophes == 0 ? 0 : static_cast<std::size_t>(std::popcount(word_apostrophes)));
      EightByteHash hash;
      constexpr std::uint64_t kLower = 0x2020202020202020ull;  // ' is 0x27: the bit changes no apostrophe
      std::size_t at = s;
      for (; e - at > 8; at += 8) hash.add_eight(load_bytes<std::uint64_t>(p + at) | kLower);
      hash.add_eight((load_bytes<std::uint64_t>(p + at) | kLower) & (~std::uint64_t{0} >> (64 - 8 * (e - at))));
      words.prints[words.count] = fingerprint_of(hash, e - s);
      words.count += letters >= kMinLetters ? 1 : 0;
    }
  }
  return i + limit;
}
#endif

// Calls visit with the fingerprint of each word of text that DocumentWords
// keeps, in order: runs of ASCII a block at a time, the rest byte by byte.
// This runs over every byte of the prescan.
template <typename Visit>
void for_each_word(std::string_view text, Visit visit) {
  std::size_t i = 0;
  while (i < text.size()) {
#if defined(TEXTMEND_BYTE_MASKS)
    std::size_t first_high = kBlock;
    BlockWords words;
    const std::size_t next = find_words_in_block(text, i, words, first_high);
    for (std::size_t k = 0; k < words.count; ++k) visit(words.prints[k]);
    if (next != i) {
      i = next;
      continue;
    }
    // Nothing decided: byte by byte past the non-ASCII byte, or sixteen
    // bytes at least (text in another script, a word longer than a block).
    i = visit_words_bytewise(text, i, i + std::max<std::size_t>(first_high + 1, 16), visit);
#else
    i = visit_words_bytewise(text, i, text.size(), visit);
#endif
  }
}

}  // namespace

void DocumentWords::add(std::string_view text, std::uint64_t unit) {
  for_each_word(text, [&](std::uint64_t print) { record(print, unit); });
}

void DocumentWords::fingerprints(std::string_view text, std::vector<std::uint64_t>& out) {
  for_each_word(text, [&](std::uint64_t print) { out.push_back(print); });
}

void DocumentWords::add(const std::vector<std::uint64_t>& fingerprints, std::uint64_t unit) {
  for (const std::uint64_t print : fingerprints) record(print, unit);
}

void DocumentWords::record(std::uint64_t fingerprint, std::uint64_t unit) {
  for (std::size_t at = fingerprint & mask_;; at = (at + 1) & mask_) {
    Slot& slot = slots_[at];
    const std::uint64_t here = slot.fingerprint.load(std::memory_order_relaxed);
    if (here == fingerprint) {
      if (slot.second.load(std::memory_order_relaxed) == kNever) slot.second.store(unit, std::memory_order_release);
      return;
    }
    if (here == 0) {
      if (used_ >= limit_) return;  // full: the word counts as seen once
      ++used_;
      slot.fingerprint.store(fingerprint, std::memory_order_release);
      return;
    }
  }
}

const DocumentWords::Slot* DocumentWords::find(std::uint64_t fingerprint) const {
  for (std::size_t at = fingerprint & mask_;; at = (at + 1) & mask_) {
    const Slot& slot = slots_[at];
    const std::uint64_t here = slot.fingerprint.load(std::memory_order_acquire);
    if (here == fingerprint) return &slot;
    if (here == 0) return nullptr;
  }
}

bool DocumentWords::recurring(std::string_view word, std::uint64_t unit) const {
  const Slot* slot = find(word_fingerprint(word));
  return slot != nullptr && slot->second.load(std::memory_order_acquire) <= unit;
}

}  // namespace textmend
