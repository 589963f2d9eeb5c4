package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.OperatorAssertions;
import org.priorj.base.Shape;

class ConjugateGradientTest {

	/** H = B^H B + I on complex vectors stored as (2, n): Hermitian positive definite. */
	static final class HermitianOperator implements LinearOperator {

		final int n;
		final double[][] re, im;

		HermitianOperator(final int n, final long seed) {
			this.n = n;
			final Random rnd = new Random(seed);
			final double[][] br = new double[n][n], bi = new double[n][n];
			for (int i = 0; i < n; i++)
				for (int j = 0; j < n; j++) {
					br[i][j] = rnd.nextGaussian();
					bi[i][j] = rnd.nextGaussian();
				}
			re = new double[n][n];
			im = new double[n][n];
			for (int i = 0; i < n; i++)
				for (int j = 0; j < n; j++) {
					// (B^H B)_ij = sum_k conj(B_ki) B_kj
					double sr = i == j ? 1 : 0, si = 0;
					for (int k = 0; k < n; k++) {
						sr += br[k][i] * br[k][j] + bi[k][i] * bi[k][j];
						si += br[k][i] * bi[k][j] - bi[k][i] * br[k][j];
					}
					re[i][j] = sr;
					im[i][j] = si;
				}
		}

		@Override
		public Shape domain() {
			return Shape.of(2, n);
		}

		@Override
		public Shape range() {
			return Shape.of(2, n);
		}

		@Override
		public void apply(final float[] x, final float[] y) {
			for (int i = 0; i < n; i++) {
				double sr = 0, si = 0;
				for (int j = 0; j < n; j++) {
					sr += re[i][j] * x[j] - im[i][j] * x[n + j];
					si += re[i][j] * x[n + j] + im[i][j] * x[j];
				}
				y[i] = (float) sr;
				y[n + i] = (float) si;
			}
		}

		@Override
		public void adjoint(final float[] y, final float[] x) {
			apply(y, x); // Hermitian
		}

		/** H^{-1} b by complex Gaussian elimination with partial pivoting, in double. */
		double[] solve(final float[] b) {
			final double[][] ar = new double[n][], ai = new double[n][];
			final double[] br = new double[n], bi = new double[n];
			for (int i = 0; i < n; i++) {
				ar[i] = re[i].clone();
				ai[i] = im[i].clone();
				br[i] = b[i];
				bi[i] = b[n + i];
			}
			for (int c = 0; c < n; c++) {
				int piv = c;
				for (int r = c + 1; r < n; r++)
					if (Math.hypot(ar[r][c], ai[r][c]) > Math.hypot(ar[piv][c], ai[piv][c])) piv = r;
				swap(ar, c, piv);
				swap(ai, c, piv);
				double t = br[c];
				br[c] = br[piv];
				br[piv] = t;
				t = bi[c];
				bi[c] = bi[piv];
				bi[piv] = t;
				for (int r = c + 1; r < n; r++) {
					// f = a_rc / a_cc
					final double d = ar[c][c] * ar[c][c] + ai[c][c] * ai[c][c];
					final double fr = (ar[r][c] * ar[c][c] + ai[r][c] * ai[c][c]) / d;
					final double fi = (ai[r][c] * ar[c][c] - ar[r][c] * ai[c][c]) / d;
					for (int k = c; k < n; k++) {
						ar[r][k] -= fr * ar[c][k] - fi * ai[c][k];
						ai[r][k] -= fr * ai[c][k] + fi * ar[c][k];
					}
					br[r] -= fr * br[c] - fi * bi[c];
					bi[r] -= fr * bi[c] + fi * br[c];
				}
			}
			final double[] x = new double[2 * n];
			for (int r = n - 1; r >= 0; r--) {
				double sr = br[r], si = bi[r];
				for (int k = r + 1; k < n; k++) {
					sr -= ar[r][k] * x[k] - ai[r][k] * x[n + k];
					si -= ar[r][k] * x[n + k] + ai[r][k] * x[k];
				}
				final double d = ar[r][r] * ar[r][r] + ai[r][r] * ai[r][r];
				x[r] = (sr * ar[r][r] + si * ai[r][r]) / d;
				x[n + r] = (si * ar[r][r] - sr * ai[r][r]) / d;
			}
			return x;
		}

		private static void swap(final double[][] a, final int i, final int j) {
			final double[] t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
	}

