package org.priorj.solve;

import org.priorj.base.Progress;

import org.priorj.physics.Problem;
import org.priorj.prior.Prior;

/**
 * A learned solver as commands, scripts and benchmarks call it, in the spirit of DeepInverse's
 * {@code x_hat = model(y, physics)}: a problem, a prior, the solver's settings (its preset with any
 * overrides) and a seed in; the estimate in the problem's units, with every parameter used, out.
 * {@link RedDiff#reconstruct}, {@link Dds#reconstruct} (denoiser priors) and {@link Vble#reconstruct}
 * (an autoencoder prior) are three; a new solver is one more.
 */
@FunctionalInterface
public interface Reconstructor<P extends Prior, S> {

	Result reconstruct(Problem problem, P prior, S settings, long seed, Progress progress);
}
