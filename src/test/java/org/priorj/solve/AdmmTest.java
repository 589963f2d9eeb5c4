package org.priorj.solve;

import org.priorj.base.Progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.priorj.physics.Identity;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.OperatorAssertions;
import org.priorj.base.Shape;

/** ADMM and its steps against closed forms (ALGORITHMS.md §7.2.6, §7.4.4). */
class AdmmTest {

	/** The matrix of a linear operator, column by column. */
	private static RealMatrix dense(final LinearOperator op) {
		final int n = op.domain().size(), m = op.range().size();
		final double[][] d = new double[m][n];
		for (int j = 0; j < n; j++) {
			final float[] e = new float[n];
			e[j] = 1;
			final float[] c = op.apply(e);
			for (int i = 0; i < m; i++) d[i][j] = c[i];
		}
		return new Array2DRowRealMatrix(d, false);
	}

	/**
	 * The exact 1-D TV denoiser argmin 1/2 ||x - y||^2 + lambda ||D x||_1 of one column, by
	 * projected gradient on its dual (min 1/2 ||y - D^T p||^2 over |p| <= lambda, x = y - D^T p),
	 * in double until it no longer moves.
	 */
	private static double[] tvDenoise(final RealMatrix d, final double[] y, final double lambda) {
		final int m = d.getRowDimension();
		final double[] p = new double[m];
		double[] x = y.clone();
		for (int it = 0; it < 200_000; it++) {
			final double[] dx = d.operate(x);
			for (int i = 0; i < m; i++) p[i] = Math.max(-lambda, Math.min(lambda, p[i] + 0.2 * dx[i]));
			final double[] dtp = d.transpose().operate(p);
			for (int i = 0; i < y.length; i++) x[i] = y[i] - dtp[i];
		}
		return x;
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theDifferenceAlongTheFirstAxisHasAnExactAdjoint(final boolean periodic) {
		final AxisDifference d = new AxisDifference(Shape.of(5, 3, 4), periodic);
		OperatorAssertions.assertAdjoint(d);
		final float[] x = new float[60];
		for (int i = 0; i < 60; i++) x[i] = (i / 12) * (i / 12);
		final float[] dx = d.apply(x);
		assertEquals(1, dx[0]);
		assertEquals(7, dx[3 * 12 + 5]);
		assertEquals(periodic ? -16 : 0, dx[4 * 12 + 11]);
	}

	/**
	 * §7.2.6 with A = I: ADMM with soft thresholding on D_z converges, column by column, to the
	 * exact 1-D TV denoiser of each (y, x) column.
	 */
	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void withTheIdentityEachColumnIsTheExactTvDenoiserAlongTheFirstAxis(final boolean periodic) {
		final int depth = 8, plane = 6;
		final Shape s = Shape.of(depth, 2, 3);
		final float[] y = DenseOperator.randomVector(s.size(), 3);
		final double lambda = 0.3;
		final Admm admm = new Admm(new Identity(s), y, new AxisDifference(s, periodic), Prox.l1(
			lambda), 1, 20);
		final Result r = admm.solve(null, 3000, Progress.NONE);
		final RealMatrix d = dense(new AxisDifference(Shape.of(depth, 1), periodic));
		for (int c = 0; c < plane; c++) {
			final double[] column = new double[depth];
			for (int k = 0; k < depth; k++) column[k] = y[k * plane + c];
			final double[] want = tvDenoise(d, column, lambda);
			for (int k = 0; k < depth; k++)
				assertEquals(want[k], r.estimate()[k * plane + c], 1e-4, "column " + c + ", slice " + k);
		}
		assertTrue(r.history()[r.iterations() - 1] < 1e-4, "primal residual " + r.history()[r
			.iterations() - 1]);
		assertTrue(r.history()[0] > 1e-2, "the first iterate is not yet split-consistent");
		// every solve starts again from z = u = 0: one iteration gives what a new instance gives
		final float[] fresh = new Admm(new Identity(s), y, new AxisDifference(s, periodic), Prox.l1(
			lambda), 1, 20).solve(null, 1, Progress.NONE).estimate();
		final float[] again = admm.solve(null, 1, Progress.NONE).estimate();
		for (int i = 0; i < again.length; i++) assertEquals(fresh[i], again[i], 1e-6);
	}

	/**
	 * A quadratic penalty g = mu/2 ||z||^2 (its prox scales by 1 / (1 + tau mu)) on a dense
	 * under-determined A: ADMM reaches the direct solve (A^T A + mu K^T K)^-1 A^T y.
	 */
	@Test
	void aQuadraticPenaltyReachesTheDirectSolve() {
		final Shape s = Shape.of(3, 2, 2);
		final DenseOperator a = DenseOperator.random(8, s, -0.5, 5);
		final AxisDifference k = new AxisDifference(s, true);
		final float[] y = DenseOperator.randomVector(8, 6);
		final double mu = 0.7;
		final Prox quadratic = (v, tau, out) -> {
			for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / (1 + tau * mu));
		};
		final RealMatrix ktk = dense(k).transpose().multiply(dense(k));
		final double[] want = a.solveNormal(ktk, mu, a.adjointDouble(y));
		final Result r = new Admm(a, y, k, quadratic, 2, 30).solve(null, 500, Progress.NONE);
		for (int i = 0; i < want.length; i++)
			assertEquals(want[i], r.estimate()[i], 1e-4, "entry " + i);
	}

