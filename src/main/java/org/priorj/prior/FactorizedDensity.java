package org.priorj.prior;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.priorj.base.Checks;

/**
 * The learned factorized density of a hyper-latent (Ballé et al. 2018, appendix 6.1; CompressAI's
 * EntropyBottleneck): per channel, a cumulative distribution c(v) = sigmoid(f(v)) where f is a
 * small monotone network of widths 1 → 3 → 3 → 3 → 1 (matrices kept positive by softplus, each
 * hidden layer followed by v + tanh(a) tanh(v)). A value's likelihood is the mass of its unit bin,
 * c(v + 1/2) - c(v - 1/2), evaluated on the side of the median where the sigmoids are far from 1
 * (so small masses do not vanish in float). Input and output (N, C, H, W). Started as CompressAI
 * starts it (init scale 10).
 */
final class FactorizedDensity extends AbstractBlock {

	private static final byte VERSION = 1;
	private static final int[] WIDTHS = { 1, 3, 3, 3, 1 };
	private static final double INIT_SCALE = 10;

	private final int channels;
	private final Parameter[] matrices, biases, factors;

	FactorizedDensity(final int channels) {
		super(VERSION);
		this.channels = Checks.positive("channels", channels);
		final int layers = WIDTHS.length - 1;
		matrices = new Parameter[layers];
		biases = new Parameter[layers];
		factors = new Parameter[layers - 1];
		final double scale = Math.pow(INIT_SCALE, 1.0 / layers);
		for (int k = 0; k < layers; k++) {
			final int in = WIDTHS[k], out = WIDTHS[k + 1];
			// softplus(start) = 1 / (scale * out): the composed slope starts at INIT_SCALE^-1 overall
			final float start = (float) Math.log(Math.expm1(1 / scale / out));
			matrices[k] = addParameter(Parameter.builder().setName("matrix" + k).setType(
				Parameter.Type.OTHER).optShape(new Shape(channels, out, in)).optInitializer((m, s,
					t) -> m.full(s, start, t)).build());
			biases[k] = addParameter(Parameter.builder().setName("bias" + k).setType(
				Parameter.Type.OTHER).optShape(new Shape(channels, out, 1)).optInitializer((m, s,
					t) -> m.randomUniform(-0.5f, 0.5f, s, t)).build());
			if (k < layers - 1) factors[k] = addParameter(Parameter.builder().setName("factor" + k)
				.setType(Parameter.Type.OTHER).optShape(new Shape(channels, out, 1)).optInitializer((m,
					s, t) -> m.zeros(s, t)).build());
		}
	}

	/** f(v) for v of shape (C, 1, L). */
	private NDArray logits(final ParameterStore ps, final NDArray v, final boolean training) {
		NDArray x = v;
		for (int k = 0; k < matrices.length; k++) {
			final NDArray m = Parameters.derived(Activation.softPlus(ps.getValue(matrices[k], v
				.getDevice(), training)), v);
			x = m.matMul(x).add(ps.getValue(biases[k], v.getDevice(), training));
			if (k < factors.length) x = x.add(Parameters.derived(ps.getValue(factors[k], v.getDevice(),
				training).tanh(), v).mul(x.tanh()));
		}
		return x;
	}

	@Override
	protected NDList forwardInternal(final ParameterStore ps, final NDList inputs,
		final boolean training, final PairList<String, Object> params)
	{
		final NDArray h = inputs.singletonOrThrow();
		final Shape s = h.getShape();
		Checks.require(s.dimension() == 4 && s.get(1) == channels, "hyper-latent", s.toString(),
			"(N, " + channels + ", H, W)");
		final NDArray v = h.transpose(1, 0, 2, 3).reshape(channels, 1, -1);
		final NDArray lower = logits(ps, v.sub(0.5f), training);
		final NDArray upper = logits(ps, v.add(0.5f), training);
		final NDArray sign = lower.add(upper).sign().neg();
		final NDArray mass = Activation.sigmoid(sign.mul(upper)).sub(Activation.sigmoid(sign.mul(
			lower))).abs();
		return new NDList(mass.reshape(s.get(1), s.get(0), s.get(2), s.get(3)).transpose(1, 0, 2, 3));
	}

	@Override
	public Shape[] getOutputShapes(final Shape[] inputs) {
		return new Shape[] { inputs[0] };
	}
}
