#!/usr/bin/python3
"""Reference numbers of BiharmonicInpaintingTest from scikit-image 0.19's inpaint_biharmonic.

The test image and mask are defined by formulas that BiharmonicInpaintingTest repeats in Java:
  image  f(y, x) = 0.5 + 0.25 sin(0.35 x + 0.2 y) + 0.15 cos(0.27 y - 0.1 x), rounded to float32,
         32 x 32;
  mask   missing where a 31-bit linear congruential generator (s <- (1103515245 s + 12345) mod
         2^31, seeded 7, advanced once per pixel in row-major order) gives an even (s >> 16),
         plus the box rows 10-15, columns 12-18 and the corner box rows 0-3, columns 26-31.
Prints the filled values at a few pixels and the sum and sum of squares of the fill over all
missing pixels, as the Java test hard-codes them. Checks that inpaint_biharmonic's final clip to
the observed range changed nothing, so that the numbers are those of the unclipped system.

Debian's interpreter is needed (python3-skimage): /usr/bin/python3 scripts/biharmonic_reference.py
"""
import numpy as np
import skimage
from skimage.restoration import inpaint_biharmonic

SIZE = 32


def image():
    y, x = np.mgrid[0:SIZE, 0:SIZE].astype(np.float64)
    f = 0.5 + 0.25 * np.sin(0.35 * x + 0.2 * y) + 0.15 * np.cos(0.27 * y - 0.1 * x)
    return f.astype(np.float32).astype(np.float64)


def missing():
    m = np.zeros((SIZE, SIZE), bool)
    s = 7
    for i in range(SIZE * SIZE):
        s = (1103515245 * s + 12345) % (1 << 31)
        if (s >> 16) % 2 == 0:
            m.flat[i] = True
    m[10:16, 12:19] = True
    m[0:4, 26:32] = True
    return m


def main():
    f, m = image(), missing()
    out = inpaint_biharmonic(f, m)
    known = f[~m]
    filled = out[m]
    assert known.min() < filled.min() and filled.max() < known.max(), "clipping changed the fill"
    print(f"# scikit-image {skimage.__version__}; {m.sum()} missing of {m.size}")
    print(f"sum = {filled.sum():.9g}; sum of squares = {np.square(filled).sum():.9g}")
    for (r, c) in [(0, 31), (0, 26), (3, 28), (2, 29), (10, 12), (12, 15), (13, 16), (15, 18)]:
        assert m[r, c]
        print(f"(y {r}, x {c}) = {out[r, c]:.9g}")
    # a few random missing pixels, including border ones
    rows, cols = np.nonzero(m)
    for k in [0, 5, 17, 60, 123, 250, 400, len(rows) - 1]:
        print(f"(y {rows[k]}, x {cols[k]}) = {out[rows[k], cols[k]]:.9g}")


if __name__ == "__main__":
    main()