	/**
	 * §7.4.4: with a linear symmetric denoiser W (the Wiener filter of a stationary Gaussian prior of
	 * mean 0 at a fixed sigma, norm below 1), the RED step converges to (tau lambda (I - W) + I)^-1 v.
	 */
	@Test
	void theRedStepConvergesToItsLinearClosedForm() {
		final StationaryOracle oracle = new StationaryOracle(4, 6, 0);
		final double sigma = 0.3, lambda = 2, tau = 0.5;
		final org.priorj.prior.Denoiser wiener = org.priorj.prior.StationaryGaussianDenoiser.ofSpectrum(
			1, 0, 4, 6, StationaryOracle.spectrum(4, 6), -100, 100);
		final RealMatrix c = oracle.covariance;
		final RealMatrix w = c.multiply(new org.apache.commons.math3.linear.LUDecomposition(c.add(
			DenseOperator.identity(24).scalarMultiply(sigma * sigma))).getSolver().getInverse());
		final RealMatrix m = DenseOperator.identity(24).subtract(w).scalarMultiply(tau * lambda).add(
			DenseOperator.identity(24));
		final float[] v = DenseOperator.randomVector(24, 9);
		final double[] want = StationaryOracle.solve(m, DenseOperator.toDouble(v));
		final float[] out = new float[24];
		new RedStep(wiener, oracle.batch(), sigma, lambda, 200).apply(v, tau, out);
		for (int i = 0; i < 24; i++) assertEquals(want[i], out[i], 1e-5, "pixel " + i);
	}

	@Test
	void softThresholdingAndBadSettings() {
		final float[] out = new float[4];
		Prox.l1(0.5).apply(new float[] { 2, -2, 0.3f, -0.5f }, 2, out);
		assertEquals(1, out[0]);
		assertEquals(-1, out[1]);
		assertEquals(0, out[2]);
		assertEquals(0, out[3]);
		final Identity id = new Identity(Shape.of(2, 2));
		final float[] y = new float[4];
		ConjugateGradientTest.assertNames("lambda", () -> Prox.l1(-1));
		ConjugateGradientTest.assertNames("rho", () -> new Admm(id, y, id, Prox.l1(1), 0, 5));
		ConjugateGradientTest.assertNames("iterations", () -> new Admm(id, y, id, Prox.l1(1), 1, 0));
		ConjugateGradientTest.assertNames("operator", () -> new Admm(id, y, new Identity(Shape.of(3,
			2)), Prox.l1(1), 1, 5));
		ConjugateGradientTest.assertNames("measurement", () -> new Admm(id, new float[5], id, Prox.l1(
			1), 1, 5));
		ConjugateGradientTest.assertNames("shape", () -> new AxisDifference(Shape.of(4), true));
		ConjugateGradientTest.assertNames("operator", () -> new Admm(null, y, id, Prox.l1(1), 1, 5));
		ConjugateGradientTest.assertNames("operator", () -> new Admm(id, y, null, Prox.l1(1), 1, 5));
		ConjugateGradientTest.assertNames("prox", () -> new Admm(id, y, id, null, 1, 5));
		final org.priorj.prior.Denoiser gauss = org.priorj.prior.DiagonalGaussianDenoiser.uniform(1, 0,
			1, -1, 1);
		ConjugateGradientTest.assertNames("prior", () -> new RedStep(null, Shape.of(1, 1, 2, 2), 0.1, 1,
			5));
		ConjugateGradientTest.assertNames("shape", () -> new RedStep(gauss, null, 0.1, 1, 5));
		ConjugateGradientTest.assertNames("shape", () -> new RedStep(gauss, Shape.of(2, 2), 0.1, 1, 5));
		ConjugateGradientTest.assertNames("sigma", () -> new RedStep(gauss, Shape.of(1, 1, 2, 2), 0, 1,
			5));
		assertEquals("difference along the first axis of 5x3x4, periodic", new AxisDifference(Shape
			.of(5, 3, 4), true).describe());
		assertEquals("difference along the first axis of 5x3x4", new AxisDifference(Shape.of(5, 3, 4),
			false).describe());
	}
}
