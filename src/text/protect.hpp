#pragma once
// Spans that no rule may edit: URLs, e-mail addresses, paths, file and host
// names, @mentions and #tags, text in backticks and fenced code blocks, and
// in technical writing the lines that look like code or commands. Found
// once per paragraph so that each rule need not know about them.
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "text/token.hpp"

namespace textmend {

// Carried from paragraph to paragraph: a fenced code block can hold blank
// lines, so whether a paragraph starts inside one depends on those before.
struct ProtectState {
  bool in_fence = false;
};

// What the caller already knows of the text's bytes: most paragraphs skip
// the searches at once.
struct ByteFacts {
  const ByteSet& bytes;    // which byte values occur
  bool scheme_mark;        // some ':' is followed by '/': "://" may occur
  bool www;                // some 'w' is followed by 'w': "www." may occur
  bool dotted;             // some '.' is followed by a letter or digit: "example.com" may occur
  bool technical = false;  // the document is technical writing: its lines of code are kept whole
};

// Appends the protected spans of text (sorted, possibly overlapping) and
// updates state for the next paragraph.
void find_protected(std::string_view text, const Tokens& tokens, const ByteFacts& facts, ProtectState& state,
                    std::vector<Span>& out);

// True when a line looks like code or a command rather than prose: it holds
// a mark of code, an option, a pipe between words, "::" or "->", or starts
// with a shell prompt or a reStructuredText directive.
bool looks_like_code(std::string_view line);

// Only the fence state change, for the reader thread that must know it
// without tokenizing.
void advance_fence_state(std::string_view text, ProtectState& state);

}  // namespace textmend
