#pragma once
// Shared helpers for rule tests, after Harper's: run some rules on a text
// and look at the result, the findings, or that there are none.
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

}  // namespace testing_helpers
