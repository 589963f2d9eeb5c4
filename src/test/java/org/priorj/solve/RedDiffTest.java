package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.linear.RealMatrix;

import org.junit.jupiter.api.Test;
import org.priorj.physics.Downsampling;
import org.priorj.physics.Identity;
import org.priorj.physics.LinearOperator;
import org.priorj.base.Shape;
import org.priorj.prior.DenoiserEpsilonModel;
import org.priorj.prior.DiagonalGaussianDenoiser;
import org.priorj.prior.DiffusionSchedule;

/** The RED-Diff checks of ALGORITHMS.md §7.1 with a Gaussian oracle prior. */
class RedDiffTest {

	private static final DiffusionSchedule SCHEDULE = DiffusionSchedule.linear();

	/** The loop tests' problem: a stationary prior on 4 x 6 images and a dense 10 x 24 A. */
	private static final StationaryOracle PRIOR = new StationaryOracle(4, 6, 0.1);
	private static final DenseOperator A = DenseOperator.random(10, PRIOR.image(), -0.5, 3);
	private static final float[] Y = DenseOperator.randomVector(10, 4);

	@Test
	void visitsTheReferenceTimesAndWeights() {
		final int[] t100 = new RedDiff(SCHEDULE).withSteps(100).times();
		assertEquals(100, t100.length);
		assertEquals(990, t100[0]);
		assertEquals(0, t100[99]);
		final int[] t50 = new RedDiff(SCHEDULE).withSteps(50).times();
		assertEquals(980, t50[0]);
		assertEquals(0, t50[49]);
		// a start and end time: every time from 99 down to 10 when steps exceed the span
		final int[] t = new RedDiff(SCHEDULE).withSteps(100).withStartTime(100).withEndTime(10).times();
		assertEquals(90, t.length);
		assertEquals(99, t[0]);
		assertEquals(10, t[89]);
		final int[] t20 = new RedDiff(SCHEDULE).withSteps(20).withStartTime(500).times();
		assertEquals(20, t20.length);
		assertEquals(475, t20[0]);
		assertEquals(0, t20[19]);
		// steps not dividing the span: exactly that many calls, distinct and descending
		for (final int steps : new int[] { 100, 37, 170 }) {
			final int[] odd = new RedDiff(SCHEDULE).withSteps(steps).withStartTime(171).times();
			assertEquals(steps, odd.length);
			assertEquals(0, odd[steps - 1]);
			assertTrue(odd[0] <= 170 && odd[0] >= 170 - 171 / steps, "first " + odd[0]);
			for (int i = 1; i < steps; i++) assertTrue(odd[i] < odd[i - 1]);
		}
		assertEquals(171, new RedDiff(SCHEDULE).withSteps(400).withStartTime(171).times().length);
		final RedDiff r = new RedDiff(SCHEDULE).withLambda(1);
		assertEquals(0.0100005, r.weight(0), 1e-6);
		assertEquals(157.407, r.weight(999), 1e-3);
	}

	@Test
	void appliesExactlyTheStopGradientLossGradient() {
		// finite differences of L(x0) with eps_hat held fixed, A a 2x downsampling (N_y = N_x / 4)
		final int h = 8, w = 8;
		final LinearOperator a = new Downsampling(h, w, 2, Downsampling.Method.BLOCK_AVERAGE);
		final Random rnd = new Random(3);
		final float[] x0 = new float[h * w], noise = new float[h * w], epsHat = new float[h * w];
		final float[] y = new float[a.range().size()];
		for (int i = 0; i < x0.length; i++) {
			x0[i] = (float) rnd.nextGaussian();
			noise[i] = (float) rnd.nextGaussian();
			epsHat[i] = (float) rnd.nextGaussian();
		}
		for (int i = 0; i < y.length; i++) y[i] = (float) rnd.nextGaussian();
		final RedDiff r = new RedDiff(SCHEDULE).withObservationWeight(0.7);
		final double wt = 1.3;
		final float[] grad = new float[x0.length];
		r.gradient(a, y, x0, noise, epsHat, wt, a.range().newArray(), grad);
		for (final int i : new int[] { 0, 9, 37, 63 }) {
			final double e = 1e-3;
			final float[] p = x0.clone(), m = x0.clone();
			p[i] += e;
			m[i] -= e;
			final double fd = (loss(a, y, p, noise, epsHat, wt, 0.7) - loss(a, y, m, noise, epsHat, wt,
				0.7)) / (2 * e);
			assertEquals(fd, grad[i], 1e-4 + 1e-3 * Math.abs(fd), "entry " + i);
		}
	}

