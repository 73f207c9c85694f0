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

bool is_line_break(Wb c) { return c == kCr || c == kLf || c == kNewline; }

// True when UAX #29 keeps cur in the same token as prev; before is the
// class two back and after the class one ahead (kOther off the ends).
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
TokenType status(const Wb* cls, std::size_t first, std::size_t last, char first_byte) {
  const Wb c = cls[last];
  if (c == kLetter) return TokenType::word;
  if (c == kNumeric) return TokenType::number;
  if (c == kExtendNumLet && last > first) return cls[last - 1] == kNumeric ? TokenType::number : TokenType::word;
  if (c == kSpace || first_byte == '\t') return TokenType::space;
  if (is_line_break(c)) return TokenType::newline;
  return TokenType::punct;
}

// Classes of each character and where each starts; false when a character
// is outside the fast path's repertoire.
bool classify(std::string_view text, std::vector<Wb>& cls, std::vector<std::uint32_t>& starts) {
  cls.resize(text.size() + 1);
  starts.resize(text.size() + 1);
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) {
    starts[n] = static_cast<std::uint32_t>(i);
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      cls[n++] = kAscii[byte];
      ++i;
      continue;
    }
    const char32_t cp = utf8::decode(text, i);
    const Wb c = cp == utf8::kInvalid ? kUnknown : class_of(cp);
    if (c == kUnknown) return false;
    cls[n++] = c;
  }
  starts[n] = static_cast<std::uint32_t>(text.size());
  cls.resize(n);
  starts.resize(n + 1);
  return true;
}

void emit_tokens(std::string_view text, const std::vector<Wb>& cls, const std::vector<std::uint32_t>& starts,
                 Tokens& out) {
  const std::size_t n = cls.size();
  std::size_t first = 0;
  for (std::size_t k = 1; k <= n; ++k) {
    // Most characters are letters inside words: settle those without the
    // full rule chain.
    if (k < n && cls[k] == kLetter && cls[k - 1] == kLetter) continue;
    const bool end_here =
        k == n || !joins(k >= 2 ? cls[k - 2] : kOther, cls[k - 1], cls[k], k + 1 < n ? cls[k + 1] : kOther);
    if (!end_here) continue;
    out.push_back(Token{starts[first], starts[k], status(cls.data(), first, k - 1, text[starts[first]])});
    first = k;
  }
}

}  // namespace

bool tokenize_fast(std::string_view text, Tokens& out) {
  thread_local std::vector<Wb> cls;
  thread_local std::vector<std::uint32_t> starts;
  if (!classify(text, cls, starts)) return false;
  emit_tokens(text, cls, starts, out);
  return true;
}

void tokenize(std::string_view text, Tokens& out) {
  if (!tokenize_fast(text, out)) unicode::word_tokens(text, out);
}

}  // namespace textmend
