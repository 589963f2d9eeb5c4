package org.priorj.physics.ct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.priorj.physics.OperatorAssertions;
import org.priorj.base.Shape;

class DynamicProjectorTest {

	@Test
	void goldenAngleSeriesIsAdjoint() {
		final DynamicProjector op = DynamicProjector.of(24, 24, AngleSchedule.goldenAngle(4, 3));
		assertEquals(Shape.of(4, 24, 24), op.domain());
		assertEquals(Shape.of(4, 3, 24), op.range());
		OperatorAssertions.assertAdjoint(op);
		OperatorAssertions.assertNormal(op);
	}

	@Test
	void oneViewPerFrameBitReversedIsAdjoint() {
		final DynamicProjector op = new DynamicProjector(16, 20, AngleSchedule.bitReversal(8, 1),
			30);
		OperatorAssertions.assertAdjoint(op);
		OperatorAssertions.assertNormal(op);
	}

	@Test
	void eachFrameUsesItsOwnAngles() {
		final double[][] angles = AngleSchedule.linear(3, 2);
		final DynamicProjector op = DynamicProjector.of(16, 16, angles);
		final float[] x = OperatorAssertions.gaussian(3 * 256, new Random(8));
		final float[] y = op.apply(x);
		for (int t = 0; t < 3; t++) {
			final float[] expected = ParallelBeamProjector.of(16, 16, angles[t]).apply(Arrays
				.copyOfRange(x, t * 256, (t + 1) * 256));
			assertArrayEquals(expected, Arrays.copyOfRange(y, t * 32, (t + 1) * 32));
		}
	}

	/**
	 * §7.4.1: the pi-symmetric rows RED-PSM's reference appends carry nothing new: the projection at
	 * theta + 180° is the one at theta with the detector axis reversed, g(theta + pi, s) = g(theta, -s).
	 */
	@Test
	void theProjectionHalfATurnLaterIsTheFlippedOne() {
		final double[][] angles = AngleSchedule.bitReversal(8, 1);
		final double[][] later = new double[8][1];
		for (int t = 0; t < 8; t++) later[t][0] = angles[t][0] + 180;
		final float[] x = OperatorAssertions.gaussian(8 * 24 * 24, new Random(3));
		final float[] g = DynamicProjector.of(24, 24, angles).apply(x);
		final float[] h = DynamicProjector.of(24, 24, later).apply(x);
		for (int t = 0; t < 8; t++)
			for (int d = 0; d < 24; d++)
				assertEquals(g[t * 24 + d], h[t * 24 + 23 - d], 1e-4 * (1 + Math.abs(g[t * 24 + d])),
					"frame " + t + " bin " + d);
	}

	/**
	 * §7.4.2: the projection of a centred disk of radius r and unit density is 2 sqrt(r^2 - s^2) at
	 * every angle (the disk's pixels weighted by their area inside it: within 2 % of r away from the rim (the distance-driven footprint blurs a little at 45°)).
	 */
	@Test
	void aCentredDiskProjectsToItsChordLengthAtEveryAngle() {
		final int n = 64;
		final double r = 20, c = (n - 1) / 2.0;
		final float[] disk = new float[n * n];
		// each pixel's area inside the disk, by 16 x 16 subsamples
		for (int y = 0; y < n; y++)
			for (int x = 0; x < n; x++) {
				int inside = 0;
				for (int i = 0; i < 16; i++)
					for (int j = 0; j < 16; j++) {
						final double dy = y - 0.5 + (i + 0.5) / 16 - c, dx = x - 0.5 + (j + 0.5) / 16 - c;
						if (dx * dx + dy * dy <= r * r) inside++;
					}
				disk[y * n + x] = inside / 256f;
			}
		final double[][] angles = AngleSchedule.bitReversal(8, 1);
		final float[] series = new float[8 * n * n];
		for (int t = 0; t < 8; t++) System.arraycopy(disk, 0, series, t * n * n, n * n);
		final float[] g = DynamicProjector.of(n, n, angles).apply(series);
		for (int t = 0; t < 8; t++)
			for (int d = 0; d < n; d++) {
				final double s = d - c;
				if (Math.abs(s) > r - 2) continue;
				assertEquals(2 * Math.sqrt(r * r - s * s), g[t * n + d], 0.02 * r, "angle " + angles[t][0] +
					" bin " + d);
			}
	}

	@Test
	void refusesMissingOrRaggedAngleLists() {
		ParallelBeamArgumentsTest.assertNames("angles", () -> DynamicProjector.of(8, 8,
			new double[0][]));
		ParallelBeamArgumentsTest.assertNames("angles", () -> DynamicProjector.of(8, 8, null));
		ParallelBeamArgumentsTest.assertNames("angles", () -> DynamicProjector.of(8, 8,
			new double[][] {{}, {}}));
		ParallelBeamArgumentsTest.assertNames("angles", () -> DynamicProjector.of(8, 8,
			new double[][] {{0, 90}, {45}}));
		ParallelBeamArgumentsTest.assertNames("angles", () -> DynamicProjector.of(8, 8,
			new double[][] {{0, 90}, null}));
	}

	@Test
	void refusesArraysOfWrongSize() {
		final DynamicProjector op = DynamicProjector.of(8, 8, AngleSchedule.linear(2, 1));
		ParallelBeamArgumentsTest.assertNames("frames", () -> op.apply(new float[64]));
		ParallelBeamArgumentsTest.assertNames("sinograms", () -> op.adjoint(new float[2 * 9]));
		ParallelBeamArgumentsTest.assertNames("sinograms", () -> op.apply(new float[128],
			new float[3 * 8]));
	}
}
