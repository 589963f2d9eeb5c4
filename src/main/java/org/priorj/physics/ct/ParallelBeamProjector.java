package org.priorj.physics.ct;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.priorj.base.Checks;
import org.priorj.physics.LinearOperator;
import org.priorj.base.Shape;

/**
 * The 2-D parallel-beam Radon transform of an image {@code (H, W)} into a sinogram
 * {@code (angles, detectors)}, one row per angle, with its exact discrete adjoint.
 * <p>
 * <b>Geometry.</b> Pixels and detector bins have unit size. Pixel (column x, row y) sits at
 * {@code (x - cx, y - cy)} from the rotation centre, by default the geometric centre
 * {@code cx = (W-1)/2, cy = (H-1)/2} (see {@link RotationCentre} for the other convention); rows run
 * downwards. At angle θ (degrees, any finite value, any order) it projects to the detector
 * coordinate {@code s = (x - cx) cos θ - (y - cy) sin θ}, and detector bin k is centred at
 * {@code s = k - (D-1)/2}. So θ = 0 sums each column (detector k = column k when D = W),
 * θ = 90° sums each row with detector 0 at the bottom row, and the projection at θ + 180° is the
 * projection at θ mirrored ({@code k -> D-1-k}). This is the orientation of scikit-image's
 * {@code radon} (whose output is our sinogram transposed); scikit-image rotates about pixel
 * {@code N/2} (integer division) instead of the geometric centre, so for even sizes its sinogram
 * is shifted by up to one detector bin at angles away from 0°.
 * <p>
 * <b>Discretisation.</b> Distance-driven (De Man and Basu, 2004) in its parallel-beam form: at
 * each angle a pixel is a segment of width {@code c = max(|cos θ|, |sin θ|)} centred at its
 * projection s, each detector a segment of width 1, and the weight of a pixel in a bin is their
 * overlap divided by c. The weights of each pixel sum to 1 (the adjoint is a smooth
 * backprojection and a sinogram row sums to the image sum) and a constant image has exact chord
 * lengths along every ray (no moiré in the forward projection). A pixel touches at most two
 * bins. The forward pass scatters each pixel into its row (walking rows of pixels for angles
 * nearer 0°, columns for angles nearer 90°); the adjoint gathers each pixel from the same two bins
 * with the same weights, computed from the same tables, so it is the transpose of the forward
 * matrix up to float rounding. Contributions falling outside the detector are dropped (a default
 * detector of {@code max(H, W)} bins covers the inscribed circle; image corners are only partly
 * seen at oblique angles, as with scikit-image's {@code radon(circle=True)}).
 * <p>
 * <b>Memory.</b> The operator holds two float tables of per-angle pixel-column and pixel-row
 * projections and one float per angle: {@code 4 * angles * (W + H + 1)} bytes (about 370 KB for
 * 180 angles at 256x256). The adjoint allocates a padded sinogram of at most
 * {@code 4 * angles * (max(D, sqrt(H^2 + W^2)) + 12)} bytes; the forward a transposed copy of the
 * image ({@code 4 * H * W} bytes, when some angle is nearer 90° than 0°) and, for every four
 * angles, four padded detector rows: at most {@code 16 * (max(D, sqrt(H^2 + W^2)) + 13)} bytes
 * each (about 270 KB in all for 180 angles at 256x256).
 * <p>
 * Forward runs in parallel over groups of angles, the adjoint over pixel rows; both are
 * deterministic (each output value is summed by one thread in a fixed order). Immutable and safe
 * for concurrent calls.
 */
public final class ParallelBeamProjector implements LinearOperator {

	private final int height;
	private final int width;
	private final int detectors;
	private final double[] angles;
	private final Shape domain;
	private final Shape range;
	/** Per angle and pixel column: (x - cx) cos θ + (D-1)/2 + 1/2 + c/2 + pad, i.e. the right end
	 * of the pixel's footprint in padded bin units for the image row through the centre. */
	private final float[] columnTerm;
	/** Per angle and pixel row: -(y - cy) sin θ. */
	private final float[] rowTerm;
	/** Per angle: 1 / c. */
	private final float[] inverseWidth;
	/** Per angle: |sin θ| > |cos θ|, so pixels move faster on the detector along a column than
	 * along a row. */
	private final boolean[] steep;
	private final boolean anySteep;
	/** Accumulator slots per detector bin in the forward pass (see projectAngle). */
	private static final int SLOTS = 4;
	/** Forward pass: angles per parallel task, which share one accumulator row. Small groups keep
	 * two busy cores balanced to within a few angles. */
	private static final int ANGLES_PER_TASK = 4;
	private static final int ONE_BITS = Float.floatToRawIntBits(1f);
	/** Side of the tiles the image is transposed in. */
	private static final int TILE = 32;
	/** Padded row: index {@code pad + k} holds detector k; the margins catch footprints outside. */
	private final int pad;
	private final int paddedLength;
	private final RotationCentre centre;

