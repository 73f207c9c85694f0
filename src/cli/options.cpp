#include "cli/options.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <thread>

#include "core/error.hpp"
#include "version.hpp"

namespace textmend::cli {
namespace {

QuoteStyle quote_style(const std::string& name) {
  if (name == "curly") return QuoteStyle::curly;
  if (name == "straight") return QuoteStyle::straight;
  if (name == "keep") return QuoteStyle::keep;
  return QuoteStyle::automatic;
}

std::vector<std::string> split_ids(const std::vector<std::string>& args) {
  std::vector<std::string> ids;
  for (const std::string& arg : args) {
    std::size_t start = 0;
    while (start <= arg.size()) {
      const std::size_t comma = std::min(arg.find(',', start), arg.size());
      if (comma > start) ids.push_back(arg.substr(start, comma - start));
      start = comma + 1;
    }
  }
  return ids;
}

}  // namespace

std::optional<Options> parse(int argc, char** argv) {
  Options o;
  CLI::App app{
      "textmend: repairs damaged text (stray characters, broken quotes, misplaced punctuation,\n"
      "spacing, doubled words, line-break hyphens, mojibake). Reads FILEs or stdin ('-'),\n"
      "writes the repaired text to stdout. Exit: 0 fine, 2 usage or I/O error,\n"
      "3 input not text (binary) or not valid UTF-8 (passed through unchanged).",
      "textmend"};
  app.set_version_flag("--version", std::string("textmend ") + kVersion);
  app.add_option("files", o.inputs, "Input files; '-' or none reads stdin");
  app.add_flag("--list-rules", o.list_rules, "List the rules: id, default, description, example");
  app.add_flag("--suggest", o.suggest,
               "Read one word a line and print the spelling rule's ranked corrections for it, without context");
  // One argument per flag (so "--enable x file.txt" keeps file.txt a file),
  // split at commas after parsing.
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  app.add_option("--enable", enable, "Turn on rules (comma-separated ids, or 'all')")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--disable", disable, "Turn off rules (comma-separated ids, or 'all')")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--min-confidence", o.min_confidence,
                 "Apply only fixes at least this confident (0 to 1); the rest are reported")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app.add_option("--lang", o.settings.lang, "Language: en_US or en_GB")
      ->check(CLI::IsMember({"en_US", "en_GB"}))
      ->capture_default_str();
  app.add_option("--dict", o.dict, "Hunspell dictionary: an .aff/.dic path or a folder holding LANG.aff/.dic");
  app.add_option("--personal-dict", o.personal_dict, "Words never to correct: one a line, '#' starts a comment");
  std::string quotes = "auto";
  app.add_option("--quotes", quotes, "Quote style: auto (the document's majority), curly, straight or keep")
      ->check(CLI::IsMember({"auto", "curly", "straight", "keep"}))
      ->capture_default_str();
  app.add_option("--buffer-size", o.run.reader.buffer_size, "Read buffer size in bytes (output never depends on it)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
      ->capture_default_str();
  o.run.jobs = std::max(1u, std::thread::hardware_concurrency());
  app.add_option("-j,--jobs", o.run.jobs, "Threads to use (default: all cores); output is the same for any number")
      ->check(CLI::Range(1u, 1024u))
      ->capture_default_str();
  app.add_option("--max-paragraph", o.run.reader.max_unit, "Longest paragraph held in memory, in bytes")
      ->check(CLI::Range(std::size_t{64}, std::size_t{1} << 30))
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    app.exit(e);
    return std::nullopt;
  } catch (const CLI::ParseError& e) {
    throw Error("", std::string(e.what()) + " (see textmend --help)");
  }
  o.settings.quotes = quote_style(quotes);
  o.enable = split_ids(enable);
  o.disable = split_ids(disable);
  if (o.inputs.empty()) o.inputs.emplace_back("-");
  return o;
}

}  // namespace textmend::cli
