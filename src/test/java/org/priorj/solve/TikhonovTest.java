package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.priorj.solve.ConjugateGradientTest.assertNames;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.priorj.base.Shape;

class TikhonovTest {

	/** D^T D for forward differences along rows and columns of an h x w grid, none across edges. */
	static RealMatrix gradientGram(final int h, final int w) {
		final List<double[]> rows = new ArrayList<>();
		for (int r = 0; r < h; r++)
			for (int c = 0; c < w; c++) {
				if (c + 1 < w) rows.add(difference(h * w, r * w + c, r * w + c + 1));
				if (r + 1 < h) rows.add(difference(h * w, r * w + c, (r + 1) * w + c));
			}
		final RealMatrix d = new Array2DRowRealMatrix(rows.toArray(new double[0][]));
		return d.transpose().multiply(d);
	}

	private static double[] difference(final int n, final int from, final int to) {
		final double[] row = new double[n];
		row[from] = -1;
		row[to] = 1;
		return row;
	}

	@Test
	void identityRegulariserMatchesClosedForm() {
		final DenseOperator a = DenseOperator.random(30, Shape.of(3, 4), -0.5, 31);
		final float[] y = DenseOperator.randomVector(30, 32);
		final Result r = Tikhonov.solve(a, y, 0.8, Tikhonov.Regulariser.IDENTITY, 100, 1e-7,
			Progress.NONE);
		final double[] expected = a.solveNormal(DenseOperator.identity(12), 0.8, a.adjointDouble(
			y));
		final double err = DenseOperator.relativeError(r.estimate(), expected);
		assertTrue(err < 1e-4, "relative error " + err);
		assertEquals("identity", r.parameters().get("regulariser"));
		assertEquals(Shape.of(3, 4), r.shape());
	}

	@Test
	void gradientRegulariserMatchesClosedForm() {
		// fewer equations than unknowns: only the regulariser makes the solution unique
		final DenseOperator a = DenseOperator.random(8, Shape.of(3, 4), -0.5, 33);
		final float[] y = DenseOperator.randomVector(8, 34);
		final Result r = Tikhonov.solve(a, y, 0.3, Tikhonov.Regulariser.GRADIENT, 200, 1e-7,
			Progress.NONE);
		final double[] expected = a.solveNormal(gradientGram(3, 4), 0.3, a.adjointDouble(y));
		final double err = DenseOperator.relativeError(r.estimate(), expected);
		assertTrue(err < 1e-4, "relative error " + err);
		assertEquals("gradient", r.parameters().get("regulariser"));
	}

	@Test
	void refusesBadParameters() {
		final DenseOperator a = DenseOperator.random(8, Shape.of(3, 4), -0.5, 1);
		final float[] y = new float[8];
		assertNames("lambda", () -> Tikhonov.solve(a, y, -0.1, Tikhonov.Regulariser.IDENTITY, 10,
			1e-6, Progress.NONE));
		assertNames("regulariser", () -> Tikhonov.solve(a, y, 0.1, null, 10, 1e-6,
			Progress.NONE));
		assertNames("iterations", () -> Tikhonov.solve(a, y, 0.1, Tikhonov.Regulariser.GRADIENT,
			-3, 1e-6, Progress.NONE));
		assertNames("measurement", () -> Tikhonov.solve(a, new float[7], 0.1,
			Tikhonov.Regulariser.GRADIENT, 10, 1e-6, Progress.NONE));
	}
}
