package org.priorj.solve;

import java.util.Arrays;

import org.priorj.image.ValueRange;
import org.priorj.physics.LinearOperator;

/**
 * A measurement of a linear operator A expressed for the unknown in a prior's value range: if
 * {@code x' = s (x - lo) + priorLow} (a {@link ValueRange}), then {@code y = A x} becomes
 * {@code y' = s y + (priorLow - s lo) A 1}. Exact for every linear operator (masks, blurs with a
 * zero boundary, averaging, projections, Fourier sampling of both planes of a complex image), not
 * only for those that preserve constants.
 */
final class MappedMeasurement {

	private MappedMeasurement() {}

	static float[] toPrior(final LinearOperator a, final float[] y, final ValueRange range) {
		final float[] ones = new float[a.domain().size()];
		Arrays.fill(ones, 1f);
		final float[] a1 = a.apply(ones);
		final double s = range.scale(), shift = range.priorLow() - s * range.dataLow();
		final float[] out = new float[y.length];
		for (int i = 0; i < y.length; i++) out[i] = (float) (s * y[i] + shift * a1[i]);
		return out;
	}
}
