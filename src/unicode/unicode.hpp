#pragma once
// The one module that talks to Boost.Locale (ICU backend) and to ICU.
// Everything that goes through Boost.Locale works on a whole paragraph or a
// whole word at a time: it converts to UTF-16 and back on every call, which
// is far too slow per character. Character properties come from ICU's own
// tables (word_break_class).
#include <cstdint>
#include <string>
#include <string_view>

#include "text/token.hpp"

namespace textmend::unicode {

// Word boundaries of valid UTF-8 text by ICU, appended to out.
void word_tokens(std::string_view text, Tokens& out);

// A code point's Word_Break class as ICU's word rules read it, for the
// tokenizer's fast path: the classes whose rules that path implements, and
// `unsupported` for the rest: extend, format and joiner characters, kana,
// Hebrew letters, regional indicators, the spaces that join into runs,
// MidLetter marks, and every character ICU segments with a dictionary (Han,
// kana, Hangul syllables, Thai and the like).
enum class WordBreakClass : std::uint8_t {
  other,
  letter,
  numeric,
  mid_num_let,
  mid_num,
  extend_num_let,
  newline,
  unsupported,
};
WordBreakClass word_break_class(char32_t cp);

// Sentence boundaries by ICU: the byte offsets where sentences end.
std::vector<std::size_t> sentence_ends(std::string_view text);

std::string to_lower(std::string_view word);
std::string to_upper(std::string_view word);
std::string nfc(std::string_view text);

// True when the first letter of word is upper case (works for any script
// with case). ASCII callers should test bytes directly instead.
bool starts_upper(std::string_view word);
bool starts_lower(std::string_view word);

// A file's text encoding, for reading it as UTF-8 and writing it back as
// it was: a charset name as ICU knows it, and the byte-order mark it had.
struct FileEncoding {
  std::string charset = "UTF-8";
  std::string bom;  // bytes of the byte-order mark, written back before the text

  bool is_utf8() const { return charset == "UTF-8" && bom.empty(); }
};

// The encoding a file's first bytes announce with a UTF-16 byte-order mark,
// else the requested one (an empty request means UTF-8). Charset names are
// normalized: "latin1" and "iso-8859-1" are ISO-8859-1, "cp1252" and
// "windows-1252" are windows-1252.
FileEncoding detect_encoding(std::string_view head, const std::string& requested);
// The file's bytes as UTF-8 (its byte-order mark dropped); throws Error
// when they are not valid in that encoding.
std::string to_utf8(std::string_view bytes, const FileEncoding& encoding);
// UTF-8 text back into the file's encoding, byte-order mark first; throws
// Error when a character has no representation there.
std::string from_utf8(std::string_view text, const FileEncoding& encoding);

// Encodes UTF-8 text in a legacy single-byte charset; false when a
// character has no byte there.
bool encode_charset(std::string_view utf8_text, const std::string& charset, std::string& out);
// Decodes bytes in charset to UTF-8; invalid input raises textmend::Error.
std::string decode_charset(std::string_view bytes, const std::string& charset);

}  // namespace textmend::unicode
