package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.priorj.physics.Identity;
import org.priorj.physics.InpaintingMasks;
import org.priorj.physics.MaskOperator;
import org.priorj.base.Shape;
import org.priorj.prior.DiffusionSchedule;
import org.priorj.prior.EpsilonModel;

/** The DDS checks of ALGORITHMS.md §7.2 with a scalar Gaussian oracle prior N(m, s^2). */
class DdsTest {

	private static final DiffusionSchedule SCHEDULE = DiffusionSchedule.linear();

	/** The exact noise predictor of N(m, s^2) per pixel; remembers the last x_t it saw. */
	private static final class Oracle implements EpsilonModel {

		final double m, s2;
		float[] lastXt;

		Oracle(final double m, final double s) {
			this.m = m;
			this.s2 = s * s;
		}

		@Override
		public int channels() {
			return 1;
		}

		@Override
		public float[] eps(final float[] xt, final Shape nchw, final double abar) {
			lastXt = xt.clone();
			final double c = abar * s2 + 1 - abar;
			final float[] e = new float[xt.length];
			for (int i = 0; i < xt.length; i++)
				e[i] = (float) (Math.sqrt(1 - abar) * (xt[i] - Math.sqrt(abar) * m) / c);
			return e;
		}

		/** E[x0 | x_t] = m + sqrt(abar) s^2 (x_t - sqrt(abar) m) / c_t. */
		double tweedie(final double xt, final double abar) {
			return m + Math.sqrt(abar) * s2 * (xt - Math.sqrt(abar) * m) / (abar * s2 + 1 - abar);
		}
	}

	private static Shape batch(final int n) {
		return Shape.of(1, 1, 1, n);
	}

	@Test
	void visitsTheReferencePairs() {
		final int[] t50 = new Dds(SCHEDULE).times();
		assertEquals(50, t50.length);
		assertEquals(980, t50[0]);
		assertEquals(960, t50[1]);
		assertEquals(0, t50[49]);
		final int[] t = new Dds(SCHEDULE).withSteps(50).withStartTime(100).times();
		assertEquals(50, t.length);
		assertEquals(98, t[0]);
		assertEquals(0, t[49]);
		// more steps than times: every time once
		assertEquals(30, new Dds(SCHEDULE).withSteps(50).withStartTime(30).times().length);
	}

