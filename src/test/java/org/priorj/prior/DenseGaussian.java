package org.priorj.prior;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Closed-form Gaussian references in double with dense matrices (ALGORITHMS.md section 7.0), for
 * images of a few dozen pixels.
 */
public final class DenseGaussian {

	private DenseGaussian() {}

	/**
	 * The circulant covariance F* diag(P) F of an H x W image, built from the orthonormal DFT matrix
	 * F[k][j] = exp(-2 pi i (ky y / H + kx x / W)) / sqrt(HW) entry by entry (k = ky W + kx,
	 * j = y W + x); asserts that its imaginary part vanishes.
	 */
	public static RealMatrix circulantCovariance(final double[] spectrum, final int height,
		final int width)
	{
		final int n = height * width;
		final double[][] re = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				double sr = 0, si = 0;
				for (int k = 0; k < n; k++) {
					// conj(F[k][i]) * P[k] * F[k][j]
					final double phase = 2 * Math.PI * ((double) (k / width) * (i / width - j / width) /
						height + (double) (k % width) * (i % width - j % width) / width);
					sr += spectrum[k] * Math.cos(phase);
					si += spectrum[k] * Math.sin(phase);
				}
				re[i][j] = sr / n;
				assertTrue(Math.abs(si / n) < 1e-12, "imaginary part " + si / n);
			}
		}
		return new Array2DRowRealMatrix(re, false);
	}

	/** The periodogram |F x|^2 of one H x W image with the dense orthonormal DFT. */
	public static double[] periodogram(final double[] x, final int height, final int width) {
		final int n = height * width;
		final double[] p = new double[n];
		for (int k = 0; k < n; k++) {
			double sr = 0, si = 0;
			for (int j = 0; j < n; j++) {
				final double phase = -2 * Math.PI * ((double) (k / width) * (j / width) / height +
					(double) (k % width) * (j % width) / width);
				sr += x[j] * Math.cos(phase);
				si += x[j] * Math.sin(phase);
			}
			p[k] = (sr * sr + si * si) / n;
		}
		return p;
	}

	/** E[x0 | x0 + sigma n = x] = m + C (C + sigma^2 I)^-1 (x - m) for one image. */
	public static double[] mmse(final RealMatrix c, final double mean, final double[] x,
		final double sigma)
	{
		final int n = x.length;
		final RealMatrix a = c.add(MatrixUtils.createRealIdentityMatrix(n).scalarMultiply(sigma *
			sigma));
		final double[] r = new double[n];
		for (int i = 0; i < n; i++) r[i] = x[i] - mean;
		final double[] d = c.operate(new LUDecomposition(a).getSolver().solve(new ArrayRealVector(r))
			.toArray());
		for (int i = 0; i < n; i++) d[i] += mean;
		return d;
	}

	/**
	 * The oracle noise predictor eps*(x_t) = sqrt(1 - abar) C_t^-1 (x_t - sqrt(abar) m),
	 * C_t = abar C + (1 - abar) I, for one image.
	 */
	public static double[] epsilon(final RealMatrix c, final double mean, final double[] xt,
		final double alphaBar)
	{
		final int n = xt.length;
		final RealMatrix ct = c.scalarMultiply(alphaBar).add(MatrixUtils.createRealIdentityMatrix(n)
			.scalarMultiply(1 - alphaBar));
		final double[] r = new double[n];
		for (int i = 0; i < n; i++) r[i] = xt[i] - Math.sqrt(alphaBar) * mean;
		final double[] e = new LUDecomposition(ct).getSolver().solve(new ArrayRealVector(r))
			.toArray();
		for (int i = 0; i < n; i++) e[i] *= Math.sqrt(1 - alphaBar);
		return e;
	}

	public static double[] slice(final float[] x, final int offset, final int n) {
		final double[] d = new double[n];
		for (int i = 0; i < n; i++) d[i] = x[offset + i];
		return d;
	}
}
