#include "text/document.hpp"

#include <algorithm>
#include <array>
#include <atomic>

#include "core/ascii.hpp"
#include "spelling/speller.hpp"
#include "text/document_words.hpp"
#include "text/tokenizer.hpp"
#include "unicode/unicode.hpp"

namespace textmend {

namespace {

// Token storage handed from each document to the next on the same thread:
// a paragraph is built two or three times when repaired, and a stream
// builds one after another, so its vectors are allocated once per thread
// rather than once per pass. Very large ones go back to the allocator.
struct SpareVectors {
  Tokens tokens;
  std::vector<std::uint32_t> next_same;
  std::vector<std::uint32_t> words;
};
thread_local SpareVectors spare;
constexpr std::size_t kKeepTokens = std::size_t{1} << 16;

}  // namespace

Document::Document(std::string_view text, const Context& context, ProtectState& protect_state,
                   std::vector<Span> extra_protected)
    : text_(text),
      tokens_(std::move(spare.tokens)),
      protected_(std::move(extra_protected)),
      context_(context),
      next_same_(std::move(spare.next_same)),
      words_(std::move(spare.words)) {
  static std::atomic<std::uint64_t> next_serial{0};
  serial_ = next_serial.fetch_add(1, std::memory_order_relaxed);
  scan_bytes();
  tokens_.clear();
  tokens_.reserve(text.size() / 3 + 4);
  tokenize(text, tokens_);
  chain_tokens();
  const bool dotted = has_pair_in('.', '0', '9') || has_pair_in('.', 'A', 'Z') || has_pair_in('.', 'a', 'z');
  technical_ = context.doc.stats != nullptr && context.doc.stats->looks_technical();
  foreign_script_ = !ascii_only_ && mostly_other_script();
  find_protected(text, tokens_, ByteFacts{bytes_, has_pair(':', '/'), has_pair('w', 'w'), dotted, technical_},
                 protect_state, protected_);
  merge_overlapping(protected_);
}

Document::~Document() {
  if (tokens_.capacity() <= kKeepTokens) spare.tokens = std::move(tokens_);
  if (next_same_.capacity() <= kKeepTokens) spare.next_same = std::move(next_same_);
  if (words_.capacity() <= kKeepTokens) spare.words = std::move(words_);
}

namespace {

// The follows_ bit of each byte value: 1 << its place in kPairLeads, or 0.
constexpr std::array<std::uint16_t, 256> make_lead_bits(std::string_view leads) {
  std::array<std::uint16_t, 256> bits{};
  for (std::size_t i = 0; i < leads.size(); ++i) bits[static_cast<unsigned char>(leads[i])] = std::uint16_t(1u << i);
  return bits;
}

}  // namespace

// Each byte value's bit in follows_, or 0 for a byte that leads no pair.
constexpr auto kLeadBits = make_lead_bits(Document::kPairLeads);
static_assert(Document::kPairLeads.size() <= 16);

void Document::scan_bytes() {
  // No branches: every byte records the byte before it and, in a bit no
  // lead uses (has_pair masks it out), that it occurs: one store a byte
  // (a second, into bytes_, made the loop store-bound); bytes_ is read off
  // at the end.
  constexpr std::uint16_t kOccurs = 0x8000;
  static_assert((Document::kPairLeads.size()) < 15, "kOccurs is a bit no lead uses");
  unsigned char prev = '\n';
  unsigned char high = 0;
  for (const char ch : text_) {
    const auto c = static_cast<unsigned char>(ch);
    follows_[c] |= static_cast<std::uint16_t>(kLeadBits[prev] | kOccurs);
    high |= c;
    prev = c;
  }
  for (std::size_t b = 0; b < follows_.size(); ++b) bytes_[b] = (follows_[b] & kOccurs) != 0;
  ascii_only_ = high < 0x80;
}

namespace {

// True when c starts the UTF-8 of a letter of a script other than Latin:
// Greek to Syriac and Thaana (U+0370-07FF), the Indic and Southeast Asian
// scripts (U+0800-0FFF), Georgian to Khmer (U+1000-1CFF, not the Latin
// additions after it), and CJK to Hangul (U+3000-D7FF).
bool other_script_lead(unsigned char c, unsigned char next) {
  return (c >= 0xCE && c <= 0xE0) || (c == 0xE1 && next < 0xB4) || (c >= 0xE3 && c <= 0xED);
}

}  // namespace

// More letters of other scripts than ASCII letters. Most paragraphs are
// settled by the bytes they hold: English with curly quotes and dashes has
// no lead byte of another script.
bool Document::mostly_other_script() const {
  bool any = false;
  for (unsigned c = 0xCE; c <= 0xED && !any; ++c) any = c != 0xE2 && bytes_[c];
  if (!any) return false;
  std::size_t other = 0;
  std::size_t latin = 0;
  for (std::size_t i = 0; i < text_.size(); ++i) {
    const auto c = static_cast<unsigned char>(text_[i]);
    const auto next = i + 1 < text_.size() ? static_cast<unsigned char>(text_[i + 1]) : 0;
    other += other_script_lead(c, next);
    latin += ascii::is_alpha(text_[i]);
  }
  return other > latin;
}

void Document::chain_tokens() {
  next_same_.resize(tokens_.size());
  for (std::size_t i = tokens_.size(); i-- > 0;) {
    std::uint32_t& first = first_with_[static_cast<unsigned char>(text_[tokens_[i].begin])];
    next_same_[i] = first;
    first = static_cast<std::uint32_t>(i + 1);
  }
  // Without a branch: every index is written, and only a word's is kept.
  words_.resize(tokens_.size());
  std::size_t n = 0;
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    words_[n] = static_cast<std::uint32_t>(i);
    n += tokens_[i].type == TokenType::word;
  }
  words_.resize(n);
}

