#include "lexicon/lexicon.hpp"

#include <hunspell/hunspell.hxx>

#include <cstdlib>
#include <fstream>

#include "core/error.hpp"

#ifndef TEXTMEND_SOURCE_DICTIONARY_DIR
#define TEXTMEND_SOURCE_DICTIONARY_DIR ""
#endif
#ifndef TEXTMEND_INSTALL_DICTIONARY_DIR
#define TEXTMEND_INSTALL_DICTIONARY_DIR ""
#endif

namespace textmend {
namespace fs = std::filesystem;
namespace {

bool readable(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return in.good() && fs::is_regular_file(p);
}

std::optional<DictionaryFiles> pair_in(const fs::path& dir, const std::string& lang) {
  DictionaryFiles f{dir / (lang + ".aff"), dir / (lang + ".dic")};
  if (readable(f.aff) && readable(f.dic)) return f;
  return std::nullopt;
}

std::vector<fs::path> search_dirs() {
  std::vector<fs::path> dirs = project_dictionary_dirs();
  if (const char* env = std::getenv("DICPATH")) {
    std::string_view rest(env);
    while (!rest.empty()) {
      const std::size_t colon = rest.find(':');
      if (colon != 0) dirs.emplace_back(std::string(rest.substr(0, colon)));
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  dirs.emplace_back("/usr/share/hunspell");
  return dirs;
}

}  // namespace

std::vector<fs::path> project_dictionary_dirs() {
  std::vector<fs::path> dirs;
  if (*TEXTMEND_SOURCE_DICTIONARY_DIR) dirs.emplace_back(TEXTMEND_SOURCE_DICTIONARY_DIR);
  if (*TEXTMEND_INSTALL_DICTIONARY_DIR) dirs.emplace_back(TEXTMEND_INSTALL_DICTIONARY_DIR);
  return dirs;
}

DictionaryFiles find_dictionary(const std::string& lang, const std::optional<fs::path>& explicit_path) {
  if (explicit_path) {
    const fs::path& p = *explicit_path;
    std::optional<DictionaryFiles> found;
    if (fs::is_directory(p)) {
      found = pair_in(p, lang);
    } else {
      fs::path stem = p;
      stem.replace_extension();
      DictionaryFiles f{fs::path(stem).concat(".aff"), fs::path(stem).concat(".dic")};
      if (readable(f.aff) && readable(f.dic)) found = f;
    }
    if (!found) throw Error(p.string(), "no readable " + lang + " dictionary (.aff and .dic) there");
    return *found;
  }
  std::string looked;
  for (const fs::path& dir : search_dirs()) {
    if (auto f = pair_in(dir, lang)) return *f;
    looked += (looked.empty() ? "" : ", ") + dir.string();
  }
  throw Error(lang, "no readable dictionary " + lang + ".aff/.dic; looked in " + looked);
}

Lexicon::Lexicon(const DictionaryFiles& files)
    : loading_(std::async(std::launch::async,
                          [files] { return std::make_unique<Hunspell>(files.aff.c_str(), files.dic.c_str()); })) {}

Lexicon::~Lexicon() {
  if (loading_.valid()) loading_.wait();
}

// Callers hold mutex_.
Hunspell& Lexicon::hunspell() const {
  if (!hunspell_) hunspell_ = loading_.get();
  return *hunspell_;
}

bool Lexicon::knows(std::string_view word) const {
  std::lock_guard lock(mutex_);
  if (auto it = cache_.find(word); it != cache_.end()) return it->second;
  const bool known = hunspell().spell(std::string(word));
  cache_.emplace(std::string(word), known);
  return known;
}

}  // namespace textmend
