#pragma once
// Shared helpers for rule tests, after Harper's: run some rules on a text
// and look at the result, the findings, or that there are none.
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "text/settings.hpp"

namespace textmend {
class Lexicon;
namespace spelling {
class LanguageModel;
class Speller;
}  // namespace spelling
}  // namespace textmend

namespace testing_helpers {

// The project's en_US dictionary, language model and speller, loaded once.
const textmend::Lexicon& lexicon();
const textmend::spelling::LanguageModel& language_model();
const textmend::spelling::Speller& speller();

// Repairs text as one document with only the named rules (all default
// rules when `only` is empty), exactly as the program would.
std::string fix(std::string_view text, const std::vector<std::string>& only = {},
                const textmend::Settings& settings = {});

// The decisions the named rules lead to on text (one paragraph).
std::vector<textmend::Decision> decisions(std::string_view text, const std::vector<std::string>& only = {});

// How many findings the named rules report or apply on text.
std::size_t count(std::string_view text, const std::vector<std::string>& only);

// Calls check on `count` random texts (the same for the same seed), each
// of 1 to max_length entries drawn from alphabet: bytes of a string, or
// pieces (one or more bytes) of a vector of strings.
template <typename Alphabet, typename Check>
void for_random_texts(const Alphabet& alphabet, unsigned seed, int count, int max_length, Check check) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(1, max_length);
  for (int n = 0; n < count; ++n) {
    std::string text;
    for (int k = length(rng); k > 0; --k) text += alphabet[pick(rng)];
    check(text);
  }
}

}  // namespace testing_helpers
