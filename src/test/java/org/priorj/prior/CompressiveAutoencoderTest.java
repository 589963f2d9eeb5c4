package org.priorj.prior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

import org.junit.jupiter.api.Test;

/**
 * {@link CompressiveAutoencoder}: shapes through the four transforms, bin masses that are
 * probabilities and integrate to one, and gradients reaching every parameter from the
 * rate–distortion loss.
 */
class CompressiveAutoencoderTest {

	private static final int SIDE = 64;

	private static CompressiveAutoencoder network(final NDManager m) {
		Engine.getInstance().setRandomSeed(5);
		final CompressiveAutoencoder cae = new CompressiveAutoencoder(8, 12);
		cae.initialize(m, DataType.FLOAT32, new Shape(2, 1, SIDE, SIDE));
		return cae;
	}

	@Test
	void transformsScaleTheImageBy16AndTheLatentBy4() {
		try (NDManager m = NDManager.newBaseManager()) {
			final CompressiveAutoencoder cae = network(m);
			final ParameterStore ps = new ParameterStore(m, false);
			final NDArray x = m.randomUniform(0, 1, new Shape(2, 1, 2 * SIDE, SIDE));
			final NDArray z = cae.analyse(ps, x, false);
			assertEquals(new Shape(2, 12, 8, 4), z.getShape());
			final NDArray h = cae.hyperAnalyse(ps, z, false);
			assertEquals(new Shape(2, 8, 2, 1), h.getShape());
			assertEquals(x.getShape(), cae.synthesise(ps, z, false).getShape());
			assertEquals(z.getShape(), cae.latentLikelihood(ps, z, h, false).getShape());
			assertEquals(h.getShape(), cae.hyperLikelihood(ps, h, false).getShape());
			final NDList out = cae.forward(ps, new NDList(x), true);
			assertEquals(3, out.size());
			assertEquals(x.getShape(), out.get(0).getShape());
		}
	}

	@Test
	void gaussianBinMassesMatchTheNormalDistributionAndSumToOne() {
		try (NDManager m = NDManager.newBaseManager()) {
			// integers -40..40 around a mean of 0.3 with sigma 2: the masses of a partition of the line
			final float[] v = new float[81];
			for (int i = 0; i < v.length; i++) v[i] = i - 40 - 0.3f;
			final NDArray p = CompressiveAutoencoder.gaussianBins(m.create(v), m.full(new Shape(81), 2f));
			assertEquals(1, p.sum().getFloat(), 1e-5);
			// the bin [-0.8, 0.2] of N(0, 2^2): Phi(0.1) - Phi(-0.4) = 0.19525
			assertEquals(0.19525, p.getFloat(40), 1e-4);
			final NDArray far = CompressiveAutoencoder.gaussianBins(m.create(new float[] { 100 }), m
				.create(new float[] { 0.11f }));
			assertEquals(CompressiveAutoencoder.LIKELIHOOD_BOUND, far.getFloat(0), 0);
		}
	}

	@Test
	void hyperDensityIsAProbabilityOverUnitBins() {
		try (NDManager m = NDManager.newBaseManager()) {
			final CompressiveAutoencoder cae = network(m);
			final ParameterStore ps = new ParameterStore(m, false);
			// every channel, the integers -200..200: the bins tile the line, their masses sum to 1
			final int n = 401;
			final NDArray h = m.arange(-200f, 201f).reshape(1, 1, n, 1).repeat(1, 8);
			final NDArray p = cae.hyperLikelihood(ps, h, false);
			final float[] sums = p.sum(new int[] { 0, 2, 3 }).toFloatArray();
			for (final float s : sums) assertEquals(1, s, 1e-4);
			assertTrue(p.min().getFloat() >= CompressiveAutoencoder.LIKELIHOOD_BOUND);
		}
	}

	@Test
	void rateDistortionLossReachesEveryParameter() {
		try (NDManager m = NDManager.newBaseManager()) {
			final CompressiveAutoencoder cae = network(m);
			final ParameterStore ps = new ParameterStore(m, false);
			for (final Pair<String, Parameter> p : cae.getParameters())
				p.getValue().getArray().setRequiresGradient(true);
			final NDArray x = m.randomUniform(0, 1, new Shape(2, 1, SIDE, SIDE));
			try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
				final NDList out = cae.forward(ps, new NDList(x), true);
				final NDArray loss = CompressiveAutoencoder.bits(out.get(1)).add(CompressiveAutoencoder
					.bits(out.get(2))).div(2 * SIDE * SIDE).add(out.get(0).sub(x).square().mean().mul(
						100));
				assertTrue(Float.isFinite(loss.getFloat()));
				gc.backward(loss);
			}
			for (final Pair<String, Parameter> p : cae.getParameters()) {
				final float g = p.getValue().getArray().getGradient().abs().sum().getFloat();
				assertTrue(g > 0 && Float.isFinite(g), p.getKey() + " gradient " + g);
			}
		}
	}
}
