#pragma once
#include <array>
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

// Which byte values occur in a text, indexed by unsigned byte value. Plain
// bools rather than a bitset: it is filled once per paragraph and read by
// every rule, and a bitset costs shifts and masks on both sides.
using ByteSet = std::array<bool, 256>;

}  // namespace textmend
