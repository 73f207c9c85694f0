// Punctuation damage: a period where no sentence ends, a space before a
// mark, a doubled mark, a space just inside brackets.
#include <array>
#include <memory>

#include "core/ascii.hpp"
#include "core/word_list.hpp"
#include "lexicon/lexicon.hpp"
#include "rules/registry.hpp"
#include "rules/rule_util.hpp"
#include "unicode/unicode.hpp"

namespace textmend {
namespace {

const RuleInfo kSpuriousPeriod{"spurious-period",
                               Kind::punctuation,
                               true,
                               "Removes a period before a lower-case word mid-sentence (or capitalizes the word "
                               "when a new sentence starts there).",
                               "a time of crisis. tensions rose",
                               "a time of crisis tensions rose",
                               /*needs_dictionary=*/false,
                               /*prose_only=*/true};

const RuleInfo kSpaceBeforePunct{
    "space-before-punct",       Kind::punctuation,     true, "Removes a space before , . ; : ! ? (English typography).",
    "the report , he said",     "the report, he said",
    /*needs_dictionary=*/false,
    /*prose_only=*/true};

const RuleInfo kDoubledPunct{"doubled-punct",
                             Kind::punctuation,
                             true,
                             "Reduces a doubled , ; : or . to one (an ellipsis ... stays).",
                             "first,, second",
                             "first, second",
                             /*needs_dictionary=*/false,
                             /*prose_only=*/true};

const RuleInfo kBracketSpacing{"bracket-spacing",
                               Kind::spacing,
                               true,
                               "Removes a space just inside parentheses or square brackets.",
                               "( see above )",
                               "(see above)",
                               /*needs_dictionary=*/false,
                               /*prose_only=*/true};

// Words that open a clause; with a verb after them the text past the
// period reads as a sentence of its own.
bool opens_clause(std::string_view word) {
  static constexpr std::array<std::string_view, 14> kSubjects = {
      "i", "he", "she", "it", "we", "they", "you", "there", "this", "these", "those", "that", "one", "nobody"};
  return one_of(ascii::lower(word), kSubjects);
}

bool looks_like_verb(std::string_view word) {
  static constexpr std::array<std::string_view, 24> kVerbs = {
      "is",  "are",   "was",  "were", "has",  "had", "have", "will", "would", "can",    "could",  "should",
      "may", "might", "must", "said", "says", "did", "does", "do",   "seems", "seemed", "became", "becomes"};
  if (one_of(word, kVerbs)) return true;
  // Regular past and third-person forms: "happened", "happens".
  return word.size() > 4 && (word.ends_with("ed") || word.ends_with("es") || word.ends_with("s"));
}

class SpuriousPeriod final : public Rule {
 public:
  SpuriousPeriod() : Rule(kSpuriousPeriod) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    for (const std::size_t period : doc.starting_with('.')) {
      const std::size_t i = period - 1;  // the word before the period
      if (period == 0 || period + 2 >= doc.size() || !candidate(doc, i)) continue;
      const Token& dot = doc[i + 1];
      const Token& next = doc[i + 3];
      Finding f = make(Span{dot.begin, dot.end}, "period before a lower-case word mid-sentence");
      if (!doc.stats().capitalizes_sentences()) {
        f.candidates.push_back(Candidate{"", confidence::kUnsure});
        out.push_back(std::move(f));
        continue;
      }
      const std::string_view before = doc.str(i);
      const Lexicon* lex = doc.lexicon();
      if (function_words().contains(before)) {
        // "of. the": no sentence ends on "of".
        f.candidates.push_back(Candidate{"", confidence::kCertain});
      } else if (new_sentence_after(doc, i + 3)) {
        // "closed early. we went home": a clause ends and another begins,
        // so the capital is what was lost.
        f.candidates.push_back(Candidate{"", 0.5});
        f.message = "lower-case sentence start after a period";
        out.push_back(std::move(f));
        out.push_back(capitalize(doc, next));
        continue;
      } else if (lex != nullptr && !lex->knows(doc.str(i + 3))) {
        // "first. npm handles it": a name or command may start a sentence
        // in lower case.
        f.candidates.push_back(Candidate{"", confidence::kUnsure});
      } else {
        f.candidates.push_back(Candidate{"", confidence::kHigh});
      }
      out.push_back(std::move(f));
    }
  }

