#include "core/utf8.hpp"

#include <cstdint>

#include "core/load.hpp"

namespace textmend::utf8 {
char32_t decode_before(std::string_view s, std::size_t end, std::size_t& start) {
  std::size_t b = end;
  int back = 0;
  while (b > 0 && back < 4) {
    --b;
    ++back;
    if (!is_continuation(static_cast<unsigned char>(s[b]))) break;
  }
  std::size_t i = b;
  const char32_t cp = decode(s, i);
  if (cp != kInvalid && i == end) {
    start = b;
    return cp;
  }
  start = end - 1;
  return kInvalid;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string encode(char32_t cp) {
  std::string s;
  append(s, cp);
  return s;
}

std::size_t valid_prefix(std::string_view s) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
  std::size_t i = 0;
  while (i < s.size()) {
    // Prose is mostly ASCII: eight bytes at a time while no high bit is set.
    if (i + 8 <= s.size() && (load_bytes<std::uint64_t>(s.data() + i) & kHighBits) == 0) {
      i += 8;
      continue;
    }
    std::size_t j = i;
    if (decode(s, j) == kInvalid) return i;
    i = j;
  }
  return i;
}

bool is_valid(std::string_view s) { return valid_prefix(s) == s.size(); }

bool is_ascii(std::string_view s) {
  unsigned char high = 0;
  for (const char c : s) high |= static_cast<unsigned char>(c);  // no early exit: vectorises
  return high < 0x80;
}

std::size_t char_boundary_at_or_before(std::string_view s, std::size_t limit) {
  if (limit >= s.size()) return s.size();
  std::size_t n = limit;
  // Step back over at most three continuation bytes to the lead byte.
  for (int k = 0; k < 3 && n > 0 && is_continuation(static_cast<unsigned char>(s[n])); ++k) --n;
  return n == 0 ? limit : n;
}

}  // namespace textmend::utf8
