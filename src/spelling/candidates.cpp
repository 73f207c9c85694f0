#include "spelling/candidates.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "spelling/error_model.hpp"

namespace textmend::spelling {
namespace {

constexpr std::size_t kMaxIndexedLength = 24;

bool indexable(std::string_view key) {
  if (key.size() < 2 || key.size() > kMaxIndexedLength) return false;
  return std::all_of(key.begin(), key.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '\''; });
}

// Every string made from s by deleting up to `depth` characters, s included.
void deletions(const std::string& s, int depth, std::vector<std::string>& out) {
  out.push_back(s);
  if (depth == 0 || s.size() <= 1) return;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && s[i] == s[i - 1]) continue;  // deleting either of a double gives the same string
    std::string shorter = s;
    shorter.erase(i, 1);
    deletions(shorter, depth - 1, out);
  }
}

// Every string one deletion, insertion, substitution or swap of neighbours
// away from s (letters and the apostrophe).
void one_edit(std::string_view s, std::vector<std::string>& out) {
  static constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz'";
  const std::string base(s);
  for (std::size_t i = 0; i <= base.size(); ++i) {
    for (const char c : kAlphabet) {
      std::string inserted = base;
      inserted.insert(i, 1, c);
      out.push_back(std::move(inserted));
      if (i < base.size() && base[i] != c) {
        std::string replaced = base;
        replaced[i] = c;
        out.push_back(std::move(replaced));
      }
    }
    if (i < base.size()) {
      std::string deleted = base;
      deleted.erase(i, 1);
      out.push_back(std::move(deleted));
    }
    if (i + 1 < base.size() && base[i] != base[i + 1]) {
      std::string swapped = base;
      std::swap(swapped[i], swapped[i + 1]);
      out.push_back(std::move(swapped));
    }
  }
}

}  // namespace

std::uint64_t hash_text(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

CandidateIndex::CandidateIndex(const LanguageModel& model) : model_(model) {
  std::vector<std::pair<std::uint64_t, LanguageModel::Id>> entries;
  entries.reserve(model.size() * 9);
  std::vector<std::string> variants;
  for (LanguageModel::Id id = 0; id < static_cast<LanguageModel::Id>(model.size()); ++id) {
    const std::string key(model.key(id));
    if (!indexable(key)) continue;
    variants.clear();
    deletions(key, 1, variants);
    for (const std::string& v : variants) entries.emplace_back(hash_text(v), id);
  }
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  hashes_.reserve(entries.size());
  ids_.reserve(entries.size());
  for (const auto& [h, id] : entries) {
    hashes_.push_back(h);
    ids_.push_back(id);
  }
}

std::vector<LanguageModel::Id> CandidateIndex::near(std::string_view typo) const {
  std::vector<LanguageModel::Id> found;
  if (typo.size() > kMaxIndexedLength + 2) return found;
  // The typo, every string one edit from it, and those with one more letter
  // deleted, against every word and every word less one letter: together
  // that reaches every word within two edits (a substitution is a deletion
  // on both sides).
  std::vector<std::string> once;
  one_edit(typo, once);
  std::vector<std::uint64_t> keys;
  keys.reserve(once.size() * (typo.size() + 1) + 1);
  keys.push_back(hash_text(typo));
  std::vector<std::string> shorter;
  for (const std::string& e : once) {
    shorter.clear();
    deletions(e, 1, shorter);
    for (const std::string& s : shorter) keys.push_back(hash_text(s));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (const std::uint64_t h : keys) {
    auto [lo, hi] = std::equal_range(hashes_.begin(), hashes_.end(), h);
    for (auto it = lo; it != hi; ++it) found.push_back(ids_[static_cast<std::size_t>(it - hashes_.begin())]);
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::erase_if(found, [&](LanguageModel::Id id) { return edit_distance(typo, model_.key(id), 2) > 2; });
  return found;
}

}  // namespace textmend::spelling
