// Google Benchmark suite for the hot parts of textmend, on the benchmark
// input (bench/make_input.py) or, failing that, the project's own samples.
// Throughputs are bytes of input per second.
//
//   build/bench/textmend_micro [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "core/resolver.hpp"
#include "lexicon/lexicon.hpp"
#include "pipeline/engine.hpp"
#include "pipeline/reader.hpp"
#include "pipeline/run.hpp"
#include "rules/registry.hpp"
#include "spelling/candidates.hpp"
#include "spelling/speller.hpp"
#include "text/doc_stats.hpp"
#include "text/document.hpp"
#include "text/document_words.hpp"
#include "text/tokenizer.hpp"

namespace {

using namespace textmend;

const std::filesystem::path kSource = TEXTMEND_SOURCE_DIR;

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// About 4 MB of prose: the start of the clean or damaged benchmark input
// when it has been made, else the samples and clean-prose text repeated.
const std::string& corpus(bool damaged) {
  static std::string texts[2];
  std::string& text = texts[damaged];
  if (!text.empty()) return text;
  const auto made = kSource / "bench" / "data" / (damaged ? "input-damaged-200.txt" : "input-clean-200.txt");
  std::ifstream in(made, std::ios::binary);
  if (in) {
    text.resize(4'000'000);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (text.empty()) {
    const std::string seed =
        read_all(kSource / "tests" / "data" / "clean-prose.txt") + read_all(kSource / "samples" / "news-article.txt");
    while (text.size() < 4'000'000) text += seed + "\n\n";
  }
  return text;
}

std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  StringSource source(text);
  ParagraphReader reader(source, ReaderOptions{});
  Unit u;
  while (reader.next(u)) out.push_back(u.text);
  return out;
}

const Lexicon& lexicon() {
  static const Lexicon lex(find_dictionary("en_US", kSource / "dictionaries"));
  return lex;
}

const spelling::LanguageModel& model() {
  static const auto m = spelling::LanguageModel::load(kSource / "dictionaries");
  return *m;
}

const spelling::Speller& speller() {
  static const spelling::Speller s(lexicon(), model(), find_dictionary("en_GB", kSource / "dictionaries"));
  return s;
}

void set_bytes(benchmark::State& state, std::size_t bytes) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes));
}

void BM_Read(benchmark::State& state) {
  const std::string& text = corpus(false);
  for (auto _ : state) benchmark::DoNotOptimize(paragraphs(text).size());
  set_bytes(state, text.size());
}
BENCHMARK(BM_Read)->Unit(benchmark::kMillisecond);

// The reader on the same prose with no blank lines (one paragraph a line),
// where it cuts units at lines that end sentences.
void BM_ReadLines(benchmark::State& state) {
  std::string text = corpus(false);
  for (std::size_t at = text.find("\n\n"); at != std::string::npos; at = text.find("\n\n", at)) text.erase(at, 1);
  for (auto _ : state) benchmark::DoNotOptimize(paragraphs(text).size());
  set_bytes(state, text.size());
}
BENCHMARK(BM_ReadLines)->Unit(benchmark::kMillisecond);

void BM_Survey(benchmark::State& state) {
  const std::string& text = corpus(false);
  for (auto _ : state) benchmark::DoNotOptimize(survey(text).sentence_upper);
  set_bytes(state, text.size());
}
BENCHMARK(BM_Survey)->Unit(benchmark::kMillisecond);

void BM_DocumentWords(benchmark::State& state) {
  const std::string& text = corpus(false);
  for (auto _ : state) {
    DocumentWords words;
    words.add(text, 0);
    benchmark::DoNotOptimize(words.recurring("the", 0));
  }
  set_bytes(state, text.size());
}
BENCHMARK(BM_DocumentWords)->Unit(benchmark::kMillisecond);

// Tokenizes each paragraph, as many times as the benchmark asks.
void tokenize_each(benchmark::State& state, const std::vector<std::string>& paras) {
  std::size_t bytes = 0;
  for (const auto& p : paras) bytes += p.size();
  Tokens tokens;
  for (auto _ : state)
    for (const auto& p : paras) {
      tokens.clear();
      tokenize(p, tokens);
      benchmark::DoNotOptimize(tokens.data());
    }
  set_bytes(state, bytes);
}

void BM_Tokenize(benchmark::State& state) { tokenize_each(state, paragraphs(corpus(false))); }
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

// Tokenizing with characters of other scripts and symbols (a Greek word
// and an arrow in every other paragraph), which the fast path classes by
// ICU's property tables instead of sending the paragraph to ICU.
void BM_TokenizeOtherScripts(benchmark::State& state) {
  auto paras = paragraphs(corpus(false));
  for (std::size_t i = 0; i < paras.size(); i += 2)
    paras[i].insert(0, "\xCE\xB1\xCE\xBB\xCF\x86\xCE\xB1 \xE2\x86\x92 ");
  tokenize_each(state, paras);
}
BENCHMARK(BM_TokenizeOtherScripts)->Unit(benchmark::kMillisecond);

