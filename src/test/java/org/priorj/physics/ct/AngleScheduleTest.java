package org.priorj.physics.ct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class AngleScheduleTest {

	@Test
	void linearSweepsTheRangeOnceAcrossFrames() {
		final double[][] a = AngleSchedule.linear(4, 2);
		assertArrayEquals(new double[] {0, 22.5}, a[0], 1e-12);
		assertArrayEquals(new double[] {45, 67.5}, a[1], 1e-12);
		assertArrayEquals(new double[] {135, 157.5}, a[3], 1e-12);
		assertArrayEquals(new double[] {180, 270}, AngleSchedule.linear(2, 2, 360)[1], 1e-12,
			"second frame of a full turn");
	}

	@Test
	void goldenAngleStepsBy111Degrees() {
		final double[][] a = AngleSchedule.goldenAngle(5, 3);
		assertEquals(111.246117975, AngleSchedule.GOLDEN_FRACTION * 180, 1e-9);
		double previous = 0;
		for (int j = 0; j < 15; j++) {
			final double theta = a[j / 3][j % 3];
			assertTrue(theta >= 0 && theta < 180);
			if (j > 0) {
				final double step = ((theta - previous) % 180 + 180) % 180;
				assertEquals(111.246117975, step, 1e-6, "step to view " + j);
			}
			previous = theta;
		}
		assertEquals(0, a[0][0]);
		assertEquals(111.246117975, a[0][1], 1e-6);
		assertEquals(42.49223595, a[0][2], 1e-6);
	}

	@Test
	void bitReversalOfEightViews() {
		// RED-PSM's schedule for P = 8: theta_p = (pi / 8) bitrev(p) = (180 / 8) [0,4,2,6,1,5,3,7].
		final double[][] a = AngleSchedule.bitReversal(8, 1);
		final int[] rev = {0, 4, 2, 6, 1, 5, 3, 7};
		for (int t = 0; t < 8; t++) assertEquals(22.5 * rev[t], a[t][0], 1e-12);
		assertArrayEquals(new double[] {0, 90, 45, 135}, AngleSchedule.bitReversal(2, 4)[0],
			1e-12);
	}

	@Test
	void bitReversalOfAnyCountIsAPermutation() {
		assertArrayEquals(new int[] {0, 4, 2, 1, 5, 3}, AngleSchedule.bitReversedOrder(6));
		for (final int n : new int[] {1, 3, 7, 12, 100}) {
			final int[] order = AngleSchedule.bitReversedOrder(n).clone();
			Arrays.sort(order);
			for (int i = 0; i < n; i++) assertEquals(i, order[i], "n = " + n);
		}
	}

	@Test
	void randomAnglesAreSeededAndInTheRange() {
		final double[][] a = AngleSchedule.random(50, 3, 120, 7);
		assertEquals(50, a.length);
		double lo = 1e9, hi = -1e9;
		for (final double[] f : a) {
			assertEquals(3, f.length);
			for (final double v : f) {
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
		}
		assertTrue(lo >= 0 && lo < 10 && hi < 120 && hi > 110, lo + " .. " + hi);
		assertArrayEquals(a[7], AngleSchedule.random(50, 3, 120, 7)[7], 0);
		assertTrue(AngleSchedule.random(50, 3, 120, 8)[7][0] != a[7][0]);
		assertEquals(4, AngleSchedule.random(4, 1, 3).length);
		ParallelBeamArgumentsTest.assertNames("range", () -> AngleSchedule.random(2, 2, 400, 1));
	}

	@Test
	void refusesBadFramesViewsAndRange() {
		ParallelBeamArgumentsTest.assertNames("frames", () -> AngleSchedule.linear(0, 4));
		ParallelBeamArgumentsTest.assertNames("views", () -> AngleSchedule.goldenAngle(4, 0));
		ParallelBeamArgumentsTest.assertNames("views", () -> AngleSchedule.bitReversal(2, -1));
		ParallelBeamArgumentsTest.assertNames("range", () -> AngleSchedule.linear(2, 2, 0));
		ParallelBeamArgumentsTest.assertNames("range", () -> AngleSchedule.bitReversal(2, 2,
			Double.NaN));
	}
}
