#include "text/tokenizer.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "core/byte_masks.hpp"
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

// Reads the token at text[i] character by character, appends it and moves
// i past it. False when it meets a character the fast path does not know.
bool scan_token(std::string_view text, std::size_t& i, Tokens& out) {
  const std::size_t n = text.size();
  const std::size_t start = i;
  Wb c = kOther;
  i = read(text, i, c);
  TokenType type = TokenType::punct;
  if (joins_in_word(c)) {
    const std::size_t first_end = i;  // a token of one character ends here
    Wb last = c;
    Wb before_last = kOther;
    if (!extend_word(text, i, last, before_last)) return false;
    type = word_status(last, before_last, i == first_end);
  } else if (c == kSpace) {
    while (i < n && text[i] == ' ') ++i;
    type = TokenType::space;
  } else if (c == kUnknown) {
    return false;
  } else {
    if (c == kCr && i < n && text[i] == '\n') ++i;
    type = is_line_break(c) ? TokenType::newline : text[start] == '\t' ? TokenType::space : TokenType::punct;
  }
  out.push_back(Token{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i), type});
  return true;
}

#if defined(TEXTMEND_BYTE_MASKS)
using byte_masks::kBlock;

// Per byte of a 64-byte block, bit k for byte k: the classes that decide
// where ASCII tokens end.
struct BlockClasses {
  std::uint64_t letters = 0;  // a-z, A-Z and '@'
  std::uint64_t digits = 0;
  std::uint64_t underscores = 0;
  std::uint64_t mid_any = 0;    // '.' and '\'': join two letters or two digits
  std::uint64_t mid_digit = 0;  // ',' and ';': join two digits
  std::uint64_t spaces = 0;
  std::uint64_t crs = 0;
  std::uint64_t lfs = 0;
  std::uint64_t high = 0;  // bytes of non-ASCII characters
};

BlockClasses classify_block(const char* p) {
  using namespace byte_masks;
  BlockClasses c;
  for (unsigned at = 0; at < kBlock; at += 16) {
    const __m128i v = load16(p + at);
    c.letters |= bits(_mm_or_si128(byte_masks::letters(v), equal(v, '@')), at);
    c.digits |= bits(in_range(v, '0', '9'), at);
    c.underscores |= bits(equal(v, '_'), at);
    c.mid_any |= bits(_mm_or_si128(equal(v, '.'), equal(v, '\'')), at);
    c.mid_digit |= bits(_mm_or_si128(equal(v, ','), equal(v, ';')), at);
    c.spaces |= bits(equal(v, ' '), at);
    c.crs |= bits(equal(v, '\r'), at);
    c.lfs |= bits(equal(v, '\n'), at);
    c.high |= bits(v, at);
  }
  return c;
}

// Bit k set when a token starts at byte k of the block, given that one
// starts at byte 0. A byte continues the token before it when both are in
// a word (letters, digits, "_", and a mid character between two letters
// or two digits: WB5-13b), both are spaces, or it is the LF of a CR LF.
// Bit k depends on bytes k - 2 to k + 1 (the mid rules look one byte to
// each side).
std::uint64_t token_starts(const BlockClasses& c) {
  const std::uint64_t mids = (c.mid_any & (c.letters << 1) & (c.letters >> 1)) |
                             ((c.mid_any | c.mid_digit) & (c.digits << 1) & (c.digits >> 1));
  const std::uint64_t word = c.letters | c.digits | c.underscores | mids;
  const std::uint64_t continues = (word & (word << 1)) | (c.spaces & (c.spaces << 1)) | (c.lfs & (c.crs << 1));
  return ~continues | 1;
}

// An ASCII token's type from its first byte, and a word's from its last:
// tables, not branches, since the types of neighbouring tokens follow no
// pattern a branch predictor learns.
constexpr std::uint8_t kByLastByte = 0xFE;  // first byte of a word or number
constexpr std::uint8_t kByLastTwo = 0xFF;   // last byte "_": the one before decides

constexpr std::array<std::uint8_t, 128> make_first_byte_types() {
  std::array<std::uint8_t, 128> t{};
  for (std::size_t b = 0; b < 128; ++b) {
    const Wb c = kAscii[b];
    t[b] = static_cast<std::uint8_t>(joins_in_word(c)           ? kByLastByte
                                     : c == kSpace || b == '\t' ? static_cast<std::uint8_t>(TokenType::space)
                                     : is_line_break(c)         ? static_cast<std::uint8_t>(TokenType::newline)
                                                                : static_cast<std::uint8_t>(TokenType::punct));
  }
  return t;
}

