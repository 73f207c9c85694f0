#pragma once
// How likely a typist who meant `word` is to produce `typo`: a weighted
// Damerau-Levenshtein distance (optimal string alignment) whose costs
// follow how people mistype. A doubled or undoubled letter, a swap of
// neighbours or a neighbouring key are cheap; an unrelated letter, or a
// wrong first letter, are dear. Lower is likelier; about 1 is one slip.
#include <string_view>

namespace textmend::spelling {

// Both arguments lower case. Returns a large value past max_cost without
// finishing the computation.
double typing_cost(std::string_view typo, std::string_view word, double max_cost = 4.0);

// The plain optimal-string-alignment distance, stopping early past limit.
int edit_distance(std::string_view a, std::string_view b, int limit = 2);

// True when a and b sit next to each other on a QWERTY keyboard.
bool keyboard_neighbours(char a, char b);

}  // namespace textmend::spelling
