package org.priorj.solve;

import java.util.Random;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.priorj.physics.LinearOperator;
import org.priorj.base.Shape;

/** A small dense matrix as a {@link LinearOperator}, with double-precision reference solves. */
final class DenseOperator implements LinearOperator {

	final RealMatrix matrix;
	private final Shape domain, range;

	DenseOperator(final RealMatrix matrix, final Shape domain) {
		this.matrix = matrix;
		this.domain = domain;
		this.range = Shape.of(matrix.getRowDimension());
	}

	/** Entries uniform in [lo, lo + 1), seeded. */
	static DenseOperator random(final int rows, final Shape domain, final double lo,
		final long seed)
	{
		final Random rnd = new Random(seed);
		final double[][] m = new double[rows][domain.size()];
		for (final double[] row : m)
			for (int j = 0; j < row.length; j++) row[j] = lo + rnd.nextDouble();
		return new DenseOperator(new Array2DRowRealMatrix(m, false), domain);
	}

	@Override
	public Shape domain() {
		return domain;
	}

	@Override
	public Shape range() {
		return range;
	}

	@Override
	public void apply(final float[] x, final float[] y) {
		final double[] r = matrix.operate(toDouble(x));
		for (int i = 0; i < r.length; i++) y[i] = (float) r[i];
	}

	@Override
	public void adjoint(final float[] y, final float[] x) {
		final double[] r = matrix.preMultiply(toDouble(y));
		for (int i = 0; i < r.length; i++) x[i] = (float) r[i];
	}

	/** argmin ||A x - y|| by QR, in double. */
	double[] leastSquares(final float[] y) {
		return new QRDecomposition(matrix).getSolver().solve(new ArrayRealVector(toDouble(y)))
			.toArray();
	}

	/** (A^T A + lambda R)^{-1} (A^T y + shift0), by Cholesky, in double. */
	double[] solveNormal(final RealMatrix regulariser, final double lambda, final double[] b) {
		final RealMatrix m = matrix.transpose().multiply(matrix).add(regulariser.scalarMultiply(
			lambda));
		return new CholeskyDecomposition(m).getSolver().solve(new ArrayRealVector(b)).toArray();
	}

	double[] adjointDouble(final float[] y) {
		return matrix.preMultiply(toDouble(y));
	}

	static RealMatrix identity(final int n) {
		return MatrixUtils.createRealIdentityMatrix(n);
	}

	static double[] toDouble(final float[] v) {
		final double[] d = new double[v.length];
		for (int i = 0; i < v.length; i++) d[i] = v[i];
		return d;
	}

	static float[] toFloat(final double[] v) {
		final float[] f = new float[v.length];
		for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
		return f;
	}

	/** ||a - b|| / ||b||. */
	static double relativeError(final float[] a, final double[] b) {
		double num = 0, den = 0;
		for (int i = 0; i < b.length; i++) {
			num += (a[i] - b[i]) * (a[i] - b[i]);
			den += b[i] * b[i];
		}
		return Math.sqrt(num / den);
	}

	static float[] randomVector(final int n, final long seed) {
		final Random rnd = new Random(seed);
		final float[] v = new float[n];
		for (int i = 0; i < n; i++) v[i] = (float) rnd.nextGaussian();
		return v;
	}
}