	/** L = w mean(stopgrad(eps_hat - eps) x0) + v / 2 mean((y - A x0)^2), in double. */
	private static double loss(final LinearOperator a, final float[] y, final float[] x0,
		final float[] noise, final float[] epsHat, final double wt, final double v)
	{
		double reg = 0;
		for (int i = 0; i < x0.length; i++) reg += (epsHat[i] - noise[i]) * (double) x0[i];
		final float[] ax = a.apply(x0);
		double data = 0;
		for (int i = 0; i < ax.length; i++) data += Math.pow(y[i] - ax[i], 2);
		return wt * reg / x0.length + v * 0.5 * data / ax.length;
	}

	@Test
	void withoutRegularisationAndAIdentityTheMeanConvergesToTheData() {
		final int h = 6, w = 7;
		final Random rnd = new Random(1);
		final float[] y = new float[h * w];
		for (int i = 0; i < y.length; i++) y[i] = (float) rnd.nextGaussian();
		final DenoiserEpsilonModel eps = new DenoiserEpsilonModel(DiagonalGaussianDenoiser.uniform(1,
			0, 1, -10, 10));
		final float[] y0 = y.clone();
		final Result r = new RedDiff(SCHEDULE).withLambda(0).withSteps(1000).withLearningRate(0.05)
			.solve(new Identity(Shape.of(h, w)), y, new float[h * w], eps, Shape.of(1, 1, h, w),
				Progress.NONE);
		assertArrayEquals(y0, y, "the measurement was modified");
		for (int i = 0; i < y.length; i++) assertEquals(y[i], r.estimate()[i], 2e-2);
		assertEquals("red_diff", r.method());
		assertEquals(1000, r.iterations());
	}

	@Test
	void aCancelledRunReturnsTheCurrentMean() {
		final float[] y = new float[16];
		final Result r = new RedDiff(SCHEDULE).withSteps(50).solve(new Identity(Shape.of(4, 4)), y,
			new float[16], new DenoiserEpsilonModel(DiagonalGaussianDenoiser.uniform(1, 0, 1, -1, 1)),
			Shape.of(1, 1, 4, 4), IterationsTest.cancelAfter(5, new java.util.ArrayList<>()));
		assertTrue(r.cancelled());
		assertEquals(5, r.iterations());
	}

