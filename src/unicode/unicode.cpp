#include "unicode/unicode.hpp"

#include <boost/locale.hpp>

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

bool starts_upper(std::string_view word) {
  if (word.empty()) return false;
  std::size_t i = 0;
  utf8::decode(word, i);
  const std::string first(word.substr(0, i));
  return to_lower(first) != first;
}

bool starts_lower(std::string_view word) {
  if (word.empty()) return false;
  std::size_t i = 0;
  utf8::decode(word, i);
  const std::string first(word.substr(0, i));
  return to_upper(first) != first;
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
