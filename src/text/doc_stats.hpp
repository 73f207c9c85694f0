#pragma once
// Document-level knowledge that rules read but never write: which quote
// style the text uses, whether it writes honorifics, whether it capitalizes
// sentence starts. Gathered by a cheap byte scan so that it can run over a
// whole file before the real pass (regular files) or grow paragraph by
// paragraph (pipes).
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace textmend {

struct DocStats {
  std::uint32_t curly_double = 0;     // “ ”
  std::uint32_t straight_double = 0;  // "
  std::uint32_t curly_single = 0;     // ‘ ’ (apostrophes included)
  std::uint32_t straight_single = 0;  // '
  std::uint32_t mister = 0;           // Mr, Mrs, Ms before a capitalized word
  std::uint32_t doctor = 0;           // Dr before a capitalized word
  static constexpr std::size_t kMaxNames = 1024;
  std::uint32_t sentence_upper = 0;  // paragraph starts and sentence starts after . ? ! that are capitalized
  std::uint32_t sentence_lower = 0;
  std::uint32_t two_space_sentences = 0;  // ".  Next"
  std::uint32_t one_space_sentences = 0;  // ". Next"
  std::uint32_t markdown_lines = 0;       // lines starting "# ", "- ", "> ", "```"...
  // Marks of code and markup that prose does without: { } \ ` and a_b,
  // $name, a=b, <tag, --long, page(1). A README, a ChangeLog or a manual has several a
  // kilobyte; news prose none.
  std::uint32_t code_marks = 0;
  std::uint64_t bytes = 0;  // the text surveyed

  DocStats& operator+=(const DocStats& other);

  // The document's quote style, when it has a clear majority.
  bool prefers_curly_double() const;
  bool prefers_straight_double() const;
  bool prefers_curly_single() const;
  bool prefers_straight_single() const;
  bool capitalizes_sentences() const;
  bool spaces_twice_after_sentences() const;
  bool looks_like_markdown() const;
  // Technical writing (software documentation, change logs, code): its
  // unknown words are mostly names of commands, functions and formats.
  bool looks_technical() const;
  // The honorific bits recorded for name (0 when none).
  std::uint8_t honorifics_of(std::string_view name) const;
  // Records that name is written with the honorific bits (1 Mr/Mrs/Ms, 2 Dr).
  void add_honorifics(std::string_view name, std::uint8_t bits);
  std::size_t honorific_name_count() const { return names_ ? names_->size() : 0; }

 private:
  using Names = std::map<std::string, std::uint8_t, std::less<>>;
  // Which honorifics each name is written with. Bounded: a document with
  // more names than kMaxNames tells enough already. Shared between copies
  // and copied only when it changes: a stream's knowledge is snapshot at
  // every paragraph, and new names are rare.
  std::shared_ptr<Names> names_;
};

// True when text[i] is a mark of code (DocStats::code_marks).
bool code_mark_at(std::string_view text, std::size_t i);
// The bytes code_mark_at can be true at: scans that look for marks pass
// over every other byte.
inline constexpr std::string_view kCodeMarkBytes = "{}\\`_$=<-(";

DocStats survey(std::string_view text);
// survey() reading the text a byte at a time, without vector compares:
// the test's oracle.
DocStats survey_bytewise(std::string_view text);

}  // namespace textmend
