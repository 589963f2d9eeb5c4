package org.priorj.physics.ct;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.priorj.physics.OperatorAssertions;

/**
 * The forward projection against the distance-driven definition evaluated directly in double
 * precision: every pixel a segment of width c = max(|cos|, |sin|) centred at its projection, every
 * bin a unit segment, weight = overlap / c, any number of bins per pixel. The projector walks rows
 * or columns and splits its sums over several accumulators; none of that may change the result
 * beyond float rounding.
 */
class ParallelBeamForwardReferenceTest {

	/** Relative L2 error allowed: float tables and float sums against a double reference. */
	private static final double TOLERANCE = 1e-5;

	@Test
	void halfTurnOnPhantomMatchesTheDefinition() {
		final int n = 64;
		assertMatches(n, n, ParallelBeamProjector.halfTurn(180), n, RotationCentre.GEOMETRIC,
			CtPhantoms.ellipses(n));
	}

	@Test
	void oddRectangleAndAnglesOnBothSidesOf45DegreesMatch() {
		// odd line lengths leave one pixel after the pairs; 45° and 135° sit on the boundary
		// between walking rows and walking columns
		final double[] angles = {0, 44.9, 45, 45.1, 90, 134.9, 135, 135.1, -30, 400, 12.5, 89.999,
			180, 271};
		final int h = 37, w = 50;
		assertMatches(h, w, angles, Math.max(h, w), RotationCentre.GEOMETRIC, signed(h * w, 5));
		assertMatches(w, h, angles, Math.max(h, w), RotationCentre.GEOMETRIC, signed(h * w, 6));
	}

	@Test
	void narrowAndWideDetectorsAndPixelCentreMatch() {
		final double[] angles = ParallelBeamProjector.halfTurn(36);
		final float[] img = signed(24 * 24, 7);
		for (final int d : new int[] {1, 17, 24, 61}) {
			assertMatches(24, 24, angles, d, RotationCentre.GEOMETRIC, img);
			assertMatches(24, 24, angles, d, RotationCentre.PIXEL, img);
		}
	}

	@Test
	void singlePixelImagesMatch() {
		final double[] angles = {0, 30, 60, 90, 120};
		assertMatches(1, 1, angles, 3, RotationCentre.GEOMETRIC, new float[] {2f});
		assertMatches(1, 7, angles, 7, RotationCentre.GEOMETRIC, signed(7, 8));
		assertMatches(7, 1, angles, 7, RotationCentre.PIXEL, signed(7, 9));
	}

	private static float[] signed(final int size, final long seed) {
		return OperatorAssertions.gaussian(size, new Random(seed));
	}

	private static void assertMatches(final int h, final int w, final double[] angles,
		final int d, final RotationCentre centre, final float[] img)
	{
		final ParallelBeamProjector p = new ParallelBeamProjector(h, w, angles, d, centre);
		final float[] got = p.apply(img);
		final double[] want = reference(h, w, angles, d, centre, img);
		double err = 0, norm = 0;
		for (int i = 0; i < want.length; i++) {
			err += (got[i] - want[i]) * (got[i] - want[i]);
			norm += want[i] * want[i];
		}
		final double rel = Math.sqrt(err / Math.max(norm, 1e-30));
		assertTrue(rel < TOLERANCE, p.describe() + ": relative error " + rel);
	}

	static double[] reference(final int h, final int w, final double[] angles, final int d,
		final RotationCentre centre, final float[] img)
	{
		final double cx = centre.of(w), cy = centre.of(h), cd = centre.of(d);
		final double[] sino = new double[angles.length * d];
		for (int a = 0; a < angles.length; a++) {
			final double theta = Math.toRadians(angles[a]);
			final double cos = Math.cos(theta), sin = Math.sin(theta);
			final double c = Math.max(Math.abs(cos), Math.abs(sin));
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					final double s = (x - cx) * cos - (y - cy) * sin + cd;
					final double lo = s - c / 2, hi = s + c / 2;
					for (int k = Math.max(0, (int) Math.floor(lo + 0.5)); k < d && k - 0.5 < hi; k++) {
						final double overlap = Math.min(hi, k + 0.5) - Math.max(lo, k - 0.5);
						if (overlap > 0) sino[a * d + k] += img[y * w + x] * overlap / c;
					}
				}
			}
		}
		return sino;
	}
}
