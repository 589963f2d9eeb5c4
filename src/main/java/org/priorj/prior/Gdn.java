package org.priorj.prior;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.priorj.base.Checks;

/**
 * Generalised divisive normalisation (Ballé, Laparra, Simoncelli 2016), the normalisation of
 * compressive autoencoders, and its inverse:
 * <pre>
 *   GDN:  y_i = x_i / sqrt(beta_i + sum_j gamma_ij x_j^2)      IGDN:  y_i = x_i sqrt(beta_i + sum_j gamma_ij x_j^2)
 * </pre>
 * beta and gamma are kept positive as |stored| (+ 1e-6 for beta) rather than by squaring: a
 * squared parametrisation has a zero gradient at zero, so the off-diagonal couplings, which start
 * near zero, would never learn. Starts at beta = 1, gamma = 0.1 I plus 1e-3 off the diagonal.
 */
final class Gdn extends AbstractBlock {

	private static final byte VERSION = 1;
	private static final float BETA_FLOOR = 1e-6f;

	private final int channels;
	private final boolean inverse;
	private final Parameter beta, gamma;

	Gdn(final int channels, final boolean inverse) {
		super(VERSION);
		this.channels = Checks.positive("channels", channels);
		this.inverse = inverse;
		beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.OTHER)
			.optShape(new Shape(channels)).optInitializer((m, s, t) -> m.ones(s, t)).build());
		gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.OTHER)
			.optShape(new Shape(channels, channels, 1, 1)).optInitializer(Gdn::gammaStart).build());
	}

	private static NDArray gammaStart(final NDManager m, final Shape s, final DataType t) {
		final int c = (int) s.get(0);
		return m.eye(c).mul(0.1f - 1e-3f).add(1e-3f).reshape(s).toType(t, false);
	}

	@Override
	protected NDList forwardInternal(final ParameterStore ps, final NDList inputs,
		final boolean training, final PairList<String, Object> params)
	{
		final NDArray x = inputs.singletonOrThrow();
		final NDArray b = Parameters.derived(ps.getValue(beta, x.getDevice(), training).abs(), x).add(
			BETA_FLOOR);
		final NDArray g = Parameters.derived(ps.getValue(gamma, x.getDevice(), training).abs(), x);
		final NDArray norm = Conv2d.conv2d(x.square(), g, b).singletonOrThrow().sqrt();
		return new NDList(inverse ? x.mul(norm) : x.div(norm));
	}

	@Override
	public Shape[] getOutputShapes(final Shape[] inputs) {
		return new Shape[] { inputs[0] };
	}

	int channels() {
		return channels;
	}
}
