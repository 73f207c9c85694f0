#!/usr/bin/env bash
# Installs what textmend needs to build and test on Debian or Ubuntu, and
# any further packages named as arguments (bench/micro.sh adds
# libbenchmark-dev). Does nothing when everything is already there; uses
# sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config   # compiler, CMake 3.25+
  libhunspell-dev                    # spelling and the word checks
  libboost-locale-dev                # Unicode: boundaries, case, normalization, charsets (ICU backend)
  libicu-dev                         # ICU's character properties (Word_Break classes) for the tokenizer
  libcli11-dev                       # command-line parsing
  nlohmann-json3-dev                 # JSON reports
  catch2                             # tests (Catch2 v2)
  clang-format                       # style check
  python3                            # the quality scorer, test helpers
  patch git                          # the diff round-trip tests (patch -p1, git apply)
)

packages+=("$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
