#include "spelling/variants.hpp"

#include <algorithm>
#include <array>

namespace textmend::spelling {
namespace {

struct Swap {
  std::string_view from;
  std::string_view to;
};

// Each correspondence both ways; applied at every place it matches. The
// size comes from the list: a fixed size once left two empty swaps, which
// matched at every place and copied each word twice its length over.
constexpr auto kSwaps = std::to_array<Swap>({
    {"our", "or"},     {"or", "our"},                                      // colour, color
    {"tre", "ter"},    {"ter", "tre"},                                     // centre, center; theatre
    {"bre", "ber"},    {"ber", "bre"},                                     // calibre
    {"ise", "ize"},    {"ize", "ise"},                                     // realise, realize (and -isation, -ising)
    {"isa", "iza"},    {"iza", "isa"},                                     // realisation
    {"isi", "izi"},    {"izi", "isi"},                                     // criticising
    {"ised", "ized"},  {"ized", "ised"},  {"ough", "ow"}, {"ow", "ough"},  // plough, plow
    {"llor", "lor"},   {"lor", "llor"},                                    // councillor, councilor
    {"yse", "yze"},    {"yze", "yse"},                                     // analyse
    {"lled", "led"},   {"led", "lled"},                                    // travelled
    {"lling", "ling"}, {"ling", "lling"}, {"ogue", "og"}, {"og", "ogue"},  // catalogue
    {"ence", "ense"},  {"ense", "ence"},                                   // defence
    {"ae", "e"},       {"oe", "e"},                                        // anaemia, oestrogen
});
static_assert(std::all_of(kSwaps.begin(), kSwaps.end(), [](const Swap& s) { return !s.from.empty(); }));

}  // namespace

std::vector<std::string> variant_spellings(std::string_view lower) {
  std::vector<std::string> out;
  for (const Swap& swap : kSwaps) {
    for (std::size_t at = lower.find(swap.from); at != std::string_view::npos; at = lower.find(swap.from, at + 1)) {
      std::string v(lower.substr(0, at));
      v += swap.to;
      v += lower.substr(at + swap.from.size());
      out.push_back(std::move(v));
    }
  }
  return out;
}

}  // namespace textmend::spelling