	@Test
	void denseTestOperatorIsATrueAdjointPair() {
		final DenseOperator a = DenseOperator.random(30, Shape.of(3, 4), -0.5, 1);
		OperatorAssertions.assertAdjoint(a);
		OperatorAssertions.assertNormal(a);
	}

	@Test
	void complexHermitianSystemMatchesDirectSolve() {
		final HermitianOperator h = new HermitianOperator(10, 3);
		OperatorAssertions.assertAdjoint(h);
		final float[] b = DenseOperator.randomVector(20, 4);
		final Result r = ConjugateGradient.solve(h::apply, h.domain(), b, null, 200, 1e-7,
			Progress.NONE);
		final double err = DenseOperator.relativeError(r.estimate(), h.solve(b));
		assertTrue(err < 1e-4, "relative error " + err);
		assertTrue(r.converged());
		assertEquals("cg", r.method());
	}

	@Test
	void leastSquaresMatchesQrSolution() {
		final DenseOperator a = DenseOperator.random(30, Shape.of(12), -0.5, 1);
		final float[] y = DenseOperator.randomVector(30, 2);
		final Result r = ConjugateGradient.solveNormal(a, y, null, 100, 1e-7, Progress.NONE);
		final double err = DenseOperator.relativeError(r.estimate(), a.leastSquares(y));
		assertTrue(err < 1e-4, "relative error " + err);
		assertEquals("100", r.parameters().get("iterations"));
	}

	@Test
	void regularisedFormMatchesClosedForm() {
		final DenseOperator a = DenseOperator.random(30, Shape.of(12), -0.5, 5);
		final float[] y = DenseOperator.randomVector(30, 6);
		final float[] x0 = DenseOperator.randomVector(12, 7);
		final double gamma = 0.7;
		final Result r = ConjugateGradient.solveNormal(a, y, x0, gamma, 100, 1e-7, Progress.NONE);
		// (I + gamma A^T A)^{-1} (x0 + gamma A^T y) = (A^T A + I/gamma)^{-1} (x0/gamma + A^T y)
		final double[] aty = a.adjointDouble(y);
		final double[] b = new double[12];
		for (int i = 0; i < 12; i++) b[i] = x0[i] / gamma + aty[i];
		final double[] expected = a.solveNormal(DenseOperator.identity(12), 1 / gamma, b);
		final double err = DenseOperator.relativeError(r.estimate(), expected);
		assertTrue(err < 1e-4, "relative error " + err);
		assertEquals("0.7", r.parameters().get("gamma"));
	}

	@Test
	void consistentDataFromAStartGivesTheSolutionNearestTheStart() {
		// underdetermined: 12 equations, 30 unknowns
		final DenseOperator a = DenseOperator.random(12, Shape.of(30), -0.5, 8);
		final float[] y = a.apply(DenseOperator.randomVector(30, 9));
		final float[] x0 = DenseOperator.randomVector(30, 10);
		final float[] x = ConjugateGradient.solveNormal(a, y, x0, 200, 1e-7, Progress.NONE)
			.estimate();
		final float[] ax = a.apply(x);
		final double fit = DenseOperator.relativeError(ax, DenseOperator.toDouble(y));
		assertTrue(fit < 1e-4, "||Ax - y|| / ||y|| = " + fit);
		// x - x0 lies in range(A^T): its projection P d = A^T (A A^T)^{-1} A d equals d
		final RealMatrix m = a.matrix;
		final double[] d = new double[30];
		for (int i = 0; i < 30; i++) d[i] = x[i] - x0[i];
		final double[] ad = m.operate(d);
		final double[] w = new LUDecomposition(m.multiply(m.transpose())).getSolver().solve(
			new ArrayRealVector(ad)).toArray();
		final double[] pd = m.preMultiply(w);
		final double off = DenseOperator.relativeError(DenseOperator.toFloat(pd), d);
		assertTrue(off < 1e-4, "||(I - P)(x - x0)|| / ||x - x0|| = " + off);
	}

