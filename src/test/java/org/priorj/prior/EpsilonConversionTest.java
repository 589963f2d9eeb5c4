package org.priorj.prior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.priorj.prior.PriorAssertions.assertRefused;
import static org.priorj.prior.PriorAssertions.gaussian;
import static org.priorj.prior.PriorAssertions.maxAbsDifference;
import static org.priorj.prior.PriorAssertions.uniform;

import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.priorj.base.Shape;

/**
 * The denoiser <-> VP noise-predictor conversions against the Gaussian oracles of ALGORITHMS.md
 * section 7.0, computed in double.
 */
class EpsilonConversionTest {

	private static final DiffusionSchedule ADM = DiffusionSchedule.linear();
	private static final int[] TIMES = { 0, 1, 10, 100, 250, 500, 750, 999 };
	private static final Shape CHW = Shape.of(1, 6, 6);
	private static final Shape BATCH = Shape.of(2, 1, 6, 6);
	private static final double[] MEAN = uniform(CHW.size(), 0.2, 0.8, 21);
	private static final double[] STD = uniform(CHW.size(), 0.05, 0.5, 22);
	private static final DiagonalGaussianDenoiser PRIOR = DiagonalGaussianDenoiser.perPixel(CHW,
		MEAN, STD, 0, 1);

	/** The oracle eps* of the diagonal prior, in double: an epsilon network stand-in. */
	private static final EpsilonModel ORACLE = new EpsilonModel() {

		@Override
		public int channels() {
			return 1;
		}

		@Override
		public float[] eps(final float[] xt, final Shape nchw, final double alphaBar) {
			final float[] e = new float[xt.length];
			final double[] ref = oracleEpsilon(xt, alphaBar);
			for (int i = 0; i < e.length; i++) e[i] = (float) ref[i];
			return e;
		}
	};

	/** eps*(x_t) = sqrt(1 - abar) C_t^-1 (x_t - sqrt(abar) m), C_t = abar s^2 + 1 - abar. */
	private static double[] oracleEpsilon(final float[] xt, final double alphaBar) {
		final double[] e = new double[xt.length];
		for (int i = 0; i < xt.length; i++) {
			final int j = i % MEAN.length;
			final double ct = alphaBar * STD[j] * STD[j] + 1 - alphaBar;
			e[i] = Math.sqrt(1 - alphaBar) * (xt[i] - Math.sqrt(alphaBar) * MEAN[j]) / ct;
		}
		return e;
	}

	/** x_t = sqrt(abar) x0 + sqrt(1 - abar) n with x0 drawn from the prior. */
	private static float[] noisyState(final int t, final long seed) {
		final double a = ADM.alphaBar(t);
		final float[] z0 = gaussian(BATCH.size(), 0, 1, seed);
		final float[] n = gaussian(BATCH.size(), 0, 1, seed + 1000);
		final float[] xt = new float[z0.length];
		for (int i = 0; i < xt.length; i++) {
			final int j = i % MEAN.length;
			xt[i] = (float) (Math.sqrt(a) * (MEAN[j] + STD[j] * z0[i]) + Math.sqrt(1 - a) * n[i]);
		}
		return xt;
	}

	@Test
	void epsilonOfDiagonalDenoiserIsTheOracle() {
		final EpsilonModel eps = new DenoiserEpsilonModel(PRIOR);
		double worst = 0;
		for (final int t : TIMES) {
			final float[] xt = noisyState(t, t);
			final float[] copy = xt.clone();
			final double err = maxAbsDifference(eps.eps(xt, BATCH, ADM, t), oracleEpsilon(xt, ADM
				.alphaBar(t)));
			assertArrayEquals(copy, xt);
			worst = Math.max(worst, err);
		}
		System.out.printf("eps from diagonal Gaussian denoiser vs oracle: max error %.2e%n", worst);
		assertTrue(worst < 1e-5, "max error " + worst);
	}

	@Test
	void epsilonOfStationaryDenoiserIsTheDenseOracle() {
		final StationaryGaussianDenoiser d = StationaryGaussianDenoiser.parametric(1, 0.4, 0.05,
			0.1, 1, 0, 1);
		final Shape batch = Shape.of(1, 1, 8, 8);
		final RealMatrix c = DenseGaussian.circulantCovariance(d.spectrum(8, 8), 8, 8);
		final EpsilonModel eps = new DenoiserEpsilonModel(d);
		double worst = 0;
		for (final int t : TIMES) {
			final float[] xt = gaussian(64, Math.sqrt(ADM.alphaBar(t)) * 0.4, 0.5, 40 + t);
			worst = Math.max(worst, maxAbsDifference(eps.eps(xt, batch, ADM, t), DenseGaussian
				.epsilon(c, 0.4, DenseGaussian.slice(xt, 0, 64), ADM.alphaBar(t))));
		}
		System.out.printf("eps from stationary Gaussian denoiser vs dense oracle: max error %.2e%n",
			worst);
		assertTrue(worst < 1e-5, "max error " + worst);
	}

	@Test
	void epsilonToDenoiserToEpsilonRoundTrips() {
		final EpsilonModel back = new DenoiserEpsilonModel(new EpsilonDenoiser(ORACLE, ADM, "oracle",
			0, 1));
		double worst = 0;
		for (final int t : TIMES) {
			final float[] xt = noisyState(t, 100 + t);
			worst = Math.max(worst, maxAbsDifference(back.eps(xt, BATCH, ADM, t), ORACLE.eps(xt,
				BATCH, ADM, t)));
		}
		System.out.printf("eps -> D -> eps round trip: max error %.2e%n", worst);
		assertTrue(worst < 1e-5, "max error " + worst);
	}

