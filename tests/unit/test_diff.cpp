#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "output/diff.hpp"

using namespace textmend;
using diff::OpKind;

namespace {

// prefix + number + suffix, spelled out: g++ 12 warns falsely (-Wrestrict)
// on "literal" + std::to_string(...).
std::string with_number(std::string_view prefix, long n, std::string_view suffix = "") {
  std::string s(prefix);
  s += std::to_string(n);
  s += suffix;
  return s;
}

using Chunks = std::vector<std::pair<std::string, std::string>>;

std::string unified(const Chunks& chunks, int context = 3) {
  std::string out;
  diff::UnifiedDiff d("a/f.txt", "b/f.txt", {context}, [&out](std::string_view s) { out += s; });
  for (const auto& [before, after] : chunks) d.add(before, after);
  d.finish();
  return out;
}

// "l1\n" .. "lN\n", lines first..last.
std::string numbered(int first, int last) {
  std::string s;
  for (int i = first; i <= last; ++i) s += with_number("l", i, "\n");
  return s;
}

std::string twenty_lines() {
  std::string s;
  for (int i = 1; i <= 20; ++i) s += with_number("Line ", i, " says hello.\n");
  return s;
}

std::string replace_once(std::string s, std::string_view from, std::string_view to) {
  const auto pos = s.find(from);
  REQUIRE(pos != std::string::npos);
  return s.replace(pos, from.size(), to);
}

// The offset just past `lines` more lines of text from pos.
std::size_t skip_lines(const std::string& text, std::size_t pos, int lines) {
  for (int i = 0; i < lines && pos < text.size(); ++i) {
    const auto nl = text.find('\n', pos);
    pos = nl == std::string::npos ? text.size() : nl + 1;
  }
  return pos;
}

// Cuts before and after into pairs of `lines` lines each, as the pipeline
// hands paragraphs over (the texts here have as many lines on each side).
Chunks by_lines(const std::string& before, const std::string& after, int lines) {
  Chunks chunks;
  std::size_t a = 0, b = 0;
  while (a < before.size() || b < after.size()) {
    const std::size_t a_end = skip_lines(before, a, lines), b_end = skip_lines(after, b, lines);
    chunks.emplace_back(before.substr(a, a_end - a), after.substr(b, b_end - b));
    a = a_end;
    b = b_end;
  }
  return chunks;
}

// Applies a unified diff strictly: every hunk must match at the line its
// header names, with no offset or fuzz, and hold the counts it announces.
struct HunkLine {
  char kind;
  std::string text;  // with its "\n" unless a "\ No newline" line follows
};

std::vector<std::string> split_keep_ends(const std::string& text) {
  std::vector<std::string> lines;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto nl = text.find('\n', pos);
    const auto end = nl == std::string::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return lines;
}

bool apply_strict(const std::string& old_text, const std::string& patch, std::string& result) {
  result.clear();
  if (patch.empty()) {
    result = old_text;
    return true;
  }
  const auto patch_lines = split_keep_ends(patch);
  if (patch_lines.size() < 2 || patch_lines[0] != "--- a/f.txt\n" || patch_lines[1] != "+++ b/f.txt\n") return false;
  std::vector<std::pair<std::string, std::vector<HunkLine>>> hunks;
  for (std::size_t i = 2; i < patch_lines.size(); ++i) {
    const std::string& l = patch_lines[i];
    if (l.rfind("@@ ", 0) == 0) {
      hunks.push_back({l, {}});
    } else if (hunks.empty() || l.back() != '\n') {
      return false;
    } else if (l[0] == '\\') {
      if (hunks.back().second.empty()) return false;
      hunks.back().second.back().text.pop_back();
    } else {
      hunks.back().second.push_back({l[0], l.substr(1)});
    }
  }
  const auto old_lines = split_keep_ends(old_text);
  std::size_t next_old = 0;
  for (const auto& [header, body] : hunks) {
    long old_start = 0, old_count = 1, new_start = 0, new_count = 1;
    const auto plus = header.find(" +");
    std::sscanf(header.c_str(), "@@ -%ld", &old_start);
    if (auto c = header.find(','); c < plus) std::sscanf(header.c_str() + c, ",%ld", &old_count);
    std::sscanf(header.c_str() + plus, " +%ld", &new_start);
    if (auto c = header.find(',', plus); c != std::string::npos) std::sscanf(header.c_str() + c, ",%ld", &new_count);
    const auto first = static_cast<std::size_t>(old_count == 0 ? old_start : old_start - 1);
    if (first < next_old || first > old_lines.size()) return false;
    for (; next_old < first; ++next_old) result += old_lines[next_old];
    long seen_old = 0, seen_new = 0;
    for (const auto& line : body) {
      if (line.kind == ' ' || line.kind == '-') {
        if (next_old >= old_lines.size() || old_lines[next_old] != line.text) return false;
        ++next_old;
        ++seen_old;
      }
      if (line.kind == ' ' || line.kind == '+') {
        result += line.text;
        ++seen_new;
      }
      if (line.kind != ' ' && line.kind != '-' && line.kind != '+') return false;
    }
    if (seen_old != old_count || seen_new != new_count) return false;
  }
  for (; next_old < old_lines.size(); ++next_old) result += old_lines[next_old];
  return true;
}

bool have_program(const char* name) {
  return std::system((std::string("command -v ") + name + " >/dev/null 2>&1").c_str()) == 0;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

// Random text as units (paragraph-like chunks, some cut mid-line) and an
// edited copy of each unit, the way the pipeline produces them.
struct RandomCase {
  Chunks chunks;
  std::string before;
  std::string after;
};

std::string random_line(std::mt19937& rng) {
  static const std::vector<std::string> words = {"alpha", "beta", "gamma", "delta",
                                                 "the",   "a",    "cat",   "\xC3\xA9t\xC3\xA9"};
  std::string line;
  const int n = static_cast<int>(rng() % 4);
  for (int i = 0; i < n; ++i) line += (i ? " " : "") + words[rng() % words.size()];
  if (rng() % 10 == 0) line += '\r';  // some CRLF lines
  return line + "\n";
}

std::string edit_unit(std::string unit, std::mt19937& rng) {
  const int edits = 1 + static_cast<int>(rng() % 3);
  for (int e = 0; e < edits; ++e) {
    const std::size_t pos = unit.empty() ? 0 : rng() % (unit.size() + 1);
    switch (rng() % 5) {
      case 0:
        unit.insert(pos, "X");
        break;
      case 1:
        if (!unit.empty()) unit.erase(std::min(pos, unit.size() - 1), 1 + rng() % 6);
        break;
      case 2:
        unit.insert(pos, random_line(rng));
        break;
      case 3:
        unit.insert(pos, "\n");
        break;
      default:
        unit.clear();
        break;
    }
  }
  return unit;
}

RandomCase random_case(std::mt19937& rng) {
  std::string text;
  const int lines = static_cast<int>(rng() % 40);
  for (int i = 0; i < lines; ++i) text += random_line(rng);
  if (!text.empty() && rng() % 4 == 0) text.pop_back();  // no final newline
  RandomCase c;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t len = 1 + rng() % 40;  // cut anywhere, often mid-line
    std::string unit = text.substr(pos, len);
    pos += unit.size();
    std::string edited = rng() % 4 == 0 ? edit_unit(unit, rng) : unit;
    c.before += unit;
    c.after += edited;
    c.chunks.emplace_back(std::move(unit), std::move(edited));
  }
  if (rng() % 8 == 0) {  // text appended at the end
    std::string tail = random_line(rng);
    if (rng() % 2) tail.pop_back();
    c.after += tail;
    c.chunks.emplace_back("", tail);
  }
  return c;
}

// Runs `command` in dir with the old text in f.txt and the diff on stdin;
// returns the file afterwards ("" when the program removed it).
std::string apply_with(const std::string& command, const std::filesystem::path& dir, const std::string& before,
                       const std::string& patch, int& status) {
  write_file(dir / "f.txt", before);
  write_file(dir / "f.diff", patch);
  const std::string cmd = "cd '" + dir.string() + "' && " + command + " < f.diff > out.log 2>&1";
  status = std::system(cmd.c_str());
  return std::filesystem::exists(dir / "f.txt") ? read_file(dir / "f.txt") : "";
}

std::filesystem::path make_temp_dir() {
  std::random_device rd;
  auto dir = std::filesystem::temp_directory_path() / with_number("textmend-diff-", rd());
  std::filesystem::create_directories(dir);
  return dir;
}

std::vector<std::string_view> views(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

std::size_t lcs_length(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<std::size_t>> t(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
    }
  }
  return t[a.size()][b.size()];
}

}  // namespace

