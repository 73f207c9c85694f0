#include "pipeline/jsonl.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <functional>

#include <nlohmann/json.hpp>

#include "core/utf8.hpp"
#include "pipeline/ordered.hpp"
#include "pipeline/run.hpp"

namespace textmend {
namespace json {
namespace {

constexpr int kMaxDepth = 512;

// The bytes a JSON string body cannot simply hold: its closing quote, the
// escape, and control characters. Everything else is skipped in a tight
// loop (record bodies are most of a corpus's bytes).
constexpr std::array<bool, 256> kStringStops = [] {
  std::array<bool, 256> stops{};
  for (int c = 0; c < 0x20; ++c) stops[static_cast<std::size_t>(c)] = true;
  stops['"'] = stops['\\'] = true;
  return stops;
}();

// A strict JSON reader (RFC 8259) over one line: it only checks structure
// and finds where the wanted member's value lies, building nothing. It is
// hand-written because keeping every other byte of the record requires the
// value's byte span, and nlohmann 3.11 (Debian 12) reports no positions.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  bool object_member(std::string_view key, std::size_t& begin, std::size_t& end) {
    skip_space();
    if (!object(0, &key, &begin, &end)) return false;
    skip_space();
    return i_ == s_.size() && found_;
  }

 private:
  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }

  bool take(char c) {
    skip_space();
    if (i_ >= s_.size() || s_[i_] != c) return false;
    ++i_;
    return true;
  }

  // An object; at the top level (key given) records where key's string value is.
  bool object(int depth, const std::string_view* key, std::size_t* begin, std::size_t* end) {
    if (!take('{')) return false;
    if (take('}')) return true;
    do {
      skip_space();
      std::size_t kb = 0;
      std::size_t ke = 0;
      if (!string(kb, ke) || !take(':')) return false;
      skip_space();
      const bool wanted = key != nullptr && !found_ && key_equals(s_.substr(kb, ke - kb), *key);
      if (wanted && i_ < s_.size() && s_[i_] == '"') {
        if (!string(*begin, *end)) return false;
        found_ = true;
      } else if (!value(depth + 1)) {
        return false;
      }
    } while (take(','));
    return take('}');
  }

  static bool key_equals(std::string_view raw, std::string_view key) {
    if (raw.find('\\') == std::string_view::npos) return raw == key;
    std::string decoded;
    return unescape(raw, decoded) && decoded == key;
  }

  bool array(int depth) {
    if (!take('[')) return false;
    if (take(']')) return true;
    do {
      if (!value(depth + 1)) return false;
    } while (take(','));
    return take(']');
  }

  bool value(int depth) {
    if (depth > kMaxDepth) return false;
    skip_space();
    if (i_ >= s_.size()) return false;
    std::size_t b = 0;
    std::size_t e = 0;
    switch (s_[i_]) {
      case '{':
        return object(depth, nullptr, nullptr, nullptr);
      case '[':
        return array(depth);
      case '"':
        return string(b, e);
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      default:
        return number();
    }
  }

  bool literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }

  bool digits() {
    const std::size_t start = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > start;
  }

  bool number() {
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') {
      ++i_;
    } else if (!digits()) {
      return false;
    }
    if (i_ < s_.size() && s_[i_] == '.' && (++i_, !digits())) return false;
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!digits()) return false;
    }
    return true;
  }

  // A string at i_: [begin, end) is its body between the quotes.
  bool string(std::size_t& begin, std::size_t& end) {
    if (i_ >= s_.size() || s_[i_] != '"') return false;
    begin = ++i_;
    while (i_ < s_.size()) {
      while (i_ < s_.size() && !kStringStops[static_cast<unsigned char>(s_[i_])]) ++i_;
      if (i_ >= s_.size()) break;
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        end = i_++;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        if (++i_ >= s_.size()) return false;
        const char e = s_[i_];
        if (e == 'u') {
          for (int k = 1; k <= 4; ++k)
            if (i_ + static_cast<std::size_t>(k) >= s_.size() ||
                !std::isxdigit(static_cast<unsigned char>(s_[i_ + static_cast<std::size_t>(k)])))
              return false;
          i_ += 4;
        } else if (std::strchr("\"\\/bfnrt", e) == nullptr) {
          return false;
        }
      }
      ++i_;
    }
    return false;
  }

  std::string_view s_;
  std::size_t i_ = 0;
  bool found_ = false;
};

}  // namespace

