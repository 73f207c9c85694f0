#include "unicode/unicode.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <boost/locale.hpp>

#include <algorithm>
#include <cctype>

#include <array>
#include <atomic>
#include <cstdint>

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace textmend::unicode {
namespace {

namespace bl = boost::locale;
namespace bb = boost::locale::boundary;

const std::locale& icu_locale() {
  static const std::locale loc = [] {
    bl::localization_backend_manager manager = bl::localization_backend_manager::global();
    manager.select("icu");
    bl::generator gen(manager);
    return gen("en_US.UTF-8");
  }();
  return loc;
}

TokenType classify_other(std::string_view text) {
  std::size_t i = 0;
  const char32_t cp = utf8::decode(text, i);
  switch (cp) {
    case U' ':
    case U'\t':
      return TokenType::space;
    case U'\n':
    case U'\r':
    case U'\v':
    case U'\f':
    case 0x85:
    case 0x2028:
    case 0x2029:
      return TokenType::newline;
    default:
      return TokenType::punct;
  }
}

}  // namespace

void word_tokens(std::string_view text, Tokens& out) {
  const char* base = text.data();
  bb::segment_index<const char*> index(bb::word, base, base + text.size(), icu_locale());
  for (auto it = index.begin(); it != index.end(); ++it) {
    const auto begin = static_cast<std::uint32_t>(it->begin() - base);
    const auto end = static_cast<std::uint32_t>(begin + it->length());
    TokenType type;
    const auto rule = it->rule();
    if (rule & bb::word_number)
      type = TokenType::number;
    else if (rule & (bb::word_letter | bb::word_kana | bb::word_ideo))
      type = TokenType::word;
    else
      type = classify_other(text.substr(begin, end - begin));
    out.push_back(Token{begin, end, type});
  }
}

namespace {

// Characters ICU's word rules hand to a dictionary-based break engine, or
// give the kana and ideograph statuses: the fast path must not see them.
bool dictionary_segmented(UChar32 c) {
  UErrorCode error = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &error);
  return U_FAILURE(error) || script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
         (c >= 0xAC00 && c <= 0xD7A3) || u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) ||
         u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT;
}

WordBreakClass compute_word_break_class(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  if (dictionary_segmented(c)) return WordBreakClass::unsupported;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_OTHER:
      return WordBreakClass::other;
    case U_WB_ALETTER:
      return WordBreakClass::letter;
    case U_WB_NUMERIC:
      return WordBreakClass::numeric;
    case U_WB_MIDNUMLET:
      return WordBreakClass::mid_num_let;
    case U_WB_MIDNUM:
      return WordBreakClass::mid_num;
    case U_WB_EXTENDNUMLET:
      return WordBreakClass::extend_num_let;
    case U_WB_NEWLINE:
      return WordBreakClass::newline;
    default:
      return WordBreakClass::unsupported;
  }
}

}  // namespace

WordBreakClass word_break_class(char32_t cp) {
  // The Basic Multilingual Plane's answers are kept (0 = not asked yet):
  // a paragraph of Greek asks for the same few dozen letters again and again.
  static std::array<std::atomic<std::uint8_t>, 0x10000> cache{};
  if (cp >= cache.size()) return compute_word_break_class(cp);
  auto& slot = cache[cp];
  const std::uint8_t kept = slot.load(std::memory_order_relaxed);
  if (kept != 0) return static_cast<WordBreakClass>(kept - 1);
  const WordBreakClass c = compute_word_break_class(cp);
  slot.store(static_cast<std::uint8_t>(static_cast<std::uint8_t>(c) + 1), std::memory_order_relaxed);
  return c;
}

std::vector<std::size_t> sentence_ends(std::string_view text) {
  std::vector<std::size_t> ends;
  const char* base = text.data();
  bb::segment_index<const char*> index(bb::sentence, base, base + text.size(), icu_locale());
  for (auto it = index.begin(); it != index.end(); ++it) ends.push_back(static_cast<std::size_t>(it->end() - base));
  return ends;
}

