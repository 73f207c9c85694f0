#pragma once
// The one module that talks to Hunspell: finds the dictionary, loads it and
// answers "is this a word?" with a cache per distinct word.
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

class Hunspell;

namespace textmend {

struct DictionaryFiles {
  std::filesystem::path aff;
  std::filesystem::path dic;
};

// Looks for LANG.aff/LANG.dic in order: explicit (an .aff/.dic path or a
// folder), the project's dictionaries/ folder, $DICPATH, /usr/share/hunspell.
// Throws Error naming every place it looked when none has a readable pair.
DictionaryFiles find_dictionary(const std::string& lang, const std::optional<std::filesystem::path>& explicit_path);

// Where the project's own dictionaries/ folder is (beside the source tree in
// a build, under share/ once installed).
std::vector<std::filesystem::path> project_dictionary_dirs();

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_map<std::string, bool, TransparentHash, std::equal_to<>>;

class Lexicon {
 public:
  // Starts loading the dictionary on a background thread (Hunspell takes
  // tens of milliseconds to load); the first lookup waits for it.
  explicit Lexicon(const DictionaryFiles& files);
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // True when Hunspell accepts word as spelled (its case rules apply:
  // "Paris" is not "paris", "The" is "the").
  bool knows(std::string_view word) const;

 private:
  Hunspell& hunspell() const;

  mutable std::future<std::unique_ptr<Hunspell>> loading_;
  mutable std::unique_ptr<Hunspell> hunspell_;
  mutable std::mutex mutex_;  // Hunspell and the cache are shared by worker threads
  mutable WordSet cache_;
};

}  // namespace textmend
