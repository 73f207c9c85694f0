#include "spelling/error_model.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <vector>

#include "core/ascii.hpp"

namespace textmend::spelling {
namespace {

constexpr double kSwap = 0.8;          // "recieve": two neighbours swapped
constexpr double kDoubling = 0.6;      // "occured", "labbel": a letter doubled or undoubled
constexpr double kNearKey = 0.9;       // "mznager": a neighbouring key
constexpr double kVowel = 1.0;         // "seperate": one vowel for another
constexpr double kSoundAlike = 1.1;    // "sertain": letters that sound alike
constexpr double kMissing = 1.1;       // a letter left out
constexpr double kMissingVowel = 0.9;  // a vowel left out ("mmber")
constexpr double kExtra = 1.2;         // a letter typed in
constexpr double kOther = 1.7;         // any other letter for another
constexpr double kFirstLetter = 1.0;   // extra for an error at the word's start
constexpr double kDistantSwap = 1.2;   // "gerenations": two letters one apart swapped

struct KeyPos {
  int row = -1;
  int col = 0;
};

constexpr std::array<KeyPos, 26> make_keys() {
  std::array<KeyPos, 26> keys{};
  const char* rows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  for (int r = 0; r < 3; ++r)
    for (int c = 0; rows[r][c] != '\0'; ++c) keys[static_cast<std::size_t>(rows[r][c] - 'a')] = KeyPos{r, c};
  return keys;
}

constexpr std::array<KeyPos, 26> kKeys = make_keys();

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool sound_alike(char a, char b) {
  static constexpr std::array<std::pair<char, char>, 10> kPairs = {{{'c', 's'},
                                                                    {'c', 'k'},
                                                                    {'s', 'z'},
                                                                    {'i', 'y'},
                                                                    {'g', 'j'},
                                                                    {'f', 'v'},
                                                                    {'m', 'n'},
                                                                    {'d', 't'},
                                                                    {'b', 'p'},
                                                                    {'q', 'k'}}};
  for (const auto& [x, y] : kPairs)
    if ((a == x && b == y) || (a == y && b == x)) return true;
  return false;
}

bool neighbours_on_keyboard(char a, char b) {
  if (!ascii::is_lower(a) || !ascii::is_lower(b) || a == b) return false;
  const KeyPos p = kKeys[static_cast<std::size_t>(a - 'a')];
  const KeyPos q = kKeys[static_cast<std::size_t>(b - 'a')];
  if (p.row == q.row) return std::abs(p.col - q.col) == 1;
  // Rows are staggered: a key touches the one above it and the one above-right.
  if (std::abs(p.row - q.row) != 1) return false;
  const KeyPos& upper = p.row < q.row ? p : q;
  const KeyPos& lower = p.row < q.row ? q : p;
  return lower.col == upper.col || lower.col + 1 == upper.col;
}

double substitution_of_letters(char typed, char meant) {
  if (typed == meant) return 0;
  if (neighbours_on_keyboard(typed, meant)) return kNearKey;
  if (is_vowel(typed) && is_vowel(meant)) return kVowel;
  if (sound_alike(typed, meant)) return kSoundAlike;
  return kOther;
}

std::size_t letter_index(char c) { return static_cast<std::size_t>(c - 'a'); }

// Costs and neighbours of every pair of letters, worked out once: the
// distance tables below ask for them at every cell, for every candidate
// of every new misspelling.
struct LetterPairs {
  std::array<std::array<double, 26>, 26> cost{};
  std::array<std::array<bool, 26>, 26> neighbours{};
  LetterPairs() {
    for (char a = 'a'; a <= 'z'; ++a)
      for (char b = 'a'; b <= 'z'; ++b) {
        cost[letter_index(a)][letter_index(b)] = substitution_of_letters(a, b);
        neighbours[letter_index(a)][letter_index(b)] = neighbours_on_keyboard(a, b);
      }
  }
};
const LetterPairs kLetterPairs;

double substitution(char typed, char meant) {
  if (ascii::is_lower(typed) && ascii::is_lower(meant))
    return kLetterPairs.cost[letter_index(typed)][letter_index(meant)];
  return typed == meant ? 0 : kOther;
}

// typo[i] is an extra character: cheap when it repeats or neighbours the
// character before or after it.
double extra(std::string_view typo, std::size_t i) {
  const char c = typo[i];
  const char before = i > 0 ? typo[i - 1] : '\0';
  const char after = i + 1 < typo.size() ? typo[i + 1] : '\0';
  if (c == before || c == after) return kDoubling;
  if ((before != '\0' && keyboard_neighbours(c, before)) || (after != '\0' && keyboard_neighbours(c, after)))
    return kNearKey;
  return kExtra;
}

// word[j] is missing from the typo: cheap when it was one of a double.
double missing(std::string_view word, std::size_t j) {
  const char c = word[j];
  if ((j > 0 && word[j - 1] == c) || (j + 1 < word.size() && word[j + 1] == c)) return kDoubling;
  return is_vowel(c) ? kMissingVowel : kMissing;
}

}  // namespace

bool keyboard_neighbours(char a, char b) {
  return ascii::is_lower(a) && ascii::is_lower(b) && kLetterPairs.neighbours[letter_index(a)][letter_index(b)];
}

namespace {

// True when typo is word with the letters at i and i + 2 swapped, for some i.
bool distant_swap(std::string_view typo, std::string_view word) {
  if (typo.size() != word.size()) return false;
  std::size_t first = typo.size();
  std::size_t count = 0;
  for (std::size_t i = 0; i < typo.size(); ++i) {
    if (typo[i] == word[i]) continue;
    if (count++ == 0) first = i;
  }
  return count == 2 && first + 2 < typo.size() && typo[first] == word[first + 2] && typo[first + 2] == word[first];
}

}  // namespace

double typing_cost(std::string_view typo, std::string_view word, double max_cost) {
  const std::size_t n = typo.size();
  const std::size_t m = word.size();
  if (n > m + 2 || m > n + 2) return max_cost + 1;
  if (distant_swap(typo, word)) return kDistantSwap + (typo[0] != word[0] ? kFirstLetter : 0);
  // d[i][j]: cost of typing typo[0,i) for word[0,j).
  thread_local std::vector<double> d;
  d.assign((n + 1) * (m + 1), 0.0);
  auto at = [&](std::size_t i, std::size_t j) -> double& { return d[i * (m + 1) + j]; };
  // The cost of each letter of word left out, the same in every row.
  thread_local std::vector<double> left_out;
  left_out.assign(m + 1, 0.0);
  for (std::size_t j = 1; j <= m; ++j) left_out[j] = missing(word, j - 1) + (j == 1 ? kFirstLetter : 0);
  for (std::size_t i = 1; i <= n; ++i) at(i, 0) = at(i - 1, 0) + extra(typo, i - 1) + (i == 1 ? kFirstLetter : 0);
  for (std::size_t j = 1; j <= m; ++j) at(0, j) = at(0, j - 1) + left_out[j];
  for (std::size_t i = 1; i <= n; ++i) {
    double row_min = max_cost + 1;
    const double typed_in = extra(typo, i - 1) + (i == 1 ? kFirstLetter : 0);
    for (std::size_t j = 1; j <= m; ++j) {
      const double first = (i == 1 || j == 1) ? kFirstLetter : 0;
      const double sub = substitution(typo[i - 1], word[j - 1]);
      double best = at(i - 1, j - 1) + sub + (sub > 0 ? first : 0);
      best = std::min(best, at(i - 1, j) + typed_in);
      best = std::min(best, at(i, j - 1) + left_out[j]);
      if (i > 1 && j > 1 && typo[i - 1] == word[j - 2] && typo[i - 2] == word[j - 1] && typo[i - 1] != typo[i - 2])
        best = std::min(best, at(i - 2, j - 2) + kSwap);
      at(i, j) = best;
      row_min = std::min(row_min, best);
    }
    if (row_min > max_cost) return max_cost + 1;
  }
  return at(n, m);
}

int edit_distance(std::string_view a, std::string_view b, int limit) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if (static_cast<int>(n > m ? n - m : m - n) > limit) return limit + 1;
  // Three rows of the table (a swap looks two rows back), in place: the
  // candidate index asks this of every word it finds for a misspelling.
  thread_local std::vector<int> rows;
  rows.assign(3 * (m + 1), 0);
  int* before = rows.data();      // row i - 2
  int* last = before + (m + 1);   // row i - 1
  int* current = last + (m + 1);  // row i
  for (std::size_t j = 0; j <= m; ++j) last[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = static_cast<int>(i);
    int row_min = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      int best = std::min({last[j] + 1, current[j - 1] + 1, last[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, before[j - 2] + 1);
      current[j] = best;
      row_min = std::min(row_min, best);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, last);
    std::swap(last, current);
  }
  return last[m];
}

}  // namespace textmend::spelling
