#pragma once
// Which words a document uses more than once. An unknown word the document
// repeats is probably a name or a term of its own, and the spelling rule
// leaves it alone. Filled in input order by the reading thread and read by
// worker threads: a fixed table of word fingerprints with atomic slots, so
// readers need no lock, and a word's answer for paragraph k depends only on
// paragraphs up to k (never on how far reading has got).
#include <atomic>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace textmend {

class DocumentWords {
 public:
  // Holds up to about 70% of 2^capacity_log2 distinct words; past that new
  // words are not recorded (so they count as seen once).
  explicit DocumentWords(unsigned capacity_log2 = 17);

  // Records the words (ASCII letters and apostrophes, three or more
  // letters, compared ignoring case) of text, which is paragraph `unit`.
  void add(std::string_view text, std::uint64_t unit);
  // add in two halves: the fingerprints of text's words, which any thread
  // may compute, and recording them, which must go in input order.
  static void fingerprints(std::string_view text, std::vector<std::uint64_t>& out);
  void add(const std::vector<std::uint64_t>& fingerprints, std::uint64_t unit);

  // True when word occurs at least twice in paragraphs 0..unit.
  bool recurring(std::string_view word, std::uint64_t unit) const;

 private:
  struct Slot {
    std::atomic<std::uint64_t> fingerprint{0};  // 0: empty
    std::atomic<std::uint64_t> second{kNever};  // paragraph of the second occurrence
  };
  static constexpr std::uint64_t kNever = ~std::uint64_t{0};

  void record(std::uint64_t fingerprint, std::uint64_t unit);
  const Slot* find(std::uint64_t fingerprint) const;

  std::unique_ptr<Slot[]> slots_;
  std::size_t mask_;
  std::size_t used_ = 0;
  std::size_t limit_;
};

// The fingerprint of a word as DocumentWords compares it (lower case,
// apostrophes straight).
std::uint64_t word_fingerprint(std::string_view word);

}  // namespace textmend