 private:
  // word "." space lower-case-word, where the word is no abbreviation or
  // initial and the next word is plain lower case ("iPhone" is not).
  static bool candidate(const Document& doc, std::size_t i) {
    if (!doc.is_word(i) || !is_char(doc, i + 1, '.') || !doc.is_single_space(i + 2) || !doc.is_word(i + 3))
      return false;
    const std::string_view before = doc.str(i);
    const std::string_view next = doc.str(i + 3);
    // "J." is an initial and "5 in." a unit; lower-case "a" is the article.
    if ((before.size() < 2 && before != "a") || before.find('.') != std::string_view::npos ||
        abbreviations().contains(before) || (i > 1 && doc.is(i - 2, TokenType::number)))
      return false;
    if (!starts_lowercase(next) || ascii::has_upper(next) || next.find('.') != std::string_view::npos) return false;
    // "ii. moral rights": a list item's number, not a sentence's end.
    if (doc.at_line_start(i) && line_marker(line_prefix(doc, i + 2))) return false;
    return !doc.is_protected(i) && !doc.is_protected(i + 3);
  }

  // The words after the period read as a sentence of their own: a personal
  // pronoun ("we went"), or another subject word followed by a verb ("it
  // was", "there are").
  static bool new_sentence_after(const Document& doc, std::size_t next) {
    static constexpr std::array<std::string_view, 6> kPersonal = {"i", "he", "she", "we", "they", "you"};
    if (one_of(doc.str(next), kPersonal)) return true;
    if (!opens_clause(doc.str(next))) return false;
    const std::size_t verb = doc.next_solid(next);
    return verb != Document::npos && doc.is_word(verb) && looks_like_verb(doc.str(verb));
  }

  Finding capitalize(const Document& doc, const Token& next) const {
    const std::string_view word = doc.slice(next.begin, next.end);
    std::size_t first = 1;
    while (first < word.size() && (static_cast<unsigned char>(word[first]) & 0xC0) == 0x80) ++first;
    Finding f = make(Span{next.begin, next.begin + first}, "lower-case sentence start after a period");
    f.candidates.push_back(Candidate{unicode::to_upper(word.substr(0, first)), 0.85});
    return f;
  }
};

class SpaceBeforePunct final : public Rule {
 public:
  SpaceBeforePunct() : Rule(kSpaceBeforePunct) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    const std::string_view marks = ",.;:!?";
    if (std::none_of(marks.begin(), marks.end(), [&](char m) { return doc.has_pair(' ', m); })) return;
    // The marks' tokens only, and the space before each.
    doc.each_starting_with(marks, [&](std::size_t j) {
      if (j >= 2) check_space_before(doc, j - 1, out);
    });
  }

 private:
  void check_space_before(const Document& doc, std::size_t i, std::vector<Finding>& out) const {
    if (!doc.is(i, TokenType::space) || doc.str(i).find('\t') != std::string_view::npos) return;
    const char mark = punct_char(doc, i + 1);  // one of the marks, whose chains lead here
    if (mark == '\0') return;
    if (!after_text(doc, i - 1) || doc.is_protected(Span{doc[i].begin, doc[i + 1].end})) return;
    if (names_a_mark(doc, i - 1)) return;
    const std::size_t after = i + 2;
    if (ends_clause(doc, after, mark)) {
      propose(out, Span{doc[i].begin, doc[i].end}, "", confidence::kHigh, std::string("space before '") + mark + "'");
    } else if ((mark == ',' || mark == ';') && starts_word(doc, after)) {
      // "word ,next": the space is on the wrong side of the comma.
      propose(out, Span{doc[i].begin, doc[i + 1].end}, std::string(1, mark) + " ", 0.85,
              std::string("space on the wrong side of '") + mark + "'");
    }
  }

  // "no space before , or ;": after these words a mark is being named, not
  // used.
  static bool names_a_mark(const Document& doc, std::size_t word) {
    static constexpr std::array<std::string_view, 14> kWords = {
        "before", "after", "with", "like", "for", "a", "an", "the", "use", "type", "press", "between", "or", "and"};
    return doc.is_word(word) && one_of(ascii::lower(doc.str(word)), kWords);
  }

