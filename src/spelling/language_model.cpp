#include "spelling/language_model.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <fstream>

#include "core/ascii.hpp"
#include "core/error.hpp"
#include "core/hash.hpp"

namespace textmend::spelling {
namespace {

constexpr const char* kWordsFile = "en-words.tsv";
constexpr const char* kPairsFile = "en-bigrams.tsv";
constexpr double kSmoothing = 20.0;  // Dirichlet prior weight for P(next | prev)

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string(), "cannot read the language model file");
  std::string data;
  in.seekg(0, std::ios::end);
  data.resize(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)));
  in.seekg(0);
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  return data;
}

// Calls visit(text, count) for each "text<TAB>count" line; skips comments
// and malformed lines.
template <typename Visit>
void for_each_entry(std::string_view data, Visit visit) {
  while (!data.empty()) {
    const std::size_t eol = std::min(data.find('\n'), data.size());
    const std::string_view line = data.substr(0, eol);
    data.remove_prefix(std::min(eol + 1, data.size()));
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::uint64_t count = 0;
    for (std::size_t i = tab + 1; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i)
      count = count * 10 + static_cast<std::uint64_t>(line[i] - '0');
    if (count > 0) visit(line.substr(0, tab), count);
  }
}

}  // namespace

std::unique_ptr<LanguageModel> LanguageModel::load(const std::filesystem::path& dir) {
  auto model = std::unique_ptr<LanguageModel>(new LanguageModel());
  const std::string words = read_all(dir / kWordsFile);
  const auto lines = static_cast<std::size_t>(std::count(words.begin(), words.end(), '\n'));
  model->words_.reserve(lines);
  model->slots_.assign(std::bit_ceil(lines * 2 + 1), 0);
  model->slot_mask_ = model->slots_.size() - 1;
  model->text_.reserve(words.size());
  double total = 0;
  for_each_entry(words, [&](std::string_view text, std::uint64_t count) {
    const std::string key = ascii::lower(text);
    total += static_cast<double>(count);
    const Id next = static_cast<Id>(model->words_.size());
    const Id id = model->insert_or_find(key, next);
    if (id != next) {
      model->words_[static_cast<std::size_t>(id)].count += count;  // "Will" and "will"
      return;
    }
    model->words_.push_back(model->add_entry(key, text, count));
  });
  if (model->words_.empty()) throw Error((dir / kWordsFile).string(), "holds no words");
  model->text_.shrink_to_fit();
  model->total_ = total;
  const std::string pairs = read_all(dir / kPairsFile);
  model->size_pairs(static_cast<std::size_t>(std::count(pairs.begin(), pairs.end(), '\n')));
  for_each_entry(pairs, [&](std::string_view text, std::uint64_t count) {
    const std::size_t space = text.find(' ');
    if (space == std::string_view::npos) return;
    const Id a = model->id(text.substr(0, space));
    const Id b = model->id(text.substr(space + 1));
    if (a == kNone || b == kNone) return;
    model->add_pair(pair_key(a, b), static_cast<std::uint32_t>(count));
    model->words_[static_cast<std::size_t>(a)].follows += static_cast<std::uint32_t>(count);
  });
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

namespace {

// The slot's high half: 24 bits of hash and the key's length (capped), so a
// slot of another word is passed over without touching its entry.
std::uint64_t slot_tag(std::uint64_t h, std::size_t length) {
  return ((h >> 40) << 40) | (std::uint64_t{std::min<std::size_t>(length, 255)} << 32);
}

}  // namespace

// The entry of a new word, its text appended to text_.
LanguageModel::Entry LanguageModel::add_entry(std::string_view key, std::string_view form, std::uint64_t count) {
  Entry e;
  e.size = static_cast<std::uint32_t>(key.size());
  e.count = count;
  e.key_at = static_cast<std::uint32_t>(text_.size());
  text_ += key;
  e.form_at = e.key_at;
  if (form != key) {
    e.form_at = static_cast<std::uint32_t>(text_.size());
    text_ += form;
  }
  return e;
}

// Returns the id of key, inserting it as new_id (its entry is pushed by the
// caller) when it is not there.
LanguageModel::Id LanguageModel::insert_or_find(std::string_view key, Id new_id) {
  const std::uint64_t h = hash_bytes(key);
  const std::uint64_t tag = slot_tag(h, key.size());
  for (std::size_t at = h & slot_mask_;; at = (at + 1) & slot_mask_) {
    const std::uint64_t slot = slots_[at];
    if (slot == 0) {
      slots_[at] = tag | (static_cast<std::uint64_t>(new_id) + 1);
      return new_id;
    }
    const auto id = static_cast<Id>((slot & 0xFFFFFFFFu) - 1);
    if ((slot & ~0xFFFFFFFFull) == tag && this->key(id) == key) return id;
  }
}

LanguageModel::Id LanguageModel::id(std::string_view lower) const {
  const std::uint64_t h = hash_bytes(lower);
  const std::uint64_t tag = slot_tag(h, lower.size());
  for (std::size_t at = h & slot_mask_;; at = (at + 1) & slot_mask_) {
    const std::uint64_t slot = slots_[at];
    if (slot == 0) return kNone;
    if ((slot & ~0xFFFFFFFFull) != tag) continue;
    const auto id = static_cast<Id>((slot & 0xFFFFFFFFu) - 1);
    if (key(id) == lower) return id;
  }
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
  const double pair = pair_count(pair_key(prev, next));
  const double follows = words_[static_cast<std::size_t>(prev)].follows;
  return std::log10((pair + kSmoothing * prior) / (follows + kSmoothing));
}

void LanguageModel::size_pairs(std::size_t pairs) {
  // At most 60% full, so that a miss (most pairs of a text are unseen)
  // ends after a probe or two.
  const std::size_t slots = std::bit_ceil(pairs * 5 / 3 + 2);
  pairs_.assign(slots, PairSlot{});
  pair_shift_ = static_cast<unsigned>(64 - std::countr_zero(slots));
}

void LanguageModel::add_pair(std::uint64_t key, std::uint32_t count) {
  if (count == 0) return;
  for (std::size_t at = pair_slot(key);; at = (at + 1) & (pairs_.size() - 1)) {
    PairSlot& slot = pairs_[at];
    if (slot.count == 0) {
      slot = PairSlot{key, count};
      return;
    }
    if (slot.key == key) {
      slot.count += count;
      return;
    }
  }
}

std::uint32_t LanguageModel::pair_count(std::uint64_t key) const {
  for (std::size_t at = pair_slot(key);; at = (at + 1) & (pairs_.size() - 1)) {
    const PairSlot& slot = pairs_[at];
    if (slot.count == 0) return 0;
    if (slot.key == key) return slot.count;
  }
}

}  // namespace textmend::spelling
