#include "pipeline/run.hpp"

#include "text/doc_stats.hpp"

namespace textmend {
namespace {

constexpr std::size_t kPrescanChunk = 1 << 20;
constexpr std::size_t kPrescanLimit = std::size_t{64} << 20;  // a sample this large tells the style

// Surveys the input ahead of the real pass, without consuming it.
DocStats prescan(ByteSource& source) {
  DocStats stats;
  std::string chunk(kPrescanChunk, '\0');
  for (std::size_t pos = 0; pos < kPrescanLimit;) {
    const std::size_t n = source.peek_at(pos, chunk.data(), chunk.size());
    if (n == 0) break;
    stats += survey(std::string_view(chunk.data(), n));
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

FileSummary run_stream(ByteSource& source, const std::string& name, const Engine& engine, Sink& sink,
                       const RunOptions& options) {
  FileSummary summary;
  summary.name = name;
  const bool prescanned = options.prescan && source.can_peek();
  DocStats stats = prescanned ? prescan(source) : DocStats{};
  ParagraphReader reader(source, options.reader, [&sink] { sink.before_wait(); });
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

namespace textmend {
namespace {

class StringSink final : public Sink {
 public:
  void unit(const UnitResult& result) override { out += result.output; }
  std::string out;
};

}  // namespace

std::string repair_text(std::string_view text, const Engine& engine, const RunOptions& options) {
  StringSource source(text);
  StringSink sink;
  run_stream(source, "-", engine, sink, options);
  return std::move(sink.out);
}

}  // namespace textmend
