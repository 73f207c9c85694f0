#pragma once
// User choices that rules read (from the command line).
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

namespace textmend {

enum class QuoteStyle { automatic, curly, straight, keep };

struct Settings {
  QuoteStyle quotes = QuoteStyle::automatic;
  std::string lang = "en_US";
  // --personal-dict: words never corrected (exact, and lower case).
  std::shared_ptr<const std::unordered_set<std::string>> personal_words;

  bool personal(std::string_view word) const {
    return personal_words != nullptr && personal_words->contains(std::string(word));
  }
};

}  // namespace textmend
