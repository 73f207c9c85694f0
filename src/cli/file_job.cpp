#include "cli/file_job.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "cli/input_file.hpp"
#include "output/diff.hpp"
#include "output/report.hpp"
#include "pipeline/source.hpp"
#include "unicode/unicode.hpp"

namespace textmend::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kHeadBytes = 8192;  // enough to see a byte-order mark or a NUL byte

std::string note(const std::string& path, const std::string& what) { return "textmend: " + path + ": " + what + "\n"; }

// The name shown in messages and reports, and the one diff labels carry.
std::string shown_name(const Input& input, const Mode& mode) {
  if (input.path == "-") return mode.label.value_or("-");
  return input.path;
}

std::string label_name(const Input& input, const Mode& mode) {
  if (input.path == "-") return mode.label.value_or("-");
  return input.relative.generic_string();
}

// The start of the input, read ahead without consuming it (empty for a
// pipe, which cannot be read ahead).
std::string head_of(ByteSource& source) {
  if (!source.can_peek()) return {};
  std::string head(kHeadBytes, '\0');
  head.resize(source.peek_at(0, head.data(), head.size()));
  return head;
}

// Feeds every output the mode asks for, unit by unit. For a file not in
// UTF-8 the text, diff and written file wait for the end (they must be in
// the file's own encoding); reports go out as units come.
class FileSinks final : public Sink {
 public:
  FileSinks(const Mode& mode, std::string name, const std::string& label, const Emit& out, io::AtomicFile* target,
            bool deferred, const Emit& flush)
      : mode_(mode), name_(std::move(name)), out_(out), flush_(flush), target_(target), deferred_(deferred) {
    if (mode.report == Report::diff && !deferred)
      diff_ = std::make_unique<diff::UnifiedDiff>("a/" + label, "b/" + label, diff::UnifiedOptions{mode.context}, out);
    if (mode.report == Report::json) json_ = std::make_unique<report::JsonReport>(out);
    if (mode.report == Report::explain) explain_ = std::make_unique<report::Explain>(out);
  }

  void unit(const UnitResult& r) override {
    changed_ = changed_ || r.changed();
    if (json_) json_->unit(name_, r);
    if (explain_) explain_->unit(name_, r);
    if (deferred_) {
      original_ += r.original;
      repaired_ += r.output();
      return;
    }
    switch (mode_.report) {
      case Report::text:
        out_(r.output());
        break;
      case Report::diff:
        diff_->add(r.original, r.output());
        break;
      case Report::word_diff:
        word_diff(r);
        break;
      default:
        break;
    }
    if (target_ != nullptr) target_->write(r.output());
  }

  void end_file(const FileSummary& s) override {
    if (diff_) diff_->finish();
    if (json_) json_->file(s);
  }

  void before_wait() override {
    if (flush_) flush_({});
  }

  bool changed() const { return changed_; }
  const std::string& original() const { return original_; }
  const std::string& repaired() const { return repaired_; }

 private:
  void word_diff(const UnitResult& r) {
    if (!r.changed()) return;
    const std::string where = name_ + ":" + std::to_string(r.line) + ":\n";
    out_(mode_.color ? "\x1b[1m" + where.substr(0, where.size() - 1) + "\x1b[m\n" : where);
    out_(diff::word_diff(r.original, r.output(), diff::WordDiffOptions{mode_.color, 0}));
  }

  const Mode& mode_;
  std::string name_;
  const Emit& out_;
  const Emit& flush_;
  io::AtomicFile* target_;
  bool deferred_;
  bool changed_ = false;
  std::unique_ptr<diff::UnifiedDiff> diff_;
  std::unique_ptr<report::JsonReport> json_;
  std::unique_ptr<report::Explain> explain_;
  std::string original_;  // deferred only: the whole text, UTF-8
  std::string repaired_;
};

// Where the repaired bytes go besides stdout: the file itself (-i,
// --interactive) or its copy under -o DIR.
std::unique_ptr<io::AtomicFile> open_target(const Input& input, const Mode& mode) {
  if (input.path == "-") return nullptr;
  if (mode.in_place || mode.interactive) return std::make_unique<io::AtomicFile>(input.path, mode.write);
  if (!mode.out_dir) return nullptr;
  const fs::path dest = *mode.out_dir / input.relative;
  std::error_code ec;
  fs::create_directories(dest.parent_path(), ec);
  if (ec) throw Error(dest.parent_path().string(), ec.message());
  return std::make_unique<io::AtomicFile>(dest, io::WriteOptions{});
}

class Job {
 public:
  Job(const Input& input, const Engine& engine, const Mode& mode, const Emit& out, const FileJobOptions& options)
      : input_(input), engine_(engine), mode_(mode), out_(out), options_(options), name_(shown_name(input, mode)) {}

