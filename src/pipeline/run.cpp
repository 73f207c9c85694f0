#include "pipeline/run.hpp"

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

#include "pipeline/ordered.hpp"
#include "text/doc_stats.hpp"
#include "text/document_words.hpp"

namespace textmend {
namespace {

constexpr std::size_t kPrescanChunk = 1 << 20;
constexpr std::size_t kPrescanLimit = std::size_t{64} << 20;  // a sample this large tells the style
constexpr std::size_t kBatchBytes = 64 * 1024;                // work handed to a thread at a time

// One chunk of the prescan and what it tells.
struct PrescanChunk {
  std::string text;
  std::size_t offset = 0;               // where the chunk starts in the input
  std::size_t nul = std::string::npos;  // the chunk's first NUL byte
  DocStats stats;
  std::vector<std::uint64_t> words;

  void analyze() {
    nul = text.find('\0');
    stats = survey(text);
    words.clear();
    DocumentWords::fingerprints(text, words);
  }
};

// Reads the chunk at pos without consuming it, cut after its last line end
// so that no word is cut in two; false at the end of the input.
bool peek_chunk(ByteSource& source, std::size_t pos, PrescanChunk& chunk) {
  const auto size = source.size();
  chunk.text.resize(size ? std::clamp<std::size_t>(*size - std::min(*size, pos) + 1, 1, kPrescanChunk) : kPrescanChunk);
  std::size_t n = source.peek_at(pos, chunk.text.data(), chunk.text.size());
  if (n == kPrescanChunk) {
    const std::size_t nl = std::string_view(chunk.text).rfind('\n');
    if (nl != std::string_view::npos) n = nl + 1;
  }
  chunk.text.resize(n);
  return n > 0;
}

// A chunk in memory per thread: more threads than cores would only hold
// more of the file at once. The core count is asked once: glibc reads it
// from /sys each time, and JSON Lines runs a prescan for every record.
unsigned prescan_threads(unsigned jobs) {
  if (jobs <= 1) return 1;
  static const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return std::min(jobs, cores);
}

// What the prescan tells of the input ahead of the real pass.
struct PrescanResult {
  DocStats stats;
  // The first NUL byte seen: the input is not text, and passes through
  // whole, as -i would leave it, rather than repaired up to the NUL.
  std::optional<std::size_t> first_nul;
};

// Surveys the input ahead of the real pass, without consuming it: its
// style, which words it repeats, and whether it is text at all. This is serial time before any
// output, so with several jobs it runs on as many threads (see
// pipeline/ordered.hpp): each reads the next chunk in turn (where a chunk
// ends decides where the next begins), analyses it, and merges it once
// every earlier chunk is merged, so the result is the same for any number
// of threads.
PrescanResult prescan(ByteSource& source, DocumentWords& words, unsigned jobs) {
  struct Nothing {};
  PrescanResult result;
  std::atomic<bool> binary = false;  // read on the reading thread, set on the folding one
  std::size_t pos = 0;
  OrderedWork<PrescanChunk, Nothing>::Steps steps;
  steps.read = [&](PrescanChunk& chunk) {
    if (binary || pos >= kPrescanLimit || !peek_chunk(source, pos, chunk)) return false;
    chunk.offset = pos;
    pos += chunk.text.size();
    return true;
  };
  steps.prepare = [](PrescanChunk& chunk) { chunk.analyze(); };
  steps.fold = [&](PrescanChunk& chunk) {
    if (result.first_nul) return;  // chunks read before the NUL was seen
    if (chunk.nul != std::string::npos) {
      result.first_nul = chunk.offset + chunk.nul;
      binary = true;
    }
    result.stats += chunk.stats;
    words.add(chunk.words, 0);
  };
  steps.work = [](PrescanChunk&) { return Nothing{}; };
  steps.deliver = [](Nothing&) {};
  const unsigned threads = prescan_threads(jobs);
  OrderedWork<PrescanChunk, Nothing>(threads, 2 * std::size_t{threads}, std::move(steps)).run();
  return result;
}

// Room for the document's distinct words: a file's size bounds them (prose
// rarely has a new word in every eight bytes, even a short text whose words
// are all new; past 70% full, new words go unrecorded and count as seen
// once); a stream of unknown length gets the most.
// Small files batch by the thousand and JSON Lines records are documents
// of their own, so they must not each clear a large table.
unsigned word_table_size(ByteSource& source) {
  constexpr unsigned kSmallest = 4;
  constexpr unsigned kLargest = 17;
  const auto size = source.size();
  if (!size) return kLargest;
  const std::size_t words = *size / 8 + 32;
  unsigned bits = kSmallest;
  while (bits < kLargest && (std::size_t{1} << bits) * 7 / 10 < words) ++bits;
  return bits;
}

// A unit with everything needed to repair it on any thread: the document
// knowledge as of this unit and the code-fence state before it. Computed in
// input order, so the output cannot depend on the number of threads.
struct Prepared {
  Unit unit;
  std::uint64_t index = 0;  // the unit's place in the document
  std::shared_ptr<const DocStats> stats;
  std::shared_ptr<const DocumentWords> words;
  ProtectState fences;
  bool binary = false;  // not text: passes through untouched
};

// What one unit adds to the document's knowledge: a pure function of its
// text, so any thread may work it out; folding it in must go in order.
struct UnitFacts {
  std::size_t nul = std::string::npos;  // first NUL byte: the input is binary from there
  DocStats stats;
  std::vector<std::uint64_t> words;
};

class Preparer {
 public:
  Preparer(ByteSource& source, const RunOptions& options, std::function<void()> before_wait)
      : reader_(source, options.reader, std::move(before_wait)) {
    prescanned_ = options.prescan && source.can_peek();
    words_ = std::make_shared<DocumentWords>(word_table_size(source));
    PrescanResult ahead = prescanned_ ? prescan(source, *words_, options.jobs) : PrescanResult{};
    stats_ = std::make_shared<const DocStats>(std::move(ahead.stats));
    if (ahead.first_nul) {
      binary_ = true;
      first_nul_ = *ahead.first_nul;
    }
  }

