package org.priorj.cli;

import java.util.stream.IntStream;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Resamples a sinogram made about scikit-image's rotation centre to PriorJ's.
 * <p>
 * scikit-image's {@code radon(image, theta, circle=True)} of an N x N image rotates about pixel
 * {@code (N/2, N/2)} (integer division), so its detector bin k sits at
 * {@code s = k - N/2}; PriorJ's {@code ParallelBeamProjector} rotates about the geometric centre
 * {@code c = (N-1)/2} with bin k at {@code s = k - c}. A pixel (x, y) therefore lands in bin
 * {@code (x - c0) cos θ - (y - c0) sin θ + c0} with {@code c0} the centre of the convention, and
 * the two bins differ by {@code δ(θ) = (N/2 - c) (1 - cos θ + sin θ)}: 0 for odd N, between 0 and
 * 1.21 bins for even N. The same measurement in PriorJ's geometry is then
 * {@code ours[a][k] = scikit[a][k + δ(θ_a)]}, which this class computes per row by a Fourier
 * shift (rows zero-padded to at least twice their length, so nothing wraps around). This is a
 * change of coordinates, not a correction of either side.
 */
final class RotationCentreShift {

	private RotationCentreShift() {}

	/** δ(θ) in bins for an N-bin detector and an N x N image, θ in degrees. */
	static double offset(final int n, final double thetaDegrees) {
		final double t = Math.toRadians(thetaDegrees);
		return (n / 2 - (n - 1) / 2.0) * (1 - Math.cos(t) + Math.sin(t));
	}

	/**
	 * The sinogram {@code (angles, detectors)}, made about scikit-image's centre, as PriorJ's
	 * projector would see the same object; a new array (a copy when N is odd).
	 */
	static float[] toPriorJ(final float[] sinogram, final int detectors,
		final double[] anglesDegrees)
	{
		final float[] out = sinogram.clone();
		if (detectors % 2 == 1) return out;
		int p = 64;
		while (p < 2 * detectors) p *= 2;
		final int padded = p;
		final ThreadLocal<FloatFFT_1D> fft = ThreadLocal.withInitial(() -> new FloatFFT_1D(padded));
		IntStream.range(0, anglesDegrees.length).parallel().forEach(a -> {
			final double delta = offset(detectors, anglesDegrees[a]);
			final float[] row = new float[padded];
			System.arraycopy(sinogram, a * detectors, row, 0, detectors);
			final FloatFFT_1D f = fft.get();
			f.realForward(row);
			// g[n] = f[n + δ]  <=>  G[k] = F[k] exp(2 pi i k δ / P); realForward packs Re[0], Re[P/2],
			// then (Re[k], Im[k]) for k = 1 .. P/2 - 1
			row[1] *= (float) Math.cos(Math.PI * delta);
			for (int k = 1; k < padded / 2; k++) {
				final double phi = 2 * Math.PI * k * delta / padded;
				final double c = Math.cos(phi), s = Math.sin(phi);
				final double re = row[2 * k], im = row[2 * k + 1];
				row[2 * k] = (float) (re * c - im * s);
				row[2 * k + 1] = (float) (re * s + im * c);
			}
			f.realInverse(row, true);
			System.arraycopy(row, 0, out, a * detectors, detectors);
		});
		return out;
	}
}
