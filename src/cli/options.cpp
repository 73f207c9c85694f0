#include "cli/options.hpp"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
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
  app.add_option("--buffer-size", o.mode.run.reader.buffer_size,
                 "Read buffer size in bytes (output never depends on it)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
      ->capture_default_str();
  o.mode.run.jobs = std::max(1u, std::thread::hardware_concurrency());
  app.add_option("-j,--jobs", o.mode.run.jobs, "Threads to use (default: all cores); output is the same for any number")
      ->check(CLI::Range(1u, 1024u))
      ->capture_default_str();
  app.add_option("--max-paragraph", o.mode.run.reader.max_unit, "Longest paragraph held in memory, in bytes")
      ->check(CLI::Range(std::size_t{64}, std::size_t{1} << 30))
      ->capture_default_str();
  bool diff = false, word_diff = false, explain = false;
  std::string report, color = "auto";
  std::optional<std::filesystem::path> out_dir;
  app.add_flag("--diff", diff, "Print a unified diff of the fixes instead of the text (for patch -p1, git apply)");
  app.add_option("-U,--unified", o.mode.context, "Lines of context in --diff")->check(CLI::Range(0, 1000));
  app.add_option("--label", o.mode.label, "Name of stdin in diffs and reports (default '-')");
  app.add_flag("--word-diff", word_diff, "Print changed lines with each fix marked inline");
  app.add_option("--color", color, "Highlight --word-diff and review: auto (a terminal), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--explain", explain,
               "List every finding, written or not: FILE:LINE:COL RULE: BEFORE -> AFTER (confidence) MESSAGE");
  app.add_option("--report", report, "Report format instead of the text: json (JSON Lines, docs/json-report.md)")
      ->check(CLI::IsMember({"json"}));
  app.add_flag("--check", o.mode.check, "Print the files that would change; exit 1 if any, 0 if none");
  app.add_flag("-i,--in-place", o.mode.in_place, "Rewrite changed files in place (atomically)");
  // A flag, not an option with an optional value: "-i --backup notes.txt"
  // must not take the file for a suffix (the suffix goes after '=', as in
  // GNU sed's -i[SUFFIX] and cp's --backup[=CONTROL]).
  std::string backup_given;
  const CLI::Option* backup = app.add_flag("--backup{~}", backup_given,
                                           "With -i, keep each original as FILE+SUFFIX (--backup=SUFFIX; default ~)");
  app.add_option("-o,--output", out_dir, "Write repaired copies under DIR, mirroring the input paths");
  app.add_flag("--interactive", o.mode.interactive,
               "Review each fix (answers on stdin: y, n, a, d, q), then write the accepted ones in place");
  app.add_option("--include", o.mode.walk.include, "In directories, only files matching GLOB (repeatable)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--exclude", o.mode.walk.exclude, "In directories, leave out files and folders matching GLOB")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_flag("--follow", o.mode.walk.follow, "Follow symbolic links in directories");
  app.add_flag("--hidden", o.mode.walk.hidden, "Also walk hidden files and folders (.git and the like)");
  app.add_flag("-q,--quiet", o.mode.quiet, "No progress bar and no summary");
  app.add_option("--jsonl", o.jsonl_field,
                 "Inputs are JSON Lines: repair the string member FIELD of each record, keep everything else");
  app.add_option("--encoding", o.mode.encoding,
                 "Text encoding of the inputs: utf-8 (default), windows-1252, latin1, utf-16le, utf-16be "
                 "(UTF-16 with a byte-order mark is recognised by itself); files are written back in it");
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    app.exit(e);
    return std::nullopt;
  } catch (const CLI::ParseError& e) {
    throw Error("", std::string(e.what()) + " (see textmend --help)");
  }
  if (diff + word_diff + explain + !report.empty() > 1)
    throw Error("", "--diff, --word-diff, --explain and --report are one output each (see textmend --help)");
  if (o.mode.in_place && out_dir) throw Error("", "-i and -o do not go together (see textmend --help)");
  o.mode.out_dir = out_dir;
  if (o.jsonl_field &&
      (diff || word_diff || explain || !report.empty() || o.mode.in_place || out_dir || o.mode.interactive))
    throw Error("", "--jsonl writes repaired records to stdout; of the other modes only --check goes with it");
  if (backup->count() > 0) o.mode.write.backup_suffix = backup_given.empty() ? "~" : backup_given;
  o.mode.report = diff                                                                        ? Report::diff
                  : word_diff                                                                 ? Report::word_diff
                  : explain                                                                   ? Report::explain
                  : !report.empty()                                                           ? Report::json
                  : (o.mode.check || o.mode.in_place || o.mode.out_dir || o.mode.interactive) ? Report::none
                                                                                              : Report::text;
  const bool terminal = ::isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
  o.mode.color = color == "always" || (color == "auto" && terminal);
  o.mode.progress = ::isatty(STDERR_FILENO) == 1;
  o.settings.quotes = quote_style(quotes);
  o.enable = split_ids(enable);
  o.disable = split_ids(disable);
  if (o.inputs.empty()) o.inputs.emplace_back("-");
  return o;
}

}  // namespace textmend::cli
