package org.priorj.prior;

import org.priorj.base.Shape;

/**
 * A denoiser whose input gradient is available: what DPS-style guidance, RED-type objectives with
 * backpropagation and latent-space optimisation (VBLE) need.
 */
public interface DifferentiableDenoiser extends Denoiser {

	/**
	 * The vector-Jacobian product J(x)^T v, J = dD(x, sigma)/dx: the gradient with respect to x of
	 * the inner product of v with D(x, sigma). x and v have shape (N, C, H, W).
	 *
	 * @return a new array of that shape
	 */
	float[] vjp(float[] x, Shape nchw, double sigma, float[] v);
}
