#!/usr/bin/python3
"""Grid search behind the TV prior's weight-per-sigma factor kappa (org.priorj.solve.TvPriorDenoiser).

Denoises test-images/chelsea.png (a training image, 8-bit gray, scaled to [0, 1]) corrupted by
Gaussian noise of standard deviation sigma (seeds 0..2) with scikit-image's denoise_tv_chambolle
(PriorJ's TvDenoiser agrees with it to 2e-6) run as TvPriorDenoiser runs it (a fixed number of
steps, 100, no early stop: eps = 0), for weights kappa * sigma on a grid of kappa, and prints the
mean PSNR (data range 1) for each kappa and sigma, and the best kappa per sigma.

With the default early stop (eps = 2e-4) the curves are not smooth in kappa: the stop comes after
a handful of steps at large weights, so the grid would measure the stopping rule, not the weight.

Debian's interpreter is needed (python3-skimage): /usr/bin/python3 scripts/tv_prior_kappa.py
"""
import os

import numpy as np
from skimage.io import imread
from skimage.restoration import denoise_tv_chambolle

HERE = os.path.dirname(os.path.abspath(__file__))


def psnr(a, b):
    return 10 * np.log10(1 / np.mean((a.astype(np.float64) - b) ** 2))


def main():
    clean = imread(os.path.join(HERE, "..", "test-images", "chelsea.png")).astype(np.float32) / 255
    kappas = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 1.0, 1.1, 1.2, 1.4]
    for level in (15, 25, 50):
        sigma = level / 255
        rows = []
        for kappa in kappas:
            values = []
            for seed in range(3):
                noisy = clean + sigma * np.random.default_rng(seed).standard_normal(
                    clean.shape).astype(np.float32)
                values.append(psnr(denoise_tv_chambolle(noisy, weight=kappa * sigma, eps=0,
                                                       max_num_iter=100), clean))
            rows.append((kappa, float(np.mean(values))))
            print(f"sigma {level}/255  kappa {kappa:.2f}  PSNR {rows[-1][1]:.3f} dB", flush=True)
        best = max(rows, key=lambda r: r[1])
        print(f"sigma {level}/255: best kappa {best[0]:.2f} ({best[1]:.3f} dB)", flush=True)


if __name__ == "__main__":
    main()