	@Test
	void theRegulariserGradientHasTheOracleExpectation() {
		// scalar prior N(m, s^2): E[eps*(x_t) - eps] = sqrt(abar (1 - abar)) (mu - m) / C_t,
		// C_t = abar s^2 + 1 - abar (ALGORITHMS.md §7.1.2), by Monte Carlo over 2 x 10^5 draws
		final double m = 0.3, s = 0.5, mu = 1.1;
		final DenoiserEpsilonModel eps = new DenoiserEpsilonModel(DiagonalGaussianDenoiser.uniform(1,
			m, s, -10, 10));
		final int side = 100;
		final Shape shape = Shape.of(1, 1, side, side);
		final java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
		for (final int t : new int[] { 100, 500 }) {
			final double abar = SCHEDULE.alphaBar(t);
			double sum = 0;
			final int rounds = 20;
			for (int r = 0; r < rounds; r++) {
				final float[] noise = new float[side * side], xt = new float[side * side];
				for (int i = 0; i < xt.length; i++) {
					noise[i] = (float) org.priorj.physics.GaussianNoise.gaussian(rnd);
					xt[i] = (float) (Math.sqrt(abar) * mu + Math.sqrt(1 - abar) * noise[i]);
				}
				final float[] hat = eps.eps(xt, shape, abar);
				for (int i = 0; i < xt.length; i++) sum += hat[i] - noise[i];
			}
			final double mean = sum / (rounds * side * side);
			final double want = Math.sqrt(abar * (1 - abar)) * (mu - m) / (abar * s * s + 1 - abar);
			assertEquals(want, mean, 0.01 * Math.abs(want) + 3e-3, "t = " + t);
		}
	}
	@Test
	void atAFrozenTimeTheMeanSettlesAtTheGaussianPosteriorFixedPoint() {
		// ALGORITHMS.md §7.1.3: prior N(m, s^2 I), A a 2x block average (N_y = N_x / 4), t frozen.
		// Stochastic gradient descent on the gradient RED-Diff applies, iterates averaged, must
		// settle at mu* = (A^T A / N_y + lambda kappa / N_x)^-1 (A^T y / N_y + lambda kappa m / N_x)
		// with kappa = (1 - abar) / (abar s^2 + 1 - abar).
		final int h = 8, w = 8, n = h * w, t = 300;
		final double m = 0.2, s = 0.5, lambda = 2;
		final LinearOperator a = new Downsampling(h, w, 2, Downsampling.Method.BLOCK_AVERAGE);
		final Random rnd = new Random(5);
		final float[] y = new float[a.range().size()];
		for (int i = 0; i < y.length; i++) y[i] = (float) rnd.nextGaussian();
		final double abar = SCHEDULE.alphaBar(t), kappa = (1 - abar) / (abar * s * s + 1 - abar);
		final int ny = y.length;
		// mu* by exact gradient descent on the quadratic (double precision)
		final double[] star = new double[n];
		final float[] aty = a.adjoint(y);
		for (int it = 0; it < 20000; it++) {
			final float[] f = new float[n];
			for (int i = 0; i < n; i++) f[i] = (float) star[i];
			final float[] ata = a.adjoint(a.apply(f));
			for (int i = 0; i < n; i++)
				star[i] -= 20 * ((ata[i] - aty[i]) / ny + lambda * kappa * (star[i] - m) / n);
		}
		final RedDiff r = new RedDiff(SCHEDULE).withLambda(lambda);
		final DenoiserEpsilonModel eps = new DenoiserEpsilonModel(DiagonalGaussianDenoiser.uniform(1,
			m, s, -10, 10));
		final java.util.SplittableRandom draws = new java.util.SplittableRandom(7);
		final float[] mu = new float[n], noise = new float[n], xt = new float[n], grad = new float[n];
		final float[] residual = a.range().newArray();
		final double[] mean = new double[n];
		final int burn = 2000, steps = 40000;
		for (int it = 0; it < burn + steps; it++) {
			for (int i = 0; i < n; i++) {
				noise[i] = (float) org.priorj.physics.GaussianNoise.gaussian(draws);
				xt[i] = (float) (Math.sqrt(abar) * mu[i] + Math.sqrt(1 - abar) * noise[i]);
			}
			r.gradient(a, y, mu, noise, eps.eps(xt, Shape.of(1, 1, h, w), abar), r.weight(t),
				residual, grad);
			for (int i = 0; i < n; i++) mu[i] -= 5 * grad[i];
			if (it >= burn) for (int i = 0; i < n; i++) mean[i] += mu[i] / (double) steps;
		}
		for (int i = 0; i < n; i++) assertEquals(star[i], mean[i], 0.008, "pixel " + i);
	}

