#!/usr/bin/python3
"""Writes the small TorchScript files PriorJ's tests load (src/test/resources/torchscript/).

    /usr/bin/python3 scripts/export_test_torchscript.py src/test/resources/torchscript

Each is the exact MMSE denoiser of a Gaussian prior N(m, s^2) per pixel, so the Java side can be
checked against a closed form, exported in the conventions a PriorJ descriptor can name:
  gauss_denoiser01.pt   D(x, sigma) on [0, 1] data, prior N(0.5, 0.2^2):
                        D = m + s^2 / (s^2 + sigma^2) (x - m); sigma is a (N,) tensor
  gauss_denoiserpm1.pt  the same prior on [-1, 1] data (m = 0, s = 0.4)
  gauss_eps_vp.pt       the VP epsilon-model of the [-1, 1] prior: eps(x_t, t) for the linear-beta
                        schedule (1e-4 ... 0.02, 1000 steps); t is a (N,) float tensor
A learned layer (a 3x3 convolution initialised to the identity) sits in front so that input
gradients flow through real weights. Exported with torch.jit.trace in eval mode (BASELINES.md §3).
"""
import os
import sys

import torch


class GaussDenoiser(torch.nn.Module):
    def __init__(self, m, s):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 1, 3, padding=1, bias=False)
        with torch.no_grad():
            self.conv.weight.zero_()
            self.conv.weight[0, 0, 1, 1] = 1.0
        self.m, self.s2 = m, s * s

    def forward(self, x, sigma):
        x = self.conv(x)
        g = self.s2 / (self.s2 + sigma.view(-1, 1, 1, 1) ** 2)
        return self.m + g * (x - self.m)


class GaussEpsVp(torch.nn.Module):
    def __init__(self, m, s):
        super().__init__()
        self.den = GaussDenoiser(m, s)
        betas = torch.linspace(1e-4, 0.02, 1000, dtype=torch.float64)
        self.register_buffer("abar", torch.cumprod(1 - betas, 0).float())

    def forward(self, xt, t):
        a = self.abar[t.long()].view(-1, 1, 1, 1)
        sigma = torch.sqrt((1 - a) / a).view(-1)
        d = self.den(xt / torch.sqrt(a), sigma)
        return (xt - torch.sqrt(a) * d) / torch.sqrt(1 - a)


def main(out):
    os.makedirs(out, exist_ok=True)
    x = torch.rand(2, 1, 16, 16)
    sigma = torch.tensor([0.1, 0.3])
    for name, model, args in [
        ("gauss_denoiser01.pt", GaussDenoiser(0.5, 0.2), (x, sigma)),
        ("gauss_denoiserpm1.pt", GaussDenoiser(0.0, 0.4), (2 * x - 1, 2 * sigma)),
        ("gauss_eps_vp.pt", GaussEpsVp(0.0, 0.4), (2 * x - 1, torch.tensor([10.0, 500.0]))),
    ]:
        model.eval()
        traced = torch.jit.trace(model, args)
        torch.jit.save(traced, os.path.join(out, name))
        print(name, "torch", torch.__version__)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/torchscript")
