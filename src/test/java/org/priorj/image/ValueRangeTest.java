package org.priorj.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ValueRangeTest {

	private static float[] image(final long seed, final int n) {
		final Random r = new Random(seed);
		final float[] a = new float[n];
		for (int i = 0; i < n; i++) a[i] = (float) (300 + 1200 * r.nextDouble() + 40 * r
			.nextGaussian());
		return a;
	}

	@Test
	void minMaxMapsEndpointsOntoPriorRange() {
		final ValueRange v = ValueRange.fromMinMax(100, 500, -1, 1);
		final float[] p = v.toPrior(new float[] { 100, 300, 500, 700 });
		assertEquals(-1, p[0], 1e-7);
		assertEquals(0, p[1], 1e-7);
		assertEquals(1, p[2], 1e-7);
		assertEquals(2, p[3], 1e-7);
	}

	@Test
	void roundTripIsExactToFloatPrecision() {
		final float[] a = image(1, 64 * 64);
		for (final double[] prior : new double[][] { { 0, 1 }, { -1, 1 } }) {
			final ValueRange v = ValueRange.fromPercentiles(a, prior[0], prior[1]);
			final float[] back = v.fromPrior(v.toPrior(a));
			for (int i = 0; i < a.length; i++) assertEquals(a[i], back[i], 1e-6 * Math.abs(a[i]));
		}
	}

	@Test
	void percentilesFollowNumpyLinearInterpolation() {
		final float[] a = new float[1001];
		for (int i = 0; i < a.length; i++) a[(i * 3) % a.length] = i;
		// numpy.percentile(arange(1001), [0.1, 99.9]) == [1.0, 999.0]
		final ValueRange v = ValueRange.fromPercentiles(a, 0, 1);
		assertEquals(1, v.dataLow(), 1e-9);
		assertEquals(999, v.dataHigh(), 1e-9);
		// numpy.percentile(arange(1001), [2.5, 97.45]) == [25.0, 974.5]
		final ValueRange w = ValueRange.fromPercentiles(a, 2.5, 97.45, 0, 1);
		assertEquals(25, w.dataLow(), 1e-9);
		assertEquals(974.5, w.dataHigh(), 1e-6);
	}

	@Test
	void noiseLevelScalesWithoutOffset() {
		final float[] a = image(2, 128 * 128);
		final Random r = new Random(3);
		final double sigma = 25;
		final float[] noisy = a.clone();
		for (int i = 0; i < a.length; i++) noisy[i] += (float) (sigma * r.nextGaussian());
		final ValueRange v = ValueRange.fromPercentiles(a, -1, 1);
		final float[] pa = v.toPrior(a), pn = v.toPrior(noisy);
		double s = 0;
		for (int i = 0; i < a.length; i++) s += (pn[i] - pa[i]) * (double) (pn[i] - pa[i]);
		final double measured = Math.sqrt(s / a.length);
		assertEquals(v.sigmaToPrior(sigma), measured, 0.01 * measured);
		assertEquals(2 * sigma / (v.dataHigh() - v.dataLow()), v.sigmaToPrior(sigma), 1e-12);
		assertEquals(sigma, v.sigmaFromPrior(v.sigmaToPrior(sigma)), 1e-12);
	}

	@Test
	void constantImageFallsBackToUnitWindowAroundTheValue() {
		final float[] c = new float[100];
		java.util.Arrays.fill(c, 42);
		final ValueRange v = ValueRange.fromPercentiles(c, 0, 1);
		assertEquals(41.5, v.dataLow(), 0);
		assertEquals(42.5, v.dataHigh(), 0);
		assertEquals(0.5, v.toPrior(c)[0], 0);
		assertEquals(42, v.fromPrior(v.toPrior(c))[0], 0);
	}

	@Test
	void collapsedPercentilesFallBackToMinMax() {
		final float[] sparse = new float[10000];
		sparse[17] = 5;
		final ValueRange v = ValueRange.fromPercentiles(sparse, 0, 1);
		assertEquals(0, v.dataLow(), 0);
		assertEquals(5, v.dataHigh(), 0);
	}

	@Test
	void refusesNaNNamingImage() {
		final float[] a = image(4, 16);
		a[9] = Float.NaN;
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> ValueRange.fromPercentiles(a, 0, 1));
		assertTrue(e.getMessage().contains("'image'") && e.getMessage().contains("index 9"), e
			.getMessage());
	}

	@Test
	void refusesEmptyWindowsNamingTheBound() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> ValueRange.fromMinMax(3, 3, 0, 1));
		assertTrue(e.getMessage().contains("'max'"), e.getMessage());
		final IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
			() -> ValueRange.fromMinMax(0, 1, 1, -1));
		assertTrue(p.getMessage().contains("'prior_high'"), p.getMessage());
		final IllegalArgumentException q = assertThrows(IllegalArgumentException.class,
			() -> ValueRange.fromPercentiles(image(5, 9), 50, 40, 0, 1));
		assertTrue(q.getMessage().contains("'high_percentile'"), q.getMessage());
	}
}