	/**
	 * @param height image rows H
	 * @param width image columns W
	 * @param anglesDegrees projection angles in degrees (finite, at least one, any order)
	 * @param detectors number of detector bins D, spacing one pixel, centred on the image centre
	 */
	public ParallelBeamProjector(final int height, final int width, final double[] anglesDegrees,
		final int detectors)
	{
		this(height, width, anglesDegrees, detectors, RotationCentre.GEOMETRIC);
	}

	/**
	 * @param centre where the rotation axis is ({@link RotationCentre#PIXEL} for sinograms made by
	 *          scikit-image and FFT-centred tools)
	 */
	public ParallelBeamProjector(final int height, final int width, final double[] anglesDegrees,
		final int detectors, final RotationCentre centre)
	{
		this.height = Checks.positive("height", height);
		this.width = Checks.positive("width", width);
		this.detectors = Checks.positive("detectors", detectors);
		this.angles = checkAngles(anglesDegrees);
		final int n = angles.length;
		this.domain = Shape.of(height, width);
		this.range = Shape.of(n, detectors);

		if (centre == null) throw Checks.bad("center", "got null", "geometric or pixel");
		this.centre = centre;
		final double cx = centre.of(width);
		final double cy = centre.of(height);
		final double cd = centre.of(detectors);
		// Footprint right ends t satisfy |t - cd - 1/2| <= halfDiagonal + 1/2; keep t - 1 >= 0 and
		// t < paddedLength with a bin of margin against rounding.
		final double reach = Math.hypot(Math.max(cx, width - 1 - cx), Math.max(cy, height - 1 -
			cy)) + 1;
		this.pad = Math.max(1, (int) Math.ceil(reach - cd) + 2);
		this.paddedLength = Math.max(pad + detectors, (int) Math.ceil(cd + 1 + reach) + pad + 2);

		columnTerm = new float[n * width];
		rowTerm = new float[n * height];
		inverseWidth = new float[n];
		steep = new boolean[n];
		boolean any = false;
		for (int a = 0; a < n; a++) {
			final double theta = Math.toRadians(angles[a]);
			final double cos = Math.cos(theta);
			final double sin = Math.sin(theta);
			final double c = Math.max(Math.abs(cos), Math.abs(sin));
			inverseWidth[a] = (float) (1 / c);
			steep[a] = Math.abs(sin) > Math.abs(cos);
			any |= steep[a];
			final double shift = cd + 0.5 + c / 2 + pad;
			for (int x = 0; x < width; x++) columnTerm[a * width + x] = (float) ((x - cx) * cos +
				shift);
			for (int y = 0; y < height; y++) rowTerm[a * height + y] = (float) (-(y - cy) * sin);
		}
		anySteep = any;
	}

	public RotationCentre centre() {
		return centre;
	}

	/** A projector with {@code max(H, W)} detector bins. */
	public static ParallelBeamProjector of(final int height, final int width,
		final double... anglesDegrees)
	{
		return new ParallelBeamProjector(height, width, anglesDegrees, Math.max(height, width));
	}

	/**
	 * The projector of some of this one's sinogram rows: the angles of {@code rows}, in that order,
	 * with the same image, detectors and rotation centre. Its sinogram row i is row {@code rows[i]}
	 * of this projector's; ordered-subsets methods project and backproject one subset at a time.
	 */
	public ParallelBeamProjector subset(final int... rows) {
		if (rows == null || rows.length == 0) throw Checks.bad("rows", "none",
			"at least one sinogram row");
		final double[] chosen = new double[rows.length];
		for (int i = 0; i < rows.length; i++) {
			Checks.require(rows[i] >= 0 && rows[i] < angles.length, "rows", "row " + rows[i],
				"rows 0 to " + (angles.length - 1));
			chosen[i] = angles[rows[i]];
		}
		return new ParallelBeamProjector(height, width, chosen, detectors, centre);
	}

