package org.priorj.prior;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import org.junit.jupiter.api.Test;
import org.priorj.base.Shape;

/** Input gradients (vector-Jacobian products) through PriorJ's own network prior. */
class DenoiserGradientTest {

	static double dot(final float[] a, final float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
		return s;
	}

	@Test
	void networkVjpMatchesFiniteDifferences() {
		ai.djl.engine.Engine.getInstance().setRandomSeed(1);
		final NoiseConditionalUnet net = new NoiseConditionalUnet(4, 8);
		final NDManager manager = NDManager.newBaseManager();
		net.initialize(manager, DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 2, 8, 8));
		try (NetworkDenoiser d = new NetworkDenoiser("t", net, manager, 0.01, 0.5)) {
			final Random rnd = new Random(5);
			// 10 x 13: not a multiple of the network's 2, so the padding's transpose is exercised
			final Shape s = Shape.of(2, 1, 10, 13);
			final float[] x = new float[s.size()], v = new float[s.size()], dx = new float[s.size()];
			for (int i = 0; i < x.length; i++) {
				x[i] = rnd.nextFloat();
				v[i] = (float) rnd.nextGaussian();
				dx[i] = (float) rnd.nextGaussian();
			}
			// a small step: the ReLU network is only piecewise linear, larger steps cross kinks
			final double sigma = 0.2, eps = 1e-4;
			final float[] g = d.vjp(x, s, sigma, v);
			final float[] xp = x.clone(), xm = x.clone();
			for (int i = 0; i < x.length; i++) {
				xp[i] += (float) (eps * dx[i]);
				xm[i] -= (float) (eps * dx[i]);
			}
			final double fd = (dot(v, d.denoise(xp, s, sigma)) - dot(v, d.denoise(xm, s, sigma))) /
				(2 * eps);
			final double an = dot(g, dx);
			assertEquals(fd, an, 2e-2 * Math.abs(fd) + 1e-3, "vjp " + an + " vs finite differences " +
				fd);
		}
	}
}
