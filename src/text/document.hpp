#pragma once
// One paragraph as the rules see it: its text (valid UTF-8: invalid bytes are
// masked), its word tokens, the spans no rule may touch, and read-only
// document-level knowledge.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "text/doc_stats.hpp"
#include "text/protect.hpp"
#include "text/settings.hpp"
#include "text/token.hpp"

namespace textmend {

class Lexicon;
class DocumentWords;
namespace spelling {
class Speller;
}

// What the document as a whole tells about this paragraph, as of it.
struct DocKnowledge {
  const DocStats* stats = nullptr;
  const DocumentWords* words = nullptr;  // may be null: nothing recurs
  std::uint64_t unit = 0;                // this paragraph's index in the document
};

// What a paragraph is read against: knowledge of the whole document, the
// dictionary and speller (null when not loaded) and the user's settings.
struct Context {
  DocKnowledge doc;
  const Lexicon* lexicon = nullptr;
  const spelling::Speller* speller = nullptr;
  const Settings* settings = nullptr;
};

class Document {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  // The bytes after which has_pair knows for sure which bytes follow.
  static constexpr std::string_view kPairLeads = " \t.,;:?!([w";

  // The tokens whose first byte is one value, in text order, as token
  // indices: a rule that looks for one mark ("." or "-") visits those
  // tokens only instead of walking the whole paragraph.
  class Chain {
   public:
    class iterator {
     public:
      iterator(const std::uint32_t* next, std::uint32_t at) : next_(next), at_(at) {}
      std::size_t operator*() const { return at_ - 1; }
      iterator& operator++() {
        at_ = next_[at_ - 1];
        return *this;
      }
      bool operator==(const iterator& other) const { return at_ == other.at_; }

     private:
      const std::uint32_t* next_;
      std::uint32_t at_;  // token index + 1; 0 past the end
    };
    Chain(const std::uint32_t* next, std::uint32_t first) : next_(next), first_(first) {}
    iterator begin() const { return {next_, first_}; }
    iterator end() const { return {next_, 0}; }

   private:
    const std::uint32_t* next_;
    std::uint32_t first_;
  };

  // text must outlive the document. extra_protected holds spans found by the
  // caller (masked invalid bytes, a byte-order mark).
  Document(std::string_view text, const Context& context, ProtectState& protect_state,
           std::vector<Span> extra_protected = {});
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  std::string_view text() const { return text_; }
  const Tokens& tokens() const { return tokens_; }
  std::size_t size() const { return tokens_.size(); }
  const Token& operator[](std::size_t i) const { return tokens_[i]; }
  std::string_view str(std::size_t i) const { return text_.substr(tokens_[i].begin, tokens_[i].size()); }
  std::string_view slice(std::size_t begin, std::size_t end) const { return text_.substr(begin, end - begin); }

  // Which byte values occur in the text: lets a rule skip a paragraph that
  // cannot hold its damage without scanning it.
  bool has(char byte) const { return bytes_[static_cast<unsigned char>(byte)]; }
  bool has(unsigned char byte) const { return bytes_[byte]; }
  // Whether byte `second` directly follows byte `first` somewhere: a rule
  // looking for "  ", " ," or ".X" skips the paragraph at once when the
  // pair never occurs. Pairs are recorded after the bytes in kPairLeads;
  // for any other first byte the answer is a conservative "maybe".
  bool has_pair(char first, char second) const;
  // has_pair for any second byte in [lo, hi].
  bool has_pair_in(char first, unsigned char lo, unsigned char hi) const;
  // Tokens starting with byte, in order (see Chain).
  Chain starting_with(char byte) const {
    return Chain(next_same_.data(), first_with_[static_cast<unsigned char>(byte)]);
  }
  // Calls visit(i) for each token starting with any byte of firsts: the
  // tokens of each byte in order, one byte after another.
  template <typename Visit>
  void each_starting_with(std::string_view firsts, Visit visit) const {
    for (const char first : firsts)
      for (const std::size_t i : starting_with(first)) visit(i);
  }
  // The word tokens' indices, in order: for rules that look at words only
  // (a walk over every token mispredicts its type test at nearly each one).
  const std::vector<std::uint32_t>& words() const { return words_; }
  // True when every byte is ASCII.
  bool ascii_only() const { return ascii_only_; }
  // Unique per document built in this process: a key for per-thread caches
  // of work shared by several rules.
  std::uint64_t serial() const { return serial_; }