  // What the space follows: a word, a number, a closing quote or bracket.
  static bool after_text(const Document& doc, std::size_t i) {
    if (doc.is_word(i) || doc.is(i, TokenType::number)) return true;
    const std::string_view s = doc.str(i);
    return s == ")" || s == "]" || s == "\"" || s == "\xE2\x80\x9D" || s == "\xE2\x80\x99";
  }

  // The mark ends a clause: a space, line end, closing quote or bracket
  // follows (not ".NET", ".5", ":)" or " ...").
  static bool ends_clause(const Document& doc, std::size_t after, char mark) {
    if (after >= doc.size() || doc.is(after, TokenType::space) || doc.is(after, TokenType::newline)) return true;
    const std::string_view s = doc.str(after);
    if (mark == '.' && s == ".") return false;
    return s == "\"" || s == "\xE2\x80\x9D" || s == "\xE2\x80\x99" || (s == ")" && mark != ':' && mark != ';');
  }
};

class DoubledPunct final : public Rule {
 public:
  DoubledPunct() : Rule(kDoubledPunct) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    const std::string_view marks = ",;:.";
    if (std::none_of(marks.begin(), marks.end(), [&](char m) { return doc.has_pair(m, m); })) return;
    // The marks' tokens only.
    doc.each_starting_with(marks, [&](std::size_t i) {
      if (i >= 1 && i + 1 < doc.size()) check_doubled_at(doc, i, out);
    });
  }

 private:
  void check_doubled_at(const Document& doc, std::size_t i, std::vector<Finding>& out) const {
    const char mark = punct_char(doc, i);  // one of the marks, whose chains lead here
    if (mark == '\0') return;
    if (!is_char(doc, i + 1, mark) || is_char(doc, i - 1, mark) || is_char(doc, i + 2, mark)) return;
    // After a word, or after a space that follows one ("Friday ,, with":
    // the space goes in the next pass).
    const std::size_t before = doc.is(i - 1, TokenType::space) && i > 1 ? i - 2 : i - 1;
    if (!doc.is_word(before) && !doc.is(before, TokenType::number) && !closing(doc, before)) return;
    const Span second{doc[i + 1].begin, doc[i + 1].end};
    if (doc.is_protected(Span{doc[i].begin, second.end})) return;
    const double conf = confidence_for(doc, i + 2, mark);
    if (conf > 0) propose(out, second, "", conf, std::string("doubled '") + mark + "'");
  }

  static bool closing(const Document& doc, std::size_t i) {
    const std::string_view s = doc.str(i);
    return s == ")" || s == "\"" || s == "\xE2\x80\x9D";
  }

  static double confidence_for(const Document& doc, std::size_t after, char mark) {
    const bool gap = after >= doc.size() || doc.is(after, TokenType::space) || doc.is(after, TokenType::newline);
    switch (mark) {
      case ',':
      case ';':
        return confidence::kCertain;
      case ':':
        return gap ? confidence::kHigh : 0;  // "std::map" is code
      default:
        if (!gap && !closing(doc, after)) return 0;
        // Some writers use ".." as an ellipsis throughout; one is a slip.
        return uses_two_dot_ellipsis(doc.text()) ? confidence::kUnsure : 0.85;
    }
  }

  // ".." where a sentence goes on ("I thought.. maybe not"): an ellipsis,
  // the writer's habit, not a period typed twice ("bay leaf..").
  static bool uses_two_dot_ellipsis(std::string_view text) {
    for (std::size_t p = text.find(".."); p != std::string_view::npos; p = text.find("..", p + 2)) {
      const std::size_t after = p + 2;
      if (after + 1 < text.size() && text[after] == ' ' && ascii::is_lower(text[after + 1])) return true;
    }
    return false;
  }
};

class BracketSpacing final : public Rule {
 public:
  BracketSpacing() : Rule(kBracketSpacing) {}

  void check(const Document& doc, std::vector<Finding>& out) const override {
    if (!doc.has_pair('(', ' ') && !doc.has_pair('[', ' ') && !doc.has_pair(' ', ')') && !doc.has_pair(' ', ']'))
      return;
    for (std::size_t i = 0; i + 2 < doc.size(); ++i) {
      if (!doc.is_single_space(i + 1)) continue;
      if (opening_space(doc, i))
        propose(out, Span{doc[i + 1].begin, doc[i + 1].end}, "", confidence::kHigh, "space after an opening bracket");
      else if (closing_space(doc, i + 2))
        propose(out, Span{doc[i + 1].begin, doc[i + 1].end}, "", confidence::kHigh, "space before a closing bracket");
    }
  }

