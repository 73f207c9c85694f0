#include "cli/batch.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "cli/file_job.hpp"
#include "cli/progress.hpp"
#include "cli/review.hpp"
#include "output/report.hpp"
#include "pipeline/ordered.hpp"
#include "pipeline/output.hpp"

namespace textmend::cli {
namespace {

namespace fs = std::filesystem;

// An I/O error outranks input that is not text, which outranks fixes found
// by --check.
ExitCode worse(ExitCode a, ExitCode b) {
  auto rank = [](ExitCode c) {
    switch (c) {
      case ExitCode::error:
        return 3;
      case ExitCode::bad_input:
        return 2;
      case ExitCode::changes_found:
        return 1;
      default:
        return 0;
    }
  };
  return rank(a) >= rank(b) ? a : b;
}

ExitCode code_of(const FileOutcome& o, const Mode& mode) {
  if (o.error) return ExitCode::error;
  if (o.bad_input) return ExitCode::bad_input;
  if (mode.check && o.summary.changed) return ExitCode::changes_found;
  return ExitCode::ok;
}

void print_notes(const FileOutcome& o) {
  for (const std::string& n : o.notes) std::cerr << n;
}

// Totals of a run, for the closing summary and the JSON "run" line.
struct Tally {
  report::RunTotals totals;
  ExitCode code = ExitCode::ok;

  void add(const FileOutcome& o, const Mode& mode) {
    if (o.error) {
      ++totals.errors;
    } else if (o.skipped) {
      ++totals.skipped;
    } else {
      totals.add(o.summary);
    }
    code = worse(code, code_of(o, mode));
  }
};

void print_summary(const report::RunTotals& t) {
  const std::size_t scanned = t.files + t.skipped + t.errors;
  std::cerr << "textmend: " << counted(scanned, "file", "files") << " scanned, " << t.changed << " changed, "
            << t.skipped << " skipped, " << counted(t.errors, "error", "errors") << "; "
            << counted(t.applied, "fix", "fixes");
  if (!t.rules.empty()) {
    std::vector<std::pair<std::string, std::size_t>> rules(t.rules.begin(), t.rules.end());
    std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::cerr << " (";
    for (std::size_t i = 0; i < rules.size(); ++i)
      std::cerr << (i ? ", " : "") << rules[i].first << " " << rules[i].second;
    std::cerr << ")";
  }
  std::cerr << "\n";
}

std::uint64_t size_of(const Input& input) {
  std::error_code ec;
  const auto n = input.path == "-" ? 0 : fs::file_size(input.path, ec);
  return ec ? 0 : n;
}

// Files repaired on `jobs` threads, each outcome (and the text it sends to
// stdout) handed to done() in input order, so output is the same for any -j.
template <typename Done>
void repair_files(const std::vector<Input>& files, const Engine& engine, const Mode& mode, unsigned jobs, Done done) {
  struct Result {
    FileOutcome outcome;
    std::string text;
  };
  std::size_t next = 0;
  typename OrderedWork<std::size_t, Result>::Steps steps;
  steps.read = [&](std::size_t& i) {
    i = next;
    return next++ < files.size();
  };
  steps.work = [&](std::size_t& i) {
    Result r;
    const Emit emit = [&r](std::string_view s) { r.text.append(s); };
    r.outcome = repair_input(files[i], engine, mode, emit, FileJobOptions{1, nullptr, {}});
    return r;
  };
  steps.deliver = [&](Result& r) { done(r.outcome, r.text); };
  OrderedWork<std::size_t, Result>(jobs, 4 * std::size_t{std::max(1u, jobs)}, std::move(steps)).run();
}

void check_inputs(const Inputs& inputs, const Mode& mode) {
  const bool has_stdin =
      std::any_of(inputs.files.begin(), inputs.files.end(), [](const Input& i) { return i.path == "-"; });
  if (has_stdin && (mode.in_place || mode.out_dir || mode.interactive))
    throw Error("", "-i, -o and --interactive need file names, not stdin (see textmend --help)");
}

}  // namespace

ExitCode run_inputs(const std::vector<std::string>& args, const Engine& engine, const Mode& mode) {
  const Inputs inputs = collect_inputs(args, mode.walk);
  check_inputs(inputs, mode);
  const bool any_tree = std::any_of(inputs.files.begin(), inputs.files.end(), [](const Input& i) { return i.walked; });
  const bool batch = inputs.files.size() > 1 || any_tree || !inputs.problems.empty();
  Tally tally;
  for (const InputProblem& p : inputs.problems) {
    std::cerr << "textmend: " << p.path << ": " << p.reason << "\n";
    ++tally.totals.errors;
    tally.code = worse(tally.code, ExitCode::error);
  }
  Output out(STDOUT_FILENO, "stdout");
  const Emit emit = [&out](std::string_view s) {
    if (s.empty()) return;
    out.write(s);
    out.paragraph_done();
  };
  std::uint64_t total_bytes = 0;
  for (const Input& i : inputs.files) total_bytes += size_of(i);
  Progress progress(std::cerr, inputs.files.size(), total_bytes, batch && mode.progress && !mode.quiet);

  if (mode.interactive) {
    // One file at a time, in order: the answers come from stdin.
    InteractiveReview review(std::cin, std::cerr, mode.color);
    for (const Input& input : inputs.files) {
      const Reviewer reviewer = review.for_file(input.path);
      const FileOutcome o = repair_input(input, engine, mode, emit, FileJobOptions{1, &reviewer, {}});
      print_notes(o);
      tally.add(o, mode);
    }
  } else if (!batch && inputs.files.size() == 1) {
    // One input: stream it, with the threads on its paragraphs.
    const Emit flush = [&out](std::string_view) { out.flush(); };
    const FileOutcome o =
        repair_input(inputs.files[0], engine, mode, emit, FileJobOptions{mode.run.jobs, nullptr, flush});
    print_notes(o);
    tally.add(o, mode);
  } else {
    repair_files(inputs.files, engine, mode, mode.run.jobs, [&](const FileOutcome& o, const std::string& text) {
      emit(text);
      progress.file_done(o.summary.bytes);
      if (!o.notes.empty()) {
        progress.finish();
        print_notes(o);
      }
      tally.add(o, mode);
    });
  }
  progress.finish();
  if (mode.report == Report::json) report::JsonReport(emit).run(tally.totals);
  out.flush();
  // A summary for batches that walk trees, write files or report; plain
  // "textmend a b > out" stays as quiet as cat.
  const bool summary = batch && !mode.quiet && (any_tree || mode.report != Report::text || !inputs.problems.empty());
  if (summary) print_summary(tally.totals);
  return tally.code;
}

std::string counted(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace textmend::cli