bool find_string_member(std::string_view text, std::string_view key, std::size_t& begin, std::size_t& end) {
  return Scanner(text).object_member(key, begin, end);
}

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Four hex digits at raw[i..i+4), or -1.
long hex4(std::string_view raw, std::size_t i) {
  if (i + 4 > raw.size()) return -1;
  long v = 0;
  for (std::size_t k = i; k < i + 4; ++k) {
    const int d = hex_digit(raw[k]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// The \uXXXX escape at raw[i] (i at the backslash), a surrogate pair taken
// whole; i moves past it. False on a lone surrogate, as RFC 8259 strings
// must decode to Unicode text.
bool unicode_escape(std::string_view raw, std::size_t& i, std::string& out) {
  const long high = hex4(raw, i + 2);
  if (high < 0) return false;
  i += 6;
  if (high >= 0xDC00 && high <= 0xDFFF) return false;
  if (high < 0xD800 || high > 0xDBFF) {
    utf8::append(out, static_cast<char32_t>(high));
    return true;
  }
  if (i + 1 >= raw.size() || raw[i] != '\\' || raw[i + 1] != 'u') return false;
  const long low = hex4(raw, i + 2);
  if (low < 0xDC00 || low > 0xDFFF) return false;
  i += 6;
  utf8::append(out, static_cast<char32_t>(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)));
  return true;
}

char simple_escape(char e) {
  switch (e) {
    case '"':
    case '\\':
    case '/':
      return e;
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    default:
      return 0;
  }
}

}  // namespace

// Hand-written, like the scanner: this runs on every record, and going
// through nlohmann (quote, parse into a value, copy out) cost a tenth of a
// JSON Lines run. The tests hold it to nlohmann's answers.
bool unescape(std::string_view raw, std::string& out) {
  out.clear();
  if (!utf8::is_valid(raw)) return false;  // a JSON text is UTF-8
  out.reserve(raw.size());
  std::size_t i = 0;
  for (;;) {
    const std::size_t bs = raw.find('\\', i);
    out.append(raw.substr(i, bs == std::string_view::npos ? std::string_view::npos : bs - i));
    if (bs == std::string_view::npos) break;
    if (bs + 1 >= raw.size()) return false;
    i = bs;
    if (raw[bs + 1] == 'u') {
      if (!unicode_escape(raw, i, out)) return false;
      continue;
    }
    const char c = simple_escape(raw[bs + 1]);
    if (c == 0) return false;
    out += c;
    i = bs + 2;
  }
  return true;
}

std::string escape(std::string_view text) {
  // Invalid UTF-8 cannot reach here, since the text came from a decoded JSON
  // string; should it, nlohmann replaces it rather than throwing.
  if (!utf8::is_valid(text)) {
    std::string quoted =
        nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return quoted.substr(1, quoted.size() - 2);
  }
  // Only what JSON requires is escaped (as nlohmann's dump does): quotes,
  // backslashes and control characters; non-ASCII stays as it is.
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  std::size_t i = 0;
  for (;;) {
    const std::size_t run = i;
    while (i < text.size() && !kStringStops[static_cast<unsigned char>(text[i])]) ++i;
    out.append(text.substr(run, i - run));
    if (i == text.size()) break;
    const char c = text[i++];
    const auto u = static_cast<unsigned char>(c);
    out += '\\';
    switch (c) {
      case '"':
      case '\\':
        out += c;
        break;
      case '\b':
        out += 'b';
        break;
      case '\f':
        out += 'f';
        break;
      case '\n':
        out += 'n';
        break;
      case '\r':
        out += 'r';
        break;
      case '\t':
        out += 't';
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "u00";
        out += kHex[u >> 4];
        out += kHex[u & 15];
      }
    }
  }
  return out;
}

}  // namespace json

