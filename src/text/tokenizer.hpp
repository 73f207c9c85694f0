#pragma once
#include <string_view>

#include "text/token.hpp"

namespace textmend {

// Word tokens of one paragraph (valid UTF-8). Text in ASCII and the usual
// non-ASCII characters of Latin-script prose (accented letters, curly
// quotes, dashes) takes a fast path that reproduces ICU's word boundaries
// and statuses exactly (a test checks it against ICU on random strings);
// anything else goes to ICU through Boost.Locale.
void tokenize(std::string_view text, Tokens& out);

// The fast path on its own, for the equivalence test and the benchmark;
// false (out untouched) when text holds a character it does not handle.
bool tokenize_fast(std::string_view text, Tokens& out);

}  // namespace textmend
