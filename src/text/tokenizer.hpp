#pragma once
#include <string_view>

#include "text/token.hpp"

namespace textmend {

// Word tokens of one paragraph (valid UTF-8). Text whose characters all
// fall in the Word_Break classes the fast path implements (ASCII, the
// usual non-ASCII characters of Latin-script prose, and any other letter,
// digit, symbol or mark of punctuation ICU's tables put in those classes)
// takes a fast path that reproduces ICU's word boundaries and statuses
// exactly (tests check it against ICU on random strings); anything else
// (combining marks, joiners, Hebrew, dictionary-segmented scripts) goes to
// ICU through Boost.Locale.
void tokenize(std::string_view text, Tokens& out);

// The fast path on its own, for the equivalence test and the benchmark;
// false (out untouched) when text holds a character it does not handle.
bool tokenize_fast(std::string_view text, Tokens& out);

}  // namespace textmend
