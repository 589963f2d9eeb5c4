#!/usr/bin/env bash
# Denoiser-forward benchmark on the CPU: the same network in PyTorch (Debian's python3-torch) and in
# PriorJ (DJL), one after the other in one run on the same machine; prints the Markdown table that
# docs/BENCHMARKS.md records. Both sides: 2 intra-op threads, 1 inter-op thread.
# Environment: SIZES (256,512), REPEATS (5), SIGMA (0.1), PRIOR (a prior folder; default
# models/natural-gray, or a network with random weights if that is absent), OUT (folder for the
# PyTorch figures and the classpath; default a temporary one).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${SIZES:-256,512}; repeats=${REPEATS:-5}; sigma=${SIGMA:-0.1}
out=${OUT:-$(mktemp -d)}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
# a JVM of its own (not Maven's), as users run PriorJ; built first so that the build does not
# overlap either measurement
mvn -q -B -o compile dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt"
/usr/bin/python3 scripts/bench_unet_torch.py --sizes "$sizes" --repeats "$repeats" \
	--sigma "$sigma" --threads 2 > "$out/torch.json"
prior=()
if [ -n "${PRIOR:-}" ]; then prior=(--prior "$PRIOR"); fi
java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=1 \
	-cp "target/classes:$(cat "$out/classpath.txt")" org.priorj.cli.Main bench denoiser \
	--sizes "$sizes" --repeats "$repeats" --sigma "$sigma" --torch "$out/torch.json" "${prior[@]}"
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
echo "PyTorch's figures: $out/torch.json"
