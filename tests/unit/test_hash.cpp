#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "core/hash.hpp"

using namespace textmend;

namespace {

// EightByteHash fed the plain way: eight bytes to a chunk, the last chunk
// zero-padded.
std::uint64_t fed_byte_by_byte(std::string_view s) {
  EightByteHash hash;
  std::uint64_t eight = 0;
  std::size_t filled = 0;
  for (const char c : s) {
    eight |= std::uint64_t{static_cast<unsigned char>(c)} << (8 * filled);
    if (++filled == 8) {
      hash.add_eight(eight);
      eight = 0;
      filled = 0;
    }
  }
  if (filled != 0) hash.add_eight(eight);
  return hash.finish(s.size());
}

}  // namespace

TEST_CASE("hash: hash_bytes reads every byte of every length, and no byte beyond", "[hash]") {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> byte(0, 255);
  for (std::size_t n = 0; n <= 40; ++n)
    for (int k = 0; k < 200; ++k) {
      // The word sits between bytes that must not count.
      std::string text(n + 16, '\0');
      for (char& c : text) c = static_cast<char>(byte(rng));
      const std::string_view word = std::string_view(text).substr(8, n);
      INFO("length " << n);
      REQUIRE(hash_bytes(word) == fed_byte_by_byte(word));
    }
}

TEST_CASE("hash: words one byte apart hash apart", "[hash]") {
  const std::string base = "internationalization";
  for (std::size_t n = 1; n <= base.size(); ++n) {
    const std::string word = base.substr(0, n);
    for (std::size_t i = 0; i < n; ++i) {
      std::string other = word;
      other[i] = static_cast<char>(other[i] ^ 0x01);
      CHECK(hash_bytes(word) != hash_bytes(other));
    }
    CHECK(hash_bytes(word) != hash_bytes(word + '\0'));  // the size counts
  }
}
