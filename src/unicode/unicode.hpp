#pragma once
// The one module that talks to Boost.Locale (ICU backend). Everything here
// works on a whole paragraph or a whole word at a time: Boost.Locale
// converts to UTF-16 and back on every call, which is far too slow per
// character.
#include <string>
#include <string_view>

#include "text/token.hpp"

namespace textmend::unicode {

// Word boundaries of valid UTF-8 text by ICU, appended to out.
void word_tokens(std::string_view text, Tokens& out);

// Sentence boundaries by ICU: the byte offsets where sentences end.
std::vector<std::size_t> sentence_ends(std::string_view text);

std::string to_lower(std::string_view word);
std::string to_upper(std::string_view word);
std::string nfc(std::string_view text);

// True when the first letter of word is upper case (works for any script
// with case). ASCII callers should test bytes directly instead.
bool starts_upper(std::string_view word);
bool starts_lower(std::string_view word);

// Encodes UTF-8 text in a legacy single-byte charset; false when a
// character has no byte there.
bool encode_charset(std::string_view utf8_text, const std::string& charset, std::string& out);
// Decodes bytes in charset to UTF-8; invalid input raises textmend::Error.
std::string decode_charset(std::string_view bytes, const std::string& charset);

}  // namespace textmend::unicode
