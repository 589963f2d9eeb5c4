package org.priorj.solve;

import java.util.Comparator;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.priorj.physics.ct.ParallelBeamProjector;

/**
 * The ordered subsets of a set of projection angles, as ordered-subsets methods ({@link Sart})
 * visit them.
 * <p>
 * The angles, sorted by direction ({@link ParallelBeamProjector#direction}), are dealt out
 * in turn to the subsets: subset s gets the s-th, (s + count)-th, ... directions, so every subset
 * spans the measured range as evenly as the angles do and its update is a fair picture of the
 * whole data. The subsets are visited in the golden-ratio order of their first directions (the
 * order of scikit-image's {@code order_angles_golden_ratio}, applied to subsets): the next subset is
 * the unvisited one nearest, around the circle of subsets, to the previous target position plus
 * count / φ². Consecutive updates then come from directions far apart, which is what makes an
 * ordered-subsets sweep converge faster than the same updates in angle order; any stretch of the
 * sequence covers the range about evenly.
 */
final class AngleSubsets {

	private static final double PHI = (1 + Math.sqrt(5)) / 2;

	private AngleSubsets() {}

	/**
	 * The sinogram rows of each subset, in visiting order.
	 *
	 * @param count number of subsets, at least 1; more than the angles means one angle each
	 */
	static int[][] of(final double[] angles, final int count) {
		final int n = angles.length, s = Math.min(count, n);
		final int[] byDirection = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(
			i -> ParallelBeamProjector.direction(angles[i]))).mapToInt(Integer::intValue).toArray();
		final int[] order = goldenRatioOrder(s);
		final int[][] subsets = new int[s][];
		for (int k = 0; k < s; k++) {
			final int first = order[k];
			subsets[k] = IntStream.iterate(first, i -> i < n, i -> i + s).map(i -> byDirection[i])
				.toArray();
		}
		return subsets;
	}

	/** The positions 0 to count - 1 in golden-ratio order, starting at 0. */
	static int[] goldenRatioOrder(final int count) {
		final TreeSet<Integer> left = new TreeSet<>();
		for (int i = 0; i < count; i++) left.add(i);
		final double step = count / (PHI * PHI);
		final int[] order = new int[count];
		double target = 0;
		for (int k = 0; k < count; k++) {
			order[k] = nearest(left, target, count);
			left.remove(order[k]);
			target = (target + step) % count;
		}
		return order;
	}

	/** The position in {@code left} nearest to {@code target} around a circle of {@code count}. */
	private static int nearest(final TreeSet<Integer> left, final double target, final int count) {
		final Integer floor = left.floor((int) Math.floor(target));
		final Integer ceiling = left.ceiling((int) Math.ceil(target));
		final int below = floor != null ? floor : left.last();
		final int above = ceiling != null ? ceiling : left.first();
		return circularDistance(below, target, count) < circularDistance(above, target, count) ? below
			: above;
	}

	private static double circularDistance(final int p, final double target, final int count) {
		final double d = Math.abs(p - target);
		return Math.min(d, count - d);
	}
}