JsonlLine repair_jsonl_line(std::string_view line, std::string_view field, const Engine& engine, std::string& out,
                            std::size_t& applied, const ReaderOptions& paragraphs) {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
  if (!json::find_string_member(line, field, begin, end) || !json::unescape(line.substr(begin, end - begin), text))
    return JsonlLine::passed;
  // Each record is a document of its own; the threads work on records.
  RunOptions run;
  run.reader = paragraphs;
  run.jobs = 1;
  FileSummary s;
  const std::string repaired = repair_text(text, engine, run, s);
  if (repaired == text) return JsonlLine::unchanged;
  applied += s.applied;
  out.assign(line.substr(0, begin));
  out += json::escape(repaired);
  out += line.substr(end);
  return JsonlLine::changed;
}

namespace {

constexpr std::size_t kBatchBytes = 256 * 1024;

using Lines = std::vector<std::string>;  // each with its line end, if it had one

struct Repaired {
  std::string text;
  JsonlSummary counts;
};

// Reads lines of any length from source (the last may lack its '\n').
class LineReader {
 public:
  explicit LineReader(ByteSource& source) : source_(source) {}

  bool next(std::string& line) {
    for (;;) {
      const std::size_t nl = buf_.find('\n', pos_);
      if (nl != std::string::npos) {
        line.assign(buf_, pos_, nl + 1 - pos_);
        pos_ = nl + 1;
        return true;
      }
      if (eof_) {
        if (pos_ >= buf_.size()) return false;
        line.assign(buf_, pos_);
        pos_ = buf_.size();
        return true;
      }
      buf_.erase(0, pos_);
      pos_ = 0;
      const std::size_t old = buf_.size();
      buf_.resize(old + (1 << 16));
      const std::size_t n = source_.read(buf_.data() + old, 1 << 16);
      buf_.resize(old + n);
      eof_ = n == 0;
    }
  }

  // True when next() would wait for a slow producer: no whole line is
  // buffered and the source has nothing ready.
  bool would_wait() { return !eof_ && buf_.find('\n', pos_) == std::string::npos && source_.would_block(); }

 private:
  ByteSource& source_;
  std::string buf_;
  std::size_t pos_ = 0;
  bool eof_ = false;
};

Repaired repair_lines(const Lines& batch, const std::string& field, const Engine& engine,
                      const ReaderOptions& paragraphs) {
  Repaired r;
  std::string fixed;
  for (const std::string& line : batch) {
    const std::size_t last = line.find_last_not_of("\r\n");
    const std::size_t body_end = last == std::string::npos ? 0 : last + 1;
    const std::string_view body(line.data(), body_end);
    if (body.find_first_not_of(" \t") == std::string_view::npos) {
      r.text += line;  // blank line
      continue;
    }
    ++r.counts.records;
    switch (repair_jsonl_line(body, field, engine, fixed, r.counts.applied, paragraphs)) {
      case JsonlLine::changed:
        ++r.counts.changed;
        r.text += fixed;
        r.text.append(line, body_end);
        break;
      case JsonlLine::passed:
        ++r.counts.passed;
        [[fallthrough]];
      case JsonlLine::unchanged:
        r.text += line;
        break;
    }
  }
  return r;
}

}  // namespace

// Records repaired on `jobs` threads in batches of about kBatchBytes (fewer
// when the input would make a batch wait), written in input order (see
// pipeline/ordered.hpp).
JsonlSummary run_jsonl(ByteSource& source, const std::string& field, const Engine& engine, Output& out, unsigned jobs,
                       const ReaderOptions& paragraphs) {
  JsonlSummary total;
  LineReader reader(source);
  OrderedWork<Lines, Repaired>::Steps steps;
  steps.read = [&](Lines& batch) {
    return read_batch(
        batch, kBatchBytes, [&](std::string& line) { return reader.next(line); }, [&] { return reader.would_wait(); },
        [](const std::string& line) { return line.size(); });
  };
  steps.work = [&](Lines& batch) { return repair_lines(batch, field, engine, paragraphs); };
  steps.deliver = [&](Repaired& r) {
    out.write(r.text);
    total += r.counts;
  };
  steps.idle = [&out] { out.flush(); };
  OrderedWork<Lines, Repaired>(jobs, 3 * std::size_t{std::max(1u, jobs)}, std::move(steps)).run();
  return total;
}

}  // namespace textmend
