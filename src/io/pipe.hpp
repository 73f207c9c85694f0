#pragma once
// Pipe buffers: Linux pipes hold 64 KB, so a writer and a reader of bulk
// text wake each other for every 64 KB.

namespace textmend {

// Asks for a one-megabyte buffer (the most an unprivileged process may)
// when fd is a pipe, so both ends run longer between waits. Anywhere else,
// or when refused, nothing changes.
void widen_pipe(int fd);

}  // namespace textmend
