#include "text/protect.hpp"

#include <algorithm>
#include <cstring>

namespace textmend {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

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

void find_urls_and_mail(std::string_view text, std::vector<Span>& out) {
  for (std::size_t p = text.find("://"); p != std::string_view::npos; p = text.find("://", p + 3)) {
    std::size_t b = p;
    while (b > 0 && is_alnum(text[b - 1])) --b;
    if (b < p) add_run(text, b, run_end(text, p), out);
  }
  for (std::size_t p = text.find("www."); p != std::string_view::npos; p = text.find("www.", p + 4))
    if (p == 0 || is_space(text[p - 1]) || text[p - 1] == '(') add_run(text, p, run_end(text, p), out);
  for (std::size_t p = text.find('@'); p != std::string_view::npos; p = text.find('@', p + 1)) {
    const std::size_t b = run_begin(text, p);
    const std::size_t e = run_end(text, p);
    // name@host.tld, or an @mention at a word start.
    const bool mail = b < p && text.substr(p, e - p).find('.') != std::string_view::npos;
    const bool mention = b == p && p + 1 < text.size() && is_alnum(text[p + 1]);
    if (mail || mention) add_run(text, b, e, out);
  }
}

void find_paths_and_tags(std::string_view text, std::vector<Span>& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && !is_space(text[i - 1]) && text[i - 1] != '(') continue;
    const std::string_view rest = text.substr(i);
    const bool unix_path = rest.size() > 2 && rest[0] == '/' && is_alnum(rest[1]) &&
                           rest.substr(1, run_end(text, i) - i - 1).find('/') != std::string_view::npos;
    const bool relative = rest.starts_with("./") || rest.starts_with("../") || rest.starts_with("~/");
    const bool windows = rest.size() > 3 && is_alnum(rest[0]) && rest[1] == ':' && rest[2] == '\\';
    const bool tag = rest.size() > 1 && rest[0] == '#' && is_alnum(rest[1]);
    if (unix_path || relative || windows || tag) add_run(text, i, run_end(text, i), out);
  }
}

// "index.html", "example.com", "Node.js": a word with inner dots whose last
// part is lower case. "end.Next" (a missing space) is left to the rules.
void find_dotted_names(std::string_view text, const Tokens& tokens, std::vector<Span>& out) {
  for (const Token& t : tokens) {
    if (t.type != TokenType::word && t.type != TokenType::number) continue;
    const std::string_view w = text.substr(t.begin, t.size());
    const std::size_t dot = w.rfind('.');
    if (dot == std::string_view::npos || dot + 1 >= w.size()) continue;
    if (std::all_of(w.begin() + static_cast<std::ptrdiff_t>(dot) + 1, w.end(), is_lower) && w.size() - dot - 1 <= 6)
      out.push_back(Span{t.begin, t.end});
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

bool is_fence_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  return line.substr(i).starts_with("```") || line.substr(i).starts_with("~~~");
}

// Walks lines; calls on_code(begin, end) for each line inside or on a fence.
template <typename OnCode>
void walk_fences(std::string_view text, ProtectState& state, OnCode on_code) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    end = end == std::string_view::npos ? text.size() : end + 1;
    const bool fence = is_fence_line(text.substr(begin, end - begin));
    if (fence || state.in_fence) on_code(begin, end);
    if (fence) state.in_fence = !state.in_fence;
    begin = end;
  }
}

}  // namespace

void advance_fence_state(std::string_view text, ProtectState& state) {
  walk_fences(text, state, [](std::size_t, std::size_t) {});
}

void find_protected(std::string_view text, const Tokens& tokens, ProtectState& state, std::vector<Span>& out) {
  walk_fences(text, state, [&](std::size_t b, std::size_t e) { out.push_back(Span{b, e}); });
  find_urls_and_mail(text, out);
  find_paths_and_tags(text, out);
  find_dotted_names(text, tokens, out);
  find_backticks(text, out);
}

}  // namespace textmend