// ---------------------------------------------------------------------------
// Myers
// ---------------------------------------------------------------------------

TEST_CASE("diff: Myers finds a shortest edit script", "[diff]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::string> a(rng() % 12), b(rng() % 12);
    const unsigned alphabet = 1 + rng() % 4;
    for (auto& s : a) s = std::string(1, static_cast<char>('a' + rng() % alphabet));
    for (auto& s : b) s = std::string(1, static_cast<char>('a' + rng() % alphabet));
    const auto av = views(a), bv = views(b);
    const auto ops = diff::diff_sequences(av, bv);
    std::vector<std::string> rebuilt;
    std::size_t common = 0, ai = 0, bi = 0;
    for (const auto& op : ops) {
      REQUIRE(op.count > 0);
      if (op.kind != OpKind::kInsert) REQUIRE(op.a_pos == ai);
      if (op.kind != OpKind::kDelete) REQUIRE(op.b_pos == bi);
      for (std::size_t k = 0; k < op.count; ++k) {
        if (op.kind == OpKind::kEqual) REQUIRE(a[op.a_pos + k] == b[op.b_pos + k]);
        if (op.kind != OpKind::kDelete) rebuilt.push_back(b[op.b_pos + k]);
      }
      if (op.kind == OpKind::kEqual) common += op.count;
      if (op.kind != OpKind::kInsert) ai += op.count;
      if (op.kind != OpKind::kDelete) bi += op.count;
    }
    REQUIRE(ai == a.size());
    REQUIRE(rebuilt == b);
    REQUIRE(common == lcs_length(a, b));  // minimal: keeps a longest common subsequence
  }
}

