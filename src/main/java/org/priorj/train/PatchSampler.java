package org.priorj.train;

import java.util.List;
import java.util.Random;

import org.priorj.image.Checks;
import org.priorj.prior.UnetPreconditioning;

/**
 * Draws training batches: images chosen with probability proportional to their pixel count, a
 * random square patch of each, one of the 8 flips/rotations by 90 degrees, sigma log-uniform in
 * [sigmaMin, sigmaMax] per patch, Gaussian noise; returns the network input and the regression
 * target of {@link UnetPreconditioning}. Not thread-safe; deterministic for a given Random.
 */
public final class PatchSampler {

	/** One batch: input (B, 2, P, P) and target (B, 1, P, P), flat. */
	public record Batch(float[] input, float[] target) {}

	private final List<TrainingImage> images;
	private final double[] cumulative;
	private final int patch;
	private final double logMin, logMax;

	public PatchSampler(final List<TrainingImage> images, final int patch, final double sigmaMin,
		final double sigmaMax)
	{
		this.images = images;
		this.patch = patch;
		Checks.positive("sigma_min", sigmaMin);
		Checks.require(sigmaMax >= sigmaMin, "sigma_max", "" + sigmaMax, ">= sigma_min " +
			sigmaMin);
		logMin = Math.log(sigmaMin);
		logMax = Math.log(sigmaMax);
		final List<TrainingImage> usable = images.stream().filter(i -> i.height() >= patch && i
			.width() >= patch).toList();
		Checks.require(usable.size() == images.size(), "patch", "" + patch,
			"at most the smallest training image side " + images.stream().mapToInt(i -> Math.min(i
				.height(), i.width())).min().orElse(0));
		cumulative = new double[images.size()];
		double total = 0;
		for (int i = 0; i < images.size(); i++)
			cumulative[i] = total += (double) images.get(i).height() * images.get(i).width();
	}

	public Batch next(final Random random, final int batch) {
		final int hw = patch * patch;
		final float[] clean = new float[hw], noisy = new float[hw];
		final float[] input = new float[batch * 2 * hw], target = new float[batch * hw];
		for (int b = 0; b < batch; b++) {
			final TrainingImage img = pick(random);
			final int y0 = random.nextInt(img.height() - patch + 1);
			final int x0 = random.nextInt(img.width() - patch + 1);
			final int orientation = random.nextInt(8);
			for (int y = 0; y < patch; y++)
				for (int x = 0; x < patch; x++) {
					int u = (orientation & 1) != 0 ? patch - 1 - x : x;
					int v = (orientation & 2) != 0 ? patch - 1 - y : y;
					if ((orientation & 4) != 0) {
						final int t = u;
						u = v;
						v = t;
					}
					clean[y * patch + x] = img.pixels()[(y0 + v) * img.width() + x0 + u];
				}
			final double sigma = Math.exp(logMin + (logMax - logMin) * random.nextDouble());
			for (int i = 0; i < hw; i++)
				noisy[i] = (float) (clean[i] + sigma * random.nextGaussian());
			UnetPreconditioning.input(noisy, 0, hw, sigma, input, b * 2 * hw);
			UnetPreconditioning.target(clean, noisy, 0, hw, sigma, target, b * hw);
		}
		return new Batch(input, target);
	}

	private TrainingImage pick(final Random random) {
		final double r = random.nextDouble() * cumulative[cumulative.length - 1];
		int i = java.util.Arrays.binarySearch(cumulative, r);
		if (i < 0) i = -i - 1;
		return images.get(Math.min(i, images.size() - 1));
	}
}
