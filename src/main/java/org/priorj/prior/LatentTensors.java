package org.priorj.prior;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.priorj.base.Shape;
import org.priorj.image.TensorConverter;

/** Latents to engine tensors and back, for the network-backed latent priors. */
final class LatentTensors {

	private LatentTensors() {}

	static NDArray tensor(final NDManager m, final Latent l) {
		final Shape s = l.shape();
		return TensorConverter.nchw(m, l.values(), s.dim(0), s.dim(1), s.dim(2), s.dim(3));
	}

	/** A rank-4 tensor as a latent; any other rank is refused naming {@code parameter}. */
	static Latent latent(final NDArray a, final String parameter) {
		final long[] s = a.getShape().getShape();
		org.priorj.base.Checks.require(s.length == 4, parameter, "a latent of shape " + a.getShape(),
			"latents of shape (N, C, H, W)");
		return new Latent(TensorConverter.toFloatArray(a), Shape.of((int) s[0], (int) s[1], (int) s[2],
			(int) s[3]));
	}
}