TEST_CASE("diff: Myers puts deletions before insertions in a change", "[diff]") {
  const std::vector<std::string> a = {"x", "old1", "old2", "y"}, b = {"x", "new1", "y"};
  const auto ops = diff::diff_sequences(views(a), views(b));
  REQUIRE(ops.size() == 4);
  CHECK(ops[0].kind == OpKind::kEqual);
  CHECK((ops[1].kind == OpKind::kDelete && ops[1].count == 2));
  CHECK((ops[2].kind == OpKind::kInsert && ops[2].count == 1));
  CHECK(ops[3].kind == OpKind::kEqual);
}

TEST_CASE("diff: Myers stays fast when nothing matches", "[diff]") {
  std::vector<std::string> a, b;
  for (int i = 0; i < 20000; ++i) a.push_back(with_number("a", i)), b.push_back(with_number("b", i));
  const auto ops = diff::diff_sequences(views(a), views(b));
  REQUIRE(ops.size() == 2);
  CHECK((ops[0].kind == OpKind::kDelete && ops[0].count == 20000));
  CHECK((ops[1].kind == OpKind::kInsert && ops[1].count == 20000));
}

// ---------------------------------------------------------------------------
// Unified diff
// ---------------------------------------------------------------------------

TEST_CASE("diff: identical input gives no output", "[diff]") {
  const std::string text = twenty_lines();
  CHECK(unified({}).empty());
  CHECK(unified({{text, text}}).empty());
  CHECK(unified({{"abc", "abc"}, {"def\nghi", "def\nghi"}}).empty());  // cut mid-line, no final newline
  CHECK(unified({{"", ""}}).empty());
}

TEST_CASE("diff: a one-word change in the middle of 20 lines", "[diff]") {
  const std::string before = twenty_lines();
  const std::string after = replace_once(before, "Line 10 says hello", "Line 10 says goodbye");
  const std::string expected =
      "--- a/f.txt\n"
      "+++ b/f.txt\n"
      "@@ -7,7 +7,7 @@\n"
      " Line 7 says hello.\n"
      " Line 8 says hello.\n"
      " Line 9 says hello.\n"
      "-Line 10 says hello.\n"
      "+Line 10 says goodbye.\n"
      " Line 11 says hello.\n"
      " Line 12 says hello.\n"
      " Line 13 says hello.\n";
  CHECK(unified({{before, after}}) == expected);
  CHECK(unified(by_lines(before, after, 1)) == expected);
  CHECK(unified(by_lines(before, after, 4)) == expected);
}

