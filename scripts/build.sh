#!/usr/bin/env bash
# Configures and builds textmend: scripts/build.sh [BUILD_DIR [CMAKE_ARGS...]]
# Default: a Release build in build/, warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
