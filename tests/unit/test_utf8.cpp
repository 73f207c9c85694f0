#include <catch2/catch.hpp>

#include "core/utf8.hpp"

using namespace textmend;

TEST_CASE("utf8: decodes valid sequences of every length", "[utf8]") {
  const std::string s = "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80";
  std::size_t i = 0;
  CHECK(utf8::decode(s, i) == U'a');
  CHECK(utf8::decode(s, i) == U'é');
  CHECK(utf8::decode(s, i) == U'“');
  CHECK(utf8::decode(s, i) == U'\U0001F600');
  CHECK(i == s.size());
}

TEST_CASE("utf8: invalid bytes decode as kInvalid one byte at a time", "[utf8]") {
  for (std::string_view bad : {"\xFF", "\xC3", "\xE2\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80"}) {
    std::size_t i = 0;
    CHECK(utf8::decode(bad, i) == utf8::kInvalid);
    CHECK(i == 1);
    CHECK_FALSE(utf8::is_valid(bad));
  }
}

TEST_CASE("utf8: decode_before finds the start of the previous character", "[utf8]") {
  const std::string s = "x\xE2\x80\x9C";
  std::size_t start = 0;
  CHECK(utf8::decode_before(s, s.size(), start) == U'“');
  CHECK(start == 1);
}

TEST_CASE("utf8: encode round-trips", "[utf8]") {
  for (char32_t cp : {U'A', U'é', U'€', U'\U0001F600'}) {
    const std::string s = utf8::encode(cp);
    std::size_t i = 0;
    CHECK(utf8::decode(s, i) == cp);
  }
}

TEST_CASE("utf8: char_boundary_at_or_before never splits a character", "[utf8]") {
  const std::string s =
      "ab\xE2\x80\x9C"
      "cd";
  CHECK(utf8::char_boundary_at_or_before(s, 3) == 2);
  CHECK(utf8::char_boundary_at_or_before(s, 4) == 2);
  CHECK(utf8::char_boundary_at_or_before(s, 5) == 5);
  CHECK(utf8::char_boundary_at_or_before(s, 99) == s.size());
}

TEST_CASE("utf8: valid prefix ends at the first invalid byte wherever it falls", "[utf8]") {
  for (std::size_t at = 0; at < 40; ++at) {
    std::string s(40, 'a');
    s[at] = '\xFF';
    CHECK(utf8::valid_prefix(s) == at);
    // A three-byte character across any eight-byte boundary is valid...
    std::string t(40, 'a');
    t.replace(at, 3, "\xE2\x80\x9C");
    CHECK(utf8::valid_prefix(t) == t.size());
    // ...and cut short it is not.
    t.erase(at + 2, 1);
    CHECK(utf8::valid_prefix(t) == at);
  }
  CHECK(utf8::is_ascii("plain text, 40 bytes and then some more"));
  CHECK_FALSE(utf8::is_ascii("plain text, 40 bytes and then caf\xC3\xA9"));
}
