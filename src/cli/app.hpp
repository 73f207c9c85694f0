#pragma once

namespace textmend::cli {

// The whole program; returns the exit code. Never throws.
int run(int argc, char** argv);

}  // namespace textmend::cli
