package org.priorj.solve;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.priorj.base.Shape;
import org.priorj.prior.DenoiserEpsilonModel;
import org.priorj.prior.DenseGaussian;
import org.priorj.prior.StationaryGaussianDenoiser;

/**
 * A stationary Gaussian prior N(m, C) on small H x W images (H != W), correlated more along y than
 * along x: the exact noise predictor a solver calls in place of a network, and C as a dense matrix
 * for the closed forms. A solver that transposes or shifts the pixel layout sees another prior.
 */
final class StationaryOracle {

	final int height, width, size;
	final double mean;
	final RealMatrix covariance;
	final DenoiserEpsilonModel model;

	StationaryOracle(final int height, final int width, final double mean) {
		this.height = height;
		this.width = width;
		this.size = height * width;
		this.mean = mean;
		final double[] p = spectrum(height, width);
		covariance = DenseGaussian.circulantCovariance(p, height, width);
		model = new DenoiserEpsilonModel(StationaryGaussianDenoiser.ofSpectrum(1, mean, height, width,
			p, -100, 100));
	}

	/** The power spectrum, index ky * W + kx, frequencies folded into [-1/2, 1/2). */
	static double[] spectrum(final int height, final int width) {
		final double[] p = new double[height * width];
		for (int ky = 0; ky < height; ky++)
			for (int kx = 0; kx < width; kx++) {
				final double fy = (ky >= (height + 1) / 2 ? ky - height : ky) / (double) height / 0.1;
				final double fx = (kx >= (width + 1) / 2 ? kx - width : kx) / (double) width / 0.3;
				p[ky * width + kx] = 0.02 + 0.6 / (1 + fy * fy + fx * fx);
			}
		return p;
	}

	Shape image() {
		return Shape.of(height, width);
	}

	Shape batch() {
		return Shape.of(1, 1, height, width);
	}

	/** C_t = abar C + (1 - abar) I, the covariance of x_t. */
	RealMatrix stateCovariance(final double abar) {
		return covariance.scalarMultiply(abar).add(DenseOperator.identity(size).scalarMultiply(1 -
			abar));
	}

	/** Tweedie's E[x_0 | x_t] = m + sqrt(abar) C C_t^-1 (x_t - sqrt(abar) m). */
	double[] posteriorMean(final float[] xt, final double abar) {
		final double[] r = new double[size];
		for (int i = 0; i < size; i++) r[i] = xt[i] - Math.sqrt(abar) * mean;
		final double[] d = covariance.operate(solve(stateCovariance(abar), r));
		for (int i = 0; i < size; i++) d[i] = mean + Math.sqrt(abar) * d[i];
		return d;
	}

	static double[] solve(final RealMatrix m, final double[] b) {
		return new LUDecomposition(m).getSolver().solve(new ArrayRealVector(b)).toArray();
	}

	/** An image with a ramp along x and a step along y, offset from the prior mean by {@code offset}. */
	float[] unevenImage(final double offset) {
		final float[] v = new float[size];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				v[y * width + x] = (float) (mean + offset + 0.3 * x - (y < height / 2 ? 0.5 : 0));
		return v;
	}
}
