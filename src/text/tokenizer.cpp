#include "text/tokenizer.hpp"

#include <array>
#include <bit>
#include <cstdint>

#include "core/load.hpp"
#include "core/utf8.hpp"
#include "unicode/unicode.hpp"

namespace textmend {
namespace {

// Word_Break classes (UAX #29 as ICU tailors it: the colon is not
// MidLetter, "@" is a letter). kUnknown marks characters the fast path does not know, for
// which the whole paragraph goes to ICU.
enum Wb : std::uint8_t {
  kOther,
  kCr,
  kLf,
  kNewline,
  kLetter,
  kNumeric,
  kMidNumLetQ,
  kMidNum,
  kExtendNumLet,
  kSpace,
  kUnknown
};

constexpr std::array<Wb, 128> make_ascii_classes() {
  std::array<Wb, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter;
  t['@'] = kLetter;  // ICU's tailoring, for e-mail addresses
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

constexpr std::array<Wb, 128> kAscii = make_ascii_classes();

// Any other character by its class in ICU's own tables: Greek and Cyrillic
// letters, ligatures such as "ﬁ", symbols, arrows and other punctuation
// follow the rules this path implements. A class it does not implement
// sends the paragraph to ICU.
Wb from_icu(unicode::WordBreakClass c) {
  switch (c) {
    case unicode::WordBreakClass::other:
      return kOther;
    case unicode::WordBreakClass::letter:
      return kLetter;
    case unicode::WordBreakClass::numeric:
      return kNumeric;
    case unicode::WordBreakClass::mid_num_let:
      return kMidNumLetQ;
    case unicode::WordBreakClass::mid_num:
      return kMidNum;
    case unicode::WordBreakClass::extend_num_let:
      return kExtendNumLet;
    case unicode::WordBreakClass::newline:
      return kNewline;
    case unicode::WordBreakClass::unsupported:
      break;
  }
  return kUnknown;
}

// The non-ASCII characters of everyday Latin-script prose: accented
// letters, curly quotes and apostrophes, dashes, the ellipsis, the no-break
// space and Latin-1 signs; and those that UTF-8 read as Windows-1252 turns
// up (C1 controls, the signs of its 0x80-0x9F row), so that mojibake does
// not send a paragraph to ICU: these are answered without asking ICU's
// tables. Anything else is asked (from_icu).
Wb class_of(char32_t cp) {
  if (cp < 0x80) return kAscii[cp];
  if (cp >= 0xC0 && cp <= 0x24F) return cp == 0xD7 || cp == 0xF7 ? kOther : kLetter;
  if (cp < 0xA0) return cp == 0x85 ? kNewline : kOther;  // C1 controls; U+0085 is NEL
  switch (cp) {
    case 0xAA:
    case 0xB5:
    case 0xBA:
    case 0x2C6:  // modifier circumflex: a letter (Lm)
      return kLetter;
    case 0xAD:  // soft hyphen: Format
    case 0xB7:  // middle dot: MidLetter
      return kUnknown;
    case 0x2018:
    case 0x2019:
    case 0x2024:
      return kMidNumLetQ;
    case 0x2DC:
    case 0x2013:
    case 0x2014:
    case 0x201A:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x2020:
    case 0x2021:
    case 0x2022:
    case 0x2026:
    case 0x2030:
    case 0x2039:
    case 0x203A:
    case 0x20AC:
    case 0x2122:
      return kOther;
    default:
      if (cp >= 0xA0 && cp <= 0xBF) return kOther;
      return from_icu(unicode::word_break_class(cp));
  }
}

constexpr bool is_line_break(Wb c) { return c == kCr || c == kLf || c == kNewline; }

// Letters, digits and "_" always join their neighbours of these classes
// (WB5, WB8-10, WB13, WB13a-b).
constexpr bool joins_in_word(Wb c) { return c == kLetter || c == kNumeric || c == kExtendNumLet; }

// Reads the character at text[i]: its class, and where the next starts.
inline std::size_t read(std::string_view text, std::size_t i, Wb& cls) {
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte < 0x80) {
    cls = kAscii[byte];
    return i + 1;
  }
  const char32_t cp = utf8::decode(text, i);
  cls = cp == utf8::kInvalid ? kUnknown : class_of(cp);
  return i;
}

// Moves i past the ASCII letters at it, eight bytes at a time: a byte
// loop mispredicts its exit at the end of nearly every word.
inline void skip_ascii_letters(std::string_view text, std::size_t& i, Wb& last, Wb& before_last) {
  static_assert(std::endian::native == std::endian::little, "the first byte is the lowest");
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
  constexpr std::uint64_t kCase = 0x2020202020202020ull;
  while (i + 8 <= text.size()) {
    const auto w = load_bytes<std::uint64_t>(text.data() + i);
    // Per byte, high bit set when the byte is an ASCII letter: folded to
    // lower case and seven bits (so the sums below carry into no
    // neighbour), it is at least 'a' and below '{', and was under 0x80.
    const std::uint64_t x = (w | kCase) & kLow7;
    const std::uint64_t letters = (x + 0x1F1F1F1F1F1F1F1Full) & ~(x + 0x0505050505050505ull) & ~w & kHigh;
    const int count = std::countr_zero(~letters & kHigh) / 8;  // 8 when all are letters
    i += static_cast<std::size_t>(count);
    before_last = count >= 2 ? kLetter : count == 1 ? last : before_last;
    last = count >= 1 ? kLetter : last;
    if (count < 8) return;
  }
}

// Extends the word-like token whose last character so far ends just
// before i: runs of letters, digits and "_", and a mid character between
// two letters ("don't", "e.g": WB6-7) or two digits ("3,000", "3.5":
// WB11-12). last and before_last are the classes of the token's last two
// characters. False when a character the fast path does not know is met.
bool extend_word(std::string_view text, std::size_t& i, Wb& last, Wb& before_last) {
  const std::size_t n = text.size();
  for (;;) {
    skip_ascii_letters(text, i, last, before_last);
    Wb c = kOther;
    std::size_t next = i;
    while (i < n) {
      next = read(text, i, c);
      if (!joins_in_word(c)) break;
      before_last = last;
      last = c;
      i = next;
    }
    if (i >= n) return true;
    if (c == kUnknown) return false;
    if (next >= n) return true;
    Wb right = kOther;
    const std::size_t after = read(text, next, right);
    if (right == kUnknown) return false;
    const bool letters = c == kMidNumLetQ && last == kLetter && right == kLetter;
    const bool digits = (c == kMidNumLetQ || c == kMidNum) && last == kNumeric && right == kNumeric;
    if (!letters && !digits) return true;
    before_last = c;
    last = right;
    i = after;
  }
}

// ICU reports the status of the last rule applied, which for these classes
// comes down to the last character (and, after "_", the one before it).
TokenType word_status(Wb last, Wb before_last, bool single) {
  if (last == kLetter) return TokenType::word;
  if (last == kNumeric) return TokenType::number;
  if (single) return TokenType::punct;  // a lone "_"
  return before_last == kNumeric ? TokenType::number : TokenType::word;
}

}  // namespace

// Token by token: in the Word_Break classes the fast path knows, UAX #29
// comes down to a few run shapes (words and numbers with their inner
// joiners, runs of spaces, CR LF, and single characters), so a run of
// letters costs one table lookup a byte.
bool tokenize_fast(std::string_view text, Tokens& out) {
  const std::size_t n = text.size();
  const std::size_t base = out.size();
  std::size_t i = 0;
  while (i < n) {
    const std::size_t start = i;
    Wb c = kOther;
    i = read(text, i, c);
    TokenType type = TokenType::punct;
    if (joins_in_word(c)) {
      const std::size_t first_end = i;  // a token of one character ends here
      Wb last = c;
      Wb before_last = kOther;
      if (!extend_word(text, i, last, before_last)) {
        out.resize(base);
        return false;
      }
      type = word_status(last, before_last, i == first_end);
    } else if (c == kSpace) {
      while (i < n && text[i] == ' ') ++i;
      type = TokenType::space;
    } else if (c == kUnknown) {
      out.resize(base);
      return false;
    } else {
      if (c == kCr && i < n && text[i] == '\n') ++i;
      type = is_line_break(c) ? TokenType::newline : text[start] == '\t' ? TokenType::space : TokenType::punct;
    }
    out.push_back(Token{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i), type});
  }
  return true;
}

void tokenize(std::string_view text, Tokens& out) {
  if (!tokenize_fast(text, out)) unicode::word_tokens(text, out);
}

}  // namespace textmend
