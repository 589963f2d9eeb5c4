#!/usr/bin/python3
"""Exports a compressive autoencoder trained in PyTorch as a PriorJ prior folder, so that VBLE and
VBLE-xz can use it (descriptor kind "torchscript-autoencoder").

The convention. The folder holds descriptor.json and these TorchScript files, each a module traced
with torch.jit.trace in eval mode; tensors are float32, images (N, C, H, W) in the descriptor's
value_range with sides multiples of its "multiple":
  analysis.pt   forward(x) -> (z, h)   the latent z = g_a(x) and the hyper-latent h = h_a(z)
                                       (a model without a hyper-latent returns z alone)
  synthesis.pt  forward(z) -> x_hat    the decoder g_s(z), image-shaped
  rate.pt       forward(z, h) -> bits  the code length of continuous latents in bits, summed over
                                       the batch (a 0-d tensor): -sum log2 of the probability of the
                                       unit bin centred on each value (forward(z) without h)
  variance.pt   optional: forward(z) -> sigma_theta(z) > 0, image-shaped (VBLE-xz's variance decoder)
Nothing may round: VBLE differentiates the synthesis and the rate with respect to z and h, and
PriorJ takes those gradients through the TorchScript graph. Keep constants as parameters, buffers
or Python numbers: a tensor made inside forward (torch.tensor(...), torch.distributions.Normal(0, 1))
becomes a constant of the trace, which the engine loads as an inference tensor that autograd
cannot save, and VBLE's gradient step then fails.

Use from Python, with a model shaped as CompressAI's MeanScaleHyperprior (attributes g_a, g_s, h_a,
h_s giving (scales, means) stacked on channels, entropy_bottleneck with _likelihood):

    import sys; sys.path.insert(0, "scripts")
    from export_cae_torchscript import export, mean_scale_modules
    export(mean_scale_modules(model), "my-cae", name="my-cae", example=torch.rand(1, 1, 128, 128),
           multiple=64, training_data="...", licence="...")

then import the folder: Plugins > PriorJ > Priors > Import TorchScript... (file: the folder), or
`priorj import --file my-cae --name my-cae`. mean_scale_modules follows CompressAI's layout (the
factorized density takes (C, 1, L) values, as EntropyBottleneck.forward passes them); PriorJ's
tests exercise it with the small model below, not with CompressAI itself.

    /usr/bin/python3 scripts/export_cae_torchscript.py src/test/resources/torchscript-cae

writes the test fixtures: "tiny-cae" (a small mean-scale hyperprior CAE with random weights, seed 0,
with a GDN whose beta is bounded by a CompressAI-style LowerBound, so the export's patch is used,
and expected.json: what PyTorch computes for a fixed image, for the Java side to match) and
"linear-gaussian" (VBLE's closed-form oracle, decoder W z + c with a N(0, I) latent prior, the
same W and c as the Java oracle of the solver tests), and "linear-gaussian-z", the same without
hyper-latent and variance decoder.
"""
import hashlib
import json
import math
import os
import sys
import types

import torch
from torch import nn


def _sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _max_with_bound(self, x):
    return torch.max(x, self.bound)


def traceable_lower_bounds(module):
    """Gives every LowerBound module (CompressAI's, in GDN and the entropy models) a plain
    torch.max forward: their custom autograd function is a Python call that torch.jit.trace cannot
    save. The values are the same; only the gradient below the bound, used in training, differs."""
    for m in module.modules():
        if type(m).__name__ == "LowerBound" and hasattr(m, "bound"):
            m.forward = types.MethodType(_max_with_bound, m)