	@Test
	void inPlaceFormsReuseTheInstanceAndAgreeWithTheStaticOnes() {
		final DenseOperator a = DenseOperator.random(30, Shape.of(12), -0.5, 11);
		final float[] y = DenseOperator.randomVector(30, 12);
		final float[] x0 = DenseOperator.randomVector(12, 13);
		final ConjugateGradient cg = new ConjugateGradient(12);
		for (int repeat = 0; repeat < 2; repeat++) {
			final float[] x = x0.clone();
			cg.leastSquares(a, y, x, 5, 0);
			assertArrayEquals(ConjugateGradient.solveNormal(a, y, x0, 5, 0, Progress.NONE)
				.estimate(), x, 1e-6f);
			final float[] z = x0.clone();
			cg.regularised(a, y, z, 1.0, 5, 0);
			assertArrayEquals(ConjugateGradient.solveNormal(a, y, x0, 1.0, 5, 0, Progress.NONE)
				.estimate(), z, 1e-6f);
		}
	}

	@Test
	void historyIsTheRelativeResidualAndEndsBelowTheTolerance() {
		final DenseOperator a = DenseOperator.random(30, Shape.of(12), -0.5, 14);
		final float[] y = DenseOperator.randomVector(30, 15);
		final Result r = ConjugateGradient.solveNormal(a, y, null, 100, 1e-4, Progress.NONE);
		assertTrue(r.converged());
		assertEquals(r.iterations(), r.history().length);
		assertTrue(r.history()[r.iterations() - 1] <= 1e-4);
		assertTrue(r.iterations() < 100);
	}

	@Test
	void refusesBadParameters() {
		final DenseOperator a = DenseOperator.random(30, Shape.of(12), -0.5, 1);
		final float[] y = new float[30];
		assertNames("iterations", () -> ConjugateGradient.solveNormal(a, y, null, 0, 1e-6,
			Progress.NONE));
		assertNames("tolerance", () -> ConjugateGradient.solveNormal(a, y, null, 10, -1,
			Progress.NONE));
		assertNames("gamma", () -> ConjugateGradient.solveNormal(a, y, null, -1.0, 10, 1e-6,
			Progress.NONE));
		assertNames("measurement", () -> ConjugateGradient.solveNormal(a, new float[29], null, 10,
			1e-6, Progress.NONE));
		final float[] nan = new float[30];
		nan[3] = Float.NaN;
		assertNames("measurement", () -> ConjugateGradient.solveNormal(a, nan, null, 10, 1e-6,
			Progress.NONE));
		assertNames("start", () -> ConjugateGradient.solveNormal(a, y, new float[11], 10, 1e-6,
			Progress.NONE));
	}

	@Test
	void aStartThatSolvesTheSystemTakesNoStepAndSaysSo() {
		final SymmetricOperator twice = (x, out) -> {
			for (int i = 0; i < x.length; i++) out[i] = 2 * x[i];
		};
		final float[] x = { 1, -2, 3 }, b = { 2, -4, 6 };
		final List<Integer> reports = new ArrayList<>();
		final Progress seen = new Progress() {

			@Override
			public void report(final String task, final int done, final int total) {
				reports.add(done);
			}

			@Override
			public boolean isCancelled() {
				return false;
			}
		};
		final Iterations.Outcome o = new ConjugateGradient(3).run(twice, b, x, 10, 1e-6, seen, null);
		assertEquals(0, o.steps);
		assertTrue(o.converged);
		assertEquals(List.of(0), reports);
		assertArrayEquals(new float[] { 1, -2, 3 }, x);
		// b = 0: the tolerance is absolute, ||M x|| = 2e-7 sqrt(3) is below 1e-6 but not below 1e-7
		final float[] small = { 1e-7f, 1e-7f, 1e-7f };
		assertEquals(0, new ConjugateGradient(3).run(twice, new float[3], small.clone(), 10, 1e-6,
			Progress.NONE, null).steps);
		assertTrue(new ConjugateGradient(3).run(twice, new float[3], small.clone(), 10, 1e-7,
			Progress.NONE, null).steps > 0);
		// the tolerance is relative to ||b||: b = 1000 e_1 from x = e_1 / 1000 away in residual 1998
		final float[] far = { 0.001f, 0, 0 };
		assertEquals(0, new ConjugateGradient(3).run(twice, new float[] { 1000, 0, 0 }, new float[] {
			499.99f, 0, 0 }, 10, 1e-4, Progress.NONE, null).steps, "residual 0.02 of 1000");
		assertTrue(new ConjugateGradient(3).run(twice, new float[] { 1000, 0, 0 }, far, 10, 1e-4,
			Progress.NONE, null).steps > 0);
	}

