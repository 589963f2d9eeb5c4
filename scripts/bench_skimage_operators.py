#!/usr/bin/python3
"""scikit-image side of PriorJ's operator benchmark (priorj bench operators --skimage THIS_FILE runs it once per round).

Prints one JSON object: median over `--repeats` of the best-of-3 time in milliseconds for each item
(wall clock, and CPU time of this process as `cpu_median_ms`).
Debian's interpreter is needed (python3-skimage): /usr/bin/python3 bench_skimage_operators.py
"""
import argparse
import json
import os
import time

import numpy as np
from skimage.data import shepp_logan_phantom
from skimage.transform import radon, iradon, resize


def best_of(fn, inner=3):
    """Best of `inner` calls: (wall ms, CPU ms of this process). CPU time is what a busy machine
    changes least: time spent waiting for a core is not counted."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(inner):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best * 1e3, best_cpu * 1e3


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=256)
    ap.add_argument("--angles", type=int, default=180)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    img = resize(shepp_logan_phantom(), (args.size, args.size), anti_aliasing=True)
    theta = np.linspace(0.0, 180.0, args.angles, endpoint=False)
    sino = radon(img, theta=theta, circle=True)
    items = {
        "skimage radon": lambda: radon(img, theta=theta, circle=True),
        "skimage iradon unfiltered (backprojection)": lambda: iradon(sino, theta=theta, filter_name=None, circle=True),
        "skimage iradon ramp (FBP)": lambda: iradon(sino, theta=theta, filter_name="ramp", circle=True),
    }
    out = {"size": args.size, "angles": args.angles, "threads": os.environ.get("OMP_NUM_THREADS", "default")}
    for name, fn in items.items():
        fn()  # warm-up
        rounds = [best_of(fn) for _ in range(args.repeats)]
        runs = sorted(r[0] for r in rounds)
        cpu = sorted(r[1] for r in rounds)
        out[name] = {"median_ms": runs[len(runs) // 2], "min_ms": runs[0], "max_ms": runs[-1],
                     "cpu_median_ms": cpu[len(cpu) // 2]}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