 private:
  // "( word": after a space or line start, not "f( x )" code, not "[ ]".
  static bool opening_space(const Document& doc, std::size_t i) {
    const char c = punct_char(doc, i);
    if (c != '(' && c != '[') return false;
    if (i > 0 && !doc.is(i - 1, TokenType::space) && !doc.is(i - 1, TokenType::newline)) return false;
    const std::size_t inner = i + 2;
    if (!doc.is_word(inner) && !doc.is(inner, TokenType::number) && !is_quote(doc, inner)) return false;
    if (c == '[' && doc[inner].size() == 1) return false;  // "[ x ]" checkbox
    if (synopsis(doc, doc[i].end, c == '(' ? ')' : ']')) return false;
    return !doc.is_protected(i) && !doc.is_protected(inner);
  }

  // Notation, not prose: a command synopsis ("[ -fkv ]", "[ -h|--help ]",
  // "[ filenames ... ]") or a formula ("400 k + ( 8 x block size )").
  // from is just inside the opening bracket.
  static bool synopsis(const Document& doc, std::size_t from, char close) {
    const std::string_view text = doc.text();
    if (from >= 3 && text[from - 2] == ' ' &&
        std::string_view("+-*/=<>").find(text[from - 3]) != std::string_view::npos)
      return true;
    const char stops[] = {close, '\n'};
    const std::size_t end = text.find_first_of(std::string_view(stops, 2), from);
    const std::string_view inside = text.substr(from, (end == std::string_view::npos ? text.size() : end) - from);
    const std::size_t first = inside.find_first_not_of(' ');
    return (first != std::string_view::npos && inside[first] == '-') || inside.find('|') != std::string_view::npos ||
           inside.find("...") != std::string_view::npos;
  }

  // "word )": not "( )", not a list marker "a )", not a smiley ": )".
  static bool closing_space(const Document& doc, std::size_t i) {
    const char c = punct_char(doc, i);
    if (c != ')' && c != ']') return false;
    const std::size_t inner = i - 2;
    if (!doc.is_word(inner) && !doc.is(inner, TokenType::number) && !is_quote(doc, inner) && !is_char(doc, inner, '.'))
      return false;
    if (doc.at_line_start(inner) && doc[inner].size() <= 2) return false;  // "a )" "12 )" list markers
    if (c == ']' && doc[inner].size() == 1) return false;                  // "[ x ]" checkbox
    if (opened_by_code(doc, i, c == ')' ? '(' : '[')) return false;        // "f( x )"
    if (const std::size_t open = opening_on_line(doc, i, c == ')' ? '(' : '[');
        open != Document::npos && synopsis(doc, doc[open].end, c))
      return false;
    const std::size_t after = i + 1;
    if (after < doc.size() && (doc.is_word(after) || doc.is(after, TokenType::number))) return false;
    return !doc.is_protected(i) && !doc.is_protected(inner);
  }

  // The bracket that token i closes, if it opens on the same line.
  static std::size_t opening_on_line(const Document& doc, std::size_t i, char open) {
    for (std::size_t j = i; j-- > 0 && !doc.is(j, TokenType::newline);)
      if (punct_char(doc, j) == open) return j;
    return Document::npos;
  }

  // True when the bracket that token i closes is glued to a word, as in a
  // function call "f( x )".
  static bool opened_by_code(const Document& doc, std::size_t i, char open) {
    const std::size_t j = opening_on_line(doc, i, open);
    return j != Document::npos && j > 0 && (doc.is_word(j - 1) || doc.is(j - 1, TokenType::number));
  }

  static bool is_quote(const Document& doc, std::size_t i) {
    const std::string_view s = doc.str(i);
    return s == "\"" || s == "\xE2\x80\x9C" || s == "\xE2\x80\x9D";
  }
};

}  // namespace

void add_punctuation_rules(RuleList& rules) {
  rules.push_back(std::make_unique<SpuriousPeriod>());
  rules.push_back(std::make_unique<SpaceBeforePunct>());
  rules.push_back(std::make_unique<DoubledPunct>());
  rules.push_back(std::make_unique<BracketSpacing>());
}

}  // namespace textmend
