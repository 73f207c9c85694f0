#pragma once
// UTF-8 helpers. Text stays UTF-8 bytes everywhere in textmend; these
// functions decode one code point at a time without allocating, and never
// throw: an invalid sequence decodes as kInvalid and consumes one byte, so
// callers can walk damaged input byte by byte and keep it as it is.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace textmend::utf8 {

inline constexpr char32_t kInvalid = 0xFFFFFFFFu;

// Decodes the code point that ends just before s[end]; sets start to its
// first byte. Returns kInvalid (start = end - 1) for an invalid tail.
char32_t decode_before(std::string_view s, std::size_t end, std::size_t& start);

void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);

// Byte length of the longest valid prefix of s.
std::size_t valid_prefix(std::string_view s);
bool is_valid(std::string_view s);
bool is_ascii(std::string_view s);

// The largest n <= limit such that s[0, n) does not end inside a multi-byte
// sequence; used to cut oversized units at a character boundary.
std::size_t char_boundary_at_or_before(std::string_view s, std::size_t limit);

inline bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

namespace detail {

inline int sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Second-byte ranges that rule out overlong forms, surrogates and code
// points above U+10FFFF (RFC 3629, table 3-7 of the Unicode standard).
inline bool second_byte_ok(unsigned char lead, unsigned char second) {
  switch (lead) {
    case 0xE0:
      return second >= 0xA0 && second <= 0xBF;
    case 0xED:
      return second >= 0x80 && second <= 0x9F;
    case 0xF0:
      return second >= 0x90 && second <= 0xBF;
    case 0xF4:
      return second >= 0x80 && second <= 0x8F;
    default:
      return is_continuation(second);
  }
}

}  // namespace detail

// Decodes the code point at s[i] and advances i past it (one byte if
// invalid). Inline: the tokenizer calls it for every non-ASCII character.
inline char32_t decode(std::string_view s, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const int len = detail::sequence_length(lead);
  if (len == 1) {
    ++i;
    return lead;
  }
  if (len == 0 || i + static_cast<std::size_t>(len) > s.size() ||
      !detail::second_byte_ok(lead, static_cast<unsigned char>(s[i + 1]))) {
    ++i;
    return kInvalid;
  }
  char32_t cp = lead & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if (!is_continuation(c)) {
      ++i;
      return kInvalid;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += static_cast<std::size_t>(len);
  return cp;
}

}  // namespace textmend::utf8
