package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.priorj.solve.ConjugateGradientTest.assertNames;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.metrics.Psnr;
import org.priorj.physics.MaskOperator;
import org.priorj.base.Shape;
import org.priorj.physics.ct.ParallelBeamProjector;

class SirtTest {

	@Test
	void reconstructsAPhantomWithMonotoneResidual() {
		final float[] truth = EllipsePhantom.sheppLogan(64, true);
		final ParallelBeamProjector a = ParallelBeamProjector.of(64, 64, ParallelBeamProjector
			.halfTurn(60));
		final float[] y = a.apply(truth);
		final Result r100 = Sirt.solve(a, y, 100, Progress.NONE);
		final double[] h = r100.history();
		assertEquals(100, h.length);
		for (int k = 1; k < h.length; k++) assertTrue(h[k] < h[k - 1], "step " + k);
		final double psnr10 = Psnr.compute(truth, Sirt.solve(a, y, 10, Progress.NONE).estimate(),
			1);
		final double psnr100 = Psnr.compute(truth, r100.estimate(), 1);
		assertTrue(psnr100 > psnr10 + 3, psnr10 + " dB after 10, " + psnr100 + " dB after 100");
		assertEquals("sirt", r100.method());
		assertEquals("1.0", r100.parameters().get("relaxation"));
	}

	@Test
	void convergesToTheSolutionOfAConsistentSystem() {
		final DenseOperator a = DenseOperator.random(30, Shape.of(12), 0, 41);
		final float[] y = a.apply(DenseOperator.randomVector(12, 42));
		final double[] exact = a.leastSquares(y);
		final double early = DenseOperator.relativeError(Sirt.solve(a, y, 200, Progress.NONE)
			.estimate(), exact);
		final double late = DenseOperator.relativeError(Sirt.solve(a, y, 3000, Progress.NONE)
			.estimate(), exact);
		assertTrue(late < early / 10 && late < 1e-3, "error " + early + " after 200, " + late +
			" after 3000");
	}

	@Test
	void nonNegativityClipsEveryIterate() {
		final ParallelBeamProjector a = ParallelBeamProjector.of(32, 32, ParallelBeamProjector
			.halfTurn(8));
		final float[] y = a.apply(EllipsePhantom.sheppLogan(32, true));
		final float[] x = Sirt.solve(a, y, null, 1.5, true, 30, 0, Progress.NONE).estimate();
		float min = Float.MAX_VALUE;
		for (final float v : x) min = Math.min(min, v);
		assertTrue(min >= 0);
		float free = Float.MAX_VALUE;
		for (final float v : Sirt.solve(a, y, null, 1.5, false, 30, 0, Progress.NONE).estimate())
			free = Math.min(free, v);
		assertTrue(free < 0, "without clipping the sparse-view solution has negative pixels");
	}

	@Test
	void pixelsNoMeasurementSeesKeepTheirStart() {
		final float[] mask = { 1, 0, 1, 1, 0, 1 };
		final MaskOperator a = new MaskOperator(2, 3, mask);
		final float[] y = { 5, 0, 7, 8, 0, 9 };
		final float[] x0 = { 1, 2, 3, 4, 5, 6 };
		final Result r = Sirt.solve(a, y, x0, 1.0, false, 3, 0, Progress.NONE);
		assertArrayEquals(new float[] { 5, 2, 7, 8, 5, 9 }, r.estimate());
		assertTrue(r.converged(), "exact fit after one step");
		assertEquals(1, r.iterations());
	}

	@Test
	void cancelledRunReturnsTheThirdIterate() {
		final ParallelBeamProjector a = ParallelBeamProjector.of(32, 32, ParallelBeamProjector
			.halfTurn(20));
		final float[] y = a.apply(EllipsePhantom.sheppLogan(32, true));
		final Result r = Sirt.solve(a, y, 50, IterationsTest.cancelAfter(3, new ArrayList<>()));
		assertTrue(r.cancelled());
		assertEquals(3, r.iterations());
		for (final float v : r.estimate()) assertTrue(Float.isFinite(v));
		assertArrayEquals(Sirt.solve(a, y, 3, Progress.NONE).estimate(), r.estimate());
	}

	@Test
	void refusesBadParameters() {
		final DenseOperator a = DenseOperator.random(30, Shape.of(12), 0, 1);
		final float[] y = new float[30];
		for (final double bad : new double[] { 0, 2, -0.5, Double.NaN })
			assertNames("relaxation", () -> Sirt.solve(a, y, null, bad, false, 10, 0,
				Progress.NONE));
		assertNames("iterations", () -> Sirt.solve(a, y, 0, Progress.NONE));
		assertNames("tolerance", () -> Sirt.solve(a, y, null, 1, false, 10, -1, Progress.NONE));
		assertNames("measurement", () -> Sirt.solve(a, new float[12], 10, Progress.NONE));
		final float[] inf = new float[30];
		inf[7] = Float.POSITIVE_INFINITY;
		assertNames("measurement", () -> Sirt.solve(a, inf, 10, Progress.NONE));
	}
}
