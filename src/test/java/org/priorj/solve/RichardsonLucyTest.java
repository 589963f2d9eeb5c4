package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.priorj.solve.ConjugateGradientTest.assertNames;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.priorj.metrics.Psnr;
import org.priorj.physics.Blur;
import org.priorj.physics.Boundary;
import org.priorj.physics.Kernel;
import org.priorj.base.Shape;

class RichardsonLucyTest {

	private static final Blur BLUR = new Blur(64, 64, Kernel.gaussian(2), Boundary.REFLECT);

	private static double sum(final float[] v) {
		double s = 0;
		for (final float x : v) s += x;
		return s;
	}

	@Test
	void sharpensANoiselessBlurAndKeepsTheFlux() {
		final float[] truth = TestImages.camera(64);
		final float[] y = BLUR.apply(truth);
		final Result r = RichardsonLucy.solve(BLUR, y, 50, Progress.NONE);
		final double before = Psnr.compute(truth, y, 255);
		final double after = Psnr.compute(truth, r.estimate(), 255);
		assertTrue(after > before + 2, before + " dB blurred, " + after + " dB after 50 steps");
		final double flux = sum(y);
		assertEquals(flux, sum(BLUR.apply(r.estimate())), 1e-4 * flux, "flux of A x");
		assertEquals(flux, sum(r.estimate()), 1e-2 * flux, "flux of x");
		for (final float v : r.estimate()) assertTrue(v >= 0);
		assertEquals("richardson_lucy", r.method());
		assertEquals(50, r.history().length);
	}

	@Test
	void startsFromTheMeanOfTheData() {
		final float[] y = BLUR.apply(TestImages.camera(64));
		final Result r = RichardsonLucy.solve(BLUR, y, 1, IterationsTest.cancelAfter(0,
			new ArrayList<>()));
		assertEquals(0, r.iterations());
		assertEquals(sum(y) / y.length, r.estimate()[123], 1e-3);
		assertEquals(sum(y) / y.length, r.estimate()[4000], 1e-3);
	}

	@Test
	void negativeDataCountAsZeroAndStayUntouched() {
		final float[] y = BLUR.apply(TestImages.camera(64));
		for (int i = 0; i < y.length; i += 7) y[i] = -3f;
		final float[] copy = y.clone();
		final float[] clipped = y.clone();
		for (int i = 0; i < y.length; i++) clipped[i] = Math.max(0, y[i]);
		assertArrayEquals(RichardsonLucy.solve(BLUR, clipped, 5, Progress.NONE).estimate(),
			RichardsonLucy.solve(BLUR, y, 5, Progress.NONE).estimate());
		assertArrayEquals(copy, y);
	}

	@Test
	void cancelledRunReturnsTheThirdIterate() {
		final float[] y = BLUR.apply(TestImages.camera(64));
		final Result r = RichardsonLucy.solve(BLUR, y, 20, IterationsTest.cancelAfter(3,
			new ArrayList<>()));
		assertTrue(r.cancelled());
		assertEquals(3, r.iterations());
		assertArrayEquals(RichardsonLucy.solve(BLUR, y, 3, Progress.NONE).estimate(), r
			.estimate());
	}

	@Test
	void refusesBadInput() {
		final float[] y = new float[64 * 64];
		assertNames("iterations", () -> RichardsonLucy.solve(BLUR, y, 0, Progress.NONE));
		assertNames("tolerance", () -> RichardsonLucy.solve(BLUR, y, 5, -1, Progress.NONE));
		assertNames("measurement", () -> RichardsonLucy.solve(BLUR, new float[100], 5,
			Progress.NONE));
		final float[] nan = y.clone();
		nan[9] = Float.NaN;
		assertNames("measurement", () -> RichardsonLucy.solve(BLUR, nan, 5, Progress.NONE));
		final DenseOperator negative = DenseOperator.random(10, Shape.of(4), -1, 3);
		assertNames("operator", () -> RichardsonLucy.solve(negative, new float[10], 5,
			Progress.NONE));
	}
}
