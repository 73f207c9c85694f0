#!/usr/bin/env bash
# Sets everything up and runs every check CI runs: the format check, a
# Release build with warnings as errors and its tests, then an
# AddressSanitizer/UndefinedBehaviorSanitizer build and its tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

echo "== clang-format"
scripts/format.sh --check

echo "== Release build, warnings as errors"
scripts/build.sh build -DTEXTMEND_WERROR=ON
ctest --test-dir build --output-on-failure -j "$(nproc)"

echo "== ASan + UBSan build"
scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DTEXTMEND_SANITIZE=ON -DTEXTMEND_WERROR=ON
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
echo "== all checks passed"
