// Characters nobody means to type: control characters and invisible
// zero-width characters and soft hyphens that make words compare unequal.
#include <memory>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "rules/registry.hpp"

namespace textmend {
namespace {

const RuleInfo kControlChar{"control-char",
                            Kind::invisible,
                            true,
                            "Deletes control characters (other than tab, line and page breaks) from text.",
                            "the<U+0001> report",
                            "the report"};

const RuleInfo kInvisibleChar{
    "invisible-char",
    Kind::invisible,
    true,
    "Deletes zero-width spaces, word joiners, stray byte-order marks and soft hyphens inside Latin words.",
    "re<U+200B>port",
    "report"};

bool is_removable_control(char32_t cp) {
  if (cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\v' || cp == U'\f') return false;
  if (cp == 0x1B) return false;  // ESC starts terminal colour codes: removing it alone leaves "[31m"
  if (cp == 0x85) return false;  // NEL is a line break in text from EBCDIC systems
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

bool has_control_byte(const Document& doc) {
  for (int b = 0; b < 0x20; ++b)
    if (b != '\t' && b != '\n' && b != '\r' && b != '\v' && b != '\f' && doc.has(static_cast<unsigned char>(b)))
      return true;
  return doc.has('\x7F') || doc.has('\xC2');
}

class ControlChar final : public Rule {
 public:
  ControlChar() : Rule(kControlChar) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    if (!has_control_byte(doc)) return;
    const std::string_view text = doc.text();
    for (std::size_t i = 0; i < text.size(); ++i) {
      // Controls are bytes below 0x20, DEL, or C2 80..9F (C1): test bytes
      // rather than decode every character.
      const auto b = static_cast<unsigned char>(text[i]);
      if (b >= 0x20 && b != 0x7F && b != 0xC2) continue;
      const std::size_t start = i;
      std::size_t end = i;
      const char32_t cp = utf8::decode(text, end);
      i = end - 1;
      if (!is_removable_control(cp)) continue;
      const Span span{start, end};
      if (doc.is_protected(span)) continue;
      propose(out, span, "", confidence::kHigh, "control character U+" + hex(cp) + " in text");
    }
  }

 private:
  static std::string hex(char32_t cp) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string s;
    for (int shift = 12; shift >= 0; shift -= 4) s.push_back(kDigits[(cp >> shift) & 0xF]);
    return s;
  }
};

class InvisibleChar final : public Rule {
 public:
  InvisibleChar() : Rule(kInvisibleChar) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    const std::string_view text = doc.text();
    // Every candidate starts with C2 (soft hyphen), E2 (U+200x, U+2060) or
    // EF (U+FEFF): jump from one such byte to the next.
    for (const char lead : std::string_view("\xC2\xE2\xEF")) {
      if (!doc.has(lead)) continue;
      for (std::size_t start = text.find(lead); start != std::string_view::npos; start = text.find(lead, start + 1)) {
        std::size_t end = start;
        const char32_t cp = utf8::decode(text, end);
        const char* what = removable(text, start, end, cp);
        if (what == nullptr) continue;
        const Span span{start, end};
        if (doc.is_protected(span)) continue;
        propose(out, span, "", confidence::kHigh, what);
      }
    }
  }

 private:
  static bool latin_letter_before(std::string_view text, std::size_t pos) {
    return pos > 0 && ascii::is_alpha(text[pos - 1]);
  }
  static bool latin_letter_after(std::string_view text, std::size_t pos) {
    return pos < text.size() && ascii::is_alpha(text[pos]);
  }

  // What the character is when it should go, or nullptr when it has a job.
  static const char* removable(std::string_view text, std::size_t begin, std::size_t end, char32_t cp) {
    switch (cp) {
      case 0x200B:
        return "zero-width space";
      case 0x2060:
        return "word joiner";
      case 0xFEFF:
        return "byte-order mark inside the text";
      case 0x200C:  // joiners shape Indic and Persian text and emoji; between Latin letters they are noise
      case 0x200D:
        return latin_letter_before(text, begin) && latin_letter_after(text, end) ? "zero-width joiner between letters"
                                                                                 : nullptr;
      case 0x00AD:
        // A soft hyphen ending a line marks a line-break hyphen (line-break-hyphen joins it).
        if (end < text.size() && (text[end] == '\n' || text[end] == '\r')) return nullptr;
        return latin_letter_before(text, begin) || latin_letter_after(text, end) ? "soft hyphen inside a word"
                                                                                 : nullptr;
      default:
        return nullptr;
    }
  }
};

}  // namespace

void add_invisible_rules(RuleList& rules) {
  rules.push_back(std::make_unique<ControlChar>());
  rules.push_back(std::make_unique<InvisibleChar>());
}

}  // namespace textmend