	/**
	 * Through solve(), with an anisotropic stationary Gaussian oracle and a dense under-determined A:
	 * the gradient handed to Adam is g = lambda (1 - abar) C_t^-1 (mu - m) / N_x
	 * - A^T (y - A mu) / N_y + (w_t / N_x) M_t eps with M_t = (1 - abar) C_t^-1 - I = -abar C C_t^-1
	 * (ALGORITHMS.md §7.1.2), where eps is the very draw that built x_t. So
	 * z = M_t^-1 (g - mean) N_x / w_t is that draw: mean 0 and variance 1 at every time, over 200
	 * seeded runs. The mean pins the regulariser (its sign, the state the model is asked at, how x_t
	 * is built) and the data term; the variance pins the pairing of eps_hat with its own draw.
	 */
	@Test
	void theGradientHandedToAdamIsTheOracleMeanPlusItsOwnDraw() {
		final double lambda = 2;
		final StationaryOracle prior = PRIOR;
		final int n = prior.size;
		final DenseOperator a = A;
		final float[] y = Y, init = prior.unevenImage(2);
		final int[] times = { 400, 300, 200, 100, 0 };
		final double[][] sum = new double[times.length][2];
		final int runs = 200;
		for (int seed = 0; seed < runs; seed++) {
			final int[] k = { 0 };
			new RedDiff(SCHEDULE).withLambda(lambda).withLearningRate(0.05).withSteps(5).withStartTime(
				500).withSeed(seed).solve(a, y, init, prior.model, prior.batch(), Progress.NONE, (t, mu,
					grad) -> {
					assertEquals(times[k[0]], t);
					final double abar = SCHEDULE.alphaBar(t), wt = lambda * Math.sqrt((1 - abar) / abar);
					final RealMatrix ct = prior.stateCovariance(abar);
					final double[] d = new double[n];
					for (int i = 0; i < n; i++) d[i] = mu[i] - prior.mean;
					final double[] reg = StationaryOracle.solve(ct, d);
					final double[] data = a.adjointDouble(residual(a, y, mu));
					final double[] r = new double[n];
					for (int i = 0; i < n; i++)
						r[i] = grad[i] - (lambda * (1 - abar) * reg[i] / n - data[i] / y.length);
					final double[] z = ct.operate(StationaryOracle.solve(prior.covariance, r));
					for (final double v : z) {
						final double e = -v * n / (abar * wt);
						sum[k[0]][0] += e;
						sum[k[0]][1] += e * e;
					}
					k[0]++;
				});
			assertEquals(times.length, k[0]);
		}
		final double count = runs * n;
		for (int k = 0; k < times.length; k++) {
			final double mean = sum[k][0] / count, var = sum[k][1] / count - mean * mean;
			assertEquals(0, mean, 5 / Math.sqrt(count), "mean of the draw at t = " + times[k]);
			assertEquals(1, var, 5 * Math.sqrt(2 / count), "variance of the draw at t = " + times[k]);
		}
	}

	/** y - A mu. */
	private static float[] residual(final DenseOperator a, final float[] y, final float[] mu) {
		final float[] r = a.apply(mu);
		for (int i = 0; i < r.length; i++) r[i] = y[i] - r[i];
		return r;
	}

	/**
	 * Through solve(): mu moves by Adam with the reference's betas (0.9, 0.99), eps 1e-8 and bias
	 * correction, replayed in double from the gradients the loop handed over; the result is mu after
	 * the last step.
	 */
	@Test
	void muMovesByAdamWithTheReferenceSettings() {
		final double lr = 0.05;
		final StationaryOracle prior = PRIOR;
		final int n = prior.size;
		final DenseOperator a = A;
		final float[] y = Y;
		final List<float[]> mus = new ArrayList<>(), grads = new ArrayList<>();
		final Result r = new RedDiff(SCHEDULE).withLambda(1).withLearningRate(lr).withSteps(8)
			.withStartTime(400).withSeed(2).solve(a, y, prior.unevenImage(1), prior.model, prior
				.batch(), Progress.NONE, (t, mu, grad) -> {
					mus.add(mu.clone());
					grads.add(grad.clone());
				});
		mus.add(r.estimate());
		final double[] m1 = new double[n], m2 = new double[n];
		for (int k = 0; k < grads.size(); k++) {
			final double c1 = 1 - Math.pow(0.9, k + 1), c2 = 1 - Math.pow(0.99, k + 1);
			for (int i = 0; i < n; i++) {
				final double g = grads.get(k)[i];
				m1[i] = 0.9 * m1[i] + 0.1 * g;
				m2[i] = 0.99 * m2[i] + 0.01 * g * g;
				final double want = mus.get(k)[i] - lr * (m1[i] / c1) / (Math.sqrt(m2[i] / c2) + 1e-8);
				assertEquals(want, mus.get(k + 1)[i], 1e-6, "step " + k + " pixel " + i);
			}
		}
		assertEquals(8, grads.size());
	}