	/**
	 * The direction of the projection at {@code degrees}: the angle mod 180°, in [0°, 180°), since
	 * θ and θ + 180° measure the same lines (mirrored).
	 */
	public static double direction(final double degrees) {
		final double d = degrees % 180;
		return d < 0 ? d + 180 : d;
	}

	/**
	 * The widest gap, in degrees, between neighbouring directions measured ({@link #direction}),
	 * around the half turn: 180 / n for n evenly spaced angles over [0°, 180°), 60 + 120 / n for n
	 * angles over [0°, 120°), 180 for a single direction. Where it is wide, an FBP streaks.
	 */
	public double widestGap() {
		final double[] d = new double[angles.length];
		for (int i = 0; i < d.length; i++) d[i] = direction(angles[i]);
		Arrays.sort(d);
		double widest = d[0] + 180 - d[d.length - 1];
		for (int i = 1; i < d.length; i++) widest = Math.max(widest, d[i] - d[i - 1]);
		return widest;
	}

	/** {@code count} angles evenly spaced over [0°, 180°): {@code k * 180 / count}. */
	public static double[] halfTurn(final int count) {
		Checks.positive("angles", count);
		final double[] a = new double[count];
		for (int k = 0; k < count; k++) a[k] = k * 180.0 / count;
		return a;
	}

	private static double[] checkAngles(final double[] anglesDegrees) {
		if (anglesDegrees == null || anglesDegrees.length == 0) throw Checks.bad("angles",
			"no angles", "at least one angle in degrees");
		for (int i = 0; i < anglesDegrees.length; i++) {
			Checks.require(Double.isFinite(anglesDegrees[i]), "angles", "angle " + i + " is " +
				anglesDegrees[i], "finite angles in degrees");
		}
		return anglesDegrees.clone();
	}

	public int height() {
		return height;
	}

	public int width() {
		return width;
	}

	public int detectors() {
		return detectors;
	}

	public int numAngles() {
		return angles.length;
	}

	/** The projection angles in degrees, in sinogram row order. */
	public double[] angles() {
		return angles.clone();
	}

	@Override
	public Shape domain() {
		return domain;
	}

	@Override
	public Shape range() {
		return range;
	}

	@Override
	public String describe() {
		double lo = angles[0], hi = angles[0];
		for (final double a : angles) {
			lo = Math.min(lo, a);
			hi = Math.max(hi, a);
		}
		return "ParallelBeamProjector " + domain + " -> " + range + (centre == RotationCentre.PIXEL ?
			" rotation centre at pixel (W/2, H/2)" : "") + " (" + angles.length +
			" angles in [" + lo + ", " + hi + "] deg, " + detectors +
			" detectors, distance-driven)";
	}

	@Override
	public void apply(final float[] image, final float[] sinogram) {
		domain.check("image", image, "height x width");
		range.check("sinogram", sinogram, "angles x detectors");
		final float[] transposed = anySteep ? transpose(image) : null;
		final int n = angles.length;
		IntStream.range(0, (n + ANGLES_PER_TASK - 1) / ANGLES_PER_TASK).parallel().forEach(g -> {
			final float[] acc = new float[SLOTS * (paddedLength + 1)];
			for (int a = g * ANGLES_PER_TASK; a < Math.min(n, (g + 1) * ANGLES_PER_TASK); a++) {
				if (steep[a]) projectAngle(a, transposed, rowTerm, height, columnTerm, width, acc,
					sinogram);
				else projectAngle(a, image, columnTerm, width, rowTerm, height, acc, sinogram);
			}
		});
	}

