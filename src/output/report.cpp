#include "output/report.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/finding.hpp"
#include "core/utf8.hpp"

namespace textmend::report {
namespace {

using Json = nlohmann::ordered_json;  // keeps "type" first and fields in the documented order

// Walks a unit's text forward, so the positions of a unit's decisions
// (sorted by offset) cost one pass over it; steps back by starting over.
class Cursor {
 public:
  Cursor(std::string_view text, std::uint64_t line, std::uint64_t column)
      : text_(text), start_{line, column}, here_{line, column} {}

  Position at(std::size_t byte) {
    byte = std::min(byte, text_.size());
    if (byte < i_) {
      i_ = 0;
      here_ = start_;
    }
    while (i_ < byte) {
      if (text_[i_] == '\n') {
        ++i_;
        ++here_.line;
        here_.column = 1;
      } else {
        utf8::decode(text_, i_);
        ++here_.column;
      }
    }
    return here_;
  }

 private:
  std::string_view text_;
  Position start_;
  Position here_;
  std::size_t i_ = 0;
};

const Candidate* chosen_candidate(const Decision& d) {
  const auto& c = d.finding.candidates;
  if (c.empty()) return nullptr;
  return d.chosen < c.size() ? &c[d.chosen] : &c.front();
}

// The input bytes under the decision's span; what the rule saw when the
// span lies outside the unit (it never should).
std::string_view original_bytes(const UnitResult& r, const Decision& d) {
  const Span& s = d.finding.span;
  if (s.begin <= s.end && s.end <= r.original.size()) return std::string_view(r.original).substr(s.begin, s.size());
  return d.original;
}

void emit_json(const std::function<void(std::string_view)>& emit, const Json& j) {
  std::string line = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  line.push_back('\n');
  emit(line);
}

bool is_invisible(char32_t cp) {
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0)) return true;
  switch (cp) {
    case 0x00AD:  // soft hyphen
    case 0x034F:  // combining grapheme joiner
    case 0x061C:  // Arabic letter mark
    case 0x115F:
    case 0x1160:  // Hangul fillers
    case 0x1680:  // Ogham space mark
    case 0x180E:  // Mongolian vowel separator
    case 0x3000:  // ideographic space
    case 0x3164:  // Hangul filler
    case 0xFEFF:  // byte-order mark, zero-width no-break space
    case 0xFFA0:  // halfwidth Hangul filler
      return true;
    default:
      break;
  }
  return (cp >= 0x2000 && cp <= 0x200F) ||  // spaces, zero-width characters, direction marks
         (cp >= 0x2028 && cp <= 0x202F) ||  // line and paragraph separators, embeddings, narrow no-break space
         (cp >= 0x205F && cp <= 0x206F) ||  // medium space, word joiner, invisible operators, isolates
         (cp >= 0xFFF9 && cp <= 0xFFFB) ||  // interlinear annotation
         (cp >= 0xE0000 && cp <= 0xE007F);  // tags
}

void append_hex(std::string& out, std::uint32_t value, int min_digits) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  int digits = min_digits;
  while (digits < 8 && (value >> (4 * digits)) != 0) ++digits;
  for (int k = digits - 1; k >= 0; --k) out.push_back(kDigits[(value >> (4 * k)) & 0xF]);
}

std::string in_quotes(std::string_view text) { return "\u00AB" + visible(text) + "\u00BB"; }

std::string confidence_text(double confidence) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "(%.2f)", confidence);
  return buf;
}

}  // namespace

Position position_in(const UnitResult& r, std::size_t byte, std::uint64_t first_column) {
  return Cursor(r.original, r.line, first_column).at(byte);
}

