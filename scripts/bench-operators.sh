#!/usr/bin/env bash
# Operator benchmark: PriorJ against scikit-image on the same machine, in ROUNDS rounds; each round
# runs scikit-image in a process of its own and then times every PriorJ figure after its own
# warm-up. Prints the Markdown table that docs/BENCHMARKS.md records (median and min-max over the
# rounds, ratios taken round by round). Needs Debian's python3-skimage (apt-get install python3-skimage).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${SIZE:-256}; angles=${ANGLES:-180}; rounds=${ROUNDS:-${REPEATS:-5}}
./priorj bench operators --size "$size" --angles "$angles" --rounds "$rounds" \
  --skimage scripts/bench_skimage_operators.py
