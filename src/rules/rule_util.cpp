#include "rules/rule_util.hpp"

#include <algorithm>
#include <array>

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

std::string_view line_of(const Document& doc, std::size_t i) {
  const std::string_view text = doc.text();
  const std::size_t at = doc[i].begin;
  const std::size_t nl = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  const std::size_t begin = nl == std::string_view::npos ? 0 : nl + 1;
  const std::size_t end = std::min(text.find('\n', at), text.size());
  return text.substr(begin, end - begin);
}

std::string_view line_prefix(const Document& doc, std::size_t i) {
  std::string_view before = line_of(doc, i);
  before = before.substr(0, doc[i].begin - static_cast<std::size_t>(before.data() - doc.text().data()));
  const std::size_t indent = std::min(before.find_first_not_of(" \t"), before.size());
  return before.substr(indent);
}

namespace {

// i to xxxix: lower-case roman numerals as lists number their items.
bool small_roman(std::string_view s) {
  std::size_t p = 0;
  while (p < s.size() && p < 3 && s[p] == 'x') ++p;
  const std::string_view units = s.substr(p);
  static constexpr std::array<std::string_view, 9> kUnits = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
  return (units.empty() && p > 0) || one_of(units, kUnits);
}

}  // namespace

std::string_view line_rest(const Document& doc, std::size_t i) {
  const std::string_view line = line_of(doc, i);
  std::string_view after = line.substr(doc[i].end - static_cast<std::size_t>(line.data() - doc.text().data()));
  while (!after.empty() && (after.back() == ' ' || after.back() == '\t' || after.back() == '\r'))
    after.remove_suffix(1);
  return after;
}

bool only_marks(std::string_view s) {
  if (s == "\xE2\x80\xA2") return true;  // •
  // Bullets, box edges, rules, comment leaders and quotation marks of mail;
  // never a sentence's punctuation or a bracket, which other rules mend.
  constexpr std::string_view kFrame = "*|#+=-_~/\\>";
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [&](char c) { return kFrame.find(c) != std::string_view::npos; });
}

bool line_marker(std::string_view prefix) {
  while (!prefix.empty() && prefix.back() == ' ') prefix.remove_suffix(1);
  if (prefix.empty() || prefix.size() > 8) return false;
  if (only_marks(prefix)) return true;
  const char close = prefix.back();
  if (close != '.' && close != ')' && close != ']') return false;
  std::string_view label = prefix.substr(0, prefix.size() - 1);
  if (!label.empty() && (label.front() == '(' || label.front() == '[')) label.remove_prefix(1);
  if (label.empty()) return false;
  const bool number = label.size() <= 3 && std::all_of(label.begin(), label.end(), ascii::is_digit);
  const bool letter = label.size() == 1 && ascii::is_alpha(label[0]);
  return number || letter || small_roman(label);
}

}  // namespace textmend
