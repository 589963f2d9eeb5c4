package org.priorj.physics.mri;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.priorj.base.Checks;

/**
 * Seeded generators of k-space {@link SamplingMask}s on an {@code H x W} grid in the centred layout
 * of {@link CenteredFft2} (DC at {@code (H/2, W/2)}). Random choices come from a
 * {@link SplittableRandom} seeded with the given seed, so a seed always gives the same mask.
 * <p>
 * Line masks (Cartesian 1-D undersampling): the phase-encode lines are the <b>columns</b> (index
 * x along W), as in fastMRI; a sampled line is a whole column (every row y). Each line mask samples
 * exactly {@code round(W / R)} columns, drawn without replacement, including a fully sampled block
 * of {@code max(1, round(W * centerFraction))} central columns; so the achieved acceleration is
 * {@code W / round(W / R)}, which equals the nominal R whenever R divides W. The central block starts
 * at column {@code W/2 - n/2} (integer division) and so always contains the DC column.
 */
public final class SamplingMasks {

	private SamplingMasks() {}

	/**
	 * The fastMRI pairing of centre fraction and acceleration (0.08 at x4, 0.04 at x8), extended as
	 * {@code 0.32 / R}: the fully sampled centre holds about a third of the sampled lines.
	 */
	public static double defaultCenterFraction(final double acceleration) {
		checkAcceleration(acceleration);
		return 0.32 / acceleration;
	}

	/** Uniform random lines with the {@link #defaultCenterFraction default centre fraction}. */
	public static SamplingMask uniformLines(final int height, final int width,
		final double acceleration, final long seed)
	{
		return uniformLines(height, width, acceleration, defaultCenterFraction(acceleration), seed);
	}

	/**
	 * Random columns, uniform over the columns outside the central block (fastMRI's
	 * {@code RandomMaskFunc}, but drawn without replacement so that the line count is exact).
	 *
	 * @param acceleration nominal acceleration R >= 1
	 * @param centerFraction fraction of the columns in the fully sampled centre, in (0, 1)
	 */
	public static SamplingMask uniformLines(final int height, final int width,
		final double acceleration, final double centerFraction, final long seed)
	{
		return lines(height, width, acceleration, centerFraction, Double.NaN, seed);
	}

	/**
	 * Random columns drawn without replacement with probabilities proportional to
	 * {@code exp(-(x - W/2)^2 / (2 std^2))} (successive draws, each over the columns left), plus the
	 * fully sampled central block.
	 *
	 * @param std standard deviation of the Gaussian, in columns (k-space samples), > 0
	 */
	public static SamplingMask gaussianLines(final int height, final int width,
		final double acceleration, final double centerFraction, final double std, final long seed)
	{
		Checks.positive("std", std);
		return lines(height, width, acceleration, centerFraction, std, seed);
	}

