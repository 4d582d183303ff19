#!/usr/bin/env bash
# The test command: installs what is missing, builds, runs every test through ctest, then the
# same unit tests again in a build with AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh --test

jobs=$(nproc)
echo "== release build and tests"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "$jobs"
ctest --test-dir build/release --output-on-failure -j "$jobs"

echo "== ASan+UBSan build and unit tests"
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTANDEM_SANITIZE=ON \
  -DTANDEM_BENCHMARKS=OFF >/dev/null
cmake --build build/asan -j "$jobs"
# Interop checks start a JVM (OmegaT): run once, in the release pass, not again here.
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs" -LE interop
