#!/usr/bin/python3
"""PyTorch side of PriorJ's denoiser benchmark (run by bench-denoiser.sh, same machine, same run).

Builds the same network as PriorJ's NoiseConditionalUnet (widths 32-64-128-128 by default) with
random weights (timing only) and the EDM preconditioning of UnetPreconditioning, and times one
denoiser call D(x, sigma) on a 1x1xHxW image for each size: after a warm-up (at least 3 calls and
0.5 s), the median over --repeats rounds, each the best of 3 calls. Prints one JSON object.

The network, as NoiseConditionalUnet builds it (order of operations and of concatenation included):
  input (N, 2, H, W): channel 0 c_in (x - 0.5), channel 1 the constant c_noise = ln(sigma) / 4
  level i (0 = full resolution): [2x2 max-pool if i > 0], 3x3 conv, ReLU, 3x3 conv, ReLU
                                 (zero padding 1, bias, no normalisation); the result is the skip
  up from level i+1 to i:        1x1 conv to widths[i] on the coarse grid, then nearest-neighbour
                                 2x upsampling as repeat_interleave over H then over W (what DJL's
                                 NDArray.repeat(axis, 2) calls), cat([skip, up], dim=1),
                                 3x3 conv, ReLU, 3x3 conv, ReLU
  head:                          1x1 conv to one channel
  D(x, sigma) = 0.5 + c_skip (x - 0.5) + c_out F, with sigma_data = 0.25.

Debian's interpreter is needed (python3-torch): /usr/bin/python3 bench_unet_torch.py
"""
import argparse
import json
import math
import resource
import time

import numpy as np
import torch
import torch.nn.functional as fn
from torch import nn

SIGMA_DATA = 0.25
CENTRE = 0.5


def double_conv(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU(),
                         nn.Conv2d(cout, cout, 3, padding=1), nn.ReLU())


class NoiseConditionalUnet(nn.Module):
    def __init__(self, widths):
        super().__init__()
        self.widths = list(widths)
        levels = len(widths)
        enc, cin = [], 2
        for w in widths:
            enc.append(double_conv(cin, w))
            cin = w
        self.enc = nn.ModuleList(enc)
        # ups[i] / decs[i] bring level i+1 (widths[i+1] channels: the bottom encoder's or decs[i+1]'s
        # output) up to level i
        self.ups = nn.ModuleList(nn.Conv2d(widths[i + 1], widths[i], 1) for i in range(levels - 1))
        self.decs = nn.ModuleList(double_conv(2 * widths[i], widths[i]) for i in range(levels - 1))
        self.head = nn.Conv2d(widths[0], 1, 1)

    def multiple(self):
        return 1 << (len(self.widths) - 1)

    def forward(self, x):
        levels = len(self.widths)
        skips = []
        for i in range(levels):
            if i > 0:
                x = fn.max_pool2d(x, 2, 2)
            x = self.enc[i](x)
            skips.append(x)
        for i in range(levels - 2, -1, -1):
            x = self.ups[i](x).repeat_interleave(2, dim=2).repeat_interleave(2, dim=3)
            x = self.decs[i](torch.cat([skips[i], x], dim=1))
        return self.head(x)


def denoise(net, x, sigma):
    """D(x, sigma) for a float32 numpy image (H, W), as NetworkDenoiser.denoise computes it."""
    h, w = x.shape
    m = net.multiple()
    ph, pw = -(-h // m) * m, -(-w // m) * m
    noisy = np.pad(x, ((0, ph - h), (0, pw - w)), mode="reflect") if (ph, pw) != (h, w) else x
    sd2 = SIGMA_DATA * SIGMA_DATA
    c_in = 1 / math.sqrt(sigma * sigma + sd2)
    c_skip = sd2 / (sigma * sigma + sd2)
    c_out = sigma * SIGMA_DATA / math.sqrt(sigma * sigma + sd2)
    c_noise = math.log(sigma) / 4
    t = torch.from_numpy(noisy)
    inp = torch.empty((1, 2, ph, pw), dtype=torch.float32)
    inp[0, 0] = (t - CENTRE) * c_in
    inp[0, 1] = c_noise
    f = net(inp)[0, 0]
    d = CENTRE + c_skip * (t - CENTRE) + c_out * f
    return d[:h, :w].numpy().copy()


def best_of(call, inner=3):
    best = float("inf")
    for _ in range(inner):
        t0 = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - t0)
    return best * 1e3


def rss_kb(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return -1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="256,512")
    ap.add_argument("--widths", default="32,64,128,128")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--sigma", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    # Debian's torch starts with one intra-op thread; PriorJ's DJL runs are given 2 and 1
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(args.seed)
    widths = [int(s) for s in args.widths.split(",")]
    net = NoiseConditionalUnet(widths).eval()
    rng = np.random.default_rng(args.seed)
    out = {
        "torch": torch.__version__, "numpy": np.__version__,
        "intra_op_threads": torch.get_num_threads(), "inter_op_threads": torch.get_num_interop_threads(),
        "widths": widths, "parameters": sum(p.numel() for p in net.parameters()),
        "sigma": args.sigma, "repeats": args.repeats,
        "rss_before_kb": rss_kb("VmRSS"), "sizes": {},
    }
    with torch.inference_mode():
        for size in (int(s) for s in args.sizes.split(",")):
            x = rng.random((size, size), dtype=np.float32)
            call = lambda: denoise(net, x, args.sigma)  # noqa: E731
            start, calls = time.perf_counter(), 0
            while calls < 3 or (time.perf_counter() - start < 0.5 and calls < 100):
                call()
                calls += 1
            runs = sorted(best_of(call) for _ in range(args.repeats))
            out["sizes"][str(size)] = {
                "median_ms": runs[len(runs) // 2], "min_ms": runs[0], "max_ms": runs[-1],
                # peak resident set of the whole process so far (sizes run in the order given)
                "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                "vm_hwm_kb": rss_kb("VmHWM"),
            }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