	@Test
	void aDirectionWithoutCurvatureStopsWithTheIterateUnchanged() {
		// M = diag(0, 1) and b = 2 e_1 along its null space: p^T M p = 0 at the first step
		final SymmetricOperator singular = (x, out) -> {
			out[0] = 0;
			out[1] = x[1];
		};
		final float[] x = { 0, 0 };
		final double[] history = new double[5];
		final Iterations.Outcome o = new ConjugateGradient(2).run(singular, new float[] { 2, 0 }, x, 5,
			1e-6, Progress.NONE, history);
		assertEquals(1, o.steps);
		assertArrayEquals(new float[] { 0, 0 }, x);
		assertEquals(1, history[0], 1e-12, "the residual it could not reduce");
	}

	@Test
	void theHistoryIsTheTrueResidualWhereItIsRecomputed() {
		// condition number 10: CG reaches float precision well before REFRESH steps, after which
		// the recursive residual keeps shrinking while b - M x cannot; at step REFRESH the residual
		// (and the history) is b - M x again, computed in float as the solver does
		final int n = 400;
		final float[] lambda = new float[n], b = new float[n];
		for (int i = 0; i < n; i++) {
			lambda[i] = (float) Math.pow(10, i / (n - 1.0));
			b[i] = 1;
		}
		final SymmetricOperator m = (x, out) -> {
			for (int i = 0; i < n; i++) out[i] = lambda[i] * x[i];
		};
		final float[] x = new float[n];
		final double[] history = new double[ConjugateGradient.REFRESH];
		new ConjugateGradient(n).run(m, b, x, ConjugateGradient.REFRESH, 0, Progress.NONE, history);
		double rr = 0;
		for (int i = 0; i < n; i++) {
			final float r = b[i] - lambda[i] * x[i];
			rr += (double) r * r;
		}
		final double trueResidual = Math.sqrt(rr / n);
		assertTrue(trueResidual < 1e-5, "converged to " + trueResidual);
		assertEquals(trueResidual, history[ConjugateGradient.REFRESH - 1], 1e-3 * trueResidual);
		for (int k = 0; k < history.length; k++) assertTrue(history[k] > 0, "step " + k);
	}

	@Test
	void theInstanceRebuildsItsNormalOperatorWhenTheOperatorOrFormChanges() {
		final DenseOperator a = DenseOperator.random(20, Shape.of(8), -0.5, 21);
		final DenseOperator b = DenseOperator.random(20, Shape.of(8), -0.5, 22);
		final float[] y = DenseOperator.randomVector(20, 23), x0 = DenseOperator.randomVector(8, 24);
		final ConjugateGradient cg = new ConjugateGradient(8);
		final float[] x = x0.clone();
		// operator changes, form kept; then gamma 1 -> 2 (scale); then gamma 2 -> least squares (shift)
		cg.leastSquares(a, y, x.clone(), 3, 0);
		final float[] xb = x0.clone();
		assertEquals(3, cg.leastSquares(b, y, xb, 3, 0).steps);
		assertArrayEquals(ConjugateGradient.solveNormal(b, y, x0, 3, 0, Progress.NONE).estimate(), xb,
			1e-6f);
		cg.regularised(b, y, x0.clone(), 1.0, 3, 0);
		final float[] x2 = x0.clone();
		assertEquals(3, cg.regularised(b, y, x2, 2.0, 3, 0).steps);
		assertArrayEquals(ConjugateGradient.solveNormal(b, y, x0, 2.0, 3, 0, Progress.NONE)
			.estimate(), x2, 1e-6f);
		cg.regularised(a, y, x0.clone(), 1.0, 3, 0);
		final float[] x3 = x0.clone();
		cg.leastSquares(a, y, x3, 3, 0);
		assertArrayEquals(ConjugateGradient.solveNormal(a, y, x0, 3, 0, Progress.NONE).estimate(), x3,
			1e-6f);
		assertNames("operator", () -> cg.leastSquares(DenseOperator.random(20, Shape.of(9), 0, 1), y,
			new float[9], 3, 0));
		assertNames("history", () -> cg.run((v, out) -> System.arraycopy(v, 0, out, 0, 8), new float[8],
			new float[8], 5, 0, Progress.NONE, new double[4]));
	}

	/** Asserts that {@code call} is refused with a message naming {@code parameter}. */
	static void assertNames(final String parameter, final Runnable call) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			call::run);
		assertTrue(e.getMessage().contains("'" + parameter + "'"), e.getMessage());
	}
}
