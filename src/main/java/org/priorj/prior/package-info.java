/**
 * The prior registry and what it hands out: denoisers at any noise level, diffusion schedules and
 * the epsilon/denoiser conversions, networks (DJL) and TorchScript models, analytic Gaussian and TV
 * priors, devices.
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may import {@code base}, {@code image},
 * {@code physics}. Checked by {@code org.priorj.LayeringTest}.
 */
package org.priorj.prior;
