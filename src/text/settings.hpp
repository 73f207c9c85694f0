#pragma once
// User choices that rules read (from the command line).
#include <string>

namespace textmend {

enum class QuoteStyle { automatic, curly, straight, keep };

struct Settings {
  QuoteStyle quotes = QuoteStyle::automatic;
  std::string lang = "en_US";
};

}  // namespace textmend
