package org.priorj.bench;

import java.io.File;
import java.io.PrintStream;
import java.util.Locale;

import org.priorj.base.Shape;
import org.priorj.cli.TestImages;
import org.priorj.metrics.Psnr;
import org.priorj.prior.Latent;
import org.priorj.prior.LatentPrior;
import org.priorj.prior.Latents;
import org.priorj.prior.PriorRegistries;
import org.priorj.prior.PriorRegistry;

/**
 * {@code priorj bench autoencoder}: the rate–distortion point of a compressive-autoencoder prior
 * on the held-out photographs of the RED-Diff benchmark (256×256, [0, 1]): the latents rounded to
 * integers as a codec would send them, their code length under the prior's entropy models in bits
 * per pixel, and the PSNR of the decoded image; beside it the PSNR without rounding (the
 * continuous latents VBLE works with).
 */
final class AutoencoderBench {

	private static final int SIZE = 256;

	private final File images;
	private final String prior;
	private final PrintStream out;

	AutoencoderBench(final File images, final String prior, final PrintStream out) {
		this.images = images;
		this.prior = prior;
		this.out = out;
	}

	void run() {
		final PriorRegistry registry = PriorRegistries.standard("cpu");
		try {
			final LatentPrior p = registry.load(prior, LatentPrior.class);
			out.println("Prior " + prior + ", held-out photographs " + SIZE + "×" + SIZE + ":");
			out.println();
			out.println("| image | bpp (rounded latents) | PSNR dB (rounded) | PSNR dB (continuous) |");
			out.println("|---|---|---|---|");
			double bpp = 0, rounded = 0, continuous = 0;
			for (final String name : RedDiffBench.IMAGES) {
				final float[] x = TestImages.gray(images, name, SIZE);
				final Latents l = p.encode(x, Shape.of(1, 1, SIZE, SIZE));
				final Latents q = Latents.of(round(l.z()), round(l.hyper().orElseThrow()));
				final double b = p.rate(q) / (SIZE * SIZE);
				final double pr = Psnr.compute(x, p.decode(q.z()), 1);
				final double pc = Psnr.compute(x, p.decode(l.z()), 1);
				out.println(String.format(Locale.ROOT, "| %s | %.3f | %.2f | %.2f |", name, b, pr, pc));
				bpp += b;
				rounded += pr;
				continuous += pc;
			}
			final int n = RedDiffBench.IMAGES.length;
			out.println(String.format(Locale.ROOT, "| **mean** | %.3f | %.2f | %.2f |", bpp / n, rounded /
				n, continuous / n));
		}
		finally {
			registry.releaseAll();
		}
	}

	private static Latent round(final Latent l) {
		final float[] v = l.values().clone();
		for (int i = 0; i < v.length; i++) v[i] = Math.round(v[i]);
		return new Latent(v, l.shape());
	}
}