constexpr std::array<std::uint8_t, 128> make_last_byte_types() {
  std::array<std::uint8_t, 128> t{};
  for (std::size_t b = 0; b < 128; ++b) {
    const Wb c = kAscii[b];
    t[b] = c == kLetter    ? static_cast<std::uint8_t>(TokenType::word)
           : c == kNumeric ? static_cast<std::uint8_t>(TokenType::number)
                           : kByLastTwo;
  }
  return t;
}

constexpr std::array<std::uint8_t, 128> kFirstByteTypes = make_first_byte_types();
constexpr std::array<std::uint8_t, 128> kLastByteTypes = make_last_byte_types();

// The type of the ASCII token text[begin, end).
inline TokenType ascii_token_type(std::string_view text, std::size_t begin, std::size_t end) {
  const std::uint8_t first = kFirstByteTypes[static_cast<unsigned char>(text[begin])];
  const std::uint8_t last = kLastByteTypes[static_cast<unsigned char>(text[end - 1])];
  const std::uint8_t type = first == kByLastByte ? last : first;
  if (type != kByLastTwo) [[likely]]
    return static_cast<TokenType>(type);
  const Wb before_last = end - begin >= 2 ? kAscii[static_cast<unsigned char>(text[end - 2])] : kOther;
  return word_status(kExtendNumLet, before_last, end - begin == 1);
}

// Appends the tokens of the ASCII text from text[i] (a token start) on, a
// 64-byte block at a time, up to the text's end or to the token that
// holds its first non-ASCII character; returns where the appended tokens
// end. high is set to where that character starts (text.size() if none).
// Past the text's end a block reads zero bytes, which end a token as the
// end of the text does.
std::size_t append_ascii_tokens(std::string_view text, std::size_t i, Tokens& out, std::size_t& high) {
  const std::size_t n = text.size();
  std::size_t begin = i;  // the token being read starts here
  std::size_t pos = i;    // the start bits of the bytes before pos are read
  for (;;) {
    // A byte's start bit depends on the two bytes before it: a block
    // starts two bytes before pos, or at pos when a token starts there.
    const bool at_start = pos == begin;
    const std::size_t q = at_start ? pos : pos - 2;
    const char* p = text.data() + q;
    std::array<char, kBlock> padded;
    if (n - q < kBlock) {
      padded.fill(0);
      std::memcpy(padded.data(), p, n - q);
      p = padded.data();
    }
    const BlockClasses classes = classify_block(p);
    const std::size_t first_high =
        classes.high == 0 ? kBlock : static_cast<std::size_t>(std::countr_zero(classes.high));
    // Bit k is decided when byte k + 1 is ASCII: bits 0 .. decided - 1.
    const std::size_t decided = first_high == 0 ? 0 : first_high - 1;
    const unsigned first_bit = at_start ? 1 : 2;
    std::uint64_t starts = token_starts(classes) & byte_masks::below(decided) & (~std::uint64_t{0} << first_bit);
    while (starts != 0) {
      const std::size_t end = q + static_cast<std::size_t>(std::countr_zero(starts));
      if (end > n) break;
      out.push_back(Token{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                          ascii_token_type(text, begin, end)});
      begin = end;
      starts &= starts - 1;
    }
    if (begin >= n) {
      high = n;
      return n;
    }
    if (first_high < kBlock) {
      high = q + first_high;
      return begin;
    }
    pos = q + decided;
  }
}
#endif

}  // namespace

// Runs of ASCII are cut 64 bytes at a time: byte classes compared as
// vectors give a bit mask of where tokens start, and the tokens are read
// off its set bits (a loop token by token mispredicts at nearly every word
// end). A token that holds a non-ASCII character goes token by token: in
// the Word_Break classes the fast path knows, UAX #29 comes down to a few
// run shapes (words and numbers with their inner joiners, runs of spaces,
// CR LF, and single characters).
bool tokenize_fast(std::string_view text, Tokens& out) {
  const std::size_t n = text.size();
  const std::size_t base = out.size();
  std::size_t i = 0;
#if defined(TEXTMEND_BYTE_MASKS)
  std::size_t token_by_token_until = 0;
#endif
  while (i < n) {
#if defined(TEXTMEND_BYTE_MASKS)
    if (i >= token_by_token_until) {
      const std::size_t before = i;
      std::size_t high = n;
      i = append_ascii_tokens(text, i, out, high);
      if (i >= n) break;
      // Token by token past the non-ASCII character; further still when
      // the blocks read nothing (text in another script).
      token_by_token_until = high + (i == before ? 16 : 1);
    }
#endif
    if (!scan_token(text, i, out)) {
      out.resize(base);
      return false;
    }
  }
  return true;
}

void tokenize(std::string_view text, Tokens& out) {
  if (!tokenize_fast(text, out)) unicode::word_tokens(text, out);
}

}  // namespace textmend
