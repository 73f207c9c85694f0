#!/usr/bin/env bash
# bench/micro.sh [GOOGLE_BENCHMARK_ARGS...]
# Installs Google Benchmark if needed, builds the micro suite (Release, in
# build-bench/) and runs it on 4 MB of the benchmark input (made by
# bench/run.sh; the project's samples when it has not been made), e.g.
#   bench/micro.sh --benchmark_filter='BM_Rule/.*/clean'
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh libbenchmark-dev
scripts/build.sh build-bench -DTEXTMEND_BUILD_BENCHMARKS=ON >/dev/null
exec build-bench/bench/textmend_micro "$@"