	/**
	 * One sinogram row, walking the image along lines in the direction whose pixels move fastest
	 * on the detector ({@code lines} holds {@code count} such lines of {@code length} pixels).
	 * <p>
	 * In a plain scatter a pixel adds into the bin its neighbour has just written, so loads depend
	 * on the stores of the iteration before, in a pattern that changes with the angle. How fast the
	 * processor runs that depends on the exact machine code: the same loop took 36 or 95 ms per
	 * call at 256x256 and 180 angles on one thread depending on which of the JIT's compilations
	 * was in use, and the fast one came only after some 30 calls, hence a forward pass three times
	 * slower than the adjoint and timings that changed from run to run. Along the fast direction
	 * consecutive pixels lie c >= 1/sqrt(2) bins apart, so with the left and right parts of even
	 * and odd pixels in four separate slots per bin each slot is written at most once per line:
	 * no load depends on a recent store.
	 */
	private void projectAngle(final int a, final float[] lines, final float[] innerTerm,
		final int length, final float[] outerTerm, final int count, final float[] acc,
		final float[] sinogram)
	{
		Arrays.fill(acc, 0f);
		final float inv = inverseWidth[a];
		final int innerBase = a * length;
		// a plain bound (not i + 1 < length) lets the JIT check the line's bounds once, not per pair
		final int pairs = length & ~1;
		for (int o = 0; o < count; o++) {
			final float r = outerTerm[a * count + o];
			final int p = o * length;
			for (int i = 0; i < pairs; i += 2) {
				final float v0 = lines[p + i];
				final float t0 = innerTerm[innerBase + i] + r;
				final int k0 = (int) t0;
				final float right0 = v0 * atMostOne((t0 - k0) * inv);
				acc[SLOTS * k0] += v0 - right0;
				acc[SLOTS * k0 + 1] += right0;
				final float v1 = lines[p + i + 1];
				final float t1 = innerTerm[innerBase + i + 1] + r;
				final int k1 = (int) t1;
				final float right1 = v1 * atMostOne((t1 - k1) * inv);
				acc[SLOTS * k1 + 2] += v1 - right1;
				acc[SLOTS * k1 + 3] += right1;
			}
			if (pairs < length) {
				final float v0 = lines[p + pairs];
				final float t0 = innerTerm[innerBase + pairs] + r;
				final int k0 = (int) t0;
				final float right0 = v0 * atMostOne((t0 - k0) * inv);
				acc[SLOTS * k0] += v0 - right0;
				acc[SLOTS * k0 + 1] += right0;
			}
		}
		// slots 0 and 2 of bin k hold the left parts, which belong to bin k - 1
		final int base = a * detectors;
		for (int d = 0; d < detectors; d++) {
			final int k = SLOTS * (pad + d);
			sinogram[base + d] = acc[k + SLOTS] + acc[k + SLOTS + 2] + acc[k + 1] + acc[k + 3];
		}
	}

	/**
	 * {@code Math.min(1f, x)} for the finite {@code x >= 0} of the weights. Math.min also orders NaN
	 * and -0, which costs the JIT's code several instructions and made up a third of the time of
	 * both passes; for non-negative floats the bit patterns order as ints do.
	 */
	private static float atMostOne(final float x) {
		return Float.intBitsToFloat(Math.min(Float.floatToRawIntBits(x), ONE_BITS));
	}

	/**
	 * The image transposed, in tiles of {@link #TILE}×{@link #TILE} pixels: row by row, every write
	 * lands a whole column away from the one before and misses the cache; within a tile the
	 * columns' cache lines stay loaded. Three times faster at 256×256 (0.09 against 0.26 ms), which
	 * counts where a projector of one steep angle is applied many times (ordered-subsets SART).
	 */
	private float[] transpose(final float[] image) {
		final float[] t = new float[image.length];
		for (int y0 = 0; y0 < height; y0 += TILE) {
			final int y1 = Math.min(height, y0 + TILE);
			for (int x0 = 0; x0 < width; x0 += TILE) {
				final int x1 = Math.min(width, x0 + TILE);
				for (int y = y0; y < y1; y++) {
					final int p = y * width;
					for (int x = x0; x < x1; x++) t[x * height + y] = image[p + x];
				}
			}
		}
		return t;
	}

	@Override
	public void adjoint(final float[] sinogram, final float[] image) {
		range.check("sinogram", sinogram, "angles x detectors");
		domain.check("image", image, "height x width");
		final int n = angles.length;
		final float[] padded = new float[n * paddedLength];
		for (int a = 0; a < n; a++) System.arraycopy(sinogram, a * detectors, padded, a *
			paddedLength + pad, detectors);
		IntStream.range(0, height).parallel().forEach(y -> backprojectRow(y, padded, image));
	}

	private void backprojectRow(final int y, final float[] padded, final float[] image) {
		final int p = y * width;
		Arrays.fill(image, p, p + width, 0f);
		for (int a = 0; a < angles.length; a++) {
			final float r = rowTerm[a * height + y];
			final int cBase = a * width;
			final int gBase = a * paddedLength;
			final float inv = inverseWidth[a];
			for (int x = 0; x < width; x++) {
				final float t = columnTerm[cBase + x] + r;
				final int k = (int) t;
				final float w = atMostOne((t - k) * inv);
				final float g0 = padded[gBase + k - 1];
				image[p + x] += g0 + w * (padded[gBase + k] - g0);
			}
		}
	}
}
