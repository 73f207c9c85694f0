#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

namespace textmend {

// Token types follow the word-boundary status ICU reports: letters make a
// word (with digits, apostrophes and inner dots: "don't", "U.S", "end.Next"),
// digits a number ("3,000", "3.5"); everything else is classified by its
// characters.
enum class TokenType : std::uint8_t {
  word,
  number,
  space,    // a run of spaces, or one tab
  newline,  // LF, CRLF, CR, VT, FF and the Unicode line separators
  punct,    // any other single character (punctuation, symbols, controls)
};

struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  TokenType type = TokenType::punct;

  std::uint32_t size() const { return end - begin; }
};

using Tokens = std::vector<Token>;

}  // namespace textmend