void BM_Document(benchmark::State& state) {
  const auto paras = paragraphs(corpus(false));
  std::size_t bytes = 0;
  for (const auto& p : paras) bytes += p.size();
  const DocStats stats;
  const Settings settings;
  const Context context{DocKnowledge{&stats, nullptr, 0}, &lexicon(), &speller(), &settings};
  for (auto _ : state)
    for (const auto& p : paras) {
      ProtectState fences;
      const Document doc(p, context, fences);
      benchmark::DoNotOptimize(doc.size());
    }
  set_bytes(state, bytes);
}
BENCHMARK(BM_Document)->Unit(benchmark::kMillisecond);

// One rule family (or every rule with "all") on each paragraph, clean or damaged.
void BM_Rules(benchmark::State& state, const std::string& only, bool damaged) {
  const auto paras = paragraphs(corpus(damaged));
  std::size_t bytes = 0;
  for (const auto& p : paras) bytes += p.size();
  RuleList rules = only == "all"    ? select_rules({}, {})
                   : only == "none" ? select_rules({}, {"all"})
                                    : select_rules({only}, {"all"});
  const Engine engine(std::move(rules), &lexicon(), &speller(), EngineOptions{});
  const DocStats stats = survey(corpus(damaged));
  for (auto _ : state)
    for (const auto& p : paras) {
      Unit u;
      u.text = p;
      ProtectState fences;
      benchmark::DoNotOptimize(engine.process(u, DocKnowledge{&stats, nullptr, 0}, fences).output().size());
    }
  set_bytes(state, bytes);
}
BENCHMARK_CAPTURE(BM_Rules, none_clean, std::string("none"), false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Rules, all_clean, std::string("all"), false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Rules, all_damaged, std::string("all"), true)->Unit(benchmark::kMillisecond);

// Every rule alone, on clean and on damaged prose (registered in main,
// from the registry, so a new rule is measured without touching this file).
void register_each_rule() {
  for (const auto& rule : all_rules())
    for (const bool damaged : {false, true}) {
      const std::string id(rule->id());
      benchmark::RegisterBenchmark(("BM_Rule/" + id + (damaged ? "/damaged" : "/clean")).c_str(),
                                   [id, damaged](benchmark::State& s) { BM_Rules(s, id, damaged); })
          ->Unit(benchmark::kMillisecond);
    }
}

void BM_Resolve(benchmark::State& state) {
  std::vector<Finding> base;
  for (std::size_t i = 0; i < 64; ++i) {
    Finding f;
    f.rule_id = i % 2 ? "a" : "b";
    f.span = Span{i * 7, i * 7 + 5};
    f.candidates = {Candidate{"x", 0.5 + static_cast<double>(i % 5) / 10}};
    base.push_back(f);
  }
  for (auto _ : state) benchmark::DoNotOptimize(resolve(base, {}, ResolverOptions{}).size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 64);
}
BENCHMARK(BM_Resolve);

void BM_SpellKnown(benchmark::State& state) {
  const std::vector<std::string> words = {"the", "government", "Receive", "Blinken", "committee", "of", "running"};
  for (auto _ : state)
    for (const auto& w : words) benchmark::DoNotOptimize(speller().known(w));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * words.size()));
}
BENCHMARK(BM_SpellKnown);

// The per-thread suggestion cache: the same typos again, as in a document
// that repeats its mistakes (the first round fills the cache).
void BM_SuggestCached(benchmark::State& state) {
  const std::vector<std::string> typos = {"recieve", "goverment", "definately", "meachanism", "somthign", "teh"};
  for (const auto& t : typos) benchmark::DoNotOptimize(speller().suggest(t).suggestions.size());
  for (auto _ : state)
    for (const auto& t : typos) benchmark::DoNotOptimize(speller().suggest(t).suggestions.size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * typos.size()));
}
BENCHMARK(BM_SuggestCached);

void BM_Candidates(benchmark::State& state) {
  const spelling::CandidateIndex& index = []() -> const spelling::CandidateIndex& {
    static const spelling::CandidateIndex i(model());
    return i;
  }();
  const std::vector<std::string> typos = {"recieve", "goverment", "definately", "meachanism", "somthign", "teh"};
  for (auto _ : state)
    for (const auto& t : typos) benchmark::DoNotOptimize(index.near(t).size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * typos.size()));
}
BENCHMARK(BM_Candidates)->Unit(benchmark::kMicrosecond);

void BM_CandidateIndexBuild(benchmark::State& state) {
  for (auto _ : state) {
    const spelling::CandidateIndex index(model());
    benchmark::DoNotOptimize(&index);
  }
}
BENCHMARK(BM_CandidateIndexBuild)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  register_each_rule();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