  FileOutcome run() {
    try {
      repair();
    } catch (const Error& e) {
      outcome_.error = true;
      outcome_.notes.push_back(note(e.where().empty() ? name_ : e.where(), e.what()));
    }
    return std::move(outcome_);
  }

 private:
  void repair() {
    InputFile file(input_.path);
    FdSource source(file.fd(), name_);
    const std::string head = head_of(source);
    if (input_.walked && head.find('\0') != std::string::npos) {
      outcome_.skipped = true;
      outcome_.notes.push_back(note(name_, "binary file, skipped"));
      return;
    }
    const unicode::FileEncoding encoding = unicode::detect_encoding(head, mode_.encoding);
    if (encoding.is_utf8())
      repair_utf8(source);
    else
      repair_encoded(encoding);
  }

  RunOptions run_options() const {
    RunOptions run = mode_.run;
    run.jobs = options_.jobs;
    run.review = options_.review;
    return run;
  }

  void repair_utf8(ByteSource& source) {
    std::unique_ptr<io::AtomicFile> target = open_target(input_, mode_);
    FileSinks sinks(mode_, name_, label_name(input_, mode_), out_, target.get(), false, options_.flush);
    outcome_.summary = run_stream(source, name_, engine_, sinks, run_options());
    finish(sinks.changed(), target.get());
  }

  // Not UTF-8: decode the whole file, repair it, encode the result back.
  void repair_encoded(const unicode::FileEncoding& encoding) {
    const std::string bytes = input_.path == "-" ? read_stdin() : io::read_file(input_.path);
    std::string text;
    try {
      text = unicode::to_utf8(bytes, encoding);
    } catch (const Error& e) {
      throw Error(name_, e.what());
    }
    StringSource source(text);
    FileSinks sinks(mode_, name_, label_name(input_, mode_), out_, nullptr, true, options_.flush);
    RunOptions run = run_options();
    run.jobs = 1;
    outcome_.summary = run_stream(source, name_, engine_, sinks, run);
    std::string encoded;
    try {
      encoded = unicode::from_utf8(sinks.repaired(), encoding);
    } catch (const Error& e) {
      throw Error(name_, e.what());
    }
    emit_encoded(bytes, encoded);
    std::unique_ptr<io::AtomicFile> target = open_target(input_, mode_);
    if (target) target->write(encoded);
    finish(encoded != bytes, target.get());
  }

  void emit_encoded(const std::string& before, const std::string& after) {
    if (mode_.report == Report::text) out_(after);
    if (mode_.report == Report::diff) {
      const std::string label = label_name(input_, mode_);
      diff::UnifiedDiff d("a/" + label, "b/" + label, diff::UnifiedOptions{mode_.context}, out_);
      d.add(before, after);
      d.finish();
    }
    if (mode_.report == Report::word_diff && before != after)
      out_(name_ + ":\n" + diff::word_diff(before, after, diff::WordDiffOptions{mode_.color, 0}));
  }

  static std::string read_stdin() {
    std::string data;
    char buf[65536];
    for (;;) {
      const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw Error("-", std::strerror(errno));
      if (n == 0) return data;
      data.append(buf, static_cast<std::size_t>(n));
    }
  }

  // Writes the target (only a changed file is rewritten in place; a copy
  // under -o is always written), and notes what the input was.
  void finish(bool changed, io::AtomicFile* target) {
    const FileSummary& s = outcome_.summary;
    outcome_.summary.changed = changed;
    if (s.binary) {
      outcome_.bad_input = true;
      // A NUL the prescan saw makes the whole input pass through; one found
      // later (on a pipe, or past the prescan) comes after repaired text.
      const char* fate = target != nullptr ? "; left unchanged"
                         : changed ? "; repaired up to the paragraph holding it, passed through unchanged from there"
                                   : "; passed through unchanged";
      outcome_.notes.push_back(note(name_, "not text (NUL byte at offset " + std::to_string(s.first_nul) + ")" + fate));
      return;  // the target's temporary file goes away unwritten
    }
    if (s.invalid_sequences > 0) {
      outcome_.bad_input = true;
      outcome_.notes.push_back(note(name_, "invalid UTF-8 at byte " + std::to_string(s.first_invalid) + " (" +
                                               std::to_string(s.invalid_sequences) +
                                               " sequence(s) passed through unchanged)"));
    }
    if (mode_.check && changed) out_(name_ + "\n");
    if (target != nullptr && (changed || mode_.out_dir)) target->commit();
  }

  const Input& input_;
  const Engine& engine_;
  const Mode& mode_;
  const Emit& out_;
  const FileJobOptions& options_;
  std::string name_;
  FileOutcome outcome_;
};

}  // namespace

FileOutcome repair_input(const Input& input, const Engine& engine, const Mode& mode, const Emit& out,
                         const FileJobOptions& options) {
  return Job(input, engine, mode, out, options).run();
}

}  // namespace textmend::cli
