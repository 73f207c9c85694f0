#include "spelling/language_model.hpp"

#include <cmath>
#include <fstream>

#include "core/ascii.hpp"
#include "core/error.hpp"

namespace textmend::spelling {
namespace {

constexpr const char* kWordsFile = "en-words.tsv";
constexpr const char* kPairsFile = "en-bigrams.tsv";
constexpr double kSmoothing = 20.0;  // Dirichlet prior weight for P(next | prev)

std::ifstream open(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw Error(path.string(), "cannot read the language model file");
  return in;
}

// Splits "a<TAB>n" into a and n; false for comments and malformed lines.
bool split_count(const std::string& line, std::string_view& text, std::uint64_t& count) {
  if (line.empty() || line[0] == '#') return false;
  const std::size_t tab = line.find('\t');
  if (tab == std::string::npos) return false;
  text = std::string_view(line).substr(0, tab);
  count = std::strtoull(line.c_str() + tab + 1, nullptr, 10);
  return count > 0;
}

}  // namespace

std::unique_ptr<LanguageModel> LanguageModel::load(const std::filesystem::path& dir) {
  auto model = std::unique_ptr<LanguageModel>(new LanguageModel());
  std::ifstream words = open(dir / kWordsFile);
  std::string line;
  std::string_view text;
  std::uint64_t count = 0;
  double total = 0;
  while (std::getline(words, line)) {
    if (!split_count(line, text, count)) continue;
    const std::string key = ascii::lower(text);
    total += static_cast<double>(count);
    if (auto it = model->index_.find(key); it != model->index_.end()) {
      model->words_[static_cast<std::size_t>(it->second)].count += count;  // "Will" and "will"
      continue;
    }
    const auto id = static_cast<Id>(model->words_.size());
    model->words_.push_back(Entry{key, std::string(text), count, 0});
    model->index_.emplace(key, id);
  }
  if (model->words_.empty()) throw Error((dir / kWordsFile).string(), "holds no words");
  model->total_ = total;
  std::ifstream pairs = open(dir / kPairsFile);
  while (std::getline(pairs, line)) {
    if (!split_count(line, text, count)) continue;
    const std::size_t space = text.find(' ');
    if (space == std::string_view::npos) continue;
    const Id a = model->id(text.substr(0, space));
    const Id b = model->id(text.substr(space + 1));
    if (a == kNone || b == kNone) continue;
    model->pairs_[pair_key(a, b)] += static_cast<std::uint32_t>(count);
    model->words_[static_cast<std::size_t>(a)].follows += static_cast<std::uint32_t>(count);
  }
  return model;
}

std::unique_ptr<LanguageModel> LanguageModel::find(const std::vector<std::filesystem::path>& dirs) {
  std::string looked;
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(dir / kWordsFile, ec) &&
        std::filesystem::is_regular_file(dir / kPairsFile, ec))
      return load(dir);
    looked += (looked.empty() ? "" : ", ") + dir.string();
  }
  throw Error(kWordsFile, "no language model (en-words.tsv and en-bigrams.tsv); looked in " + looked);
}

LanguageModel::Id LanguageModel::id(std::string_view lower) const {
  const auto it = index_.find(lower);
  return it == index_.end() ? kNone : it->second;
}

double LanguageModel::log_frequency(Id id) const {
  const double count = id == kNone ? 0.5 : static_cast<double>(words_[static_cast<std::size_t>(id)].count);
  return std::log10(count / total_);
}

double LanguageModel::log_unseen_after(Id prev) const {
  if (prev == kNone) return 0;
  return std::log10(kSmoothing / (words_[static_cast<std::size_t>(prev)].follows + kSmoothing));
}

double LanguageModel::log_follow(Id prev, Id next) const {
  if (next == kNone) return log_frequency(next);
  const double prior = static_cast<double>(words_[static_cast<std::size_t>(next)].count) / total_;
  if (prev == kNone) return std::log10(prior);
  const auto it = pairs_.find(pair_key(prev, next));
  const double pair = it == pairs_.end() ? 0 : it->second;
  const double follows = words_[static_cast<std::size_t>(prev)].follows;
  return std::log10((pair + kSmoothing * prior) / (follows + kSmoothing));
}

}  // namespace textmend::spelling