TEST_CASE("diff: changes at the first and the last line", "[diff]") {
  const std::string before = numbered(1, 20);
  const std::string after = "first\n" + numbered(2, 19) + "last\n";
  const std::string expected =
      "--- a/f.txt\n"
      "+++ b/f.txt\n"
      "@@ -1,4 +1,4 @@\n"
      "-l1\n"
      "+first\n"
      " l2\n"
      " l3\n"
      " l4\n"
      "@@ -17,4 +17,4 @@\n"
      " l17\n"
      " l18\n"
      " l19\n"
      "-l20\n"
      "+last\n";
  CHECK(unified(by_lines(before, after, 3)) == expected);
}

TEST_CASE("diff: changes 6 lines apart share a hunk, 7 apart do not", "[diff]") {
  const std::string before = numbered(1, 20);
  const std::string merged = replace_once(replace_once(before, "l5\n", "X\n"), "l12\n", "Y\n");
  CHECK(unified(by_lines(before, merged, 2)) ==
        "--- a/f.txt\n"
        "+++ b/f.txt\n"
        "@@ -2,14 +2,14 @@\n"
        " l2\n l3\n l4\n-l5\n+X\n l6\n l7\n l8\n l9\n l10\n l11\n-l12\n+Y\n l13\n l14\n l15\n");
  const std::string split = replace_once(replace_once(before, "l5\n", "X\n"), "l13\n", "Y\n");
  CHECK(unified(by_lines(before, split, 2)) ==
        "--- a/f.txt\n"
        "+++ b/f.txt\n"
        "@@ -2,7 +2,7 @@\n"
        " l2\n l3\n l4\n-l5\n+X\n l6\n l7\n l8\n"
        "@@ -10,7 +10,7 @@\n"
        " l10\n l11\n l12\n-l13\n+Y\n l14\n l15\n l16\n");
}

TEST_CASE("diff: context 0 and context 1", "[diff]") {
  const std::string before = numbered(1, 6);
  const std::string after = replace_once(replace_once(before, "l2\n", "X\n"), "l4\n", "");
  CHECK(unified({{before, after}}, 0) ==
        "--- a/f.txt\n+++ b/f.txt\n"
        "@@ -2 +2 @@\n-l2\n+X\n"
        "@@ -4 +3,0 @@\n-l4\n");
  CHECK(unified({{before, after}}, 1) ==
        "--- a/f.txt\n+++ b/f.txt\n"
        "@@ -1,5 +1,4 @@\n l1\n-l2\n+X\n l3\n-l4\n l5\n");
}

TEST_CASE("diff: insertion into and deletion of a whole file", "[diff]") {
  CHECK(unified({{"", "a\nb\n"}}) == "--- a/f.txt\n+++ b/f.txt\n@@ -0,0 +1,2 @@\n+a\n+b\n");
  CHECK(unified({{"a\n", ""}}) == "--- a/f.txt\n+++ b/f.txt\n@@ -1 +0,0 @@\n-a\n");
}

TEST_CASE("diff: CRLF lines keep their CR", "[diff]") {
  const std::string before = "one\r\ntwo\r\nthree\r\n";
  const std::string after = "one\r\n2\r\nthree\r\n";
  CHECK(unified({{before, after}}) == "--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n one\r\n-two\r\n+2\r\n three\r\n");
  // A line ending changed from CRLF to LF is a changed line.
  CHECK(unified({{"a\r\nb\n", "a\nb\n"}}) == "--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,2 @@\n-a\r\n+a\n b\n");
}

TEST_CASE("diff: a missing final newline on either side or both", "[diff]") {
  const std::string header = "--- a/f.txt\n+++ b/f.txt\n";
  const std::string marker = "\\ No newline at end of file\n";
  SECTION("before lacks it") {
    CHECK(unified({{"a\nb", "a\nb\n"}}) == header + "@@ -1,2 +1,2 @@\n a\n-b\n" + marker + "+b\n");
  }
  SECTION("after lacks it") {
    CHECK(unified({{"a\nb\n", "a\nb"}}) == header + "@@ -1,2 +1,2 @@\n a\n-b\n+b\n" + marker);
  }
  SECTION("both lack it, last line changed") {
    CHECK(unified({{"a\nb", "a\nc"}}) == header + "@@ -1,2 +1,2 @@\n a\n-b\n" + marker + "+c\n" + marker);
  }
  SECTION("both lack it, last line is context") {
    CHECK(unified({{"a\n", "x\n"}, {"b", "b"}}) == header + "@@ -1,2 +1,2 @@\n-a\n+x\n b\n" + marker);
  }
}

