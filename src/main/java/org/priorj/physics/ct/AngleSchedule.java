package org.priorj.physics.ct;

import org.priorj.base.Checks;

/**
 * View-angle schedules for dynamic tomography: T time frames, V views per frame, angles in degrees
 * within an angular range R (default 180°, which suffices in parallel beam). The result is indexed
 * {@code [frame][view]}; views are acquired in the order j = t * V + v.
 * <ul>
 * <li>{@link #linear}: the j-th view at {@code j * R / (T V)}: one sweep over the range, evenly
 * spaced, spread over the frames in acquisition order (each frame sees a narrow sector).</li>
 * <li>{@link #goldenAngle}: the j-th view at {@code (j * R (sqrt(5) - 1) / 2) mod R}; for
 * R = 180° the increment is 111.246°. Any run of consecutive views covers the range nearly
 * evenly.</li>
 * <li>{@link #bitReversal}: the j-th view at {@code R * rev(j) / (T V)}, where rev is the
 * bit-reversal permutation of 0 .. TV-1 (for N = 8: 0, 4, 2, 6, 1, 5, 3, 7), as in dynamic
 * tomography (RED-PSM). When TV is not a power of two, rev lists the bit-reversed values of
 * 0 .. 2^ceil(log2 TV) - 1 that are below TV, in order, which is again a permutation.</li>
 * <li>{@link #random}: every view uniform in [0, R), independently, from a seeded
 * {@link java.util.Random}.</li>
 * </ul>
 */
public final class AngleSchedule {

	/** The golden-ratio fraction (sqrt(5) - 1) / 2 = 0.618...; times 180° gives 111.246°. */
	public static final double GOLDEN_FRACTION = (Math.sqrt(5) - 1) / 2;

	private AngleSchedule() {}

	public static double[][] linear(final int frames, final int views) {
		return linear(frames, views, 180);
	}

	public static double[][] linear(final int frames, final int views, final double range) {
		final int n = total(frames, views, range);
		return byFrame(frames, views, j -> j * range / n);
	}

	public static double[][] goldenAngle(final int frames, final int views) {
		return goldenAngle(frames, views, 180);
	}

	public static double[][] goldenAngle(final int frames, final int views, final double range) {
		total(frames, views, range);
		final double step = range * GOLDEN_FRACTION;
		return byFrame(frames, views, j -> (j * step) % range);
	}

	public static double[][] bitReversal(final int frames, final int views) {
		return bitReversal(frames, views, 180);
	}

	public static double[][] bitReversal(final int frames, final int views, final double range) {
		final int n = total(frames, views, range);
		final int[] order = bitReversedOrder(n);
		return byFrame(frames, views, j -> range * order[j] / n);
	}

	public static double[][] random(final int frames, final int views, final long seed) {
		return random(frames, views, 180, seed);
	}

	public static double[][] random(final int frames, final int views, final double range,
		final long seed)
	{
		total(frames, views, range);
		final java.util.Random rnd = new java.util.Random(seed);
		final double[][] a = new double[frames][views];
		for (final double[] frame : a)
			for (int v = 0; v < views; v++) frame[v] = range * rnd.nextDouble();
		return a;
	}

	/** The bit-reversal permutation of 0 .. n-1 (generalised to any n, see the class notes). */
	static int[] bitReversedOrder(final int n) {
		int bits = 0;
		while ((1L << bits) < n) bits++;
		final int[] order = new int[n];
		int j = 0;
		for (int i = 0; j < n; i++) {
			final int r = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
			if (r < n) order[j++] = r;
		}
		return order;
	}

	private static int total(final int frames, final int views, final double range) {
		Checks.positive("frames", frames);
		Checks.positive("views", views);
		Checks.require(range > 0 && range <= 360, "range", "got " + range,
			"an angular range in degrees in (0, 360]");
		final long n = (long) frames * views;
		Checks.require(n <= 1 << 24, "views", frames + " frames x " + views + " views",
			"at most 2^24 views in all");
		return (int) n;
	}

	private interface AngleOf {
		double at(int j);
	}

	private static double[][] byFrame(final int frames, final int views, final AngleOf angle) {
		final double[][] a = new double[frames][views];
		for (int t = 0; t < frames; t++) {
			for (int v = 0; v < views; v++) a[t][v] = angle.at(t * views + v);
		}
		return a;
	}
}
