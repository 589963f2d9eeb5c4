package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.priorj.base.Shape;

/**
 * Agreement with scikit-image 0.19's {@code denoise_tv_chambolle(f, weight=0.1)} on the inputs of
 * {@link TvReferenceInputs}. The numbers below were printed by
 * {@code /usr/bin/python3 scripts/tv_reference.py} (float64 in scikit-image; PriorJ computes in
 * float with double sums). Over all pixels the largest difference is 9e-8 for the default runs
 * (10 and 21 steps) and 2e-4 after 200 steps: with scikit-image's step 1/4 the iteration passes
 * through a phase (around step 100) where rounding errors grow, so that scikit-image in float32
 * and in float64 differ by 1.5e-4 there too.
 */
class TvDenoiserReferenceTest {

	private static void assertMatches(final Result r, final int steps, final double sum,
		final double l2, final int[] at, final double[] values, final double tolerance)
	{
		assertEquals(steps, r.iterations(), "steps");
		final float[] x = r.estimate();
		double s = 0, q = 0;
		for (final float v : x) {
			s += v;
			q += (double) v * v;
		}
		assertEquals(sum / x.length, s / x.length, 1e-6, "mean");
		assertEquals(l2, Math.sqrt(q), tolerance * 10, "L2 norm");
		for (int k = 0; k < at.length; k++) {
			assertEquals(values[k], x[at[k]], tolerance, "value at " + at[k]);
		}
	}

	@Test
	void imageMatchesScikitImage() {
		final Result r = new TvDenoiser(0.1).denoise(TvReferenceInputs.image(64, 64), Shape.of(64,
			64), Progress.NONE);
		assertMatches(r, 10, 1692.0986432880, 29.6064438865, new int[] { 0, 1000, 2080, 3333,
			4095 }, new double[] { 0.16894113, 0.46197046, 0.73121072, 0.21978647, 0.34936666 }, 1e-6);
	}

	@Test
	void imageMatchesScikitImageOverAllTwoHundredSteps() {
		final Result r = new TvDenoiser(0.1).withEps(0).denoise(TvReferenceInputs.image(64, 64),
			Shape.of(64, 64), Progress.NONE);
		assertMatches(r, 200, 1692.0986432880, 29.5746042723, new int[] { 0, 1000, 2080, 3333,
			4095 }, new double[] { 0.19701944, 0.46298780, 0.73654406, 0.21827055, 0.33359500 }, 5e-4);
	}

	@Test
	void volumeMatchesScikitImage() {
		final Result r = new TvDenoiser(0.1).denoise(TvReferenceInputs.volume(8, 20, 24), Shape.of(
			8, 20, 24), Progress.NONE);
		assertMatches(r, 21, 1263.1682998538, 22.2021115015, new int[] { 0, 777, 1900, 3839 },
			new double[] { 0.20111987, 0.25955787, 0.21685951, 0.33687743 }, 1e-6);
	}
}
