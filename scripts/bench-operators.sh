#!/usr/bin/env bash
# Operator benchmark: scikit-image and PriorJ in one run on the same machine; prints the Markdown
# table that docs/BENCHMARKS.md records. Needs Debian's python3-skimage (apt-get install python3-skimage).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${SIZE:-256}; angles=${ANGLES:-180}; repeats=${REPEATS:-5}
tmp=$(mktemp -d)
/usr/bin/python3 scripts/bench_skimage_operators.py --size "$size" --angles "$angles" --repeats "$repeats" > "$tmp/skimage.json"
mvn -q -B compile exec:java -Dexec.args="bench operators --size $size --angles $angles --repeats $repeats --skimage $tmp/skimage.json"
echo
echo "scikit-image raw timings: $(cat "$tmp/skimage.json")"