	/** std NaN: uniform draws; otherwise Gaussian draws. */
	private static SamplingMask lines(final int height, final int width,
		final double acceleration, final double centerFraction, final double std, final long seed)
	{
		checkGrid(height, width);
		checkAcceleration(acceleration);
		Checks.require(centerFraction > 0 && centerFraction < 1, "center_fraction", "got " +
			centerFraction, "a number in the open interval (0, 1)");
		final int total = (int) Math.round(width / acceleration);
		Checks.require(total >= 1, "acceleration", "got " + acceleration + ", which leaves " +
			"no line of " + width, "at most " + width + " (the number of columns)");
		final int center = (int) Math.max(1, Math.round(width * centerFraction));
		Checks.require(center <= total, "center_fraction", "got " + centerFraction + ", i.e. " +
			center + " central lines, but acceleration " + acceleration + " allows only " +
			total + " lines in all", "a fraction giving at most " + total + " central lines");
		final int start = width / 2 - center / 2;
		final boolean[] chosen = new boolean[width];
		for (int x = start; x < start + center; x++) chosen[x] = true;
		final int[] others = new int[width - center];
		for (int x = 0, j = 0; x < width; x++) if (!chosen[x]) others[j++] = x;
		final SplittableRandom rnd = new SplittableRandom(seed);
		final int[] drawn = Double.isNaN(std) ? uniformDraw(others, total - center, rnd)
			: gaussianDraw(others, width / 2, std, total - center, rnd);
		for (final int x : drawn) chosen[x] = true;
		final float[] mask = new float[height * width];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) mask[y * width + x] = chosen[x] ? 1f : 0f;
		}
		final String kind = Double.isNaN(std) ? "uniform random lines"
			: String.format(Locale.ROOT, "Gaussian random lines (std %g columns)", std);
		return new SamplingMask(height, width, mask, String.format(Locale.ROOT,
			"%s (columns) %dx%d, nominal acceleration %g, centre fraction %g (%d lines), seed %d",
			kind, height, width, acceleration, centerFraction, center, seed));
	}

	/** k distinct elements of {@code pool}, uniformly (partial Fisher-Yates shuffle). */
	private static int[] uniformDraw(final int[] pool, final int k, final SplittableRandom rnd) {
		final int[] a = pool.clone();
		for (int i = 0; i < k; i++) {
			final int j = i + rnd.nextInt(a.length - i);
			final int t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
		return Arrays.copyOf(a, k);
	}

	/**
	 * k distinct elements of {@code pool}, as successive draws with probabilities proportional to a
	 * Gaussian of the distance to {@code center}: the Gumbel-top-k method (the k largest of
	 * log-weight + Gumbel noise), which works in log space and so never underflows in the tails.
	 */
	private static int[] gaussianDraw(final int[] pool, final int center, final double std,
		final int k, final SplittableRandom rnd)
	{
		final int n = pool.length;
		final double[] key = new double[n];
		final Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			final double d = (pool[i] - center) / std;
			final double u = (rnd.nextLong() >>> 11) * 0x1.0p-53 + 0x1.0p-54; // in (0, 1)
			key[i] = -0.5 * d * d - Math.log(-Math.log(u));
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Double.compare(key[b], key[a]));
		final int[] out = new int[k];
		for (int i = 0; i < k; i++) out[i] = pool[order[i]];
		return out;
	}

	/**
	 * Radial sampling: {@code spokes} straight lines through the DC point {@code (H/2, W/2)}, each
	 * spanning the whole grid, rasterised by stepping one sample along the spoke's major axis and
	 * rounding the other coordinate (offsets from the centre rounded half away from zero, so each
	 * spoke is point-symmetric about DC). Angles are measured from the x axis (columns) towards +y
	 * (rows), in [0, pi): equally spaced ({@code s * pi / spokes}) or, with {@code golden}, the
	 * golden-angle sequence {@code s * pi / phi} mod pi (about 111.25 degrees apart) used for
	 * radial MRI. The number of samples depends on the geometry; see
	 * {@link SamplingMask#acceleration()}.
	 */
	public static SamplingMask radial(final int height, final int width, final int spokes,
		final boolean golden)
	{
		checkGrid(height, width);
		Checks.positive("spokes", spokes);
		final float[] mask = new float[height * width];
		final int cy = height / 2;
		final int cx = width / 2;
		final double reach = Math.hypot(height, width) / 2 + 1;
		final double goldenStep = Math.PI * (Math.sqrt(5) - 1) / 2;
		for (int s = 0; s < spokes; s++) {
			final double angle = golden ? (s * goldenStep) % Math.PI : s * Math.PI / spokes;
			final double cos = Math.cos(angle);
			final double sin = Math.sin(angle);
			final double step = 1 / Math.max(Math.abs(cos), Math.abs(sin));
			final int n = (int) Math.ceil(reach / step);
			for (int j = -n; j <= n; j++) {
				final int y = cy + roundSymmetric(j * step * sin);
				final int x = cx + roundSymmetric(j * step * cos);
				if (y >= 0 && y < height && x >= 0 && x < width) mask[y * width + x] = 1f;
			}
		}
		return new SamplingMask(height, width, mask, String.format(Locale.ROOT,
			"radial %dx%d, %d spokes, %s angles", height, width, spokes, golden ? "golden"
				: "equally spaced"));
	}

	private static int roundSymmetric(final double v) {
		final int r = (int) Math.floor(Math.abs(v) + 0.5);
		return v < 0 ? -r : r;
	}

	/**
	 * Uniformly random k-space points (2-D undersampling): exactly {@code round(fraction * H * W)}
	 * points (at least one), drawn without replacement, including every point of the centre disc
	 * {@code (y - H/2)^2 + (x - W/2)^2 <= centerRadius^2} when {@code centerRadius > 0}.
	 *
	 * @param fraction fraction of the grid sampled, in (0, 1]
	 * @param centerRadius radius of the fully sampled centre disc in samples, >= 0 (0: no disc)
	 */
	public static SamplingMask randomPixels(final int height, final int width,
		final double fraction, final double centerRadius, final long seed)
	{
		checkGrid(height, width);
		Checks.require(fraction > 0 && fraction <= 1, "fraction", "got " + fraction,
			"a number in (0, 1]");
		Checks.nonNegative("center_radius", centerRadius);
		final int size = height * width;
		final int total = (int) Math.max(1, Math.round(fraction * size));
		final float[] mask = new float[size];
		int inDisc = 0;
		if (centerRadius > 0) {
			final double r2 = centerRadius * centerRadius;
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					final double dy = y - height / 2;
					final double dx = x - width / 2;
					if (dy * dy + dx * dx <= r2) {
						mask[y * width + x] = 1f;
						inDisc++;
					}
				}
			}
		}
		Checks.require(inDisc <= total, "center_radius", "got " + centerRadius + ", a disc of " +
			inDisc + " points, but fraction " + fraction + " allows only " + total + " points",
			"a radius whose disc holds at most " + total + " points");
		final int[] pool = new int[size - inDisc];
		for (int i = 0, j = 0; i < size; i++) if (mask[i] == 0) pool[j++] = i;
		for (final int i : uniformDraw(pool, total - inDisc, new SplittableRandom(seed))) {
			mask[i] = 1f;
		}
		return new SamplingMask(height, width, mask, String.format(Locale.ROOT,
			"uniform random points %dx%d, fraction %g, centre radius %g (%d points), seed %d",
			height, width, fraction, centerRadius, inDisc, seed));
	}

	private static void checkGrid(final int height, final int width) {
		Checks.positive("height", height);
		Checks.positive("width", width);
	}

	private static void checkAcceleration(final double acceleration) {
		Checks.require(acceleration >= 1 && Double.isFinite(acceleration), "acceleration",
			"got " + acceleration, "a finite number >= 1");
	}
}