TEST_CASE("diff: a change inside a chunk cut mid-line", "[diff]") {
  const std::string expected =
      "--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n first\n-second part one\n+second part ONE\n third\n";
  SECTION("the changed chunk starts mid-line") {
    CHECK(unified({{"first\nsecond par", "first\nsecond par"}, {"t one\nthird\n", "t ONE\nthird\n"}}) == expected);
  }
  SECTION("the changed chunk ends mid-line") {
    CHECK(unified({{"first\nsecond part o", "first\nsecond part O"}, {"ne\nthird\n", "ne\nthird\n"}}) ==
          "--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n first\n-second part one\n+second part One\n third\n");
  }
  SECTION("an unchanged chunk without a line end between changes") {
    CHECK(unified(
              {{"first\nsecond part ", "first\nsecond part "}, {"one", "ONE"}, {"", ""}, {"\nthird\n", "\nthird\n"}}) ==
          "--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n first\n-second part one\n+second part ONE\n third\n");
  }
}

TEST_CASE("diff: 200,000 unchanged lines and two changes", "[diff]") {
  std::string out;
  std::size_t emitted_by_line_2000 = 0;  // the first hunk goes out long before the end
  diff::UnifiedDiff d("a/big.txt", "b/big.txt", {}, [&out](std::string_view s) { out += s; });
  std::string chunk;
  for (int i = 1; i <= 200000; ++i) {
    chunk += with_number("line ", i, "\n");
    if (i % 7 == 0 || i == 200000) {
      std::string edited = chunk;
      if (const auto p = edited.find("line 1000\n"); p != std::string::npos)
        edited.replace(p, 10, "line one thousand\n");
      if (const auto p = edited.find("line 150000\n"); p != std::string::npos) edited.erase(p, 12);
      d.add(chunk, edited);
      chunk.clear();
    }
    if (i == 2000) emitted_by_line_2000 = out.size();
  }
  d.finish();
  CHECK(emitted_by_line_2000 > 0);
  CHECK(out ==
        "--- a/big.txt\n+++ b/big.txt\n"
        "@@ -997,7 +997,7 @@\n line 997\n line 998\n line 999\n-line 1000\n+line one thousand\n line 1001\n"
        " line 1002\n line 1003\n"
        "@@ -149997,7 +149997,6 @@\n line 149997\n line 149998\n line 149999\n-line 150000\n line 150001\n"
        " line 150002\n line 150003\n");
}