std::string to_lower(std::string_view word) {
  return bl::to_lower(word.data(), word.data() + word.size(), icu_locale());
}

std::string to_upper(std::string_view word) {
  return bl::to_upper(word.data(), word.data() + word.size(), icu_locale());
}

std::string nfc(std::string_view text) {
  return bl::normalize(text.data(), text.data() + text.size(), bl::norm_nfc, icu_locale());
}

namespace {

enum CaseClass : std::uint8_t { kUnknownCase = 0, kUpper = 1, kLower = 2, kCaseless = 3 };

CaseClass compute_case(char32_t cp) {
  const std::string ch = utf8::encode(cp);
  if (to_lower(ch) != ch) return kUpper;
  if (to_upper(ch) != ch) return kLower;
  return kCaseless;
}

// Case of a code point, asked of ICU once per distinct character and kept:
// a Boost.Locale call costs a converter set-up, far too much per word.
CaseClass case_of(char32_t cp) {
  static std::array<std::atomic<std::uint8_t>, 0x10000> cache{};
  if (cp == utf8::kInvalid) return kCaseless;
  if (cp >= cache.size()) return compute_case(cp);
  auto& slot = cache[cp];
  auto c = static_cast<CaseClass>(slot.load(std::memory_order_relaxed));
  if (c == kUnknownCase) {
    c = compute_case(cp);
    slot.store(c, std::memory_order_relaxed);
  }
  return c;
}

char32_t first_char(std::string_view word) {
  std::size_t i = 0;
  return utf8::decode(word, i);
}

}  // namespace

bool starts_upper(std::string_view word) { return !word.empty() && case_of(first_char(word)) == kUpper; }

bool starts_lower(std::string_view word) { return !word.empty() && case_of(first_char(word)) == kLower; }

FileEncoding detect_encoding(std::string_view head, const std::string& requested) {
  if (head.starts_with("\xFF\xFE")) return {"UTF-16LE", std::string(head.substr(0, 2))};
  if (head.starts_with("\xFE\xFF")) return {"UTF-16BE", std::string(head.substr(0, 2))};
  std::string name;
  for (const char c : requested) name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name.empty() || name == "utf-8" || name == "utf8") return {};
  if (name == "latin1" || name == "latin-1" || name == "iso-8859-1" || name == "iso8859-1") return {"ISO-8859-1", ""};
  if (name == "cp1252" || name == "windows-1252" || name == "win1252") return {"windows-1252", ""};
  if (name == "utf-16le" || name == "utf-16be") return {name == "utf-16le" ? "UTF-16LE" : "UTF-16BE", ""};
  if (name == "utf-16") throw Error("--encoding", "UTF-16 needs a byte-order mark, or say utf-16le or utf-16be");
  return {requested, ""};
}

std::string to_utf8(std::string_view bytes, const FileEncoding& encoding) {
  bytes.remove_prefix(std::min(encoding.bom.size(), bytes.size()));
  return decode_charset(bytes, encoding.charset);
}

std::string from_utf8(std::string_view text, const FileEncoding& encoding) {
  std::string out;
  if (!encode_charset(text, encoding.charset, out))
    throw Error("", "the repaired text has a character " + encoding.charset + " cannot hold");
  return encoding.bom + out;
}

bool encode_charset(std::string_view utf8_text, const std::string& charset, std::string& out) {
  try {
    out = bl::conv::from_utf(utf8_text.data(), utf8_text.data() + utf8_text.size(), charset, bl::conv::stop);
    return true;
  } catch (const bl::conv::conversion_error&) {
    return false;
  }
}

std::string decode_charset(std::string_view bytes, const std::string& charset) {
  try {
    return bl::conv::to_utf<char>(bytes.data(), bytes.data() + bytes.size(), charset, bl::conv::stop);
  } catch (const bl::conv::conversion_error&) {
    throw Error("", "input is not valid " + charset, ExitCode::bad_input);
  } catch (const bl::conv::invalid_charset_error&) {
    throw Error("", "unknown encoding '" + charset + "'");
  }
}

}  // namespace textmend::unicode
