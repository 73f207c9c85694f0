#include "text/document_words.hpp"

#include <array>

#include "core/ascii.hpp"

namespace textmend {
namespace {

constexpr std::size_t kMinLetters = 3;
// FNV-1a over the word's bytes, then mixed.
constexpr std::uint64_t kOffset = 1469598103934665603ull;
constexpr std::uint64_t kPrime = 1099511628211ull;

std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}

}  // namespace

std::uint64_t word_fingerprint(std::string_view word) {
  std::uint64_t h = kOffset;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c == '\xE2' && word.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’ counts as '
      c = '\'';
      i += 2;
    }
    h = (h ^ static_cast<unsigned char>(ascii::to_lower(c))) * kPrime;
  }
  return mix(h);
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

// Calls visit with the fingerprint of each word of text that DocumentWords
// keeps. The fingerprint is hashed as the word is scanned, the same hash
// word_fingerprint gives (letters lower-cased, either apostrophe as '), so
// each byte is read once: this runs over every byte of the prescan.
template <typename Visit>
void for_each_word(std::string_view text, Visit visit) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!kAlpha[static_cast<unsigned char>(text[i])]) {
      ++i;
      continue;
    }
    std::uint64_t h = kOffset;
    std::size_t letters = 0;
    bool plain = true;  // only ASCII letters and apostrophes: the words the speller checks
    while (i < text.size()) {
      const char c = text[i];
      if (kAlpha[static_cast<unsigned char>(c)]) {
        h = (h ^ static_cast<unsigned char>(c | 0x20)) * kPrime;
        ++letters;
        ++i;
      } else if (c == '\'' && alpha_at(text, i + 1)) {
        h = (h ^ static_cast<unsigned char>('\'')) * kPrime;
        ++i;
      } else if (c == '\xE2' && text.compare(i, 3, "\xE2\x80\x99") == 0 && alpha_at(text, i + 3)) {
        h = (h ^ static_cast<unsigned char>('\'')) * kPrime;
        i += 3;
      } else {
        plain = !(static_cast<unsigned char>(c) >= 0x80 || ascii::is_digit(c) || c == '_');
        break;
      }
    }
    if (plain && letters >= kMinLetters) visit(mix(h));
    while (i < text.size() && (ascii::is_alnum(text[i]) || static_cast<unsigned char>(text[i]) >= 0x80)) ++i;
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