std::string visible(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const char32_t cp = utf8::decode(text, i);
    if (cp == U'\n') {
      out += "\\n";
    } else if (cp == utf8::kInvalid) {
      out += "<0x";
      append_hex(out, static_cast<unsigned char>(text[start]), 2);
      out += '>';
    } else if (is_invisible(cp)) {
      out += "<U+";
      append_hex(out, static_cast<std::uint32_t>(cp), 4);
      out += '>';
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

void RunTotals::add(const FileSummary& s) {
  ++files;
  if (s.changed) ++changed;
  if (s.binary) ++skipped;
  applied += s.applied;
  reported += s.reported;
  for (const auto& [rule, count] : s.applied_by_rule) rules[rule] += count;
}

std::uint64_t ColumnCarry::first_column(const std::string& file, const UnitResult& r) const {
  return active_ && file == file_ && r.offset == next_offset_ ? column_ : 1;
}

void ColumnCarry::done(const std::string& file, const UnitResult& r, std::uint64_t first_column) {
  const std::string_view text = r.original;
  const std::size_t newline = text.rfind('\n');
  std::uint64_t column = newline == std::string_view::npos ? first_column : 1;
  const std::size_t from = newline == std::string_view::npos ? 0 : newline + 1;
  for (std::size_t i = from; i < text.size(); ++column) utf8::decode(text, i);
  active_ = true;
  file_ = file;
  next_offset_ = r.offset + text.size();
  column_ = column;
}

JsonReport::JsonReport(Emit emit) : emit_(std::move(emit)) {}

void JsonReport::unit(const std::string& file, const UnitResult& r) {
  const std::uint64_t first_column = carry_.first_column(file, r);
  Cursor cursor(r.original, r.line, first_column);
  for (const Decision& d : r.decisions) {
    const Position pos = cursor.at(d.finding.span.begin);
    const Candidate* chosen = chosen_candidate(d);
    Json j;
    j["type"] = "finding";
    j["file"] = file;
    j["line"] = pos.line;
    j["column"] = pos.column;
    j["offset"] = r.offset + d.finding.span.begin;
    j["length"] = d.finding.span.size();
    j["original"] = std::string(original_bytes(r, d));
    j["replacement"] = chosen ? Json(chosen->replacement) : Json(nullptr);
    j["rule"] = std::string(d.finding.rule_id);
    j["kind"] = std::string(kind_name(d.finding.kind));
    j["confidence"] = chosen ? Json(chosen->confidence) : Json(nullptr);
    j["applied"] = d.applied();
    j["status"] = std::string(status_name(d.status));
    j["message"] = d.finding.message;
    Json suggestions = Json::array();
    for (const Candidate& c : d.finding.candidates)
      suggestions.push_back(Json{{"text", c.replacement}, {"confidence", c.confidence}});
    j["suggestions"] = std::move(suggestions);
    emit_json(emit_, j);
  }
  carry_.done(file, r, first_column);
}

namespace {

// Fixes per rule id, as a JSON object (empty, not null, when there are none).
template <typename Counts>
Json rule_counts(const Counts& counts) {
  Json rules = Json::object();
  for (const auto& [rule, count] : counts) rules[std::string(rule)] = count;
  return rules;
}

}  // namespace

void JsonReport::file(const FileSummary& s) {
  carry_.reset();
  Json j;
  j["type"] = "file";
  j["file"] = s.name;
  j["bytes"] = s.bytes;
  j["changed"] = s.changed;
  j["applied"] = s.applied;
  j["reported"] = s.reported;
  j["rules"] = rule_counts(s.applied_by_rule);
  j["binary"] = s.binary;
  j["invalid_utf8"] = s.invalid_sequences;
  emit_json(emit_, j);
}

void JsonReport::run(const RunTotals& t) {
  Json j;
  j["type"] = "run";
  j["files"] = t.files;
  j["changed"] = t.changed;
  j["skipped"] = t.skipped;
  j["errors"] = t.errors;
  j["applied"] = t.applied;
  j["reported"] = t.reported;
  j["rules"] = rule_counts(t.rules);
  emit_json(emit_, j);
}

Explain::Explain(Emit emit) : emit_(std::move(emit)) {}

void Explain::unit(const std::string& file, const UnitResult& r) {
  const std::uint64_t first_column = carry_.first_column(file, r);
  Cursor cursor(r.original, r.line, first_column);
  const std::string name = visible(file);
  for (const Decision& d : r.decisions) {
    const Position pos = cursor.at(d.finding.span.begin);
    const Candidate* chosen = chosen_candidate(d);
    std::string line = name + ':' + std::to_string(pos.line) + ':' + std::to_string(pos.column) + ' ' +
                       std::string(d.finding.rule_id) + ": " + in_quotes(original_bytes(r, d)) + " \u2192 ";
    if (chosen) {
      line += in_quotes(chosen->replacement);
      line += ' ';
      line += confidence_text(chosen->confidence);
    } else {
      line += '?';
    }
    if (!d.finding.message.empty()) {
      line += ' ';
      line += visible(d.finding.message);
    }
    if (!d.applied()) {
      line += " [not applied: ";
      line += status_name(d.status);
      line += ']';
    }
    line += '\n';
    emit_(line);
  }
  carry_.done(file, r, first_column);
}

}  // namespace textmend::report