  const DocStats& stats() const { return *context_.doc.stats; }
  // The document is technical writing (DocStats::looks_technical): its
  // code lines are protected, prose-only rules stay out, spelling is wary.
  bool technical() const { return technical_; }
  // The paragraph is mostly in another script (Greek, Cyrillic, Hebrew,
  // Arabic, Indic, CJK...): the rules of English typography and repeated
  // words stay out (a straight " is the gershayim of Hebrew: תנ"ך).
  bool foreign_script() const { return foreign_script_; }
  // Two in five of the paragraph's lower-case words (of its first 24), and
  // three at least, are unknown to the speller: another language in Latin
  // letters (Dutch, Polish, Italian), whose words are no typos and whose
  // one-letter words ("e", "w", "v") are no strays. Worked out on first use: few paragraphs
  // have an unknown word to ask about.
  bool mostly_unknown_words() const;
  const Lexicon* lexicon() const { return context_.lexicon; }
  const spelling::Speller* speller() const { return context_.speller; }
  // True when word occurs twice or more in the document up to this paragraph.
  bool recurring(std::string_view word) const;
  const Settings& settings() const { return *context_.settings; }
  const std::vector<Span>& protected_spans() const { return protected_; }
  bool is_protected(std::size_t token) const;
  bool is_protected(const Span& span) const;

  bool is(std::size_t i, TokenType type) const { return i < tokens_.size() && tokens_[i].type == type; }
  bool is(std::size_t i, std::string_view s) const { return i < tokens_.size() && str(i) == s; }
  bool is_word(std::size_t i) const { return is(i, TokenType::word); }
  // True for a single space token (not a tab, not a run).
  bool is_single_space(std::size_t i) const { return is(i, TokenType::space) && str(i) == " "; }
  // Token before i / after i that is not horizontal space; npos when none.
  std::size_t prev_solid(std::size_t i) const;
  std::size_t next_solid(std::size_t i) const;
  // True when token i begins its line (only horizontal space before it).
  bool at_line_start(std::size_t i) const;
  bool at_line_end(std::size_t i) const;
  // Byte offsets where ICU ends sentences, computed on first use (few rules
  // need them, and ICU's sentence analysis is not cheap).
  const std::vector<std::size_t>& sentence_ends() const;

 private:
  void scan_bytes();
  bool mostly_other_script() const;
  void chain_tokens();

  std::string_view text_;
  Tokens tokens_;
  std::vector<Span> protected_;
  Context context_;
  ByteSet bytes_{};
  // Bit k of follows_[b] is set when byte b follows kPairLeads[k]. (Bits
  // rather than a table per lead: paragraphs are a few hundred bytes, and
  // clearing eleven 256-byte tables for each cost more than filling them.)
  std::array<std::uint16_t, 256> follows_{};
  bool ascii_only_ = true;
  bool technical_ = false;
  bool foreign_script_ = false;
  mutable std::optional<bool> mostly_unknown_;
  // Chains by first byte: first_with_[b] is the first such token's index
  // + 1, next_same_[i] the next one's after token i (0: none).
  std::array<std::uint32_t, 256> first_with_{};
  std::vector<std::uint32_t> next_same_;
  std::vector<std::uint32_t> words_;
  mutable std::vector<std::size_t> sentence_ends_;
  mutable bool have_sentence_ends_ = false;
  std::uint64_t serial_;
};

}  // namespace textmend