bool Document::has_pair(char first, char second) const {
  const std::uint16_t lead = kLeadBits[static_cast<unsigned char>(first)];
  if (lead == 0) return has(first) && has(second);
  return (follows_[static_cast<unsigned char>(second)] & lead) != 0;
}

bool Document::has_pair_in(char first, unsigned char lo, unsigned char hi) const {
  const std::uint16_t lead = kLeadBits[static_cast<unsigned char>(first)];
  if (lead == 0 && !has(first)) return false;
  unsigned any = 0;
  for (unsigned b = lo; b <= hi; ++b) any |= lead == 0 ? bytes_[b] : follows_[b] & lead;
  return any != 0;
}

bool Document::is_protected(std::size_t token) const {
  return is_protected(Span{tokens_[token].begin, tokens_[token].end});
}

bool Document::is_protected(const Span& span) const { return touches_any(span, protected_); }

bool Document::mostly_unknown_words() const {
  if (mostly_unknown_) return *mostly_unknown_;
  // The first words tell the language: a long paragraph is not read twice.
  constexpr std::size_t kSample = 24;
  std::size_t checked = 0;
  std::size_t unknown = 0;
  if (context_.speller != nullptr) {
    for (const std::uint32_t i : words_) {
      const std::string_view w = str(i);
      if (w.size() < 3 || !ascii::all_lower(w)) continue;
      unknown += !context_.speller->known(w);
      if (++checked == kSample) break;
    }
  }
  mostly_unknown_ = unknown >= 3 && unknown * 5 >= checked * 2;
  return *mostly_unknown_;
}

bool Document::recurring(std::string_view word) const {
  return context_.doc.words != nullptr && context_.doc.words->recurring(word, context_.doc.unit);
}

const std::vector<std::size_t>& Document::sentence_ends() const {
  if (!have_sentence_ends_) {
    sentence_ends_ = unicode::sentence_ends(text_);
    have_sentence_ends_ = true;
  }
  return sentence_ends_;
}

std::size_t Document::prev_solid(std::size_t i) const {
  while (i > 0) {
    --i;
    if (tokens_[i].type != TokenType::space) return i;
  }
  return npos;
}

std::size_t Document::next_solid(std::size_t i) const {
  for (++i; i < tokens_.size(); ++i)
    if (tokens_[i].type != TokenType::space) return i;
  return npos;
}

bool Document::at_line_start(std::size_t i) const {
  const std::size_t p = prev_solid(i);
  return p == npos || tokens_[p].type == TokenType::newline;
}

bool Document::at_line_end(std::size_t i) const {
  const std::size_t n = next_solid(i);
  return n == npos || tokens_[n].type == TokenType::newline;
}

}  // namespace textmend
