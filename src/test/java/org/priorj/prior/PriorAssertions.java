package org.priorj.prior;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.function.Executable;

/** Shared test helpers of the prior package. */
final class PriorAssertions {

	private PriorAssertions() {}

	/** The call throws IllegalArgumentException whose message names {@code parameter}. */
	static void assertRefused(final String parameter, final Executable call) {
		final String message = assertThrows(IllegalArgumentException.class, call).getMessage();
		assertTrue(message.contains("'" + parameter + "'"), message);
	}

	static double maxAbsDifference(final float[] a, final double[] b) {
		double max = 0;
		for (int i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
		return max;
	}

	static double maxAbsDifference(final float[] a, final float[] b) {
		double max = 0;
		for (int i = 0; i < a.length; i++) max = Math.max(max, Math.abs((double) a[i] - b[i]));
		return max;
	}

	/** Values mean + spread * N(0, 1), seeded. */
	static float[] gaussian(final int n, final double mean, final double spread, final long seed) {
		final Random rnd = new Random(seed);
		final float[] x = new float[n];
		for (int i = 0; i < n; i++) x[i] = (float) (mean + spread * rnd.nextGaussian());
		return x;
	}

	/** Values in [lo, hi), seeded. */
	static double[] uniform(final int n, final double lo, final double hi, final long seed) {
		final Random rnd = new Random(seed);
		final double[] x = new double[n];
		for (int i = 0; i < n; i++) x[i] = lo + (hi - lo) * rnd.nextDouble();
		return x;
	}
}
