#pragma once
// Bit masks of the bytes of a 64-byte block that pass a test (bit k for
// byte k), from SSE2 compares, for the scans that cut ASCII text into words
// a block at a time (the tokenizer, the document's word fingerprints): a
// loop byte by byte mispredicts at nearly every word end. Without SSE2
// (TEXTMEND_BYTE_MASKS undefined) those scans go byte by byte.
#if defined(__SSE2__)
#include <emmintrin.h>

#include <cstdint>

#define TEXTMEND_BYTE_MASKS 1

namespace textmend::byte_masks {

constexpr std::size_t kBlock = 64;

// 16 bytes at p.
inline __m128i load16(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }

// The top bit of each byte of v, as bits at .. at + 15 of the block's mask.
inline std::uint64_t bits(__m128i v, unsigned at) {
  return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(v))) << at;
}

// 0xFF for the bytes equal to c.
inline __m128i equal(__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); }

// 0xFF for the bytes in [lo, hi]; bytes from 0x80 up compare as negative,
// so they are in no range of ASCII characters.
inline __m128i in_range(__m128i v, char lo, char hi) {
  return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                       _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
}

// 0xFF for ASCII letters: folded to lower case by the 0x20 bit (which maps
// no other byte into a-z).
inline __m128i letters(__m128i v) { return in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z'); }

// The bits below `count` (at most 63).
inline std::uint64_t below(std::size_t count) { return (std::uint64_t{1} << count) - 1; }

}  // namespace textmend::byte_masks
#endif