  // The whole preparation of the next unit, on this thread.
  bool next(Prepared& p) {
    Unit unit;
    if (!read(unit)) return false;
    analyze(unit, facts_);
    fold(std::move(unit), facts_, p);
    return true;
  }

  // The same in three steps, for a stream whose analysis runs on workers:
  // read (in order), analyze (any thread), fold (in order).
  bool read(Unit& unit) { return reader_.next(unit); }
  // True when read() would wait for a slow producer.
  bool would_wait() { return reader_.would_wait(); }

  // Into facts, whose room is reused: a stream analyses every unit.
  void analyze(const Unit& unit, UnitFacts& facts) const {
    facts.nul = unit.text.find('\0');
    facts.stats = DocStats{};
    facts.words.clear();
    if (!prescanned_ && facts.nul == std::string::npos) {
      facts.stats = survey(unit.text);
      DocumentWords::fingerprints(unit.text, facts.words);
    }
  }

  void fold(Unit&& unit, const UnitFacts& facts, Prepared& p) {
    if (!binary_ && facts.nul != std::string::npos) {
      binary_ = true;
      first_nul_ = unit.offset + facts.nul;
    }
    p.binary = binary_;
    if (!binary_ && !prescanned_) {
      auto grown = std::make_shared<DocStats>(*stats_);
      *grown += facts.stats;
      stats_ = std::move(grown);
      words_->add(facts.words, next_index_);
    }
    p.index = next_index_++;
    p.stats = stats_;
    p.words = words_;
    p.fences = fences_;
    advance_fence_state(unit.text, fences_);
    p.unit = std::move(unit);
  }

  bool binary() const { return binary_; }
  std::uint64_t first_nul() const { return first_nul_; }

