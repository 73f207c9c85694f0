#pragma once
// Reading a few bytes of text as one integer, for the eight-bytes-at-a-time
// scans and hashes. memcpy makes no alignment or aliasing assumption and
// compiles to a single load.
#include <cstring>

namespace textmend {

// The sizeof(T) bytes at p, as a T; the caller checks they are in bounds.
template <typename T>
T load_bytes(const char* p) {
  T value;
  std::memcpy(&value, p, sizeof value);
  return value;
}

}  // namespace textmend
