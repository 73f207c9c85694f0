#include "rules/rule_util.hpp"

#include "core/ascii.hpp"
#include "unicode/unicode.hpp"

namespace textmend {

bool starts_capitalized(std::string_view word) {
  if (word.empty()) return false;
  if (static_cast<unsigned char>(word[0]) < 0x80) return ascii::is_upper(word[0]);
  return unicode::starts_upper(word);
}

bool starts_lowercase(std::string_view word) {
  if (word.empty()) return false;
  if (static_cast<unsigned char>(word[0]) < 0x80) return ascii::is_lower(word[0]);
  return unicode::starts_lower(word);
}

bool after_gap(const Document& doc, std::size_t i) {
  return i == 0 || doc.is(i - 1, TokenType::space) || doc.is(i - 1, TokenType::newline);
}

bool starts_word(const Document& doc, std::size_t i) {
  if (!doc.is_word(i)) return false;
  const char c = doc.text()[doc[i].begin];
  return ascii::is_alpha(c) || static_cast<unsigned char>(c) >= 0x80;
}

std::size_t count_on_line(const Document& doc, std::size_t i, std::string_view s) {
  std::size_t begin = i;
  while (begin > 0 && !doc.is(begin - 1, TokenType::newline)) --begin;
  std::size_t n = 0;
  for (std::size_t j = begin; j < doc.size() && !doc.is(j, TokenType::newline); ++j) n += doc.str(j) == s;
  return n;
}

}  // namespace textmend
