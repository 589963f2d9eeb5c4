package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.priorj.solve.ConjugateGradientTest.assertNames;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.base.Shape;
import org.priorj.physics.ct.ParallelBeamProjector;

class CglsTest {

	@Test
	void matchesTheExactLeastSquaresSolution() {
		final DenseOperator a = DenseOperator.random(30, Shape.of(12), -0.5, 21);
		final float[] y = DenseOperator.randomVector(30, 22);
		final Result r = Cgls.solve(a, y, 100, Progress.NONE);
		final double err = DenseOperator.relativeError(r.estimate(), a.leastSquares(y));
		assertTrue(err < 1e-4, "relative error " + err);
		assertTrue(r.converged());
		assertEquals("cgls", r.method());
	}

	@Test
	void dampedMatchesTheClosedForm() {
		final DenseOperator a = DenseOperator.random(30, Shape.of(12), -0.5, 23);
		final float[] y = DenseOperator.randomVector(30, 24);
		final double lambda = 2.5;
		final Result r = Cgls.solve(a, y, null, lambda, 100, 1e-7, Progress.NONE);
		final double[] expected = a.solveNormal(DenseOperator.identity(12), lambda, a
			.adjointDouble(y));
		final double err = DenseOperator.relativeError(r.estimate(), expected);
		assertTrue(err < 1e-4, "relative error " + err);
		assertEquals("2.5", r.parameters().get("lambda"));
	}

	@Test
	void residualHistoryNeverIncreases() {
		final ParallelBeamProjector a = ParallelBeamProjector.of(64, 64, ParallelBeamProjector
			.halfTurn(30));
		final float[] y = a.apply(EllipsePhantom.sheppLogan(64, true));
		final Result r = Cgls.solve(a, y, 40, Progress.NONE);
		assertEquals(40, r.history().length);
		for (int k = 1; k < 40; k++)
			assertTrue(r.history()[k] <= r.history()[k - 1] * (1 + 1e-6), "step " + k);
		assertTrue(r.history()[39] < 0.05 * r.history()[0]);
	}

	@Test
	void cancelledRunReturnsTheThirdIterate() {
		final ParallelBeamProjector a = ParallelBeamProjector.of(32, 32, ParallelBeamProjector
			.halfTurn(20));
		final float[] y = a.apply(EllipsePhantom.sheppLogan(32, true));
		final Result r = Cgls.solve(a, y, 20, IterationsTest.cancelAfter(3, new ArrayList<>()));
		assertTrue(r.cancelled());
		assertFalse(r.converged());
		assertEquals(3, r.iterations());
		assertEquals(3, r.history().length);
		for (final float v : r.estimate()) assertTrue(Float.isFinite(v));
		assertArrayEquals(Cgls.solve(a, y, 3, Progress.NONE).estimate(), r.estimate());
	}

	@Test
	void leavesTheCallersArraysAlone() {
		final DenseOperator a = DenseOperator.random(30, Shape.of(12), -0.5, 25);
		final float[] y = DenseOperator.randomVector(30, 26);
		final float[] x0 = DenseOperator.randomVector(12, 27);
		final float[] yCopy = y.clone(), x0Copy = x0.clone();
		final Result r = Cgls.solve(a, y, x0, 0.1, 10, 0, Progress.NONE);
		assertArrayEquals(yCopy, y);
		assertArrayEquals(x0Copy, x0);
		assertTrue(r.estimate() != x0);
	}

	@Test
	void refusesBadParameters() {
		final DenseOperator a = DenseOperator.random(30, Shape.of(12), -0.5, 1);
		final float[] y = new float[30];
		assertNames("iterations", () -> Cgls.solve(a, y, 0, Progress.NONE));
		assertNames("tolerance", () -> Cgls.solve(a, y, null, 0, 10, -1e-3, Progress.NONE));
		assertNames("lambda", () -> Cgls.solve(a, y, null, -1, 10, 1e-6, Progress.NONE));
		assertNames("measurement", () -> Cgls.solve(a, new float[31], 10, Progress.NONE));
		final float[] nan = new float[30];
		nan[0] = Float.NaN;
		assertNames("measurement", () -> Cgls.solve(a, nan, 10, Progress.NONE));
	}
}