TEST_CASE("diff: random edits round-trip through the strict applier and patch", "[diff]") {
  const bool patch_found = have_program("patch");
  const bool git_found = have_program("git");
  if (!patch_found) WARN("patch is not on PATH: checking with the built-in applier only");
  const auto dir = make_temp_dir();
  std::mt19937 rng(2024);
  for (int round = 0; round < 300; ++round) {
    const RandomCase c = random_case(rng);
    for (int context : {3, 0, 1}) {
      if (context != 3 && round % 5 != 0) continue;
      const std::string patch = unified(c.chunks, context);
      INFO("round " << round << ", context " << context << "\nbefore:\n"
                    << c.before << "\nafter:\n"
                    << c.after << "\ndiff:\n"
                    << patch);
      CHECK(patch.empty() == (c.before == c.after));
      std::string applied;
      REQUIRE(apply_strict(c.before, patch, applied));
      REQUIRE(applied == c.after);
      if (patch.empty() || context == 0) continue;  // patch needs context to place a hunk safely
      int status = 0;
      if (patch_found) {
        const std::string got =
            apply_with("patch -p1 --quiet --batch --fuzz=0 --no-backup-if-mismatch", dir, c.before, patch, status);
        INFO(read_file(dir / "out.log"));
        REQUIRE(status == 0);
        REQUIRE(got == c.after);
      }
      if (git_found && round % 3 == 0) {
        const std::string ceiling = "GIT_CEILING_DIRECTORIES='" + dir.parent_path().string() + "' ";
        const std::string got = apply_with(ceiling + "git apply --whitespace=nowarn", dir, c.before, patch, status);
        INFO(read_file(dir / "out.log"));
        REQUIRE(status == 0);
        REQUIRE(got == c.after);
      }
    }
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("diff: NUL bytes and invalid UTF-8 pass through", "[diff]") {
  using namespace std::string_literals;
  const std::string before = "a\0b\n\xFF\xFE\n"s;
  const std::string after = "a\0c\n\xFF\xFE\n"s;
  CHECK(unified({{before, after}}) == "--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,2 @@\n-a\0b\n+a\0c\n \xFF\xFE\n"s);
}

// ---------------------------------------------------------------------------
// Word diff
// ---------------------------------------------------------------------------

TEST_CASE("diff: word tokens", "[diff]") {
  using V = std::vector<std::string_view>;
  CHECK(diff::word_tokens("Hello,  world!\r\nnext") == V{"Hello", ",", "  ", "world", "!", "\r\n", "next"});
  CHECK(diff::word_tokens("caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D") ==
        V{"caf\xC3\xA9", " ", "\xE2\x80\x9C", "q", "\xE2\x80\x9D"});
  CHECK(diff::word_tokens("a\xFF"
                          "b") == V{"a", "\xFF", "b"});
  CHECK(diff::word_tokens("x\xC2\xA0y") == V{"x", "\xC2\xA0", "y"});
}

TEST_CASE("diff: word diff, plain", "[diff]") {
  const diff::WordDiffOptions plain;
  CHECK(diff::word_diff("same\n", "same\n", plain).empty());
  CHECK(diff::word_diff("one\nteh cat sat\nthree\n", "one\nthe cat sat\nthree\n", plain) == "[-teh-]{+the+} cat sat\n");
  CHECK(diff::word_diff("a cat\n", "a black cat\n", plain) == "a {+black +}cat\n");
  CHECK(diff::word_diff("a black cat\n", "a cat\n", plain) == "a [-black -]cat\n");
  CHECK(diff::word_diff("He said \"hi\".\n", "He said \xE2\x80\x9Chi\xE2\x80\x9D.\n", plain) ==
        "He said [-\"-]{+\xE2\x80\x9C+}hi[-\"-]{+\xE2\x80\x9D+}.\n");
  CHECK(diff::word_diff("caf\xC3\xA9\n", "cafe\n", plain) == "[-caf\xC3\xA9-]{+cafe+}\n");
  // CRLF line ends are not shown.
  CHECK(diff::word_diff("x\r\nteh\r\n", "x\r\nthe\r\n", plain) == "[-teh-]{+the+}\n");
}

TEST_CASE("diff: word diff of line ends and context", "[diff]") {
  const diff::WordDiffOptions plain;
  // A joined line (hyphenation repaired) and a split one.
  CHECK(diff::word_diff("an exam-\nple here\n", "an example here\n", plain) ==
        "an [-exam-\xE2\x86\xB5ple-]{+example+} here\n");
  CHECK(diff::word_diff("a b\n", "a\nb\n", plain) == "a[- -]{+\xE2\x86\xB5+}\n");
  CHECK(diff::word_diff("a\nb\n", "a\n", plain) == "[-b\xE2\x86\xB5-]\n");
  CHECK(diff::word_diff("x", "", plain) == "[-x-]\n");
  const std::string before = "l1\nl2\nl3 old\nl4\nl5\nl6\nl7\nl8 old\nl9\n";
  const std::string after = "l1\nl2\nl3 new\nl4\nl5\nl6\nl7\nl8 new\nl9\n";
  CHECK(diff::word_diff(before, after, plain) == "l3 [-old-]{+new+}\n--\nl8 [-old-]{+new+}\n");
  CHECK(diff::word_diff(before, after, {false, 1}) == "l2\nl3 [-old-]{+new+}\nl4\n--\nl7\nl8 [-old-]{+new+}\nl9\n");
  CHECK(diff::word_diff(before, after, {false, 2}) ==
        "l1\nl2\nl3 [-old-]{+new+}\nl4\nl5\nl6\nl7\nl8 [-old-]{+new+}\nl9\n");
}

TEST_CASE("diff: word diff, color", "[diff]") {
  const diff::WordDiffOptions color{true, 0};
  CHECK(diff::word_diff("teh cat\n", "the cat\n", color) == "\x1b[31mteh\x1b[m\x1b[32mthe\x1b[m cat\n");
  // Added text spanning lines is closed and reopened at the line end.
  CHECK(diff::word_diff("a\n", "a b\nc d\n", color) == "a\x1b[32m b\xE2\x86\xB5\x1b[m\n\x1b[32mc d\x1b[m\n");
}
