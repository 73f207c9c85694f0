#include "pipeline/run.hpp"

#include <algorithm>
#include <functional>
#include <future>
#include <memory>
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
  DocStats stats;
  std::vector<std::uint64_t> words;

  void analyze() {
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

// Surveys the input ahead of the real pass, without consuming it: its
// style, and which words it repeats. `jobs` chunks are analysed at a time,
// one per thread (this is serial time before any output), and merged in
// input order, so the result is the same for any number of threads.
DocStats prescan(ByteSource& source, DocumentWords& words, unsigned jobs) {
  DocStats stats;
  std::vector<PrescanChunk> chunks(prescan_threads(jobs));
  for (std::size_t pos = 0; pos < kPrescanLimit;) {
    std::size_t ready = 0;
    while (ready < chunks.size() && pos < kPrescanLimit && peek_chunk(source, pos, chunks[ready]))
      pos += chunks[ready++].text.size();
    if (ready == 0) break;
    std::vector<std::future<void>> helpers;
    for (std::size_t k = 1; k < ready; ++k)
      helpers.push_back(std::async(std::launch::async, [&chunk = chunks[k]] { chunk.analyze(); }));
    chunks[0].analyze();
    for (auto& h : helpers) h.get();
    for (std::size_t k = 0; k < ready; ++k) {
      stats += chunks[k].stats;
      words.add(chunks[k].words, 0);
    }
  }
  return stats;
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
    stats_ = std::make_shared<const DocStats>(prescanned_ ? prescan(source, *words_, options.jobs) : DocStats{});
  }

  // The whole preparation of the next unit, on this thread.
  bool next(Prepared& p) {
    Unit unit;
    if (!read(unit)) return false;
    const UnitFacts facts = analyze(unit);
    fold(std::move(unit), facts, p);
    return true;
  }

  // The same in three steps, for a stream whose analysis runs on workers:
  // read (in order), analyze (any thread), fold (in order).
  bool read(Unit& unit) { return reader_.next(unit); }

  UnitFacts analyze(const Unit& unit) const {
    UnitFacts facts;
    facts.nul = unit.text.find('\0');
    if (!prescanned_ && facts.nul == std::string::npos) {
      facts.stats = survey(unit.text);
      DocumentWords::fingerprints(unit.text, facts.words);
    }
    return facts;
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

  // True when the knowledge came from reading ahead, so units add nothing.
  bool prescanned() const { return prescanned_; }
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

// Thrown inside the analysis stage when the repair stage has stopped.
struct RepairsStopped {};

// A stream (no prescan) learns about the document unit by unit, and that
// analysis (survey, word fingerprints) would keep this thread busy for a
// quarter of the work. So it runs on the workers too, in a first ordered
// stage; only folding each unit's facts into the document's knowledge stays
// serial, on that stage's delivering thread, which gathers the prepared
// units into `prepared`, handing on what it has whenever it has to wait.
// False once the repair stage has stopped taking work.
using PreparedBatcher = Batcher<Prepared>;

void analyse_on_workers(Preparer& preparer, unsigned jobs, std::function<void()>& on_wait, PreparedBatcher& prepared,
                        const std::function<bool()>& repairs_running) {
  struct Analysed {
    std::vector<Unit> units;
    std::vector<UnitFacts> facts;
  };
  OrderedPipeline<std::vector<Unit>, Analysed> analysis(
      jobs, 3 * std::size_t{jobs},
      [&preparer](std::vector<Unit>& units) {
        Analysed a;
        a.facts.reserve(units.size());
        for (const Unit& u : units) a.facts.push_back(preparer.analyze(u));
        a.units = std::move(units);
        return a;
      },
      [&](Analysed& a) {
        for (std::size_t i = 0; i < a.units.size(); ++i) {
          Prepared p;
          preparer.fold(std::move(a.units[i]), a.facts[i], p);
          const std::size_t bytes = p.unit.text.size();
          if (!prepared.add(std::move(p), bytes)) throw RepairsStopped{};
        }
      },
      [&] {
        if (!prepared.flush() || !repairs_running()) throw RepairsStopped{};
      });
  Batcher<Unit> units(kBatchBytes, [&](std::vector<Unit>&& batch) { return analysis.submit(std::move(batch)); });
  on_wait = [&units] { units.flush(); };
  Unit unit;
  while (!analysis.failed() && preparer.read(unit)) {
    const std::size_t bytes = unit.text.size();
    units.add(std::move(unit), bytes);
    unit = {};
  }
  units.flush();
  on_wait = [] {};  // reading is over; `units` is about to go
  try {
    analysis.finish();
  } catch (const RepairsStopped&) {
    // The repair stage's own error is what finish() on it reports.
  }
}

// The parallel run: batches of prepared units go to worker threads, and
// results reach the sink in input order through an OrderedPipeline, which
// flushes the sink whenever the next batch is not ready (so a slow
// producer's paragraphs still appear as they come). This thread reads and
// prepares; on a stream the analysis half of preparing is itself spread
// over the workers first (analyse_on_workers).
FileSummary run_parallel(ByteSource& source, const std::string& name, const Engine& engine, Sink& sink,
                         const RunOptions& options) {
  using Batch = std::vector<Prepared>;
  FileSummary summary;  // added to by the delivering thread only
  summary.name = name;
  OrderedPipeline<Batch, std::vector<UnitResult>> repairs(
      options.jobs, 3 * std::size_t{options.jobs},
      [&engine](Batch& batch) {
        std::vector<UnitResult> results;
        results.reserve(batch.size());
        for (Prepared& p : batch) results.push_back(repair(engine, p));
        return results;
      },
      [&](std::vector<UnitResult>& results) {
        for (const UnitResult& r : results) {
          summary.add(r);
          sink.unit(r);
        }
      },
      [&sink] { sink.before_wait(); });
  PreparedBatcher prepared(kBatchBytes, [&](Batch&& batch) { return repairs.submit(std::move(batch)); });
  std::function<void()> on_wait = [&prepared] { prepared.flush(); };
  Preparer preparer(source, options, [&on_wait] { on_wait(); });
  if (preparer.prescanned()) {
    Prepared p;
    while (preparer.next(p)) {
      const std::size_t bytes = p.unit.text.size();
      if (!prepared.add(std::move(p), bytes)) break;
    }
  } else {
    analyse_on_workers(preparer, options.jobs, on_wait, prepared, [&repairs] { return !repairs.failed(); });
  }
  prepared.flush();
  repairs.finish();
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