def export(modules, out, name, example, multiple, value_range=(0.0, 1.0), training_data="unknown",
           licence="unknown"):
    """Traces (analysis, synthesis, rate, variance or None) on `example` and writes the folder."""
    analysis, synthesis, rate, variance = modules
    for module in modules:
        if module is not None:
            traceable_lower_bounds(module)
    os.makedirs(out, exist_ok=True)
    files = {}
    with torch.no_grad():
        latents = analysis(example)
    latents = latents if isinstance(latents, tuple) else (latents,)
    z = latents[0]
    for key, module, args in [("analysis", analysis, (example,)), ("synthesis", synthesis, (z,)),
                              ("rate", rate, latents), ("variance", variance, (z,))]:
        if module is None:
            continue
        module.eval()
        traced = torch.jit.trace(module, args, check_trace=False)
        path = os.path.join(out, key + ".pt")
        torch.jit.save(traced, path)
        files[key] = {"file": key + ".pt", "sha256": _sha256(path)}
    descriptor = {
        "name": name, "kind": "torchscript-autoencoder", "format": "torchscript",
        "modules": files, "value_range": list(value_range), "channels": int(example.shape[1]),
        "multiple": multiple, "latent_channels": int(z.shape[1]),
        "hyper_latent": len(latents) > 1,
        "training_data": training_data, "licence": licence,
        "exported_with": "torch " + torch.__version__,
    }
    with open(os.path.join(out, "descriptor.json"), "w") as f:
        json.dump(descriptor, f, indent=2)
    return descriptor


def bits_of(likelihood, bound=1e-9):
    return -torch.log2(torch.clamp(likelihood, min=bound)).sum()


def _bottleneck_likelihood(bottleneck, h):
    """The factorized density's unit-bin masses, called as CompressAI's EntropyBottleneck.forward
    calls them: channels first, values (C, 1, L)."""
    c = h.shape[1]
    values = h.transpose(0, 1).reshape(c, 1, -1)
    out = bottleneck._likelihood(values)
    return out[0] if isinstance(out, tuple) else out


def _phi(t):
    return 0.5 * (1 + torch.erf(t * (1 / math.sqrt(2))))


def _gaussian_bin(z, mean, scale):
    v = torch.abs(z - mean)  # the symmetric form keeps the tails accurate
    return _phi((0.5 - v) / scale) - _phi((-0.5 - v) / scale)


class _Analysis(nn.Module):
    def __init__(self, m):
        super().__init__()
        self.g_a, self.h_a = m.g_a, m.h_a

    def forward(self, x):
        z = self.g_a(x)
        return z, self.h_a(z)


class _Synthesis(nn.Module):
    def __init__(self, m):
        super().__init__()
        self.g_s = m.g_s

    def forward(self, z):
        return self.g_s(z)


class _MeanScaleRate(nn.Module):
    def __init__(self, m, scale_bound):
        super().__init__()
        self.h_s, self.bottleneck, self.scale_bound = m.h_s, m.entropy_bottleneck, scale_bound

    def forward(self, z, h):
        scales, means = self.h_s(h).chunk(2, 1)
        scales = torch.clamp(scales, min=self.scale_bound)
        return bits_of(_gaussian_bin(z, means, scales)) + bits_of(
            _bottleneck_likelihood(self.bottleneck, h))


def mean_scale_modules(model, scale_bound=0.11):
    """(analysis, synthesis, rate, variance) of a mean-scale hyperprior model; variance is
    model.variance if it has one."""
    return (_Analysis(model), _Synthesis(model), _MeanScaleRate(model, scale_bound),
            getattr(model, "variance", None))


# ---- the test fixtures ----------------------------------------------------------------------

class _LogisticBottleneck(nn.Module):
    """A factorized density per channel (logistic), with CompressAI's _likelihood layout."""

    def __init__(self, channels):
        super().__init__()
        self.loc = nn.Parameter(0.1 * torch.randn(channels, 1, 1))
        self.log_scale = nn.Parameter(0.2 * torch.randn(channels, 1, 1))

    def _likelihood(self, values):
        s = torch.exp(self.log_scale)
        upper = torch.sigmoid((values + 0.5 - self.loc) / s)
        lower = torch.sigmoid((values - 0.5 - self.loc) / s)
        return upper - lower, lower, upper


