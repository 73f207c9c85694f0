#pragma once
// ASCII character tests that do not depend on the C locale (std::isalpha
// does, and is undefined for negative chars).
#include <algorithm>
#include <string>
#include <string_view>

namespace textmend::ascii {

inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_alpha(char c) { return is_lower(c) || is_upper(c); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
inline char to_lower(char c) { return is_upper(c) ? static_cast<char>(c + 32) : c; }
inline char to_upper(char c) { return is_lower(c) ? static_cast<char>(c - 32) : c; }

inline bool all_alpha(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_alpha); }
inline bool all_lower(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_lower); }
inline bool all_upper(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_upper); }
inline bool has_upper(std::string_view s) { return std::any_of(s.begin(), s.end(), is_upper); }
inline bool has_lower(std::string_view s) { return std::any_of(s.begin(), s.end(), is_lower); }
inline bool has_digit(std::string_view s) { return std::any_of(s.begin(), s.end(), is_digit); }

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

inline bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return to_lower(x) == to_lower(y); });
}

}  // namespace textmend::ascii
