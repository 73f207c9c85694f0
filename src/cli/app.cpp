#include "cli/app.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>

#include <cctype>
#include <fstream>
#include <iomanip>
#include <unordered_set>

#include "cli/batch.hpp"
#include "cli/input_file.hpp"
#include "cli/options.hpp"
#include "core/ascii.hpp"
#include "core/error.hpp"
#include "lexicon/lexicon.hpp"
#include "pipeline/jsonl.hpp"
#include "pipeline/run.hpp"
#include "pipeline/source.hpp"
#include "spelling/speller.hpp"

namespace textmend::cli {
namespace {

void print_error(const std::string& where, const std::string& what) {
  std::cerr << "textmend: " << (where.empty() ? "" : where + ": ") << what << '\n';
}

void print_rules(std::ostream& os) {
  for (const auto& rule : all_rules()) {
    const RuleInfo& r = rule->info();
    os << r.id << std::string(r.id.size() < 20 ? 20 - r.id.size() : 1, ' ') << (r.default_on ? "on " : "off") << "  "
       << r.description << '\n'
       << std::string(25, ' ') << "e.g. " << r.example_before << "  ->  " << r.example_after << '\n';
  }
}

// The dictionary lives until the process ends and is never destroyed:
// tearing down Hunspell's tables takes longer than a short run itself.
// (It stays reachable from this static, so leak checkers do not object.)
const Lexicon* load_lexicon(const Options& o, const RuleList& rules) {
  static const Lexicon* loaded = nullptr;
  const bool needed = std::any_of(rules.begin(), rules.end(), [](const auto& r) { return r->info().needs_dictionary; });
  try {
    loaded = new Lexicon(find_dictionary(o.settings.lang, o.dict));
    return loaded;
  } catch (const Error&) {
    if (needed || o.dict) throw;
    return nullptr;  // no rule that is on needs one
  }
}

// The frequency list and bigram model, when the spelling rule is on; kept
// for the life of the process like the dictionary.
const spelling::Speller* load_speller(const RuleList& rules, const Lexicon* lexicon, const std::string& lang) {
  const bool wanted = std::any_of(rules.begin(), rules.end(), [](const auto& r) { return r->id() == "spelling"; });
  if (!wanted || lexicon == nullptr) return nullptr;
  static const spelling::LanguageModel* model = spelling::LanguageModel::find(project_dictionary_dirs()).release();
  std::optional<DictionaryFiles> other;
  try {
    other = find_dictionary(lang == "en_GB" ? "en_US" : "en_GB", std::nullopt);
  } catch (const Error&) {
    // Without the other variety's dictionary, only its regular spellings are recognised.
  }
  // Kept for the life of the process (reachable from this static).
  static const spelling::Speller* speller = nullptr;
  speller = new spelling::Speller(*lexicon, *model, other);
  speller->prepare_in_background();
  return speller;
}

// --personal-dict: one word a line, '#' comments; a missing file is an error.
std::shared_ptr<const std::unordered_set<std::string>> load_personal_words(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw Error(path.string(), std::strerror(errno));
  auto words = std::make_shared<std::unordered_set<std::string>>();
  std::string line;
  while (std::getline(in, line)) {
    if (const std::size_t hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    std::size_t start = 0;
    while (start < line.size() && std::isspace(static_cast<unsigned char>(line[start]))) ++start;
    if (start < line.size()) {
      words->insert(line.substr(start));
      words->insert(ascii::lower(line.substr(start)));
    }
  }
  return words;
}

// --suggest: the speller's context-free ranking, one word a line, like
// `hunspell -a` for comparisons.
int run_suggest(const Options& o) {
  const RuleList rules = select_rules({"spelling"}, {});
  const spelling::Speller* speller = load_speller(rules, load_lexicon(o, rules), o.settings.lang);
  if (speller == nullptr) throw Error("--suggest", "the spelling rule needs a dictionary");
  std::string word;
  while (std::getline(std::cin, word)) {
    std::cout << word << ':';
    if (speller->known(word)) {
      std::cout << " (known)\n";
      continue;
    }
    const std::string key = ascii::lower(word);
    const spelling::WordInfo& info = speller->suggest(key);
    const auto ranked =
        speller->rank(info.suggestions, spelling::LanguageModel::kNone, spelling::LanguageModel::kNone, info.keep_bias);
    for (const spelling::Scored& s : ranked) {
      std::cout << ' ' << (s.suggestion == nullptr ? std::string("(keep)") : s.suggestion->text) << " ";
      std::cout << std::fixed << std::setprecision(3) << s.probability;
    }
    std::cout << '\n';
  }
  return 0;
}

// --jsonl: each input a JSON Lines stream, repaired record by record to
// stdout; with --check, only counted (exit 1 when a record would change).
ExitCode run_jsonl_inputs(const Options& o, const Engine& engine) {
  Output out(o.mode.check ? -1 : STDOUT_FILENO, "stdout");
  JsonlSummary total;
  ExitCode code = ExitCode::ok;
  for (const std::string& input : o.inputs) {
    std::optional<InputFile> file;
    try {
      file.emplace(input);
    } catch (const Error& e) {
      print_error(e.where(), e.what());  // an unreadable input is reported and the rest go on
      code = ExitCode::error;
      continue;
    }
    FdSource source(file->fd(), input);
    total += run_jsonl(source, *o.jsonl_field, engine, out, o.mode.run.jobs, o.mode.run.reader);
  }
  out.flush();
  if (!o.mode.quiet)
    std::cerr << "textmend: " << counted(total.records, "record", "records") << ", " << total.changed
              << (o.mode.check ? " would change, " : " changed, ") << total.passed
              << " passed through (not a JSON object, or no string \"" << *o.jsonl_field << "\"); "
              << counted(total.applied, "fix", "fixes") << "\n";
  if (code == ExitCode::ok && o.mode.check && total.changed > 0) return ExitCode::changes_found;
  return code;
}

int run_filter(const Options& o) {
  RuleList rules = select_rules(o.enable, o.disable);
  const Lexicon* lexicon = load_lexicon(o, rules);
  const spelling::Speller* speller = load_speller(rules, lexicon, o.settings.lang);
  EngineOptions eo;
  eo.resolver.min_confidence = o.min_confidence;
  eo.settings = o.settings;
  if (o.personal_dict) eo.settings.personal_words = load_personal_words(*o.personal_dict);
  const Engine engine(std::move(rules), lexicon, speller, eo);
  if (o.jsonl_field) return static_cast<int>(run_jsonl_inputs(o, engine));
  return static_cast<int>(run_inputs(o.inputs, engine, o.mode));
}

}  // namespace

int run(int argc, char** argv) {
  // A closed pipe shows up as EPIPE from write(), which ends the run quietly.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    const std::optional<Options> options = parse(argc, argv);
    if (!options) return 0;
    if (options->list_rules) {
      print_rules(std::cout);
      return 0;
    }
    if (options->suggest) return run_suggest(*options);
    return run_filter(*options);
  } catch (const BrokenPipe&) {
    return 0;
  } catch (const Error& e) {
    print_error(e.where(), e.what());
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    print_error("internal error", e.what());
    return static_cast<int>(ExitCode::error);
  }
}

}  // namespace textmend::cli