class _LowerBoundFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, bound):
        ctx.save_for_backward(x, bound)
        return torch.max(x, bound)

    @staticmethod
    def backward(ctx, g):
        x, bound = ctx.saved_tensors
        return ((x >= bound) | (g < 0)).type(g.dtype) * g, None


class LowerBound(nn.Module):
    """As CompressAI's: max(x, bound) with a custom gradient, which tracing cannot record."""

    def __init__(self, bound):
        super().__init__()
        self.register_buffer("bound", torch.tensor([float(bound)]))

    def forward(self, x):
        return _LowerBoundFunction.apply(x, self.bound)


class _Gdn(nn.Module):
    """Generalized divisive normalization with CompressAI's bounded beta."""

    def __init__(self, channels):
        super().__init__()
        self.beta = nn.Parameter(torch.ones(channels))
        self.gamma = nn.Parameter(0.1 * torch.eye(channels).view(channels, channels, 1, 1))
        self.beta_bound = LowerBound(1e-6)

    def forward(self, x):
        norm = nn.functional.conv2d(x * x, torch.abs(self.gamma), self.beta_bound(self.beta))
        return x * torch.rsqrt(norm)


class TinyMeanScaleCae(nn.Module):
    """A small mean-scale hyperprior CAE (sides multiples of 8): z has 4 channels at 1/4 scale, h 4
    channels at 1/8, and a variance decoder."""

    def __init__(self):
        super().__init__()
        self.g_a = nn.Sequential(nn.Conv2d(1, 8, 5, 2, 2), _Gdn(8), nn.Conv2d(8, 4, 5, 2, 2))
        self.g_s = nn.Sequential(nn.Upsample(scale_factor=2.0), nn.Conv2d(4, 8, 3, 1, 1),
                                 nn.Softplus(), nn.Upsample(scale_factor=2.0),
                                 nn.Conv2d(8, 1, 3, 1, 1))
        self.h_a = nn.Sequential(nn.Conv2d(4, 4, 3, 2, 1))
        self.h_s = nn.Sequential(nn.Upsample(scale_factor=2.0), nn.Conv2d(4, 8, 3, 1, 1))
        self.entropy_bottleneck = _LogisticBottleneck(4)
        self.variance = nn.Sequential(nn.Upsample(scale_factor=4.0), nn.Conv2d(4, 1, 3, 1, 1),
                                      nn.Sigmoid())


def linear_gaussian_w():
    """W (6 x 4) of the oracle; the Java tests build the same matrix."""
    return torch.tensor([[((i + 1) * (j + 2)) % 7 / 7.0 - 0.4 for j in range(4)] for i in range(6)],
                        dtype=torch.float32)


LINEAR_GAUSSIAN_C = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
LINEAR_GAUSSIAN_HYPER_OFFSET = [0.3, -0.2, 0.1, 0.5]
LINEAR_GAUSSIAN_STD = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3]


class _LinearAnalysis(nn.Module):
    def __init__(self, w, c, offset):
        super().__init__()
        self.w = nn.Parameter(w)
        self.register_buffer("c", torch.tensor(c))
        self.register_buffer("offset", torch.tensor(offset))

    def forward(self, x):
        z = (x.reshape(x.shape[0], -1) - self.c) @ self.w
        return z.reshape(x.shape[0], -1, 1, 1), (z + self.offset).reshape(x.shape[0], -1, 1, 1)


class _LinearSynthesis(nn.Module):
    def __init__(self, w, c):
        super().__init__()
        self.w = nn.Parameter(w)
        self.register_buffer("c", torch.tensor(c))

    def forward(self, z):
        x = z.reshape(z.shape[0], -1) @ self.w.t() + self.c
        return x.reshape(z.shape[0], 1, 1, -1)


class _LinearAnalysisZ(_LinearAnalysis):
    def forward(self, x):
        return ((x.reshape(x.shape[0], -1) - self.c) @ self.w).reshape(x.shape[0], -1, 1, 1)


