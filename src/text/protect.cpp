#include "text/protect.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/ascii.hpp"
#include "text/doc_stats.hpp"

namespace textmend {
namespace {

using ascii::is_alnum;
using ascii::is_alpha;
using ascii::is_lower;
using ascii::is_space;

// Closing punctuation that ends a URL or path in running text rather than
// belonging to it: "see http://x.org/a." keeps its period.
std::size_t trim_trailing(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin && std::strchr(".,;:!?)]}>\"'", text[end - 1]) != nullptr) --end;
  return end;
}

std::size_t run_end(std::string_view text, std::size_t i) {
  while (i < text.size() && !is_space(text[i]) && text[i] != '<' && text[i] != '"') ++i;
  return i;
}

std::size_t run_begin(std::string_view text, std::size_t i) {
  while (i > 0 && !is_space(text[i - 1]) && text[i - 1] != '(' && text[i - 1] != '<' && text[i - 1] != '"') --i;
  return i;
}

void add_run(std::string_view text, std::size_t begin, std::size_t end, std::vector<Span>& out) {
  end = trim_trailing(text, begin, end);
  if (end > begin) out.push_back(Span{begin, end});
}

void find_urls_and_mail(std::string_view text, const ByteFacts& facts, std::vector<Span>& out) {
  for (std::size_t p = facts.scheme_mark ? text.find("://") : std::string_view::npos; p != std::string_view::npos;
       p = text.find("://", p + 3)) {
    std::size_t b = p;
    while (b > 0 && is_alnum(text[b - 1])) --b;
    if (b < p) add_run(text, b, run_end(text, p), out);
  }
  for (std::size_t p = facts.www ? text.find("www.") : std::string_view::npos; p != std::string_view::npos;
       p = text.find("www.", p + 4))
    if (p == 0 || is_space(text[p - 1]) || text[p - 1] == '(') add_run(text, p, run_end(text, p), out);
  for (std::size_t p = facts.bytes['@'] ? text.find('@') : std::string_view::npos; p != std::string_view::npos;
       p = text.find('@', p + 1)) {
    const std::size_t b = run_begin(text, p);
    const std::size_t e = run_end(text, p);
    // name@host.tld, or an @mention at a word start.
    const bool mail = b < p && text.substr(p, e - p).find('.') != std::string_view::npos;
    const bool mention = b == p && p + 1 < text.size() && is_alnum(text[p + 1]);
    if (mail || mention) add_run(text, b, e, out);
  }
}

// What starts a path or tag at a word start: "/usr/bin", "./x", "../x",
// "~/x", "C:\\x", "#tag".
bool starts_path_or_tag(std::string_view text, std::size_t i) {
  const std::string_view rest = text.substr(i, 4);
  switch (rest[0]) {
    case '/':
      return rest.size() > 2 && is_alnum(rest[1]) &&
             text.substr(i + 1, run_end(text, i) - i - 1).find('/') != std::string_view::npos;
    case '.':
      return rest.starts_with("./") || rest.starts_with("../");
    case '~':
      return rest.starts_with("~/");
    case '#':
      return rest.size() > 1 && is_alnum(rest[1]);
    default:
      return rest.size() > 3 && is_alnum(rest[0]) && rest[1] == ':' && rest[2] == '\\';
  }
}

// Paths and tags start with one of a few marks; visit each occurrence of
// those rather than every character.
void find_paths_and_tags(std::string_view text, std::vector<Span>& out) {
  static constexpr auto kMarks = [] {
    std::array<bool, 256> t{};
    for (const unsigned char c : std::string_view("/#:~.")) t[c] = true;
    return t;
  }();
  std::size_t last_end = 0;
  for (std::size_t p = 0; p < text.size(); ++p) {
    if (!kMarks[static_cast<unsigned char>(text[p])]) continue;
    // The word this mark belongs to; a Windows path starts one before ':'.
    const std::size_t word = text[p] == ':' && p > 0 ? p - 1 : p;
    if (word < last_end || (word > 0 && !is_space(text[word - 1]) && text[word - 1] != '(')) continue;
    if (!starts_path_or_tag(text, word)) continue;
    last_end = run_end(text, word);
    add_run(text, word, last_end, out);
  }
}

// "index.html", "example.com", "Node.js": a word with inner dots whose last
// part is lower case. "end.Next" (a missing space) is left to the rules.
// Visits each dot between two letters or digits, not every token.
void find_dotted_names(std::string_view text, const Tokens& tokens, std::vector<Span>& out) {
  std::size_t t = 0;
  for (std::size_t p = text.find('.'); p != std::string_view::npos; p = text.find('.', p + 1)) {
    if (p == 0 || p + 1 >= text.size() || !is_alnum(text[p - 1]) || !is_alnum(text[p + 1])) continue;
    while (t < tokens.size() && tokens[t].end <= p) ++t;
    if (t >= tokens.size()) break;
    const Token& tok = tokens[t];
    if ((tok.type != TokenType::word && tok.type != TokenType::number) || tok.begin > p) continue;
    const std::string_view w = text.substr(tok.begin, tok.size());
    const std::size_t dot = w.rfind('.');
    if (dot + 1 < w.size() && w.size() - dot - 1 <= 6 &&
        std::all_of(w.begin() + static_cast<std::ptrdiff_t>(dot) + 1, w.end(), is_lower) &&
        (out.empty() || out.back().begin != tok.begin))
      out.push_back(Span{tok.begin, tok.end});
    p = tok.end - 1;
  }
}

void find_backticks(std::string_view text, std::vector<Span>& out) {
  std::size_t open = std::string_view::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') open = std::string_view::npos;  // inline code stays on one line
    if (text[i] != '`') continue;
    if (open == std::string_view::npos) {
      open = i;
    } else {
      out.push_back(Span{open, i + 1});
      open = std::string_view::npos;
    }
  }
}