	/**
	 * sigma_x0 > 0 draws x0 = mu + sigma_x0 n0 around the mean: with lambda = 0 and A = I the
	 * gradient is -(y - x0) / N, so x0 can be read off it; x0 - mu has mean 0 and variance
	 * sigma_x0^2 over 10^4 pixels.
	 */
	@Test
	void aPositiveSigmaX0DrawsX0AroundTheMean() {
		final int n = 10_000;
		final float[] y = DenseOperator.randomVector(n, 1), init = DenseOperator.randomVector(n, 2);
		final double[] sums = new double[2];
		final Result r = new RedDiff(SCHEDULE).withLambda(0).withSigmaX0(0.3).withSteps(1).withSeed(5)
			.solve(new Identity(Shape.of(n)), y, init, new DenoiserEpsilonModel(DiagonalGaussianDenoiser
				.uniform(1, 0, 1, -10, 10)), Shape.of(1, 1, 1, n), Progress.NONE, (t, mu, grad) -> {
					for (int i = 0; i < n; i++) {
						final double d = y[i] + grad[i] * (double) n - mu[i];
						sums[0] += d;
						sums[1] += d * d;
					}
				});
		assertEquals(0, sums[0] / n, 4 * 0.3 / Math.sqrt(n));
		assertEquals(0.09, sums[1] / n, 4 * 0.09 * Math.sqrt(2.0 / n));
		assertEquals("0.3", r.parameters().get("sigma_x0"));
	}

	/** The history is the data term 1/2 mean((y - A mu)^2) of each step, before its Adam update. */
	@Test
	void theHistoryIsTheDataTermOfEachStep() {
		final StationaryOracle prior = PRIOR;
		final DenseOperator a = A;
		final float[] y = Y;
		final List<Double> data = new ArrayList<>();
		final Result r = new RedDiff(SCHEDULE).withSteps(6).withStartTime(300).solve(a, y, prior
			.unevenImage(1), prior.model, prior.batch(), Progress.NONE, (t, mu, grad) -> {
				final float[] res = residual(a, y, mu);
				double sq = 0;
				for (final float v : res) sq += (double) v * v;
				data.add(sq / (2 * y.length));
			});
		assertEquals(6, r.history().length);
		for (int k = 0; k < 6; k++)
			assertEquals(data.get(k), r.history()[k], 1e-6 * data.get(k), "step " + k);
		assertEquals("300", r.parameters().get("start_time"));
		assertEquals("1000", new RedDiff(SCHEDULE).withSteps(2).solve(a, y, prior.unevenImage(1),
			prior.model, prior.batch(), Progress.NONE).parameters().get("start_time"));
	}

	@Test
	void eachWeightingIsItsFunctionOfTheNoiseToSignalRatio() {
		final double r = SCHEDULE.sigma(700);
		final double[][] cases = { { 0, r }, { 1, Math.sqrt(r) }, { 2, r * r }, { 3, Math.log(1 + r) }, {
			4, 1 } };
		for (final double[] c : cases) {
			final RedDiff.Weighting w = RedDiff.Weighting.values()[(int) c[0]];
			assertEquals(c[1], w.of(r), 1e-12, w.name());
			final RedDiff solver = new RedDiff(SCHEDULE).withLambda(2);
			final RedDiff weighted = solver.withWeighting(w);
			assertNotSame(solver, weighted, "a with-method changes a copy");
			assertEquals(2 * c[1], weighted.weight(700), 1e-9, w.name());
			assertEquals(2 * RedDiff.Weighting.LINEAR.of(r), solver.weight(700), 1e-9, "the original");
		}
	}

