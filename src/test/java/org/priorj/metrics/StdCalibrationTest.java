package org.priorj.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class StdCalibrationTest {

	@Test
	void aStdMapTwiceTooSmallGetsAScaleOfTwoAndThenCoversAsItSays() {
		final Random r = new Random(4);
		final int n = 200_000;
		final float[] truth = new float[n], mean = new float[n], std = new float[n];
		for (int i = 0; i < n; i++) {
			std[i] = 0.01f + 0.1f * r.nextFloat();
			mean[i] = r.nextFloat();
			truth[i] = (float) (mean[i] + 2 * std[i] * r.nextGaussian());
		}
		final double c = StdCalibration.scale(List.of(truth), List.of(mean), List.of(std), 0.9);
		assertEquals(2, c, 0.03);
		final float[] scaled = std.clone();
		for (int i = 0; i < n; i++) scaled[i] *= (float) c;
		assertEquals(0.9, Coverage.gaussian(truth, mean, scaled, 0.9), 0.002);
		assertEquals(0.5, Coverage.gaussian(truth, mean, scaled, 0.5), 0.01);
	}

	@Test
	void theScaleIsTheConformalRankOfTheScoresOverZ() {
		// scores |t - m| / s = 1, 2, ..., 9; rank ceil(10 * 0.8) = 8 -> score 8
		final float[] t = new float[9], m = new float[9], s = new float[9];
		for (int i = 0; i < 9; i++) {
			t[i] = i + 1;
			s[i] = 1;
		}
		assertEquals(8 / Coverage.z(0.8), StdCalibration.scale(List.of(t), List.of(m), List.of(s),
			0.8), 1e-12);
		// a pixel with no spread but an error is never covered: it scores infinity
		s[8] = 0;
		assertEquals(8 / Coverage.z(0.8), StdCalibration.scale(List.of(t), List.of(m), List.of(s),
			0.8), 1e-12);
		assertEquals(Double.POSITIVE_INFINITY, StdCalibration.scale(List.of(t), List.of(m), List.of(s),
			0.95));
	}

	@Test
	void refusesMismatchedInputsNamingThem() {
		final float[] a = new float[4];
		assertRefused("images", () -> StdCalibration.scale(List.of(a), List.of(), List.of(a), 0.9));
		assertRefused("std", () -> StdCalibration.scale(List.of(a), List.of(a), List.of(new float[3]),
			0.9));
		assertRefused("std", () -> StdCalibration.scale(List.of(a), List.of(a), List.of(new float[] {
			0, -1, 0, 0 }), 0.9));
		assertRefused("level", () -> StdCalibration.scale(List.of(a), List.of(a), List.of(a), 1.5));
	}

	private static void assertRefused(final String p, final org.junit.jupiter.api.function.Executable e) {
		final String msg = assertThrows(IllegalArgumentException.class, e).getMessage();
		assertTrue(msg.contains("'" + p + "'"), msg);
	}
}
