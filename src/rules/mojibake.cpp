// Mojibake: UTF-8 bytes that were decoded as Windows-1252 or Latin-1 and
// encoded again ("donâ€™t" for "don’t"). Repaired by reversing the wrong
// decoding, only where the result is valid UTF-8 made of characters that
// real text uses.
#include <array>
#include <memory>

#include "core/utf8.hpp"
#include "rules/registry.hpp"
#include "unicode/unicode.hpp"

namespace textmend {
namespace {

const RuleInfo kMojibake{"mojibake",
                         Kind::encoding,
                         true,
                         "Repairs UTF-8 text that was decoded as Windows-1252 or Latin-1 (\"donâ€™t\" for "
                         "\"don’t\").",
                         "don\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t",
                         "don\xE2\x80\x99t"};

// Which byte each character stands for when UTF-8 was read as
// Windows-1252 (bytes it leaves undefined come through as C1 controls, as
// Latin-1 reads them). Built once with Boost.Locale's converter.
class ByteTable {
 public:
  ByteTable() {
    for (int b = 0x80; b <= 0xFF; ++b) {
      const std::string byte(1, static_cast<char>(b));
      char32_t cp = static_cast<char32_t>(b);  // Latin-1 reading
      try {
        const std::string decoded = unicode::decode_charset(byte, "windows-1252");
        std::size_t i = 0;
        cp = utf8::decode(decoded, i);
      } catch (...) {
        // undefined in Windows-1252: keep the Latin-1 reading
      }
      entries_.push_back({cp, static_cast<unsigned char>(b)});
      if (cp != static_cast<char32_t>(b) && b < 0xA0)
        entries_.push_back({static_cast<char32_t>(b), static_cast<unsigned char>(b)});
    }
  }

  // The byte cp stands for, or -1.
  int byte_of(char32_t cp) const {
    for (const auto& e : entries_)
      if (e.cp == cp) return e.byte;
    return -1;
  }

 private:
  struct Entry {
    char32_t cp;
    unsigned char byte;
  };
  std::vector<Entry> entries_;
};

const ByteTable& byte_table() {
  static const ByteTable table;
  return table;
}

// Characters a repaired sequence may decode to: letters with diacritics,
// Greek, Cyrillic, general punctuation, currency, letterlike symbols,
// arrows and maths, CJK and Hangul, emoji. Combining marks, controls and
// rarely used blocks mean the bytes were not UTF-8 after all.
bool plausible(char32_t cp) {
  static constexpr std::array<std::pair<char32_t, char32_t>, 14> kRanges = {{{0xA0, 0x24F},
                                                                             {0x370, 0x3FF},
                                                                             {0x400, 0x4FF},
                                                                             {0x1E00, 0x1EFF},
                                                                             {0x2010, 0x205E},
                                                                             {0x20A0, 0x20CF},
                                                                             {0x2100, 0x214F},
                                                                             {0x2190, 0x22FF},
                                                                             {0x3000, 0x30FF},
                                                                             {0x4E00, 0x9FFF},
                                                                             {0xAC00, 0xD7AF},
                                                                             {0xFB00, 0xFB06},
                                                                             {0x1F300, 0x1FAFF},
                                                                             {0x2600, 0x27BF}}};
  for (const auto& [lo, hi] : kRanges)
    if (cp >= lo && cp <= hi) return true;
  return false;
}

struct Char {
  std::size_t begin;
  std::size_t end;
  int byte;  // the byte it stands for, -1 if none
};

// Reverses one layer of mojibake in text[run] and returns the repaired
// text, or an empty string when no part of it decodes plausibly.
std::string unmangle(std::string_view run) {
  std::vector<Char> chars;
  for (std::size_t i = 0; i < run.size();) {
    const std::size_t b = i;
    const char32_t cp = utf8::decode(run, i);
    chars.push_back({b, i, cp < 0x80 ? -1 : byte_table().byte_of(cp)});
  }
  std::string out;
  bool changed = false;
  for (std::size_t k = 0; k < chars.size();) {
    std::string bytes;
    std::size_t m = k;
    while (m < chars.size() && chars[m].byte >= 0 && m - k < 4) bytes.push_back(static_cast<char>(chars[m++].byte));
    // The longest prefix of those bytes that is one plausible UTF-8 character.
    std::size_t used = 0;
    char32_t cp = utf8::kInvalid;
    if (bytes.size() >= 2) {
      std::size_t i = 0;
      cp = utf8::decode(bytes, i);
      used = i;
    }
    if (cp != utf8::kInvalid && used >= 2 && plausible(cp)) {
      utf8::append(out, cp);
      k += used;
      changed = true;
    } else {
      out.append(run.substr(chars[k].begin, chars[k].end - chars[k].begin));
      ++k;
    }
  }
  return changed ? out : std::string();
}

class Mojibake final : public Rule {
 public:
  Mojibake() : Rule(kMojibake) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    // Every mojibake sequence starts with a character from U+00C2..U+00F4,
    // which UTF-8 writes as C3 82..C3 B4.
    if (!doc.has('\xC3')) return;
    const std::string_view text = doc.text();
    for (std::size_t i = 0; i < text.size();) {
      if (static_cast<unsigned char>(text[i]) < 0x80) {
        ++i;
        continue;
      }
      const std::size_t begin = i;
      while (i < text.size() && static_cast<unsigned char>(text[i]) >= 0x80) ++i;
      repair_run(doc, Span{begin, i}, out);
    }
  }

 private:
  void repair_run(const Document& doc, Span run, std::vector<Finding>& out) const {
    std::string fixed = unmangle(doc.slice(run.begin, run.end));
    if (fixed.empty() || doc.is_protected(run)) return;
    // Text mangled twice ("Ã¢â‚¬â„¢") needs a second layer undone.
    for (int layer = 0; layer < 2; ++layer) {
      std::string again = unmangle(fixed);
      if (again.empty()) break;
      fixed = std::move(again);
    }
    // Trim the untouched characters at both ends so the edit is minimal.
    const std::string_view orig = doc.slice(run.begin, run.end);
    std::size_t head = 0;
    while (head < orig.size() && head < fixed.size() && orig[head] == fixed[head]) ++head;
    while (head > 0 && utf8::is_continuation(static_cast<unsigned char>(orig[head]))) --head;
    std::size_t tail = 0;
    while (tail < orig.size() - head && tail < fixed.size() - head &&
           orig[orig.size() - 1 - tail] == fixed[fixed.size() - 1 - tail])
      ++tail;
    while (tail > 0 && utf8::is_continuation(static_cast<unsigned char>(orig[orig.size() - tail]))) --tail;
    const Span span{run.begin + head, run.end - tail};
    propose(out, span, fixed.substr(head, fixed.size() - head - tail), confidence::kCertain,
            "UTF-8 read as Windows-1252: '" + std::string(doc.slice(span.begin, span.end)) + "'");
  }
};

}  // namespace

void add_encoding_rules(RuleList& rules) { rules.push_back(std::make_unique<Mojibake>()); }

}  // namespace textmend
