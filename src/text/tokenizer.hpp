#pragma once
#include <string_view>

#include "text/token.hpp"

namespace textmend {

// Word tokens of one paragraph (valid UTF-8). Pure-ASCII text takes a fast
// path that reproduces ICU's word boundaries and statuses exactly (checked
// against ICU by a test); anything else goes to ICU through Boost.Locale.
void tokenize(std::string_view text, Tokens& out);

// The fast path on its own, for the equivalence test and the benchmark.
void tokenize_ascii(std::string_view text, Tokens& out);

}  // namespace textmend
