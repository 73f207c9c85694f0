#include "core/utf8.hpp"

namespace textmend::utf8 {
namespace {

int sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Second-byte ranges that rule out overlong forms, surrogates and code
// points above U+10FFFF (RFC 3629, table 3-7 of the Unicode standard).
bool second_byte_ok(unsigned char lead, unsigned char second) {
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

}  // namespace

char32_t decode(std::string_view s, std::size_t& i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const int len = sequence_length(lead);
  if (len == 1) {
    ++i;
    return lead;
  }
  if (len == 0 || i + len > s.size() || !second_byte_ok(lead, static_cast<unsigned char>(s[i + 1]))) {
    ++i;
    return kInvalid;
  }
  char32_t cp = lead & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if (!is_continuation(c)) {
      ++i;
      return kInvalid;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  i += len;
  return cp;
}

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
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    if (decode(s, j) == kInvalid) return i;
    i = j;
  }
  return i;
}

bool is_valid(std::string_view s) { return valid_prefix(s) == s.size(); }

bool is_ascii(std::string_view s) {
  for (const char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

std::size_t char_boundary_at_or_before(std::string_view s, std::size_t limit) {
  if (limit >= s.size()) return s.size();
  std::size_t n = limit;
  // Step back over at most three continuation bytes to the lead byte.
  for (int k = 0; k < 3 && n > 0 && is_continuation(static_cast<unsigned char>(s[n])); ++k) --n;
  return n == 0 ? limit : n;
}

}  // namespace textmend::utf8
