#!/usr/bin/python3
"""Reference SSIM and PSNR numbers for org.priorj.metrics.SsimReferenceTest.

Run from the repository root with Debian's interpreter (scikit-image 0.19):
    /usr/bin/python3 scripts/ssim_reference.py
The distortions are formulas, evaluated in float64 and rounded to float32 exactly as the Java
test does, so both languages score the same arrays.
"""
import numpy as np
from skimage import io
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

a = io.imread("test-images/camera.png").astype(np.float64)
h, w = a.shape
y, x = np.mgrid[0:h, 0:w].astype(np.float64)

# Contrast change, offset and a smooth oscillating pattern.
pattern = 0.8 * a + 25 + 20 * np.sin(0.21 * x + 0.13 * y) * np.cos(0.17 * y)
# 3x3 box blur, edges clamped.
p = np.pad(a, 1, mode="edge")
blur = sum(p[1 + dy:1 + dy + h, 1 + dx:1 + dx + w] for dy in (-1, 0, 1) for dx in (-1, 0, 1)) / 9
# Posterisation to 16 levels.
poster = 16 * np.floor(a / 16) + 8

ref = a.astype(np.float32).astype(np.float64)
cases = [("pattern", pattern, 255.0), ("blur", blur, 255.0), ("poster", poster, 255.0),
         ("pattern", pattern, 100.0)]
print(f"camera {h}x{w}")
for name, d, r in cases:
    est = d.astype(np.float32).astype(np.float64)
    ssim = structural_similarity(ref, est, gaussian_weights=True, sigma=1.5,
                                 use_sample_covariance=False, data_range=r)
    psnr = peak_signal_noise_ratio(ref, est, data_range=r)
    print(f"{name:8s} data_range={r:5.1f} ssim={ssim:.10f} psnr={psnr:.10f}")
