package org.priorj.image.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DynamicPhantomTest {

	@Test
	void framesChangeSmoothly() {
		final int n = 64, frames = 32;
		final DynamicPhantom p = new DynamicPhantom(n, frames, 5);
		final float[] series = p.series();
		assertEquals(frames * n * n, series.length);
		double maxStep = 0;
		for (int t = 0; t + 1 < frames; t++) maxStep = Math.max(maxStep, l1(series, t, t + 1, n));
		final double halfCycle = l1(series, 0, frames / 2, n);
		assertTrue(maxStep > 0, "frames do not change");
		assertTrue(maxStep < 0.3 * halfCycle, "largest frame-to-frame change " + maxStep +
			" vs first-to-middle " + halfCycle);
		// periodic: the last frame is one step before the first
		assertTrue(l1(series, frames - 1, 0, n) < 0.3 * halfCycle);
	}

	@Test
	void withoutMotionEveryFrameIsTheModifiedSheppLogan() {
		final DynamicPhantom still = new DynamicPhantom(48, 4, 1, 1, 0, 2, 0, 0);
		final float[] sl = EllipsePhantom.sheppLogan(48, true);
		for (int t = 0; t < 4; t++) assertArrayEquals(sl, still.frame(t), "frame " + t);
		// with motion, frame 0 is undeformed except for the heartbeat and drift phases
		final float[] moving = new DynamicPhantom(48, 4, 1).frame(0);
		assertTrue(EllipsePhantomTest.correlation(sl, moving) > 0.95);
	}

	@Test
	void seedFixesTheSeries() {
		assertArrayEquals(new DynamicPhantom(40, 6, 9).series(), new DynamicPhantom(40, 6, 9)
			.series());
		assertFalse(Arrays.equals(new DynamicPhantom(40, 6, 9).series(), new DynamicPhantom(40, 6, 10)
			.series()));
	}

	@Test
	void refusesBadInput() {
		assertNames("frames", () -> new DynamicPhantom(32, 0, 1));
		assertNames("frames", () -> new DynamicPhantom(32, -2, 1));
		assertNames("size", () -> new DynamicPhantom(0, 8, 1));
		assertNames("breathing_amplitude", () -> new DynamicPhantom(32, 8, 1, 1, 0.2, 2, 0.1, 0));
		assertNames("heart_amplitude", () -> new DynamicPhantom(32, 8, 1, 1, 0.05, 2, -0.1, 0));
		assertNames("drift_radius", () -> new DynamicPhantom(32, 8, 1, 1, 0.05, 2, 0.1, 0.5));
		assertNames("heart_cycles", () -> new DynamicPhantom(32, 8, 1, 1, 0.05, Double.NaN, 0.1, 0));
		assertNames("frame", () -> new DynamicPhantom(32, 8, 1).frame(8));
	}

	private static void assertNames(final String parameter, final Executable call) {
		final String message = assertThrows(IllegalArgumentException.class, call).getMessage();
		assertTrue(message.contains("'" + parameter + "'"), message);
	}

	private static double l1(final float[] series, final int a, final int b, final int n) {
		double s = 0;
		for (int i = 0; i < n * n; i++) s += Math.abs(series[a * n * n + i] - series[b * n * n + i]);
		return s;
	}
}
