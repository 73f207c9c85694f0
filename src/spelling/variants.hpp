#pragma once
// British and American spellings of the same word ("colour" and "color",
// "centre" and "center", "realise" and "realize"): a word the dictionary
// lacks but whose other-variety form it knows is a choice, not a typo.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace textmend::spelling {

// The other variety's spellings of a lower-case word, by the regular
// correspondences (-our/-or, -re/-er, -ise/-ize, -yse/-yze, -ll-/-l-,
// -ogue/-og, -ence/-ense, ae/e, oe/e).
std::vector<std::string> variant_spellings(std::string_view lower);

}  // namespace textmend::spelling
