#include "pipeline/run.hpp"

#include <algorithm>
#include <future>
#include <memory>

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

// Surveys the input ahead of the real pass, without consuming it: its
// style, and which words it repeats. `jobs` chunks are analysed at a time,
// one per thread (this is serial time before any output), and merged in
// input order, so the result is the same for any number of threads.
DocStats prescan(ByteSource& source, DocumentWords& words, unsigned jobs) {
  DocStats stats;
  std::vector<PrescanChunk> chunks(std::max(1u, jobs));
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

// Room for the document's distinct words: a file's size bounds them (at
// most one in eight bytes even in a short text where every word is new;
// the table fills to 70%); a stream of unknown length gets the most.
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

class Preparer {
 public:
  Preparer(ByteSource& source, const RunOptions& options, std::function<void()> before_wait)
      : reader_(source, options.reader, std::move(before_wait)) {
    prescanned_ = options.prescan && source.can_peek();
    words_ = std::make_shared<DocumentWords>(word_table_size(source));
    stats_ = std::make_shared<const DocStats>(prescanned_ ? prescan(source, *words_, options.jobs) : DocStats{});
  }

  bool next(Prepared& p) {
    if (!reader_.next(p.unit)) return false;
    if (!binary_) {
      if (const std::size_t nul = p.unit.text.find('\0'); nul != std::string::npos) {
        binary_ = true;
        first_nul_ = p.unit.offset + nul;
      }
    }
    p.binary = binary_;
    if (!binary_ && !prescanned_) {
      auto grown = std::make_shared<DocStats>(*stats_);
      *grown += survey(p.unit.text);
      stats_ = std::move(grown);
      words_->add(p.unit.text, next_index_);
    }
    p.index = next_index_++;
    p.stats = stats_;
    p.words = words_;
    p.fences = fences_;
    advance_fence_state(p.unit.text, fences_);
    return true;
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
};

UnitResult repair(const Engine& engine, const Prepared& p, const Reviewer* review = nullptr) {
  if (p.binary) {
    UnitResult r;
    r.original = p.unit.text;
    r.output = p.unit.text;
    r.offset = p.unit.offset;
    r.line = p.unit.line;
    r.binary = true;
    return r;
  }
  ProtectState fences = p.fences;
  return engine.process(p.unit, DocKnowledge{p.stats.get(), p.words.get(), p.index}, fences,
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

// The parallel run: this thread reads and prepares batches of units,
// workers repair them, and results reach the sink in input order through
// an OrderedPipeline, which flushes the sink whenever the next batch is not
// ready (so a slow producer's paragraphs still appear as they come).
FileSummary run_parallel(ByteSource& source, const std::string& name, const Engine& engine, Sink& sink,
                         const RunOptions& options) {
  using Batch = std::vector<Prepared>;
  FileSummary summary;  // added to by the delivering thread only
  summary.name = name;
  OrderedPipeline<Batch, std::vector<UnitResult>> pipeline(
      options.jobs, 3 * std::size_t{options.jobs},
      [&engine](Batch& batch) {
        std::vector<UnitResult> results;
        results.reserve(batch.size());
        for (const Prepared& p : batch) results.push_back(repair(engine, p));
        return results;
      },
      [&](std::vector<UnitResult>& results) {
        for (const UnitResult& r : results) {
          summary.add(r);
          sink.unit(r);
        }
      },
      [&sink] { sink.before_wait(); });
  Batch batch;
  std::size_t batch_bytes = 0;
  auto submit = [&] {
    if (batch.empty()) return;
    pipeline.submit(std::move(batch));
    batch = {};
    batch_bytes = 0;
  };
  Preparer preparer(source, options, submit);
  Prepared p;
  while (!pipeline.failed() && preparer.next(p)) {
    batch_bytes += p.unit.text.size();
    batch.push_back(std::move(p));
    if (batch_bytes >= kBatchBytes) submit();
  }
  submit();
  pipeline.finish();
  summary.binary = preparer.binary();
  summary.first_nul = preparer.first_nul();
  return summary;
}

class StringSink final : public Sink {
 public:
  void unit(const UnitResult& result) override { out += result.output; }
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
  StringSource source(text);
  StringSink sink;
  run_stream(source, "-", engine, sink, options);
  return std::move(sink.out);
}

}  // namespace textmend
