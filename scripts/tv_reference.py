#!/usr/bin/python3
"""Reference numbers for PriorJ's TV denoiser (TvDenoiserReferenceTest).

Runs scikit-image's denoise_tv_chambolle (weight 0.1, eps 2e-4, at most 200 iterations) on
deterministic inputs that the Java test builds from the same formulas: a piecewise-constant
image (disc, box, gentle ramp) plus pseudo-noise from a sine hash, rounded to float32 as the Java
test stores them, then denoised in float64. Prints the numbers the test hard-codes: steps taken,
a few values, sum and L2 norm of the
result; a third case runs all 200 iterations (eps 0). With --save DIR, writes the results as .npy files.

    /usr/bin/python3 scripts/tv_reference.py [--save DIR]
"""
import sys

import numpy as np
from skimage.restoration import denoise_tv_chambolle
from skimage.restoration._denoise import _denoise_tv_chambolle_nd

WEIGHT = 0.1


def noise(n):
    """Pseudo-noise in [-0.15, 0.15): 0.3 * (frac(sin(12.9898 i + 78.233) * 43758.5453) - 0.5)."""
    t = np.sin(np.arange(n, dtype=np.float64) * 12.9898 + 78.233) * 43758.5453
    return 0.3 * ((t - np.floor(t)) - 0.5)


def image(h, w):
    v, u = np.meshgrid(np.arange(h) / (h - 1), np.arange(w) / (w - 1), indexing="ij")
    base = (0.2 + 0.5 * (((u - 0.4) * (u - 0.4) + (v - 0.55) * (v - 0.55)) < 0.09)
            + 0.25 * ((u > 0.6) & (v < 0.35)) + 0.15 * (u * v))
    return (base.ravel() + noise(h * w)).reshape(h, w).astype(np.float32)


def volume(d, h, w):
    s, v, u = np.meshgrid(np.arange(d) / (d - 1), np.arange(h) / (h - 1), np.arange(w) / (w - 1),
                          indexing="ij")
    base = (0.2 + 0.5 * (((u - 0.4) * (u - 0.4) + (v - 0.55) * (v - 0.55)
                          + (s - 0.5) * (s - 0.5)) < 0.12)
            + 0.25 * ((u > 0.6) & (v < 0.35) & (s > 0.3)) + 0.15 * (u * v))
    return (base.ravel() + noise(d * h * w)).reshape(d, h, w).astype(np.float32)


def steps(f, eps):
    """Iterations scikit-image ran: the smallest cap m whose output equals that of cap m + 1."""
    for m in range(1, 200):
        if np.array_equal(_denoise_tv_chambolle_nd(f, WEIGHT, eps, m),
                          _denoise_tv_chambolle_nd(f, WEIGHT, eps, m + 1)):
            return m
    return 200


def report(name, f, picks, eps=2e-4):
    f = f.astype(np.float64)
    out = denoise_tv_chambolle(f, weight=WEIGHT, eps=eps)
    flat = out.ravel()
    print(f"{name} {'x'.join(map(str, f.shape))} eps {eps}: steps {steps(f, eps)}")
    print(f"  sum {flat.sum():.10f}  l2 {np.sqrt((flat ** 2).sum()):.10f}")
    print("  values " + ", ".join(f"[{i}] {flat[i]:.8f}" for i in picks))
    print(f"  input sum {f.sum():.10f}  input l2 {np.sqrt((f ** 2).sum()):.10f}")
    return out


if __name__ == "__main__":
    img = report("image", image(64, 64), [0, 1000, 2080, 3333, 4095])
    img200 = report("image", image(64, 64), [0, 1000, 2080, 3333, 4095], eps=0)
    vol = report("volume", volume(8, 20, 24), [0, 777, 1900, 3839])
    if len(sys.argv) == 3 and sys.argv[1] == "--save":
        np.save(f"{sys.argv[2]}/tv_image.npy", img)
        np.save(f"{sys.argv[2]}/tv_image_eps0.npy", img200)
        np.save(f"{sys.argv[2]}/tv_volume.npy", vol)