// Calls on_line(begin, end) for each line of text, its line break included.
template <typename OnLine>
void for_each_line(std::string_view text, OnLine on_line) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t nl = text.find('\n', begin);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    on_line(begin, end);
    begin = end;
  }
}

bool is_fence_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  return line.substr(i).starts_with("```") || line.substr(i).starts_with("~~~");
}

// Walks lines; calls on_code(begin, end) for each line inside or on a fence.
template <typename OnCode>
void walk_fences(std::string_view text, ProtectState& state, OnCode on_code) {
  for_each_line(text, [&](std::size_t begin, std::size_t end) {
    const bool fence = is_fence_line(text.substr(begin, end - begin));
    if (fence || state.in_fence) on_code(begin, end);
    if (fence) state.in_fence = !state.in_fence;
  });
}

void find_code_lines(std::string_view text, std::vector<Span>& out) {
  for_each_line(text, [&](std::size_t begin, std::size_t end) {
    if (looks_like_code(text.substr(begin, end - begin))) out.push_back(Span{begin, end});
  });
}

}  // namespace

// A line of code, a command or markup: it holds a mark of code
// (code_mark_at: { } ` \x a_b $name a=b <tag --long page(1)), a short
// option (-x), a pipe between words, "::" or "->", or it starts with a
// shell prompt ("$ ", "% ") or a reStructuredText directive (".. ").
bool looks_like_code(std::string_view line) {
  std::size_t start = 0;
  while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
  const std::string_view rest = line.substr(start);
  if (rest.starts_with("$ ") || rest.starts_with("% ") || rest.starts_with(".. ")) return true;
  // The bytes that can make a line code: code_mark_at's and the ones below.
  // The rest (nearly every byte of prose) are passed over by a table.
  static constexpr std::array<bool, 256> kMaybe = [] {
    std::array<bool, 256> maybe{};
    for (const char c : kCodeMarkBytes) maybe[static_cast<unsigned char>(c)] = true;
    for (const char c : std::string_view("|:>")) maybe[static_cast<unsigned char>(c)] = true;
    return maybe;
  }();
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (!kMaybe[static_cast<unsigned char>(c)]) continue;
    const char before = i > 0 ? line[i - 1] : ' ';
    const char after = i + 1 < line.size() ? line[i + 1] : ' ';
    if (code_mark_at(line, i)) return true;
    switch (c) {
      case '|':
        if (before == ' ' && after == ' ') return true;
        break;
      case ':':
        if (after == ':') return true;
        break;
      case '>':
        if (before == '-') return true;
        break;
      case '-':
        // "--long" or "-x" starting a word; not "well-known" or "-- aside".
        if (is_space(before) && (is_alpha(after) || (after == '-' && i + 2 < line.size() && is_alpha(line[i + 2]))))
          return true;
        break;
      default:
        break;
    }
  }
  return false;
}

void advance_fence_state(std::string_view text, ProtectState& state) {
  // Two memchr calls over the paragraph are cheaper than a look at each line.
  if (!state.in_fence && text.find('`') == std::string_view::npos && text.find('~') == std::string_view::npos) return;
  walk_fences(text, state, [](std::size_t, std::size_t) {});
}

void find_protected(std::string_view text, const Tokens& tokens, const ByteFacts& facts, ProtectState& state,
                    std::vector<Span>& out) {
  const ByteSet& seen = facts.bytes;
  // Most paragraphs hold none of the marks these start with.
  if (state.in_fence || seen['`'] || seen['~'])
    walk_fences(text, state, [&](std::size_t b, std::size_t e) { out.push_back(Span{b, e}); });
  if (facts.scheme_mark || facts.www || seen['@']) find_urls_and_mail(text, facts, out);
  if (seen['/'] || seen['#'] || seen[':']) find_paths_and_tags(text, out);  // each holds '/', ':' or '#'
  if (facts.dotted) find_dotted_names(text, tokens, out);
  if (seen['`']) find_backticks(text, out);
  if (facts.technical) find_code_lines(text, out);
}

}  // namespace textmend