	@Test
	void denoiserToEpsilonToDenoiserRoundTrips() {
		final Denoiser back = new EpsilonDenoiser(new DenoiserEpsilonModel(PRIOR), ADM, "gaussian",
			0, 1);
		final float[] x = gaussian(BATCH.size(), 0.5, 0.5, 7);
		double worst = 0;
		for (final double sigma : new double[] { 0, 1e-3, ADM.sigma(0), 0.05, 0.3, 1, 5, 150 }) {
			worst = Math.max(worst, maxAbsDifference(back.denoise(x, BATCH, sigma), PRIOR.denoise(x,
				BATCH, sigma)));
		}
		System.out.printf("D -> eps -> D round trip: max error %.2e%n", worst);
		assertTrue(worst < 1e-5, "max error " + worst);
	}

	@Test
	void denoiserOfOracleEpsilonIsTheOracleTweedieEstimate() {
		final Denoiser d = new EpsilonDenoiser(ORACLE, ADM, "oracle", 0, 1);
		double worst = 0;
		for (final int t : TIMES) {
			final double a = ADM.alphaBar(t);
			final float[] xt = noisyState(t, 200 + t);
			final float[] x = new float[xt.length];
			for (int i = 0; i < x.length; i++) x[i] = (float) (xt[i] / Math.sqrt(a));
			final float[] out = d.denoise(x, BATCH, ADM.sigma(t));
			// E[x0 | x_t] = m + sqrt(abar) s^2 C_t^-1 (x_t - sqrt(abar) m)
			final double[] ref = new double[x.length];
			for (int i = 0; i < x.length; i++) {
				final int j = i % MEAN.length;
				final double v = STD[j] * STD[j];
				ref[i] = MEAN[j] + Math.sqrt(a) * v / (a * v + 1 - a) * (xt[i] - Math.sqrt(a) *
					MEAN[j]);
			}
			// D = x - sigma eps: the float rounding of eps (and of x, of size sigma) comes back
			// multiplied by sigma, 157 at t = 999; relative to the input's scale it stays at 1e-7
			final double err = maxAbsDifference(out, ref) / Math.max(1, ADM.sigma(t));
			worst = Math.max(worst, err);
		}
		System.out.printf("Tweedie from oracle eps vs oracle E[x0|x_t]: max error / max(1, sigma_t)" +
			" %.2e%n", worst);
		assertTrue(worst < 1e-6, "max error " + worst);
	}

	@Test
	void epsilonDenoiserAsksTheModelAtTheExactState() {
		final double[] asked = new double[1];
		final EpsilonModel recorder = new EpsilonModel() {

			@Override
			public int channels() {
				return 1;
			}

			@Override
			public float[] eps(final float[] xt, final Shape nchw, final double alphaBar) {
				asked[0] = alphaBar;
				return new float[xt.length];
			}
		};
		final EpsilonDenoiser d = new EpsilonDenoiser(recorder, ADM, "recorder", -1, 1);
		final float[] x = { 0.5f, -0.25f };
		assertArrayEquals(x, d.denoise(x, Shape.of(1, 1, 1, 2), 0.3));
		assertEquals(1 / 1.09, asked[0], 1e-15);
		asked[0] = -1;
		assertArrayEquals(x, d.denoise(x, Shape.of(1, 1, 1, 2), 0));
		assertEquals(-1, asked[0], 0);
		assertEquals(ADM.sigma(0), d.minSigma(), 0);
		assertEquals(ADM.sigma(999), d.maxSigma(), 0);
		assertEquals(-1, d.low(), 0);
		assertEquals(1, d.high(), 0);
		assertEquals("recorder", d.name());
		assertEquals(1, d.channels());
	}

	@Test
	void refusesBadInputNamingIt() {
		final EpsilonModel eps = new DenoiserEpsilonModel(PRIOR);
		final EpsilonDenoiser d = new EpsilonDenoiser(ORACLE, ADM, "oracle", 0, 1);
		final float[] x = new float[BATCH.size()];
		assertRefused("alpha_bar", () -> eps.eps(x, BATCH, 1));
		assertRefused("alpha_bar", () -> eps.eps(x, BATCH, 0));
		assertRefused("alpha_bar", () -> eps.eps(x, BATCH, Double.NaN));
		assertRefused("t", () -> eps.eps(x, BATCH, ADM, 1000));
		assertRefused("x", () -> eps.eps(x, CHW, 0.5));
		assertRefused("x", () -> eps.eps(new float[72], Shape.of(1, 2, 6, 6), 0.5));
		assertRefused("sigma", () -> d.denoise(x, BATCH, -1e-3));
		assertRefused("sigma", () -> d.denoise(x, BATCH, Double.NaN));
		assertRefused("x", () -> d.denoise(x, CHW, 0.1));
		assertRefused("x", () -> d.denoise(new float[72], Shape.of(1, 2, 6, 6), 0.1));
		assertRefused("model", () -> new EpsilonDenoiser(null, ADM, "none", 0, 1));
		assertRefused("schedule", () -> new EpsilonDenoiser(ORACLE, null, "none", 0, 1));
		assertRefused("name", () -> new EpsilonDenoiser(ORACLE, ADM, "", 0, 1));
		assertRefused("range", () -> new EpsilonDenoiser(ORACLE, ADM, "oracle", 1, 1));
		assertRefused("denoiser", () -> new DenoiserEpsilonModel(null));
	}
}
