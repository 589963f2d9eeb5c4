package org.priorj.bench;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


import org.priorj.cli.TestImages;
import org.priorj.image.phantom.EllipsePhantom;
import org.priorj.image.phantom.RandomEllipses;
import org.priorj.metrics.Psnr;
import org.priorj.physics.GaussianNoise;
import org.priorj.base.Shape;
import org.priorj.prior.Denoiser;
import org.priorj.prior.PriorRegistries;
import org.priorj.prior.PriorRegistry;
import org.priorj.solve.TvDenoiser;

/**
 * {@code priorj bench priors}: denoising quality of the shipped priors on held-out images against
 * TV with its best weight. For each noise level sigma (in 8-bit grey levels, images in [0, 1]), the
 * TV weight is the best of a grid of multiples of sigma, chosen by mean PSNR over the same images
 * (an oracle choice, which favours TV); the prior gets no tuning. Noise is seeded.
 */
final class PriorQualityBench {

	private static final double[] SIGMAS = { 15, 25, 50 };
	private static final double[] TV_FACTORS = { 0.4, 0.6, 0.8, 1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0 };
	private static final int SIZE = 256;

	private final File images;
	private final PrintStream out;

	PriorQualityBench(final File images, final PrintStream out) {
		this.images = images;
		this.out = out;
	}

	void run() {
		final PriorRegistry registry = PriorRegistries.standard("cpu");
		try {
			final List<float[]> natural = new ArrayList<>();
			final List<String> names = List.of("camera.png", "astronaut.png", "coins.png", "cell.png",
				"ascent.png", "clock_motion.png");
			for (final String n : names) natural.add(TestImages.gray(images, n, SIZE));
			table("natural-gray", registry.load("natural-gray"), "held-out photographs " + names,
				natural);
			final List<float[]> ct = new ArrayList<>();
			ct.add(EllipsePhantom.sheppLogan(SIZE, true));
			final RandomEllipses held = new RandomEllipses(1_000_003); // a seed no training used
			for (int i = 0; i < 4; i++) ct.add(held.nextImage(SIZE));
			ct.add(TestImages.gray(images, "CT_small_hu.tif", SIZE));
			table("ct", registry.load("ct"), "held-out phantoms (Shepp-Logan, 4 random-ellipse " +
				"images with an unused seed) and the real CT slice CT_small", ct);
		}
		finally {
			registry.releaseAll();
		}
	}

	private void table(final String prior, final Denoiser d, final String what,
		final List<float[]> set)
	{
		out.println();
		out.println("Prior `" + prior + "` on " + set.size() + " " + what + ", " + SIZE + "×" + SIZE +
			", values in [0, 1]:");
		out.println();
		out.println("| σ (/255) | noisy dB | TV, best weight dB (weight) | " + prior +
			" dB | gain over TV dB | seconds per image (prior) |");
		out.println("|---|---|---|---|---|---|");
		for (final double s255 : SIGMAS) {
			final double sigma = s255 / 255;
			final List<float[]> noisy = new ArrayList<>();
			double pNoisy = 0;
			for (int i = 0; i < set.size(); i++) {
				final float[] y = new GaussianNoise(sigma).corrupt(set.get(i), 1000 * i + (long) s255);
				noisy.add(y);
				pNoisy += Psnr.compute(set.get(i), y, 1) / set.size();
			}
			double bestTv = -1, bestWeight = 0;
			for (final double k : TV_FACTORS) {
				double p = 0;
				for (int i = 0; i < set.size(); i++)
					p += Psnr.compute(set.get(i), new TvDenoiser(k * sigma).denoise(noisy.get(i), Shape.of(
						SIZE, SIZE)), 1) / set.size();
				if (p > bestTv) {
					bestTv = p;
					bestWeight = k * sigma;
				}
			}
			double pPrior = 0;
			final long t0 = System.nanoTime();
			for (int i = 0; i < set.size(); i++)
				pPrior += Psnr.compute(set.get(i), d.denoise(noisy.get(i), Shape.of(1, 1, SIZE, SIZE),
					sigma), 1) / set.size();
			final double seconds = (System.nanoTime() - t0) / 1e9 / set.size();
			out.println(String.format(Locale.ROOT, "| %.0f | %.2f | %.2f (%.3f) | %.2f | %+.2f | %.2f |",
				s255, pNoisy, bestTv, bestWeight, pPrior, pPrior - bestTv, seconds));
		}
	}

}
