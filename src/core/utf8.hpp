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

// Decodes the code point at s[i] and advances i past it (one byte if invalid).
char32_t decode(std::string_view s, std::size_t& i);

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

}  // namespace textmend::utf8