 private:
  ParagraphReader reader_;
  bool prescanned_ = false;
  std::shared_ptr<const DocStats> stats_;
  std::shared_ptr<DocumentWords> words_;
  std::uint64_t next_index_ = 0;
  ProtectState fences_;
  bool binary_ = false;
  std::uint64_t first_nul_ = 0;
  UnitFacts facts_;  // next()'s, kept for its room
};

// Repairs a prepared unit, whose text moves into the result.
UnitResult repair(const Engine& engine, Prepared& p, const Reviewer* review = nullptr) {
  if (p.binary) {
    UnitResult r;
    r.original = std::move(p.unit.text);
    r.offset = p.unit.offset;
    r.line = p.unit.line;
    r.binary = true;
    return r;
  }
  ProtectState fences = p.fences;
  return engine.process(std::move(p.unit), DocKnowledge{p.stats.get(), p.words.get(), p.index}, fences,
                        review != nullptr ? *review : Reviewer{});
}

FileSummary run_serial(ByteSource& source, const std::string& name, const Engine& engine, Sink& sink,
                       const RunOptions& options) {
  FileSummary summary;
  summary.name = name;
  Preparer preparer(source, options, [&sink] { sink.before_wait(); });
  Prepared p;
  while (preparer.next(p)) {
    const UnitResult r = repair(engine, p, options.review);
    summary.add(r);
    sink.unit(r);
  }
  summary.binary = preparer.binary();
  summary.first_nul = preparer.first_nul();
  return summary;
}

// The parallel run (see pipeline/ordered.hpp): each thread reads a batch
// of about kBatchBytes of paragraphs (fewer when the input would make it
// wait, so a slow producer's paragraphs go through as they come), analyses
// it, folds it into the document's knowledge in input order, repairs it,
// and the results reach the sink in input order.
struct StreamBatch {
  std::vector<Unit> units;
  std::vector<UnitFacts> facts;  // kept from batch to batch on a thread for their room
  std::vector<Prepared> prepared;
};

FileSummary run_parallel(ByteSource& source, const std::string& name, const Engine& engine, Sink& sink,
                         const RunOptions& options) {
  FileSummary summary;  // added to by the delivering thread only
  summary.name = name;
  Preparer preparer(source, options, {});
  using Results = std::vector<UnitResult>;
  OrderedWork<StreamBatch, Results>::Steps steps;
  steps.read = [&](StreamBatch& batch) {
    return read_batch(
        batch.units, kBatchBytes, [&](Unit& u) { return preparer.read(u); }, [&] { return preparer.would_wait(); },
        [](const Unit& u) { return u.text.size(); });
  };
  steps.prepare = [&](StreamBatch& batch) {
    if (batch.facts.size() < batch.units.size()) batch.facts.resize(batch.units.size());
    for (std::size_t i = 0; i < batch.units.size(); ++i) preparer.analyze(batch.units[i], batch.facts[i]);
  };
  steps.fold = [&](StreamBatch& batch) {
    batch.prepared.resize(batch.units.size());
    for (std::size_t i = 0; i < batch.units.size(); ++i)
      preparer.fold(std::move(batch.units[i]), batch.facts[i], batch.prepared[i]);
  };
  steps.work = [&](StreamBatch& batch) {
    Results results;
    results.reserve(batch.prepared.size());
    for (Prepared& p : batch.prepared) results.push_back(repair(engine, p));
    batch.prepared.clear();
    return results;
  };
  steps.deliver = [&](Results& results) {
    for (const UnitResult& r : results) {
      summary.add(r);
      sink.unit(r);
    }
  };
  steps.idle = [&sink] { sink.before_wait(); };
  OrderedWork<StreamBatch, Results>(options.jobs, 3 * std::size_t{std::max(1u, options.jobs)}, std::move(steps)).run();
  summary.binary = preparer.binary();
  summary.first_nul = preparer.first_nul();
  return summary;
}

class StringSink final : public Sink {
 public:
  void unit(const UnitResult& result) override { out += result.output(); }
  std::string out;
};

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
  sink.begin_file(name);
  FileSummary summary = options.jobs > 1 && options.review == nullptr
                            ? run_parallel(source, name, engine, sink, options)
                            : run_serial(source, name, engine, sink, options);
  sink.end_file(summary);
  return summary;
}

std::string repair_text(std::string_view text, const Engine& engine, const RunOptions& options) {
  FileSummary summary;
  return repair_text(text, engine, options, summary);
}

std::string repair_text(std::string_view text, const Engine& engine, const RunOptions& options, FileSummary& summary) {
  StringSource source(text);
  StringSink sink;
  summary = run_stream(source, "-", engine, sink, options);
  return std::move(sink.out);
}

}  // namespace textmend