class _GaussianDensityRateZ(nn.Module):
    def forward(self, z):
        return (z * z).sum() / (2 * math.log(2))


class _GaussianDensityRate(nn.Module):
    def forward(self, z, h):
        return ((z * z).sum() + (h * h).sum()) / (2 * math.log(2))


class _ConstantStd(nn.Module):
    def __init__(self, std):
        super().__init__()
        self.register_buffer("std", torch.tensor(std))

    def forward(self, z):
        return (z.reshape(z.shape[0], -1)[:, :1] * 0 + self.std).reshape(z.shape[0], 1, 1, -1)


def test_image():
    """The fixed 16 x 16 image whose outputs expected.json records."""
    i = torch.arange(16, dtype=torch.float32).view(16, 1)
    j = torch.arange(16, dtype=torch.float32).view(1, 16)
    return (0.5 + 0.4 * torch.sin(i / 3) * torch.cos(j / 5)).view(1, 1, 16, 16)


def write_fixtures(out):
    torch.manual_seed(0)
    model = TinyMeanScaleCae().eval()
    modules = mean_scale_modules(model)
    tiny = os.path.join(out, "tiny-cae")
    export(modules, tiny, "tiny-cae", test_image(), 8, training_data="none: random weights, seed 0",
           licence="CC0-1.0")
    analysis, synthesis, rate, variance = modules
    x = test_image()
    z, h = analysis(x)
    z, h = z.detach().requires_grad_(True), h.detach().requires_grad_(True)
    x_hat = synthesis(z)
    bits = rate(z, h)
    # the gradient of <x_hat, 1> + 0.5 bits: what one VBLE step asks of the prior
    (x_hat.sum() + 0.5 * bits).backward()
    expected = {
        "image": "0.5 + 0.4 sin(i / 3) cos(j / 5), 16 x 16, i the row",
        "z_shape": list(z.shape), "h_shape": list(h.shape),
        "z_sum": z.sum().item(), "z_first": z.flatten()[:4].tolist(), "h_sum": h.sum().item(),
        "decoded_sum": x_hat.sum().item(), "decoded_first": x_hat.flatten()[:4].tolist(),
        "bits": bits.item(), "std_sum": variance(z).sum().item(),
        "rate_weight": 0.5, "z_gradient_sum": z.grad.sum().item(),
        "h_gradient_sum": h.grad.sum().item(), "z_gradient_first": z.grad.flatten()[:4].tolist(),
    }
    with open(os.path.join(tiny, "expected.json"), "w") as f:
        json.dump(expected, f, indent=2)
    w = linear_gaussian_w()
    export((_LinearAnalysis(w, LINEAR_GAUSSIAN_C, LINEAR_GAUSSIAN_HYPER_OFFSET),
            _LinearSynthesis(w, LINEAR_GAUSSIAN_C), _GaussianDensityRate(),
            _ConstantStd(LINEAR_GAUSSIAN_STD)), os.path.join(out, "linear-gaussian"),
           "linear-gaussian", torch.rand(2, 1, 1, 6), 1,
           training_data="none: VBLE's closed-form oracle", licence="CC0-1.0")
    export((_LinearAnalysisZ(w, LINEAR_GAUSSIAN_C, LINEAR_GAUSSIAN_HYPER_OFFSET),
            _LinearSynthesis(w, LINEAR_GAUSSIAN_C), _GaussianDensityRateZ(), None),
           os.path.join(out, "linear-gaussian-z"), "linear-gaussian-z", torch.rand(2, 1, 1, 6), 1,
           training_data="none: VBLE's closed-form oracle without hyper-latent or variance decoder",
           licence="CC0-1.0")
    print("wrote", tiny, "and the linear-Gaussian oracles in", out, "with torch", torch.__version__)


if __name__ == "__main__":
    write_fixtures(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/torchscript-cae")