	@Test
	void tweedieEstimateIsTheOraclePosteriorMean() {
		final Oracle oracle = new Oracle(0.3, 0.5);
		final List<float[]> x0s = new ArrayList<>();
		final List<float[]> xts = new ArrayList<>();
		final Dds dds = new Dds(SCHEDULE).withSteps(10).withSeed(4);
		final int[] ts = dds.times();
		dds.run(Shape.of(8, 8), null, oracle, batch(64), x -> {
			x0s.add(x.clone());
			xts.add(oracle.lastXt);
		}, Progress.NONE);
		assertEquals(10, x0s.size());
		for (int k = 0; k < ts.length; k++) {
			final double abar = SCHEDULE.alphaBar(ts[k]);
			for (int i = 0; i < 64; i++)
				assertEquals(oracle.tweedie(xts.get(k)[i], abar), x0s.get(k)[i], 2e-4 * Math.max(1, Math
					.abs(x0s.get(k)[i])), "step " + k + " pixel " + i);
		}
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0, 0.5, 1 })
	void fullNoiselessObservationReturnsTheData(final double eta) {
		final float[] y = new float[64];
		final Random r = new Random(2);
		for (int i = 0; i < y.length; i++) y[i] = (float) r.nextGaussian();
		final Result res = new Dds(SCHEDULE).withSteps(20).withEta(eta).withCgIterations(1).solve(
			new Identity(Shape.of(8, 8)), y, null, new Oracle(0, 1), batch(64), Progress.NONE);
		assertArrayEquals(y, res.estimate(), 1e-5f);
		assertEquals(20, res.iterations());
	}

	/**
	 * With no data consistency, u_t = x_t - sqrt(abar_t) m follows u_s = a u_t + sqrt(1 - abar_s) eta
	 * z, a = [sqrt(abar_s abar_t) s^2 + sqrt((1 - abar_s)(1 - eta^2)(1 - abar_t))] / c_t: the
	 * variance of 10^5 chains at every step matches the recursion (within 4 standard errors).
	 */
	@ParameterizedTest
	@ValueSource(doubles = { 0, 0.5, 0.85, 1 })
	void oneStepVarianceLawPinsTheEtaConvention(final double eta) {
		final int n = 100_000;
		final double m = 0.3, s = 0.5;
		final Oracle oracle = new Oracle(m, s);
		final Dds dds = new Dds(SCHEDULE).withSteps(20).withEta(eta).withCgIterations(0).withSeed(11);
		final int[] ts = dds.times();
		final List<Double> empirical = new ArrayList<>();
		dds.run(Shape.of(n), null, oracle, batch(n), x -> {
			double sum = 0, sq = 0;
			for (final float v : oracle.lastXt) {
				sum += v;
				sq += (double) v * v;
			}
			empirical.add(sq / n - (sum / n) * (sum / n));
		}, Progress.NONE);
		double var = 1; // x_T ~ N(0, 1)
		for (int k = 0; k < ts.length; k++) {
			assertEquals(var, empirical.get(k), 4 * var * Math.sqrt(2.0 / n), "step " + k + " (t = " +
				ts[k] + ")");
			if (k + 1 == ts.length) break;
			final double at = SCHEDULE.alphaBar(ts[k]), as = SCHEDULE.alphaBar(ts[k + 1]);
			final double c = at * s * s + 1 - at;
			final double a = (Math.sqrt(as * at) * s * s + Math.sqrt((1 - as) * (1 - eta * eta) * (1 -
				at))) / c;
			var = a * a * var + (1 - as) * eta * eta;
		}
	}

	@Test
	void regularisedConsistencyBlendsTheEstimateWithTheData() {
		// one step at t = 0: x0' solves (I + gamma M) x = x0_hat + gamma M y for a mask M
		final float[] mask = new float[16];
		for (int i = 0; i < 16; i += 3) mask[i] = 1;
		final MaskOperator a = new MaskOperator(4, 4, mask);
		final float[] y = a.range().newArray();
		for (int i = 0; i < y.length; i++) y[i] = 2 + i;
		final Oracle oracle = new Oracle(0.5, 0.4);
		final double gamma = 3;
		final Result res = new Dds(SCHEDULE).withSteps(1).withStartTime(1).withGamma(gamma)
			.withCgIterations(20).withSeed(5).solve(a, y, new float[16], oracle, batch(16),
				Progress.NONE);
		final float[] fill = a.adjoint(y);
		final double abar = SCHEDULE.alphaBar(0);
		for (int i = 0; i < 16; i++) {
			final double x0 = oracle.tweedie(oracle.lastXt[i], abar);
			final double expected = mask[i] > 0 ? (x0 + gamma * fill[i]) / (1 + gamma) : x0;
			assertEquals(expected, res.estimate()[i], 1e-4, "pixel " + i);
		}
	}

	@Test
	void cancelledRunReturnsTheLastConsistentEstimate() {
		final List<float[]> x0s = new ArrayList<>();
		final int[] reports = { 0 };
		final Progress stopAfterThree = new Progress() {

			@Override
			public void report(final String task, final int done, final int total) {
				reports[0] = done;
			}

			@Override
			public boolean isCancelled() {
				return reports[0] >= 3;
			}
		};
		final Result r = new Dds(SCHEDULE).withSteps(10).run(Shape.of(4, 4), null, new Oracle(0, 1),
			batch(16), x -> x0s.add(x.clone()), stopAfterThree);
		assertTrue(r.cancelled());
		assertEquals(3, r.iterations());
		assertArrayEquals(x0s.get(2), r.estimate());
	}

	@Test
	void badSettingsAreRefusedByName() {
		ConjugateGradientTest.assertNames("eta", () -> new Dds(SCHEDULE).withEta(1.5));
		ConjugateGradientTest.assertNames("steps", () -> new Dds(SCHEDULE).withSteps(0));
		ConjugateGradientTest.assertNames("gamma", () -> new Dds(SCHEDULE).withGamma(-1));
		ConjugateGradientTest.assertNames("cg_iterations", () -> new Dds(SCHEDULE).withCgIterations(
			-1));
		ConjugateGradientTest.assertNames("start_time", () -> new Dds(SCHEDULE).withStartTime(0));
		ConjugateGradientTest.assertNames("init", () -> new Dds(SCHEDULE).solve(new Identity(Shape.of(
			4, 4)), new float[16], new float[15], new Oracle(0, 1), batch(16), Progress.NONE));
	}

	/** y = A x for a draw x of the oracle's prior, in float. */
	private static float[] consistentData(final DenseOperator a, final StationaryOracle prior) {
		return a.apply(prior.unevenImage(0.4));
	}

	/** I - A^T (A A^T)^-1 A: the projection onto the null space of a full-row-rank A. */
	private static RealMatrix nullProjection(final DenseOperator a) {
		final RealMatrix m = a.matrix;
		final RealMatrix gram = new LUDecomposition(m.multiply(m.transpose())).getSolver()
			.getInverse();
		return DenseOperator.identity(m.getColumnDimension()).subtract(m.transpose().multiply(gram)
			.multiply(m));
	}

	/**
	 * ALGORITHMS.md §7.2.1 through solve() with an anisotropic stationary oracle and a dense A with
	 * fewer rows than pixels: at every step x0_hat is the oracle's E[x_0 | x_t]; enough CG steps make
	 * A x0' = y, and x0' - x0_hat lies in range(A^T), which holds only when CG starts at x0_hat
	 * (started at 0 it would add x0_hat's null-space part back). The result is the last x0'.
	 */
	@Test
	void eachStepProjectsTheTweedieEstimateOntoTheDataAlongTheRangeOfTheAdjoint() {
		final StationaryOracle prior = new StationaryOracle(4, 6, 0.2);
		final DenseOperator a = DenseOperator.random(9, prior.image(), -0.5, 8);
		final float[] y = consistentData(a, prior);
		final RealMatrix nul = nullProjection(a);
		final List<float[]> consistent = new ArrayList<>();
		final Result r = new Dds(SCHEDULE).withSteps(6).withEta(0.5).withCgIterations(40).withSeed(3)
			.solve(a, y, null, prior.model, prior.batch(), Progress.NONE, (t, xt, epsHat, x0Hat,
				x0) -> {
				final double[] tweedie = prior.posteriorMean(xt, SCHEDULE.alphaBar(t));
				for (int i = 0; i < prior.size; i++)
					assertEquals(tweedie[i], x0Hat[i], 1e-4 * Math.max(1, Math.abs(tweedie[i])), "t = " +
						t + " pixel " + i);
				final float[] ax = a.apply(x0);
				for (int i = 0; i < y.length; i++)
					assertEquals(y[i], ax[i], 1e-4, "A x0' = y at t = " + t + ", row " + i);
				assertInRangeOfAdjoint(nul, x0, x0Hat, 1e-4, "t = " + t);
				consistent.add(x0.clone());
			});
		assertEquals(6, consistent.size());
		assertArrayEquals(consistent.get(5), r.estimate());
	}

	/** ||P_null (x0 - x0Hat)|| <= tolerance ||x0 - x0Hat||, the difference not negligible. */
	private static void assertInRangeOfAdjoint(final RealMatrix nul, final float[] x0,
		final float[] x0Hat, final double tolerance, final String where)
	{
		final double[] d = new double[x0.length];
		for (int i = 0; i < d.length; i++) d[i] = (double) x0[i] - x0Hat[i];
		final double norm = new ArrayRealVector(d).getNorm();
		assertTrue(norm > 1e-3, "data consistency changed nothing at " + where);
		final double off = new ArrayRealVector(nul.operate(d)).getNorm();
		assertTrue(off <= tolerance * norm, where + ": the correction has a null-space part " + off +
			" of " + norm);
	}

	/**
	 * The same for two CG steps, far from converged, in both forms (normal equations and
	 * regularised): the correction lies in x0_hat + range(A^T) only when CG starts at x0_hat.
	 */
	@ParameterizedTest
	@ValueSource(doubles = { 0, 0.5 })
	void aFewCgStepsStartAtTheTweedieEstimate(final double gamma) {
		final StationaryOracle prior = new StationaryOracle(4, 6, 0.2);
		final DenseOperator a = DenseOperator.random(9, prior.image(), -0.5, 8);
		final float[] y = consistentData(a, prior);
		final RealMatrix nul = nullProjection(a);
		final int[] steps = { 0 };
		new Dds(SCHEDULE).withSteps(4).withEta(0.85).withCgIterations(2).withGamma(gamma).withSeed(5)
			.solve(a, y, null, prior.model, prior.batch(), Progress.NONE, (t, xt, epsHat, x0Hat,
				x0) -> {
				assertInRangeOfAdjoint(nul, x0, x0Hat, 1e-4, "t = " + t);
				steps[0]++;
			});
		assertEquals(4, steps[0]);
	}

	/**
	 * With eta = 0 the chain is deterministic: the next state is exactly
	 * sqrt(abar_s) x0' + sqrt(1 - abar_s) eps_hat, the data-consistent estimate re-noised with the
	 * network's own noise (not x0_hat, not a noise recomputed from x0').
	 */
	@Test
	void theChainContinuesFromTheConsistentEstimateWithTheNetworksNoise() {
		final StationaryOracle prior = new StationaryOracle(4, 6, 0.2);
		final DenseOperator a = DenseOperator.random(9, prior.image(), -0.5, 8);
		final float[] y = consistentData(a, prior);
		final List<float[][]> seen = new ArrayList<>();
		final List<Integer> times = new ArrayList<>();
		new Dds(SCHEDULE).withSteps(5).withEta(0).withCgIterations(3).withSeed(2).solve(a, y, null,
			prior.model, prior.batch(), Progress.NONE, (t, xt, epsHat, x0Hat, x0) -> {
				seen.add(new float[][] { xt.clone(), epsHat.clone(), x0.clone() });
				times.add(t);
			});
		for (int k = 1; k < seen.size(); k++) {
			final double abar = SCHEDULE.alphaBar(times.get(k));
			final float[] xt = seen.get(k)[0], epsHat = seen.get(k - 1)[1], x0 = seen.get(k - 1)[2];
			for (int i = 0; i < xt.length; i++)
				assertEquals(Math.sqrt(abar) * x0[i] + Math.sqrt(1 - abar) * epsHat[i], xt[i], 1e-5,
					"step " + k + " pixel " + i);
		}
	}

	/**
	 * The analogue of §7.3.6 through solve(): an i.i.d. prior N(m, s^2), a mask, noiseless data and
	 * one CG step, which on A^T A = diag(mask) replaces the observed pixels exactly. At every step
	 * the observed pixels of x0' equal y and the missing ones keep x0_hat; the missing pixels' x_t
	 * follow the no-data variance recursion of §7.2.5 (within 4 standard errors), and what the next
	 * step adds to sqrt(abar_s) x0' + sqrt(1 - abar_s) sqrt(1 - eta^2) eps_hat is fresh noise of
	 * variance (1 - abar_s) eta^2 on every pixel.
	 */
	@Test
	void aMaskedChainKeepsTheDataAndTheMissingPixelsFollowTheNoDataLaw() {
		final int h = 200, w = 250, n = h * w;
		final double m = 0.3, s = 0.5, eta = 0.85;
		final float[] mask = InpaintingMasks.randomPixels(h, w, 0.5, 4);
		final MaskOperator a = new MaskOperator(h, w, mask);
		final Random rnd = new Random(6);
		final float[] truth = new float[n];
		for (int i = 0; i < n; i++) truth[i] = (float) (m + s * rnd.nextGaussian());
		final float[] y = a.apply(truth);
		final List<Integer> times = new ArrayList<>();
		final List<Double> missingVariance = new ArrayList<>(), freshMean = new ArrayList<>(),
			freshVariance = new ArrayList<>();
		final float[][] previous = new float[2][];
		final Result r = new Dds(SCHEDULE).withSteps(20).withEta(eta).withCgIterations(1).withSeed(9)
			.solve(a, y, null, new Oracle(m, s), Shape.of(1, 1, h, w), Progress.NONE, (t, xt, epsHat,
				x0Hat, x0) -> {
				final double abar = SCHEDULE.alphaBar(t);
				double sum = 0, sq = 0;
				int missing = 0;
				for (int i = 0; i < n; i++) {
					if (mask[i] != 0) {
						assertEquals(y[i], x0[i], 1e-5, "observed pixel " + i + " at t = " + t);
						continue;
					}
					assertEquals(x0Hat[i], x0[i], "missing pixel " + i + " at t = " + t);
					final double u = xt[i] - Math.sqrt(abar) * m;
					sum += u;
					sq += u * u;
					missing++;
				}
				missingVariance.add(sq / missing - (sum / missing) * (sum / missing));
				if (previous[0] != null) {
					final double keep = Math.sqrt((1 - abar) * (1 - eta * eta));
					double fs = 0, fq = 0;
					for (int i = 0; i < n; i++) {
						final double f = xt[i] - Math.sqrt(abar) * previous[0][i] - keep * previous[1][i];
						fs += f;
						fq += f * f;
					}
					freshMean.add(fs / n);
					freshVariance.add(fq / n - (fs / n) * (fs / n));
				}
				previous[0] = x0.clone();
				previous[1] = epsHat.clone();
				times.add(t);
			});
		final int missing = n - (int) Math.round(a.observedFraction() * n);
		double var = 1;
		for (int k = 0; k < times.size(); k++) {
			assertEquals(var, missingVariance.get(k), 4 * var * Math.sqrt(2.0 / missing), "step " + k +
				" (t = " + times.get(k) + ")");
			if (k + 1 == times.size()) break;
			final double at = SCHEDULE.alphaBar(times.get(k)), as = SCHEDULE.alphaBar(times.get(k + 1));
			final double c = at * s * s + 1 - at;
			final double f = (Math.sqrt(as * at) * s * s + Math.sqrt((1 - as) * (1 - eta * eta) * (1 -
				at))) / c;
			var = f * f * var + (1 - as) * eta * eta;
			final double fresh = (1 - as) * eta * eta;
			assertEquals(0, freshMean.get(k), 4 * Math.sqrt(fresh / n), "fresh noise mean, step " + k);
			assertEquals(fresh, freshVariance.get(k), 4 * fresh * Math.sqrt(2.0 / n),
				"fresh noise variance, step " + k);
		}
		final float[] fill = a.adjoint(y);
		for (int i = 0; i < n; i++)
			if (mask[i] != 0) assertEquals(fill[i], r.estimate()[i], 1e-5, "result pixel " + i);
	}

	/**
	 * A warm start x is noised to the first step's time t_0: the chain's first state is
	 * sqrt(abar_t0) x + sqrt(1 - abar_t0) z (start 600, 3 steps: t_0 = 400, not 600 or 200).
	 */
	@Test
	void aWarmStartIsNoisedToTheFirstStepsTime() {
		final int n = 100_000;
		final float[] init = new float[n];
		java.util.Arrays.fill(init, 0.7f);
		final List<float[]> first = new ArrayList<>();
		final Dds dds = new Dds(SCHEDULE).withStartTime(600).withSteps(3).withSeed(1);
		assertArrayEquals(new int[] { 400, 200, 0 }, dds.times());
		dds.solve(new Identity(Shape.of(n)), init, init, new Oracle(0.3, 0.5), batch(n),
			Progress.NONE, (t, xt, epsHat, x0Hat, x0) -> {
				if (first.isEmpty()) first.add(xt.clone());
			});
		final double abar = SCHEDULE.alphaBar(400);
		double sum = 0, sq = 0;
		for (final float v : first.get(0)) {
			final double u = v - Math.sqrt(abar) * 0.7;
			sum += u;
			sq += u * u;
		}
		assertEquals(0, sum / n, 4 * Math.sqrt((1 - abar) / n), "mean");
		assertEquals(1 - abar, sq / n, 4 * (1 - abar) * Math.sqrt(2.0 / n), "variance");
	}

	/** cg_iterations = 0 switches data consistency off: x0' is x0_hat, and y is not imposed. */
	@Test
	void zeroCgIterationsLeaveTheTweedieEstimateAlone() {
		final float[] mask = InpaintingMasks.randomPixels(8, 8, 0.5, 1);
		final MaskOperator a = new MaskOperator(8, 8, mask);
		final float[] y = a.apply(DenseOperator.randomVector(64, 2));
		final int[] steps = { 0 };
		final Result r = new Dds(SCHEDULE).withSteps(3).withCgIterations(0).solve(a, y, null,
			new Oracle(0, 1), batch(64), Progress.NONE, (t, xt, epsHat, x0Hat, x0) -> {
				assertArrayEquals(x0Hat, x0);
				steps[0]++;
			});
		assertEquals(3, steps[0]);
		assertEquals("0", r.parameters().get("cg_iterations"));
	}

	@Test
	void settingsAtTheirLimits() {
		final Dds dds = new Dds(SCHEDULE).withSteps(1000).withCgIterations(1000).withStartTime(1000);
		assertEquals(1000, dds.steps());
		assertEquals(1000, dds.times().length);
		assertTrue(dds.hasStartTime());
		assertFalse(new Dds(SCHEDULE).hasStartTime());
		assertSame(SCHEDULE, dds.schedule());
		assertArrayEquals(new int[] { 0 }, new Dds(SCHEDULE).withStartTime(1).times());
		ConjugateGradientTest.assertNames("schedule", () -> new Dds(null));
		ConjugateGradientTest.assertNames("steps", () -> new Dds(SCHEDULE).withSteps(1001));
		ConjugateGradientTest.assertNames("cg_iterations", () -> new Dds(SCHEDULE).withCgIterations(
			1001));
		ConjugateGradientTest.assertNames("start_time", () -> new Dds(SCHEDULE).withStartTime(1001));
		ConjugateGradientTest.assertNames("eta", () -> new Dds(SCHEDULE).withEta(-0.1));
		final Identity a = new Identity(Shape.of(4, 4));
		ConjugateGradientTest.assertNames("shape", () -> new Dds(SCHEDULE).solve(a, new float[16],
			null, new Oracle(0, 1), Shape.of(1, 1, 4, 5), Progress.NONE));
		ConjugateGradientTest.assertNames("shape", () -> new Dds(SCHEDULE).solve(a, new float[16],
			null, new Oracle(0, 1), Shape.of(4, 4), Progress.NONE));
		ConjugateGradientTest.assertNames("prior", () -> new Dds(SCHEDULE).solve(a, new float[16],
			null, new Oracle(0, 1), Shape.of(1, 2, 2, 4), Progress.NONE));
		final float[] nan = new float[16];
		nan[3] = Float.NaN;
		ConjugateGradientTest.assertNames("init", () -> new Dds(SCHEDULE).solve(a, new float[16], nan,
			new Oracle(0, 1), batch(16), Progress.NONE));
	}
}
