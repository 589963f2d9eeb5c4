#!/usr/bin/python3
"""scikit-image side of PriorJ's operator benchmark (run by bench-operators.sh, same machine, same run).

Prints one JSON object: median over `--repeats` of the best-of-3 time in milliseconds for each item.
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
    best = float("inf")
    for _ in range(inner):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1e3


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
        runs = sorted(best_of(fn) for _ in range(args.repeats))
        out[name] = {"median_ms": runs[len(runs) // 2], "min_ms": runs[0], "max_ms": runs[-1]}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
