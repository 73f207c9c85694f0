#include "text/tokenizer.hpp"

#include <array>

#include "core/utf8.hpp"
#include "unicode/unicode.hpp"

namespace textmend {
namespace {

// Word_Break classes (UAX #29 as ICU tailors it: the colon is not
// MidLetter). kUnknown marks characters the fast path does not know, for
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

// The non-ASCII characters of everyday Latin-script prose: accented
// letters, curly quotes and apostrophes, dashes, the ellipsis, the no-break
// space and Latin-1 signs. Everything else (combining marks, format
// characters, other scripts) is left to ICU.
Wb class_of(char32_t cp) {
  if (cp < 0x80) return kAscii[cp];
  if (cp >= 0xC0 && cp <= 0x24F) return cp == 0xD7 || cp == 0xF7 ? kOther : kLetter;
  switch (cp) {
    case 0xAA:
    case 0xB5:
    case 0xBA:
      return kLetter;
    case 0xAD:  // soft hyphen: Format
    case 0xB7:  // middle dot: MidLetter
      return kUnknown;
    case 0x2018:
    case 0x2019:
    case 0x2024:
      return kMidNumLetQ;
    case 0x2013:
    case 0x2014:
    case 0x201C:
    case 0x201D:
    case 0x2022:
    case 0x2026:
    case 0x20AC:
    case 0x2122:
      return kOther;
    default:
      return cp >= 0xA0 && cp <= 0xBF ? kOther : kUnknown;
  }
}

constexpr bool is_line_break(Wb c) { return c == kCr || c == kLf || c == kNewline; }

// True when UAX #29 keeps cur in the same token as prev; before is the
// class two back and after the class one ahead (kOther off the ends).
constexpr bool joins_rule(Wb before, Wb prev, Wb cur, Wb after) {
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

constexpr std::size_t kClasses = kUnknown;  // kUnknown never reaches the table

constexpr std::size_t join_index(Wb before, Wb prev, Wb cur, Wb after) {
  return ((before * kClasses + prev) * kClasses + cur) * kClasses + after;
}

// joins_rule for every window of four classes, as a table of bits: the
// chain of rules above is a run of data-dependent branches at every
// character, and the lookup is one load from 1.25 KB that stays in cache.
struct JoinTable {
  static constexpr std::size_t kWindows = kClasses * kClasses * kClasses * kClasses;
  std::array<std::uint64_t, (kWindows + 63) / 64> bits{};
  constexpr JoinTable() {
    for (std::size_t a = 0; a < kClasses; ++a)
      for (std::size_t b = 0; b < kClasses; ++b)
        for (std::size_t c = 0; c < kClasses; ++c)
          for (std::size_t d = 0; d < kClasses; ++d)
            if (joins_rule(Wb(a), Wb(b), Wb(c), Wb(d))) {
              const std::size_t at = join_index(Wb(a), Wb(b), Wb(c), Wb(d));
              bits[at / 64] |= std::uint64_t{1} << (at % 64);
            }
  }
};

constexpr JoinTable kJoinTable;

inline bool joins(Wb before, Wb prev, Wb cur, Wb after) {
  const std::size_t at = join_index(before, prev, cur, after);
  return (kJoinTable.bits[at / 64] >> (at % 64)) & 1u;
}

// ICU reports the status of the last rule applied, which for these classes
// comes down to the last character (and, after "_", the one before it).
TokenType status(const Wb* cls, std::size_t first, std::size_t last, char first_byte) {
  const Wb c = cls[last];
  if (c == kLetter) return TokenType::word;
  if (c == kNumeric) return TokenType::number;
  if (c == kExtendNumLet && last > first) return cls[last - 1] == kNumeric ? TokenType::number : TokenType::word;
  if (c == kSpace || first_byte == '\t') return TokenType::space;
  if (is_line_break(c)) return TokenType::newline;
  return TokenType::punct;
}

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

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

// One pass over the characters with a window of four classes: two behind
// the boundary being decided, two ahead (the UAX #29 rules look that far).
bool tokenize_fast(std::string_view text, Tokens& out) {
  const std::size_t n = text.size();
  if (n == 0) return true;
  const std::size_t base = out.size();
  auto fail = [&] {
    out.resize(base);
    return false;
  };
  Wb prev;
  std::size_t cur_pos = read(text, 0, prev);
  if (prev == kUnknown) return fail();
  Wb before = kOther;
  Wb cur = kOther;
  std::size_t cur_end = n;
  if (cur_pos < n && (cur_end = read(text, cur_pos, cur), cur == kUnknown)) return fail();
  std::size_t start = 0;
  Wb token_before_last = kOther;  // class before the last one in the token, kOther when it has one character
  while (cur_pos < n) {
    // Inside a run of ASCII letters every boundary joins: slide without the rules.
    if (prev == kLetter && cur == kLetter && cur_end < n && is_ascii_letter(text[cur_end])) {
      before = kLetter;
      token_before_last = kLetter;
      cur_pos = cur_end++;
      continue;
    }
    Wb after = kOther;
    std::size_t after_end = cur_end;
    if (cur_end < n && (after_end = read(text, cur_end, after), after == kUnknown)) return fail();
    if (joins(before, prev, cur, after)) {
      token_before_last = prev;
    } else {
      const Wb last[2] = {token_before_last, prev};
      out.push_back(Token{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(cur_pos),
                          status(last, token_before_last == kOther ? 1 : 0, 1, text[start])});
      start = cur_pos;
      token_before_last = kOther;
    }
    before = prev;
    prev = cur;
    cur = after;
    cur_pos = cur_end;
    cur_end = after_end;
  }
  const Wb last[2] = {token_before_last, prev};
  out.push_back(Token{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(n),
                      status(last, token_before_last == kOther ? 1 : 0, 1, text[start])});
  return true;
}

void tokenize(std::string_view text, Tokens& out) {
  if (!tokenize_fast(text, out)) unicode::word_tokens(text, out);
}

}  // namespace textmend
