package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.physics.Identity;
import org.priorj.prior.IdentityLatentPrior;

/**
 * VBLE's closed-form checks (shared ALGORITHMS §7.5), each through the solver's own loop: the
 * linear–Gaussian oracle (exact mean-field optimum), the uniform posterior on a scalar with a
 * binned Gaussian prior (grid optimum), the loss's bookkeeping at the start, the sample
 * statistics, cancellation and bad input.
 */
class VbleTest {

	private static void assertRefused(final String parameter, final Executable call) {
		final String message = assertThrows(IllegalArgumentException.class, call).getMessage();
		assertTrue(message.contains("'" + parameter + "'"), message);
	}

	private static RealMatrix random(final int rows, final int cols, final double lo,
		final long seed)
	{
		final Random r = new Random(seed);
		final double[][] m = new double[rows][cols];
		for (final double[] row : m)
			for (int j = 0; j < cols; j++) row[j] = lo + r.nextDouble();
		return new Array2DRowRealMatrix(m, false);
	}

	@Test
	void gaussianPosteriorWithALinearDecoderReachesTheExactMeanFieldOptimum() {
		final int n = 6, m = 4;
		final Shape image = Shape.of(1, 1, 1, n);
		final RealMatrix w = random(n, m, -0.5, 1);
		final double[] c = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6 };
		final DenseOperator a = DenseOperator.random(5, image, -0.5, 2);
		final float[] y = { 0.3f, -0.2f, 0.5f, 0.1f, 0.4f };
		final double sigma = 0.5, lambda = 1;
		// z* = (W^T A^T A W / s^2 + lambda I)^-1 W^T A^T (y - A c) / s^2; a_i^2 = lambda / (lambda + (W^T A^T A W)_ii / s^2)
		final RealMatrix aw = a.matrix.multiply(w);
		final RealMatrix h = aw.transpose().multiply(aw).scalarMultiply(1 / (sigma * sigma)).add(
			MatrixUtils.createRealIdentityMatrix(m).scalarMultiply(lambda));
		final double[] r = new double[5];
		final double[] ac = a.matrix.operate(c);
		for (int i = 0; i < 5; i++) r[i] = (y[i] - ac[i]) / (sigma * sigma);
		final double[] zStar = new LUDecomposition(h).getSolver().solve(MatrixUtils.createRealVector(
			aw.preMultiply(r))).toArray();
		final double[] mean = w.operate(zStar);
		final double[] var = new double[n];
		for (int j = 0; j < m; j++) {
			final double ajj = aw.getColumnVector(j).dotProduct(aw.getColumnVector(j)) / (sigma * sigma);
			final double a2 = lambda / (lambda + ajj);
			for (int i = 0; i < n; i++) var[i] += w.getEntry(i, j) * w.getEntry(i, j) * a2;
		}
		final Result res = new Vble().withPosterior(Vble.Posterior.GAUSSIAN).withClip(false)
			.withLambda(lambda).withLearningRate(0.003).withIterations(8000).withDrawsPerStep(32)
			.withSamples(10000).withSeed(3).solve(a, y, sigma, new float[n], new LinearGaussianLatentPrior(
				w, c), image, Progress.NONE);
		for (int i = 0; i < n; i++) {
			assertEquals(mean[i] + c[i], res.estimate()[i], 0.02 * Math.sqrt(var[i]) + 0.01, "mean " + i);
			assertEquals(Math.sqrt(var[i]), res.std().orElseThrow()[i], 0.03 * Math.sqrt(var[i]), "std " +
				i);
		}
	}

	/** -ln of the unit-bin mass of N(0, s^2) at v. */
	private static double binCost(final double v, final double s) {
		final double q = Math.abs(v), k = s * Math.sqrt(2);
		return -Math.log(0.5 * Erf.erf((-0.5 - q) / k, (0.5 - q) / k));
	}

	/** The grid point (zbar, a) of least expected loss, by 64-point midpoint quadrature over q. */
	private static double[] grid(final double y, final double sigma, final double s,
		final double lambda, final double z0, final double z1, final double a0, final double a1,
		final double step)
	{
		double best = Double.POSITIVE_INFINITY;
		final double[] at = new double[2];
		for (double zb = z0; zb <= z1; zb += step)
			for (double aw = a0; aw <= a1; aw += step) {
				final int q = 64;
				double cost = 0;
				for (int k = 0; k < q; k++) cost += binCost(zb + aw * ((k + 0.5) / q - 0.5), s);
				final double l = ((zb - y) * (zb - y) + aw * aw / 12) / (2 * sigma * sigma) + lambda * (-Math
					.log(aw) + cost / q);
				if (l < best) {
					best = l;
					at[0] = zb;
					at[1] = aw;
				}
			}
		return at;
	}

	@Test
	void uniformPosteriorOnAScalarLandsOnTheGridOptimum() {
		final double y = 0.8, sigma = 0.3, s = 0.6, lambda = 1;
		// E_U[(z - y)^2] / (2 sigma^2) + lambda (-ln a + E_U[-ln p(z)]), z uniform on zbar +- a/2:
		// a coarse grid, then a fine one around its best point
		double[] best = grid(y, sigma, s, lambda, 0, 1.2, 0.05, 2, 0.02);
		best = grid(y, sigma, s, lambda, best[0] - 0.03, best[0] + 0.03, best[1] - 0.03, best[1] + 0.03,
			0.001);
		final double bz = best[0], ba = best[1];
		final Shape one = Shape.of(1, 1, 1, 1);
		final Result res = new Vble().withClip(false).withLambda(lambda).withLearningRate(0.005)
			.withIterations(3000).withDrawsPerStep(64).withSamples(10000).withSeed(5).solve(new Identity(
				one), new float[] { (float) y }, sigma, new float[] { 0.2f }, new IdentityLatentPrior(1, s,
					0, 1), one, Progress.NONE);
		assertEquals(bz, res.estimate()[0], 0.02);
		assertEquals(ba / Math.sqrt(12), res.std().orElseThrow()[0], 0.02 * ba);
	}

	@Test
	void theFirstLossIsTheDataTermPlusTheRateWhenEveryWidthIsOne() {
		final int n = 3;
		final Shape image = Shape.of(1, 1, n, 1);
		final LinearGaussianLatentPrior prior = new LinearGaussianLatentPrior(MatrixUtils
			.createRealIdentityMatrix(n), new double[n]);
		final float[] y = { 0.2f, 0.4f, 0.9f };
		final double sigma = 0.1, lambda = 2;
		final Result res = new Vble().withClip(false).withLambda(lambda).withIterations(1)
			.withSamples(2).solve(new Identity(image), y, sigma, new float[] { 0.1f, 0.5f, 0.6f }, prior,
				image, Progress.NONE);
		final float[] z = prior.evaluated.get(0);
		double fit = 0, rate = 0;
		for (int i = 0; i < n; i++) {
			fit += (z[i] - y[i]) * (z[i] - y[i]) / (2 * sigma * sigma);
			rate += 0.5 * z[i] * z[i];
			assertTrue(Math.abs(z[i] - new float[] { 0.1f, 0.5f, 0.6f }[i]) <= 0.5, "a draw within the unit width");
		}
		// a = 1: -sum log a = 0, so the loss per pixel is the data term plus lambda times the rate in nats
		assertEquals((fit + lambda * rate) / n, res.history()[0], 1e-5);
	}

	@Test
	void theHyperLatentStartsAtTheEncodersNotAtZero() {
		// the reference leaves h at 0; the first draw must lie within half a width of h_a(z)
		final int n = 3;
		final Shape image = Shape.of(1, 1, 1, n);
		final double[] offset = { 5, -7, 9 };
		final LinearGaussianLatentPrior prior = new LinearGaussianLatentPrior(MatrixUtils
			.createRealIdentityMatrix(n), new double[n], offset);
		final float[] init = { 0.1f, 0.5f, 0.6f };
		new Vble().withIterations(1).withSamples(2).solve(new Identity(image), new float[n], 0.1, init,
			prior, image, Progress.NONE);
		final float[] h = prior.evaluatedHyper.get(0);
		for (int i = 0; i < n; i++)
			assertEquals(init[i] + offset[i], h[i], 0.5, "h " + i);
	}

	@Test
	void theHyperLatentsCentresLearnFromTheRate() {
		// with a hyper-latent prior N(0, I) and no data on h, its centres leave +-3 for 0
		final int n = 2;
		final Shape image = Shape.of(1, 1, 1, n);
		final LinearGaussianLatentPrior prior = new LinearGaussianLatentPrior(MatrixUtils
			.createRealIdentityMatrix(n), new double[n], new double[] { 3, -3 });
		new Vble().withIterations(400).withLearningRate(0.05).withSamples(2).withClip(false).solve(
			new Identity(image), new float[n], 0.1, new float[n], prior, image, Progress.NONE);
		final List<float[]> hs = prior.evaluatedHyper;
		final float[] last = hs.get(hs.size() - 1);
		for (int i = 0; i < n; i++) assertTrue(Math.abs(last[i]) < 2.5, "h " + i + " = " + last[i]);
	}

	@Test
	void theDataTermSeesTheDecodedValuesClippedToTheWidenedRange() {
		// decoded values 2 and -1 lie outside [-0.1, 1.1]: the data term sees 1.1 and -0.1
		final int n = 2;
		final Shape image = Shape.of(1, 1, n, 1);
		final LinearGaussianLatentPrior prior = new LinearGaussianLatentPrior(MatrixUtils
			.createRealIdentityMatrix(n), new double[n]);
		final float[] y = { 0.5f, 0.2f };
		final double sigma = 0.2;
		final Result res = new Vble().withIterations(1).withSamples(2).solve(new Identity(image), y,
			sigma, new float[] { 2, -1 }, prior, image, Progress.NONE);
		final float[] z = prior.evaluated.get(0);
		double fit = 0, rate = 0;
		for (int i = 0; i < n; i++) {
			final double x = Math.max(-0.1, Math.min(1.1, z[i]));
			fit += (x - y[i]) * (x - y[i]) / (2 * sigma * sigma);
			rate += 0.5 * z[i] * z[i];
		}
		assertEquals((fit + rate) / n, res.history()[0], 1e-5);
	}

	@Test
	void noiselessDataUseFourThousandthsOfTheRange() {
		final int n = 2;
		final Shape image = Shape.of(1, 1, n, 1);
		final LinearGaussianLatentPrior prior = new LinearGaussianLatentPrior(MatrixUtils
			.createRealIdentityMatrix(n), new double[n]);
		final float[] y = { 0.5f, 0.2f };
		final Result res = new Vble().withIterations(1).withSamples(2).withClip(false).solve(
			new Identity(image), y, 0, new float[] { 0.4f, 0.3f }, prior, image, Progress.NONE);
		final float[] z = prior.evaluated.get(0);
		double fit = 0, rate = 0;
		for (int i = 0; i < n; i++) {
			fit += (z[i] - y[i]) * (z[i] - y[i]) / (2 * 0.004 * 0.004);
			rate += 0.5 * z[i] * z[i];
		}
		assertEquals((fit + rate) / n, res.history()[0], 1e-6 * fit);
	}

	@Test
	void aGaussianPosteriorStartsNarrowAndCountsItsEntropy() {
		// widths start at e^-3, as the reference's VAE path: the draws stay near the centres, and
		// the loss carries -lambda sum log a / N = 3 lambda m / N
		final int n = 8;
		final Shape image = Shape.of(1, 1, n, 1);
		final LinearGaussianLatentPrior prior = new LinearGaussianLatentPrior(MatrixUtils
			.createRealIdentityMatrix(n), new double[n]);
		final float[] init = new float[n], y = new float[n];
		for (int i = 0; i < n; i++) init[i] = y[i] = 0.1f * i;
		final double lambda = 0.5, sigma = 0.3;
		final Result res = new Vble().withPosterior(Vble.Posterior.GAUSSIAN).withLambda(lambda)
			.withIterations(1).withSamples(2).withClip(false).solve(new Identity(image), y, sigma, init,
				prior, image, Progress.NONE);
		final float[] z = prior.evaluated.get(0);
		double fit = 0, rate = 0;
		for (int i = 0; i < n; i++) {
			assertTrue(Math.abs(z[i] - init[i]) < 0.25, "draw " + i + " within 5 widths of its centre");
			fit += (z[i] - y[i]) * (z[i] - y[i]) / (2 * sigma * sigma);
			rate += 0.5 * z[i] * z[i];
		}
		assertEquals((fit + lambda * rate + 3 * lambda * n) / n, res.history()[0], 1e-5);
	}

	@Test
	void clipNormScalesOnlyGradientsLongerThanTheLimit() {
		final float[] g = { 3, 4 };
		Vble.clipNorm(g, 10);
		assertEquals(3, g[0], 0);
		Vble.clipNorm(g, 5);
		assertEquals(3, g[0], 0);
		Vble.clipNorm(g, 2.5);
		assertEquals(1.5, g[0], 1e-6);
		assertEquals(2, g[1], 1e-6);
	}

	@Test
	void theStdMapIsTheSampleStandardDeviationOfTheKeptSamples() {
		final Shape image = Shape.of(1, 1, 1, 3);
		final Result res = new Vble().withIterations(2).withSamples(2).withKeptSamples(true).solve(
			new Identity(image), new float[] { 0.2f, 0.4f, 0.9f }, 0.1, new float[] { 0.1f, 0.5f, 0.6f },
			new IdentityLatentPrior(1, 1, 0, 1), image, Progress.NONE);
		final List<float[]> s = res.samples();
		assertEquals(2, s.size());
		for (int i = 0; i < 3; i++) {
			assertEquals((s.get(0)[i] + s.get(1)[i]) / 2, res.estimate()[i], 1e-6);
			// n - 1: two samples' std is |x1 - x2| / sqrt 2
			assertEquals(Math.abs(s.get(0)[i] - s.get(1)[i]) / Math.sqrt(2), res.std().orElseThrow()[i],
				1e-6);
		}
	}

	@Test
	void aDecoderThatGivesNaNIsReportedNotReturnedAsTheEstimate() {
		final Shape image = Shape.of(1, 1, 1, 2);
		final LinearGaussianLatentPrior broken = new LinearGaussianLatentPrior(MatrixUtils
			.createRealIdentityMatrix(2), new double[] { 0.5, Double.NaN });
		final String m = assertThrows(IllegalStateException.class, () -> new Vble().withIterations(2)
			.withSamples(3).solve(new Identity(image), new float[] { 0.4f, 0.6f }, 0.1, new float[] {
				0.4f, 0.6f }, broken, image, Progress.NONE)).getMessage();
		assertTrue(m.contains("non-finite") && m.contains("learning_rate"), m);
	}

	@Test
	void aFitThatDivergesOnceIsRefittedAtHalfTheRateAndSaysSo() {
		final Shape image = Shape.of(1, 1, 1, 2);
		final IdentityLatentPrior inner = new IdentityLatentPrior(1, 1, 0, 1);
		final int[] decodes = new int[1];
		final org.priorj.prior.LatentPrior onceBroken = new org.priorj.prior.LatentPrior() {

			public String name() { return inner.name(); }
			public int channels() { return inner.channels(); }
			public double low() { return inner.low(); }
			public double high() { return inner.high(); }
			public int multiple() { return inner.multiple(); }
			public org.priorj.prior.Latents encode(final float[] x, final Shape nchw) {
				return inner.encode(x, nchw);
			}
			public double rate(final org.priorj.prior.Latents l) { return inner.rate(l); }
			public Evaluation evaluate(final org.priorj.prior.Latents l, final ImageLoss loss,
				final double w)
			{
				return inner.evaluate(l, loss, w);
			}
			public float[] decode(final org.priorj.prior.Latent z) {
				final float[] x = inner.decode(z);
				if (decodes[0]++ == 0) x[0] = Float.NaN;
				return x;
			}
		};
		final Result r = new Vble().withIterations(3).withSamples(2).withLearningRate(0.08).solve(
			new Identity(image), new float[] { 0.4f, 0.6f }, 0.1, new float[] { 0.4f, 0.6f }, onceBroken,
			image, Progress.NONE);
		assertTrue(Float.isFinite(r.estimate()[0]));
		assertEquals("0.04", r.parameters().get("lr"));
		assertTrue(r.parameters().get("refit").contains("half the learning rate"));
		final Result fine = new Vble().withIterations(3).withSamples(2).solve(new Identity(image),
			new float[] { 0.4f, 0.6f }, 0.1, new float[] { 0.4f, 0.6f }, inner, image, Progress.NONE);
		assertEquals(null, fine.parameters().get("refit"));
	}

	@Test
	void aCancelledRunStillSamplesThePosteriorItHas() {
		final Shape image = Shape.of(1, 1, 1, 4);
		final int[] steps = new int[1];
		final Progress stopAfterThree = new Progress() {

			@Override
			public void report(final String task, final int done, final int total) {
				steps[0] = done;
			}

			@Override
			public boolean isCancelled() {
				return steps[0] >= 3;
			}
		};
		final Result res = new Vble().withIterations(100).withSamples(10).solve(new Identity(image),
			new float[4], 0.1, new float[4], new IdentityLatentPrior(1, 1, 0, 1), image, stopAfterThree);
		assertTrue(res.cancelled());
		assertEquals(3, res.iterations());
		assertEquals(4, res.std().orElseThrow().length);
	}

	@Test
	void refusesBadSettingsAndInputsNamingThem() {
		final Shape image = Shape.of(1, 1, 1, 4);
		final Identity a = new Identity(image);
		final IdentityLatentPrior p = new IdentityLatentPrior(1, 1, 0, 1);
		assertRefused("lambda", () -> new Vble().withLambda(0));
		assertRefused("lambda", () -> new Vble().withLambda(Double.NaN));
		assertRefused("posterior_samples", () -> new Vble().withSamples(0));
		assertRefused("posterior_samples", () -> new Vble().withSamples(1_000_000));
		assertRefused("iterations", () -> new Vble().withIterations(0));
		assertRefused("iterations", () -> new Vble().withIterations(100_001));
		new Vble().withIterations(100_000).withLearningRate(10).withDrawsPerStep(1000).withSamples(
			10_000).withSamples(2).withDrawsPerStep(1);
		assertRefused("lr", () -> new Vble().withLearningRate(10.5));
		assertRefused("lr", () -> new Vble().withLearningRate(0));
		assertRefused("draws_per_step", () -> new Vble().withDrawsPerStep(0));
		assertRefused("draws_per_step", () -> new Vble().withDrawsPerStep(1001));
		assertRefused("shape", () -> new Vble().solve(a, new float[4], 0.1, new float[4], p, Shape.of(
			1, 1, 4), Progress.NONE));
		assertRefused("lr", () -> new Vble().withLearningRate(-1));
		assertRefused("posterior", () -> new Vble().withPosterior(null));
		assertRefused("sigma", () -> new Vble().solve(a, new float[4], -0.1, new float[4], p, image,
			Progress.NONE));
		assertRefused("init", () -> new Vble().solve(a, new float[4], 0.1, new float[3], p, image,
			Progress.NONE));
		assertRefused("init", () -> new Vble().solve(a, new float[4], 0.1, new float[] { 0, Float.NaN,
			0, 0 }, p, image, Progress.NONE));
	}

	@Test
	void theInputsAreNotModified() {
		final Shape image = Shape.of(1, 1, 1, 4);
		final float[] y = { 0.1f, 0.2f, 0.3f, 0.4f }, init = { 0.4f, 0.3f, 0.2f, 0.1f };
		final float[] y0 = y.clone(), init0 = init.clone();
		new Vble().withIterations(5).withSamples(3).solve(new Identity(image), y, 0.1, init,
			new IdentityLatentPrior(1, 1, 0, 1), image, Progress.NONE);
		org.junit.jupiter.api.Assertions.assertArrayEquals(y0, y);
		org.junit.jupiter.api.Assertions.assertArrayEquals(init0, init);
	}
}
