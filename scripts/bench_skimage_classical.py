#!/usr/bin/python3
"""scikit-image side of PriorJ's classical-methods benchmark (run by bench-classical.sh).

Writes into --out:
  NAME.f32 + NAME.json  every input, as raw little-endian float32, row-major (last index fastest),
                        with a header {"dtype": "float32", "byte_order": "little", "shape": [...]};
  manifest.json         what each case uses and scikit-image's timings and PSNRs on those inputs.

scikit-image is given exactly the float32 arrays that PriorJ reads (it keeps float32 where it
supports it), so both sides start from the same values. Timings: after a warm-up, the median over
--repeats rounds of the best of 3 calls, in milliseconds. PSNR: data range 1; CT inside the disk
of PriorJ's Masks.inscribedDisk (pixel centres within N/2 of the image centre).

Debian's interpreter is needed (python3-skimage): /usr/bin/python3 bench_skimage_classical.py --out DIR
"""
import argparse
import json
import os
import platform
import time

import numpy as np
import scipy
import scipy.ndimage
import skimage
from skimage.data import camera, shepp_logan_phantom
from skimage.restoration import denoise_tv_chambolle, richardson_lucy
from skimage.transform import iradon, iradon_sart, radon, resize


def best_of(fn, inner=3):
    best = float("inf")
    for _ in range(inner):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1e3


def timing(fn, repeats):
    fn()  # warm-up
    runs = sorted(best_of(fn) for _ in range(repeats))
    return {"median_ms": runs[len(runs) // 2], "min_ms": runs[0], "max_ms": runs[-1]}


def write(out, name, array):
    """Raw little-endian float32 plus a JSON header; returns the array as written."""
    a = np.ascontiguousarray(array, dtype="<f4")
    a.tofile(os.path.join(out, name + ".f32"))
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump({"dtype": "float32", "byte_order": "little", "shape": list(a.shape)}, f)
    return a.astype(np.float32)


def psnr(ref, x, mask=None):
    d = np.asarray(ref, np.float64) - np.asarray(x, np.float64)
    if mask is not None:
        d = d[mask]
    return float(10 * np.log10(1.0 / np.mean(d * d)))


def inscribed_disk(n):
    """PriorJ's Masks.inscribedDisk for an n x n image."""
    c = np.arange(n) + 0.5 - n / 2
    return c[:, None] ** 2 + c[None, :] ** 2 <= (n / 2) ** 2


def gaussian_psf(sigma):
    """PriorJ's Kernel.gaussian: truncated at 3 sigma (2 ceil(3 sigma) + 1 taps), sum 1."""
    r = int(np.ceil(3 * sigma))
    g = np.exp(-(np.arange(-r, r + 1) ** 2) / (2 * sigma ** 2))
    k = np.outer(g, g)
    return k / k.sum()


def ct_case(out, n, angles, repeats, sart):
    phantom = write(out, f"phantom{n}", resize(shepp_logan_phantom(), (n, n), anti_aliasing=True))
    theta = np.linspace(0.0, 180.0, angles, endpoint=False)
    # scikit-image's layout (detectors, angles); PriorJ transposes it to (angles, detectors)
    sino = write(out, f"sinogram{n}", radon(phantom, theta=theta, circle=True))
    disk = inscribed_disk(n)
    fbp = lambda: iradon(sino, theta=theta, filter_name="ramp", circle=True)
    case = {"size": n, "angles": angles, "phantom": f"phantom{n}", "sinogram": f"sinogram{n}",
            "sinogram_layout": "detectors x angles",
            "skimage_fbp": {"time": timing(fbp, repeats), "psnr_disk": psnr(phantom, fbp(), disk)}}
    if sart:
        x, p = None, {}
        for k in range(1, 11):
            x = iradon_sart(sino, theta=theta, image=x)
            if k in (1, 10):
                p[str(k)] = psnr(phantom, x, disk)
        x1 = iradon_sart(sino, theta=theta)
        # one iteration from the one-iteration result: the cost of every later iteration
        case["skimage_sart"] = {"time_per_iteration": timing(
            lambda: iradon_sart(sino, theta=theta, image=x1), repeats), "psnr_disk": p,
            "relaxation": 0.15}
    return case


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--size", type=int, default=256)
    ap.add_argument("--angles", type=int, default=180)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    out, n = args.out, args.size
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(0)

    ct = [ct_case(out, n, args.angles, args.repeats, sart=True)]
    if n % 2 == 0:
        # scikit-image rotates about pixel n/2, PriorJ about (n-1)/2: they coincide for odd sizes
        ct.append(ct_case(out, n - 1, args.angles, args.repeats, sart=False))

    cam = write(out, "camera", resize(camera() / 255.0, (n, n), anti_aliasing=True))

    noisy = write(out, "camera_noisy", cam + 0.1 * rng.standard_normal(cam.shape))
    tv = lambda: denoise_tv_chambolle(noisy, weight=0.1, channel_axis=None)
    tv_case = {"clean": "camera", "noisy": "camera_noisy", "sigma": 0.1, "weight": 0.1,
               "psnr_input": psnr(cam, noisy),
               "skimage": {"time": timing(tv, args.repeats), "psnr": psnr(cam, tv())}}

    psf = write(out, "psf", gaussian_psf(2.0))
    # mirror extension without repeating the edge (numpy "reflect", PriorJ's Boundary.REFLECT)
    blurred = scipy.ndimage.convolve(cam.astype(np.float64), psf.astype(np.float64), mode="mirror")
    blurred = write(out, "camera_blurred", np.clip(blurred + 0.01 * rng.standard_normal(cam.shape), 0, 1))
    rl = lambda: richardson_lucy(blurred, psf, num_iter=30)
    b = 16
    inner = (slice(b, -b), slice(b, -b))
    est = rl()
    unclipped = richardson_lucy(blurred, psf, num_iter=30, clip=False)
    rl_case = {"clean": "camera", "blurred": "camera_blurred", "psf": "psf", "sigma": 2.0,
               "noise": 0.01, "iterations": 30, "border": b,
               "psnr_input": {"interior": psnr(cam[inner], blurred[inner]), "full": psnr(cam, blurred)},
               "skimage": {"time": timing(rl, args.repeats),
                           "psnr": {"interior": psnr(cam[inner], est[inner]), "full": psnr(cam, est),
                                    # richardson_lucy clips its result to [-1, 1] unless clip=False
                                    "interior_unclipped": psnr(cam[inner], unclipped[inner])}}}

    manifest = {"format": "priorj-bench-classical 1", "repeats": args.repeats,
                "versions": {"python": platform.python_version(), "numpy": np.__version__,
                             "scipy": scipy.__version__, "skimage": skimage.__version__},
                "ct": ct, "tv": tv_case, "rl": rl_case}
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print(json.dumps(manifest))


if __name__ == "__main__":
    main()
