#include "pipeline/run.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/error.hpp"
#include "text/doc_stats.hpp"

namespace textmend {
namespace {

constexpr std::size_t kPrescanChunk = 1 << 20;
constexpr off_t kPrescanLimit = off_t{64} << 20;  // a sample this large tells the style

bool is_regular_file(int fd) {
  struct stat st {};
  return ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

// Surveys a regular file from its current offset without moving it.
DocStats prescan(int fd, const std::string& name) {
  DocStats stats;
  const off_t start = ::lseek(fd, 0, SEEK_CUR);
  if (start < 0) return stats;
  std::string chunk(kPrescanChunk, '\0');
  for (off_t pos = start; pos - start < kPrescanLimit;) {
    const ssize_t n = ::pread(fd, chunk.data(), chunk.size(), pos);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(name, std::strerror(errno));
    if (n == 0) break;
    stats += survey(std::string_view(chunk.data(), static_cast<std::size_t>(n)));
    pos += n;
  }
  return stats;
}

UnitResult pass_through(const Unit& unit) {
  UnitResult r;
  r.original = unit.text;
  r.output = unit.text;
  r.offset = unit.offset;
  r.line = unit.line;
  r.binary = true;
  return r;
}

}  // namespace

void FileSummary::add(const UnitResult& r) {
  bytes += r.original.size();
  for (const Decision& d : r.decisions) {
    if (d.applied()) {
      ++applied;
      ++applied_by_rule[std::string(d.finding.rule_id)];
    } else {
      ++reported;
    }
  }
  if (r.invalid_sequences > 0 && invalid_sequences == 0) first_invalid = r.first_invalid;
  invalid_sequences += r.invalid_sequences;
  changed = changed || r.changed();
}

FileSummary run_stream(int fd, const std::string& name, const Engine& engine, Sink& sink, const RunOptions& options) {
  FileSummary summary;
  summary.name = name;
  const bool prescanned = options.prescan && is_regular_file(fd);
  DocStats stats = prescanned ? prescan(fd, name) : DocStats{};
  ParagraphReader reader(fd, name, options.reader, [&sink] { sink.before_wait(); });
  ProtectState fences;
  Unit unit;
  sink.begin_file(name);
  while (reader.next(unit)) {
    if (!summary.binary) {
      if (const std::size_t nul = unit.text.find('\0'); nul != std::string::npos) {
        summary.binary = true;
        summary.first_nul = unit.offset + nul;
      }
    }
    if (summary.binary) {
      // Not text: everything from here on passes through untouched.
      const UnitResult r = pass_through(unit);
      summary.bytes += r.original.size();
      sink.unit(r);
      continue;
    }
    if (!prescanned) stats += survey(unit.text);
    const UnitResult r = engine.process(unit, stats, fences);
    summary.add(r);
    sink.unit(r);
  }
  sink.end_file(summary);
  return summary;
}

}  // namespace textmend
