package org.priorj.metrics;

import java.util.Arrays;
import java.util.List;

import org.priorj.base.Checks;

/**
 * Split-conformal calibration of a per-pixel standard-deviation map: on images whose truth is
 * known (training images, never the ones it is judged on), the scale c such that the Gaussian
 * intervals mean ± z c std contain the truth at {@code level} of the pixels. c is the conformal
 * quantile (rank ⌈(n + 1) level⌉ of n) of the scores |truth - mean| / std, divided by z; on the
 * calibration pixels the coverage at {@code level} is then at least {@code level}, and on new images
 * of the same kind it is close to it (the scores being exchangeable is the assumption). A pixel
 * with std 0 scores +∞ unless its error is 0 too.
 */
public final class StdCalibration {

	private StdCalibration() {}

	/** The scale c for images {@code truths}, their estimates and their std maps. */
	public static double scale(final List<float[]> truths, final List<float[]> means,
		final List<float[]> stds, final double level)
	{
		Checks.require(!truths.isEmpty() && truths.size() == means.size() && truths.size() == stds
			.size(), "images", truths.size() + " truths, " + means.size() + " estimates, " + stds.size() +
				" std maps", "the same number (at least one) of each");
		int n = 0;
		for (int k = 0; k < truths.size(); k++) {
			Inputs.sameSize("truth", truths.get(k), "mean", means.get(k));
			Inputs.sameSize("truth", truths.get(k), "std", stds.get(k));
			n += truths.get(k).length;
		}
		final double z = Coverage.z(level);
		final double[] scores = new double[n];
		int i = 0;
		for (int k = 0; k < truths.size(); k++) {
			final float[] t = truths.get(k), m = means.get(k), s = stds.get(k);
			for (int j = 0; j < t.length; j++) {
				final double e = Math.abs((double) t[j] - m[j]);
				if (s[j] < 0 || Float.isNaN(s[j])) throw Checks.bad("std", "value " + s[j] + " in image " +
					k, "standard deviations >= 0");
				scores[i++] = e == 0 ? 0 : s[j] == 0 ? Double.POSITIVE_INFINITY : e / s[j];
			}
		}
		Arrays.sort(scores);
		final int rank = (int) Math.min(n, Math.ceil((n + 1) * level));
		return scores[rank - 1] / z;
	}
}