	@Test
	void timesAndSettingsAtTheirLimits() {
		assertArrayEquals(new int[] { 0 }, new RedDiff(SCHEDULE).withStartTime(1).withSteps(5).times());
		assertEquals(1000, new RedDiff(SCHEDULE).withSteps(1000).times().length);
		assertEquals(999, new RedDiff(SCHEDULE).withStartTime(1000).withEndTime(999).withSteps(3)
			.times()[0]);
		assertEquals(0, new RedDiff(SCHEDULE).withEndTime(0).withSteps(4).times()[3]);
		assertTrue(new RedDiff(SCHEDULE).withStartTime(1000).hasStartTime());
		assertFalse(new RedDiff(SCHEDULE).hasStartTime());
		ConjugateGradientTest.assertNames("schedule", () -> new RedDiff(null));
		ConjugateGradientTest.assertNames("weighting", () -> new RedDiff(SCHEDULE).withWeighting(null));
		ConjugateGradientTest.assertNames("steps", () -> new RedDiff(SCHEDULE).withSteps(0));
		ConjugateGradientTest.assertNames("steps", () -> new RedDiff(SCHEDULE).withSteps(1001));
		ConjugateGradientTest.assertNames("start_time", () -> new RedDiff(SCHEDULE).withStartTime(0));
		ConjugateGradientTest.assertNames("start_time", () -> new RedDiff(SCHEDULE).withStartTime(
			1001));
		ConjugateGradientTest.assertNames("end_time", () -> new RedDiff(SCHEDULE).withEndTime(-1));
		ConjugateGradientTest.assertNames("end_time", () -> new RedDiff(SCHEDULE).withEndTime(1000));
		ConjugateGradientTest.assertNames("end_time", () -> new RedDiff(SCHEDULE).withStartTime(50)
			.withEndTime(50).times());
		ConjugateGradientTest.assertNames("lambda", () -> new RedDiff(SCHEDULE).withLambda(-1));
		ConjugateGradientTest.assertNames("lr", () -> new RedDiff(SCHEDULE).withLearningRate(0));
		ConjugateGradientTest.assertNames("sigma_x0", () -> new RedDiff(SCHEDULE).withSigmaX0(-1));
		ConjugateGradientTest.assertNames("obs_weight", () -> new RedDiff(SCHEDULE)
			.withObservationWeight(-1));
	}

	@Test
	void aBatchThatDoesNotFitTheOperatorOrThePriorIsRefused() {
		final Identity a = new Identity(Shape.of(4, 4));
		final DenoiserEpsilonModel grey = new DenoiserEpsilonModel(DiagonalGaussianDenoiser.uniform(1,
			0, 1, -1, 1));
		ConjugateGradientTest.assertNames("shape", () -> new RedDiff(SCHEDULE).solve(a, new float[16],
			new float[16], grey, Shape.of(1, 1, 4, 5), Progress.NONE));
		ConjugateGradientTest.assertNames("shape", () -> new RedDiff(SCHEDULE).solve(a, new float[16],
			new float[16], grey, Shape.of(4, 4), Progress.NONE));
		ConjugateGradientTest.assertNames("prior", () -> new RedDiff(SCHEDULE).solve(a, new float[16],
			new float[16], grey, Shape.of(1, 2, 2, 4), Progress.NONE));
		ConjugateGradientTest.assertNames("init", () -> new RedDiff(SCHEDULE).solve(a, new float[16],
			new float[15], grey, Shape.of(1, 1, 4, 4), Progress.NONE));
	}
}
