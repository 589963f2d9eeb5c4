package org.priorj.train;

import java.util.List;
import java.util.Random;

import org.priorj.base.Checks;
import org.priorj.prior.UnetPreconditioning;

/**
 * Draws training batches: images chosen with probability proportional to their pixel count, a
 * random square patch of each at a scale drawn from {@code scales} (scale s: the s×s block means
 * of a region s times the patch side, so one photograph also teaches the statistics of its
 * reductions; a scale the image is too small for falls back to the largest that fits), one of the
 * 8 flips/rotations by 90 degrees, sigma log-uniform in [sigmaMin, sigmaMax] per patch, Gaussian
 * noise added after the reduction; returns the network input and the regression target of
 * {@link UnetPreconditioning}. Not thread-safe; deterministic for a given Random.
 */
public final class PatchSampler {

	/** One batch: input (B, 2, P, P) and target (B, 1, P, P), flat. */
	public record Batch(float[] input, float[] target) {}

	private final List<TrainingImage> images;
	private final double[] cumulative;
	private final int patch;
	private final int[] scales;
	private final double logMin, logMax;

	public PatchSampler(final List<TrainingImage> images, final int patch, final double sigmaMin,
		final double sigmaMax)
	{
		this(images, patch, new int[] { 1 }, sigmaMin, sigmaMax);
	}

	public PatchSampler(final List<TrainingImage> images, final int patch, final int[] scales,
		final double sigmaMin, final double sigmaMax)
	{
		this.images = images;
		this.patch = patch;
		Checks.require(scales.length > 0 && java.util.Arrays.stream(scales).allMatch(s -> s >= 1 &&
			s <= 8), "scales", java.util.Arrays.toString(scales), "one or more integers in 1..8");
		this.scales = scales.clone();
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
			cleanPatch(random, clean);
			final double sigma = Math.exp(logMin + (logMax - logMin) * random.nextDouble());
			for (int i = 0; i < hw; i++)
				noisy[i] = (float) (clean[i] + sigma * random.nextGaussian());
			UnetPreconditioning.input(noisy, 0, hw, sigma, input, b * 2 * hw);
			UnetPreconditioning.target(clean, noisy, 0, hw, sigma, target, b * hw);
		}
		return new Batch(input, target);
	}

	/** {@code count} clean patches one after another (N, 1, patch, patch), as a batch of the autoencoders. */
	float[] cleanBatch(final Random random, final int count) {
		final int hw = patch * patch;
		final float[] one = new float[hw], batch = new float[count * hw];
		for (int b = 0; b < count; b++) {
			cleanPatch(random, one);
			System.arraycopy(one, 0, batch, b * hw, hw);
		}
		return batch;
	}

	/** One clean patch (scale, position and orientation drawn from {@code random}) into {@code clean}. */
	void cleanPatch(final Random random, final float[] clean) {
		final TrainingImage img = pick(random);
		int s = scales[scales.length == 1 ? 0 : random.nextInt(scales.length)];
		while (s > 1 && Math.min(img.height(), img.width()) < s * patch)
			s--;
		final int y0 = random.nextInt(img.height() - s * patch + 1);
		final int x0 = random.nextInt(img.width() - s * patch + 1);
		final int orientation = random.nextInt(8);
		final float[] px = img.pixels();
		final float norm = 1f / (s * s);
		for (int y = 0; y < patch; y++)
			for (int x = 0; x < patch; x++) {
				int u = (orientation & 1) != 0 ? patch - 1 - x : x;
				int v = (orientation & 2) != 0 ? patch - 1 - y : y;
				if ((orientation & 4) != 0) {
					final int t = u;
					u = v;
					v = t;
				}
				float sum = 0;
				for (int dy = 0; dy < s; dy++) {
					final int row = (y0 + v * s + dy) * img.width() + x0 + u * s;
					for (int dx = 0; dx < s; dx++)
						sum += px[row + dx];
				}
				clean[y * patch + x] = sum * norm;
			}
	}

	private TrainingImage pick(final Random random) {
		final double r = random.nextDouble() * cumulative[cumulative.length - 1];
		int i = java.util.Arrays.binarySearch(cumulative, r);
		if (i < 0) i = -i - 1;
		return images.get(Math.min(i, images.size() - 1));
	}
}
