#pragma once
// 64-bit hashes of words, eight bytes to a multiply: one multiply a byte
// (FNV) made the hash a chain of multiplies on paths that hash every word.
// The language model's table, the speller's cache of known words and the
// document's word fingerprints all hash this way.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/load.hpp"

namespace textmend {

// Every bit of the result depends on every bit of h (MurmurHash3's
// finalizer).
constexpr std::uint64_t mix64(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}

// A string's bytes fed eight at a time, the last ones zero-padded to
// eight, then its size. A caller that holds the bytes in place uses
// hash_bytes; one that changes them as it goes (folding case) feeds them.
class EightByteHash {
 public:
  void add_eight(std::uint64_t bytes) {
    h_ = (h_ ^ bytes) * 0x9E3779B97F4A7C15ull;
    h_ ^= h_ >> 29;
  }
  std::uint64_t finish(std::size_t size) const { return mix64(h_ ^ (size * 0xC2B2AE3D27D4EB4Full)); }

 private:
  std::uint64_t h_ = 1469598103934665603ull;
};

// The 1 to 7 bytes at p, zero-padded to eight, read without a loop and
// without reading past them.
inline std::uint64_t short_bytes(const char* p, std::size_t n) {
  if (n >= 4)
    return load_bytes<std::uint32_t>(p) | (std::uint64_t{load_bytes<std::uint32_t>(p + n - 4)} >> (8 * (8 - n)) << 32);
  const auto byte = [p](std::size_t k) { return std::uint64_t{static_cast<unsigned char>(p[k])}; };
  return byte(0) | (n > 1 ? byte(1) << 8 : 0) | (n > 2 ? byte(2) << 16 : 0);
}

// EightByteHash of s's bytes as they are.
inline std::uint64_t hash_bytes(std::string_view s) {
  EightByteHash hash;
  const char* p = s.data();
  const std::size_t n = s.size();
  std::size_t at = 0;
  for (; at + 8 <= n; at += 8) hash.add_eight(load_bytes<std::uint64_t>(p + at));
  const std::size_t rest = n - at;
  // The last eight bytes, shifted down past the ones already fed.
  if (rest != 0) hash.add_eight(n >= 8 ? load_bytes<std::uint64_t>(p + n - 8) >> (8 * (8 - rest)) : short_bytes(p, n));
  return hash.finish(n);
}

}  // namespace textmend
