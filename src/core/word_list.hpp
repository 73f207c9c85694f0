#pragma once
// Small word lists kept as text files in dictionaries/ (one entry a line,
// '#' starts a comment) and compiled into the program, so that the binary
// needs no data files for them.
#include <bitset>
#include <string>
#include <string_view>
#include <unordered_set>

namespace textmend {

class WordList {
 public:
  explicit WordList(std::string_view text);
  // Exact match first, then ASCII lower case.
  bool contains(std::string_view word) const;
  std::size_t size() const { return words_.size(); }

 private:
  // A word's bit in maybe_: its length and its first and last letters,
  // case folded. The rules ask about many words and the lists hold a few
  // hundred, so most answers are "no" before any hashing.
  static std::size_t sketch(std::string_view word);

  std::unordered_set<std::string_view> words_;
  std::string storage_;
  std::bitset<4096> maybe_;
};

// The lists in dictionaries/, by file name.
const WordList& legit_repeats();   // legit-repeats.txt: "had had", "that that"
const WordList& abbreviations();   // abbreviations.txt: words written with a period
const WordList& function_words();  // function-words.txt: words that end no sentence

}  // namespace textmend
