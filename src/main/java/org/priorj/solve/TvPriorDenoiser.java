package org.priorj.solve;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.priorj.base.Checks;
import org.priorj.base.Shape;
import org.priorj.prior.AnalyticDenoiser;

/**
 * Total-variation denoising as a {@link org.priorj.prior.Denoiser}: every channel of every image
 * of a batch (N, C, H, W) is denoised alone by {@link TvDenoiser} with the weight tied to the
 * noise level, {@code weight = kappa * sigma} (so it works in any value range: scaling the data
 * scales sigma and the weight alike). At sigma = 0 it returns its input.
 * <p>
 * It runs a fixed number of Chambolle steps (default {@value #DEFAULT_ITERATIONS}) with no early
 * stop, so that the result is a smooth, deterministic function of x and sigma, as plug-and-play and
 * RED solvers expect of a denoiser (TvDenoiser's energy-based stop comes after a handful of steps
 * at large weights, which makes the result jump with the weight).
 * <p>
 * Default {@code kappa} {@value #DEFAULT_KAPPA}: near the best factor on a grid (0.5 to 1.4) for
 * the training image test-images/chelsea.png in [0, 1] with Gaussian noise of 25/255
 * ({@code scripts/tv_prior_kappa.py}: scikit-image's Chambolle, which TvDenoiser matches, with the
 * same 100 steps; mean PSNR over 3 noise draws): 29.682 dB at 0.8, 29.683 at 0.85, 29.50 at 0.7,
 * 29.51 at 1.0. The best factor grows with the noise: 0.7 at 15/255 (0.8 gives up 0.07 dB there)
 * and 1.0 at 50/255 (0.8 gives up 0.41 dB).
 * Immutable and thread-safe; the images of a batch run in parallel.
 */
public final class TvPriorDenoiser extends AnalyticDenoiser {

	public static final double DEFAULT_KAPPA = 0.8;
	public static final int DEFAULT_ITERATIONS = 100;

	private final double kappa;
	private final int iterations;

	/** Grey images in [0, 1], default kappa and steps. */
	public TvPriorDenoiser() {
		this(DEFAULT_KAPPA, DEFAULT_ITERATIONS, 1, 0, 1);
	}

	/**
	 * Weight {@code kappa * sigma} (kappa > 0), {@code iterations} Chambolle steps, images of
	 * {@code channels} channels declared in [low, high].
	 */
	public TvPriorDenoiser(final double kappa, final int iterations, final int channels,
		final double low, final double high)
	{
		super("tv", channels, low, high);
		this.kappa = Checks.positive("kappa", kappa);
		this.iterations = Checks.positive("iterations", iterations);
	}

	public double kappa() {
		return kappa;
	}

	public int iterations() {
		return iterations;
	}

	@Override
	protected float[] compute(final float[] x, final Shape nchw, final double sigma) {
		if (sigma == 0) return x.clone();
		final TvDenoiser tv = new TvDenoiser(kappa * sigma).withIterations(iterations).withEps(0);
		final Shape plane = Shape.of(nchw.dim(2), nchw.dim(3));
		final int size = plane.size();
		final float[] out = new float[x.length];
		IntStream.range(0, x.length / size).parallel().forEach(k -> {
			final float[] image = Arrays.copyOfRange(x, k * size, (k + 1) * size);
			System.arraycopy(tv.denoise(image, plane), 0, out, k * size, size);
		});
		return out;
	}
}
