#pragma once
// Small helpers shared by rule families.
#include <string_view>

#include "text/document.hpp"

namespace textmend {

template <typename List>
bool one_of(std::string_view s, const List& list) {
  for (std::string_view x : list)
    if (s == x) return true;
  return false;
}

// True when word starts with an upper-case letter (any script).
bool starts_capitalized(std::string_view word);
// True when word starts with a lower-case letter (any script).
bool starts_lowercase(std::string_view word);
// True when token i starts the text or follows a space or line break.
bool after_gap(const Document& doc, std::size_t i);
// True when token i is a word that starts with a letter.
bool starts_word(const Document& doc, std::size_t i);
// How often s occurs as a whole token on token i's line.
std::size_t count_on_line(const Document& doc, std::size_t i, std::string_view s);
// The whole line that holds token i, without its line break. Here and in
// the two below, token i holds no line break.
std::string_view line_of(const Document& doc, std::size_t i);
// What comes before token i on its line, its indentation left out.
std::string_view line_prefix(const Document& doc, std::size_t i);
// A list or box marker that opens a line: "(a)", "b)", "3.", "iv.", "[2]",
// or framing marks ("*", "-", "//", "•"). A space run after
// one is indentation, and its period ends no sentence.
bool line_marker(std::string_view prefix);
// What follows token i on its line, trailing spaces left out.
std::string_view line_rest(const Document& doc, std::size_t i);
// Marks that may frame a line: bullets, box edges, rules ("*", "|", "--", "•").
bool only_marks(std::string_view s);
// The single character of a one-character punct token, or '\0'.
inline char punct_char(const Document& doc, std::size_t i) {
  if (i >= doc.size() || doc[i].type != TokenType::punct || doc[i].size() != 1) return '\0';
  return doc.text()[doc[i].begin];
}
// True when token i is the one-character punctuation token c.
inline bool is_char(const Document& doc, std::size_t i, char c) { return c != '\0' && punct_char(doc, i) == c; }

}  // namespace textmend
