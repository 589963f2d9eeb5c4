#!/usr/bin/env bash
# Throughput of concurrent command-line runs against the same runs one after another, as a
# pipeline that starts several priorj processes on one machine meets it. JOBS restorations
# (RED-Diff, inpainting of 50 % missing pixels of coins.png, the task's preset cut to STEPS steps,
# default 25, so that a round takes minutes) run in waves of
# 1 (serial), 2 and 4 at a time; each wave size is timed ROUNDS times, interleaved, and the
# Markdown table gives the median and range of the total time and the throughput against serial.
#   THREADS="--threads 2" forces PyTorch's threads in every run (the default is PriorJ's own).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-4}; rounds=${ROUNDS:-3}; threads=${THREADS:-}; steps=${STEPS:-25}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./priorj simulate --input test-images/coins.png --operator "mask missing_fraction=0.5" \
  --noise gaussian --noise_level 0.02 --seed 1 --output "$work/m.tif" >/dev/null
# shellcheck disable=SC2086
job() { ./priorj $threads restore --input "$work/m.tif" --steps "$steps" --output "$work/r-$1.tif" --overwrite \
  >/dev/null 2>"$work/err-$1.txt" || { cat "$work/err-$1.txt" >&2; exit 1; }; }
waves() {
  local n=$1 i=0 k
  while [ "$i" -lt "$jobs" ]; do
    for ((k = 0; k < n && i < jobs; k++, i++)); do job "$i" & done
    wait
  done
}
job warm-up
echo "# $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg), jobs $jobs, steps $steps, rounds $rounds, threads: ${threads:-the default}" >&2
for ((r = 1; r <= rounds; r++)); do
  for n in 1 2 4; do
    t0=$(date +%s.%N); waves "$n"; t1=$(date +%s.%N)
    echo "$n $(echo "$t1 - $t0" | bc)"
  done
done > "$work/times.txt"
/usr/bin/python3 - "$work/times.txt" "$jobs" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
jobs = int(sys.argv[2])
t = {}
for n, s in rows:
    t.setdefault(int(n), []).append(float(s))
serial = statistics.median(t[1])
print("| runs at a time | total s for %d runs, median (min-max) | s per run | throughput vs serial |" % jobs)
print("|---|---|---|---|")
for n in sorted(t):
    m = statistics.median(t[n])
    print("| %d | %.1f (%.1f-%.1f) | %.2f | %.2fx (%.2f-%.2f) |" % (n, m, min(t[n]), max(t[n]),
          m / jobs, serial / m, serial / max(t[n]), serial / min(t[n])))
PY
