package org.priorj.prior;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

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

	/**
	 * One evaluation of a network latent prior whose decoded image {@code x} and code length
	 * {@code bits} are graphs on {@code inputs} (z, then h if any, recorded by {@code gc}): the
	 * image loss at x, then one backward pass for imageLoss + rateWeight bits.
	 */
	static LatentPrior.Evaluation evaluation(final NDManager m, final GradientCollector gc,
		final NDArray x, final NDArray bits, final NDArray[] inputs, final Latents latents,
		final LatentPrior.ImageLoss imageLoss, final double rateWeight)
	{
		final float[] image = TensorConverter.toFloatArray(x);
		final float[] gx = new float[image.length];
		final double loss = imageLoss.apply(image, gx);
		final float b = bits.getFloat();
		// d/dz of <x, gx> is the vector-Jacobian product the image loss needs
		gc.backward(x.mul(m.create(gx, x.getShape())).sum().add(bits.mul((float) rateWeight)));
		final Latent gz = new Latent(TensorConverter.toFloatArray(inputs[0].getGradient()), latents.z()
			.shape());
		return new LatentPrior.Evaluation(image, loss, b, inputs.length == 1 ? Latents.of(gz) : Latents
			.of(gz, new Latent(TensorConverter.toFloatArray(inputs[1].getGradient()), latents.hyper()
				.orElseThrow().shape())));
	}
}
