#!/usr/bin/env bash
# Classical-methods benchmark: scikit-image and PriorJ on the same inputs, in one run on the same
# machine; prints the Markdown table that docs/BENCHMARKS.md records.
# Needs Debian's python3-skimage (apt-get install python3-skimage).
# Environment: SIZE (256), ANGLES (180), REPEATS (5), DATA (folder for the inputs; default a
# temporary one), THREADS (default: all processors; N: both sides compute on N threads, e.g. 1
# when another process keeps a core busy).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${SIZE:-256}; angles=${ANGLES:-180}; repeats=${REPEATS:-5}
data=${DATA:-$(mktemp -d)}
jvm=()
if [ -n "${THREADS:-}" ]; then
	# Java's parallel loops run on the common pool's workers plus the calling thread
	jvm=(-XX:ActiveProcessorCount="$THREADS"
		-Djava.util.concurrent.ForkJoinPool.common.parallelism=$((THREADS - 1)))
	export OMP_NUM_THREADS=$THREADS OPENBLAS_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS
fi
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
/usr/bin/python3 scripts/bench_skimage_classical.py --out "$data" --size "$size" --angles "$angles" \
	--repeats "$repeats" > /dev/null
# a JVM of its own (not Maven's), as users run PriorJ
mvn -q -B compile dependency:build-classpath -Dmdep.outputFile="$data/classpath.txt"
java ${jvm[@]+"${jvm[@]}"} -cp "target/classes:$(cat "$data/classpath.txt")" org.priorj.cli.Main \
	bench classical --data "$data" --repeats "$repeats"
echo
echo "inputs and scikit-image's figures: $data/manifest.json"
