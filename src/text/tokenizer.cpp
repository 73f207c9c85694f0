#include "text/tokenizer.hpp"

#include <array>

#include "core/utf8.hpp"
#include "unicode/unicode.hpp"

namespace textmend {
namespace {

// Word_Break classes of ASCII characters (UAX #29 as ICU tailors it: the
// colon is not MidLetter).
enum Wb : std::uint8_t { kOther, kCr, kLf, kNewline, kLetter, kNumeric, kMidNumLetQ, kMidNum, kExtendNumLet, kSpace };

constexpr std::array<Wb, 128> make_classes() {
  std::array<Wb, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter;
  for (int c = '0'; c <= '9'; ++c) t[c] = kNumeric;
  t['\r'] = kCr;
  t['\n'] = kLf;
  t['\v'] = kNewline;
  t['\f'] = kNewline;
  t['.'] = kMidNumLetQ;
  t['\''] = kMidNumLetQ;
  t[','] = kMidNum;
  t[';'] = kMidNum;
  t['_'] = kExtendNumLet;
  t[' '] = kSpace;
  return t;
}

constexpr std::array<Wb, 128> kClasses = make_classes();

bool is_line_break(Wb c) { return c == kCr || c == kLf || c == kNewline; }

// True when UAX #29 keeps cur (at i) in the same token as prev (at i-1);
// before is the class at i-2 and after the class at i+1 (kOther off the ends).
bool joins(Wb before, Wb prev, Wb cur, Wb after) {
  if (prev == kCr && cur == kLf) return true;                                   // WB3
  if (is_line_break(prev) || is_line_break(cur)) return false;                  // WB3a, WB3b
  if (prev == kSpace && cur == kSpace) return true;                             // WB3d
  if (prev == kLetter && cur == kLetter) return true;                           // WB5
  if (prev == kLetter && cur == kMidNumLetQ && after == kLetter) return true;   // WB6
  if (before == kLetter && prev == kMidNumLetQ && cur == kLetter) return true;  // WB7
  if ((prev == kNumeric || prev == kLetter) && cur == kNumeric) return true;    // WB8, WB9
  if (prev == kNumeric && cur == kLetter) return true;                          // WB10
  const bool mid_num = cur == kMidNum || cur == kMidNumLetQ;
  const bool prev_mid_num = prev == kMidNum || prev == kMidNumLetQ;
  if (before == kNumeric && prev_mid_num && cur == kNumeric) return true;                                   // WB11
  if (prev == kNumeric && mid_num && after == kNumeric) return true;                                        // WB12
  if ((prev == kLetter || prev == kNumeric || prev == kExtendNumLet) && cur == kExtendNumLet) return true;  // WB13a
  if (prev == kExtendNumLet && (cur == kLetter || cur == kNumeric)) return true;                            // WB13b
  return false;
}

// ICU reports the status of the last rule applied, which for these classes
// comes down to the last character (and, after "_", the one before it).
TokenType status(const Wb* cls, std::size_t begin, std::size_t end) {
  const Wb last = cls[end - 1];
  if (last == kLetter) return TokenType::word;
  if (last == kNumeric) return TokenType::number;
  if (last == kExtendNumLet && end - begin > 1) return cls[end - 2] == kNumeric ? TokenType::number : TokenType::word;
  if (last == kSpace) return TokenType::space;
  if (is_line_break(last)) return TokenType::newline;
  return TokenType::punct;
}

}  // namespace

void tokenize_ascii(std::string_view text, Tokens& out) {
  const std::size_t n = text.size();
  if (n == 0) return;
  std::vector<Wb> cls(n);
  for (std::size_t i = 0; i < n; ++i) cls[i] = kClasses[static_cast<unsigned char>(text[i]) & 0x7F];
  std::size_t start = 0;
  for (std::size_t i = 1; i <= n; ++i) {
    const bool end_here =
        i == n || !joins(i >= 2 ? cls[i - 2] : kOther, cls[i - 1], cls[i], i + 1 < n ? cls[i + 1] : kOther);
    if (!end_here) continue;
    TokenType type = status(cls.data(), start, i);
    if (type == TokenType::punct && text[start] == '\t') type = TokenType::space;
    out.push_back(Token{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i), type});
    start = i;
  }
}

void tokenize(std::string_view text, Tokens& out) {
  if (utf8::is_ascii(text))
    tokenize_ascii(text, out);
  else
    unicode::word_tokens(text, out);
}

}  // namespace textmend
