#include "text/document.hpp"

#include <algorithm>
#include <array>
#include <atomic>

#include "text/document_words.hpp"
#include "text/tokenizer.hpp"
#include "unicode/unicode.hpp"

namespace textmend {

Document::Document(std::string_view text, const Context& context, ProtectState& protect_state,
                   std::vector<Span> extra_protected)
    : text_(text), protected_(std::move(extra_protected)), context_(context) {
  static std::atomic<std::uint64_t> next_serial{0};
  serial_ = next_serial.fetch_add(1, std::memory_order_relaxed);
  std::array<bool, 256> seen{};
  for (const char c : text) seen[static_cast<unsigned char>(c)] = true;
  for (std::size_t b = 0; b < seen.size(); ++b) bytes_[b] = seen[b];
  tokens_.reserve(text.size() / 3 + 4);
  tokenize(text, tokens_);
  find_protected(text, tokens_, bytes_, protect_state, protected_);
  std::sort(protected_.begin(), protected_.end(),
            [](const Span& a, const Span& b) { return a.begin != b.begin ? a.begin < b.begin : a.end > b.end; });
}

bool Document::is_protected(std::size_t token) const {
  return is_protected(Span{tokens_[token].begin, tokens_[token].end});
}

bool Document::is_protected(const Span& span) const { return touches_any(span, protected_); }

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
