package org.priorj.image;

import org.priorj.base.Checks;

/**
 * Runs a function that maps a tile to a tile of the same size over a large 2-D image, or over
 * every slice of a stack, in overlapping tiles whose results are blended smoothly.
 * <p>
 * <b>Layout.</b> Along each axis, tiles have one size ({@code tile_size}, or the size that gives
 * {@code n_tiles} tiles; never more than the image) and are spread evenly from edge to edge so
 * that neighbours share at least {@code 2 * overlap} pixels: {@code overlap} is the context each
 * tile sees beyond its own share of the image on each side facing another tile, as in CSBDeep.
 * The boundary between two neighbours' shares is the middle of their shared strip.
 * <p>
 * <b>Blending.</b> Across each boundary the outgoing tile's weight falls and the incoming tile's
 * rises along a raised-cosine ramp {@code blend} pixels wide (default {@code overlap}) centred on
 * the boundary; a tile's weight is 1 at the image border and is the product of its ramps along Y
 * and X. Weights are normalised to sum to 1 at every pixel. Each tile's weight is exactly 0 on
 * its outer {@code overlap - blend / 2} pixels facing another tile, so a function whose output at
 * a pixel depends only on input within radius {@code r} (a finite filter, a network's receptive
 * field) gives the untiled result exactly (to float rounding) when
 * {@code r <= overlap - blend / 2}: with the default blend, {@code r <= overlap / 2}; with
 * {@code blend = 0} (hard seams, no smoothing) {@code r <= overlap}. Larger {@code blend} hides
 * seams from functions whose support is not finite, at the cost of exactness for finite ones.
 * <p>
 * Tiles are processed in order, {@code batch_size} at a time, which is deterministic; the
 * function gets a fresh array it may overwrite, and the input image is never modified. Immutable.
 */
public final class Tiler {

	/** The function run on the tiles. */
	@FunctionalInterface
	public interface TileFunction {

		/**
		 * Maps {@code count} tiles, stored as {@code (count, height, width)} row-major, to the same
		 * number of tiles of the same size (a new array or {@code tiles} itself).
		 */
		float[] apply(float[] tiles, int count, int height, int width);
	}

	private final int tileHeight, tileWidth;
	private final int tilesY, tilesX;
	private final int overlap, blend, batchSize;

	private Tiler(final int tileHeight, final int tileWidth, final int tilesY, final int tilesX,
		final int overlap, final int blend, final int batchSize)
	{
		this.tileHeight = tileHeight;
		this.tileWidth = tileWidth;
		this.tilesY = tilesY;
		this.tilesX = tilesX;
		this.overlap = overlap;
		this.blend = blend;
		this.batchSize = batchSize;
	}

	/** Tiles of {@code tileHeight x tileWidth} (smaller only where the image is smaller). */
	public static Tiler bySize(final int tileHeight, final int tileWidth, final int overlap) {
		checkOverlap(overlap);
		for (final int t : new int[] { tileHeight, tileWidth }) {
			Checks.require(t > 2 * overlap, "tile_size", "got " + t + " with overlap " + overlap,
				"more than 2 * overlap = " + 2 * overlap + " pixels");
		}
		return new Tiler(tileHeight, tileWidth, 0, 0, overlap, overlap, 1);
	}

	/** {@code tilesY} by {@code tilesX} tiles (fewer where the image is too small for them). */
	public static Tiler byCount(final int tilesY, final int tilesX, final int overlap) {
		checkOverlap(overlap);
		for (final int n : new int[] { tilesY, tilesX }) {
			Checks.require(n >= 1, "n_tiles", "got " + n, "an integer >= 1 per axis");
		}
		return new Tiler(0, 0, tilesY, tilesX, overlap, overlap, 1);
	}

	/** This tiling with a blending ramp {@code blend} pixels wide, in {@code [0, 2 * overlap]}. */
	public Tiler withBlend(final int blend) {
		Checks.require(blend >= 0 && blend <= 2 * overlap, "blend", "got " + blend +
			" with overlap " + overlap, "an integer in [0, 2 * overlap] = [0, " + 2 * overlap + "]");
		return new Tiler(tileHeight, tileWidth, tilesY, tilesX, overlap, blend, batchSize);
	}

	/** This tiling, passing up to {@code batchSize} tiles to each call of the function. */
	public Tiler withBatchSize(final int batchSize) {
		Checks.positive("batch_size", batchSize);
		return new Tiler(tileHeight, tileWidth, tilesY, tilesX, overlap, blend, batchSize);
	}

	private static void checkOverlap(final int overlap) {
		Checks.require(overlap >= 0, "overlap", "got " + overlap, "an integer >= 0");
	}

	/** {@code f} run tiled over one image {@code (height, width)}; a new array. */
	public float[] apply(final float[] image, final int height, final int width,
		final TileFunction f)
	{
		return applyToSlices(image, 1, height, width, f);
	}

	/** {@code f} run tiled over each slice of a stack {@code (slices, height, width)}; a new array. */
	public float[] applyToSlices(final float[] stack, final int slices, final int height,
		final int width, final TileFunction f)
	{
		Checks.positive("slices", slices);
		Checks.positive("height", height);
		Checks.positive("width", width);
		Checks.length("image", stack, Math.toIntExact((long) slices * height * width));
		if (f == null) throw Checks.bad("function", "null", "a tile function");
		final Axis ay = axis(height, tileHeight, tilesY);
		final Axis ax = axis(width, tileWidth, tilesX);
		final float[][] weights = normalisedWeights(ay, ax, width);
		final int th = ay.size, tw = ax.size, tileArea = th * tw;
		final int perSlice = ay.count() * ax.count(), total = slices * perSlice;
		final float[] out = new float[stack.length];
		for (int first = 0; first < total; first += batchSize) {
			final int count = Math.min(batchSize, total - first);
			final float[] batch = new float[count * tileArea];
			for (int b = 0; b < count; b++) {
				final int t = first + b, k = t % perSlice;
				final int offset = (t / perSlice) * height * width + ay.starts[k / ax.count()] *
					width + ax.starts[k % ax.count()];
				for (int y = 0; y < th; y++) {
					System.arraycopy(stack, offset + y * width, batch, b * tileArea + y * tw, tw);
				}
			}
			final float[] result = f.apply(batch, count, th, tw);
			if (result == null || result.length != batch.length) throw new IllegalStateException(
				"The tile function returned " + (result == null ? "null" : result.length +
					" values") + " for " + count + " tiles of " + th + "x" + tw + "; expected " +
					batch.length + " values.");
			for (int b = 0; b < count; b++) {
				final int t = first + b, k = t % perSlice;
				final float[] w = weights[k];
				final int offset = (t / perSlice) * height * width + ay.starts[k / ax.count()] *
					width + ax.starts[k % ax.count()];
				for (int y = 0; y < th; y++) {
					final int o = offset + y * width, r = b * tileArea + y * tw;
					for (int x = 0; x < tw; x++) out[o + x] += w[y * tw + x] * result[r + x];
				}
			}
		}
		return out;
	}

	/** Tile starts along an axis of length {@code length} with tiles of {@code size}. */
	static final class Axis {

		final int size;
		final int[] starts;

		Axis(final int size, final int[] starts) {
			this.size = size;
			this.starts = starts;
		}

		int count() {
			return starts.length;
		}

		/** Boundary between the shares of tiles k-1 and k: the middle of their shared strip. */
		double boundary(final int k) {
			return (starts[k] + starts[k - 1] + size) / 2.0;
		}
	}

	Axis axis(final int length, final int tileSize, final int tiles) {
		final int size = tileSize > 0 ? Math.min(tileSize, length) : Math.min(length, ceilDiv(
			length - 2 * overlap, tiles) + 2 * overlap);
		if (size >= length) return new Axis(length, new int[] { 0 });
		// size > 2 * overlap here: bySize checked it, and byCount gives more when size < length.
		final int n = ceilDiv(length - 2 * overlap, size - 2 * overlap);
		final int[] starts = new int[n];
		final long span = length - size;
		for (int k = 0; k < n; k++) starts[k] = (int) ((k * span + (n - 1) / 2) / (n - 1));
		return new Axis(size, starts);
	}

	private static int ceilDiv(final int a, final int b) {
		return -Math.floorDiv(-a, b);
	}

	/** Per tile, its 2-D weights divided by the sum of all tiles' weights at each pixel. */
	private float[][] normalisedWeights(final Axis ay, final Axis ax, final int width) {
		final double[][] wy = new double[ay.count()][], wx = new double[ax.count()][];
		for (int k = 0; k < wy.length; k++) wy[k] = ramps(ay, k);
		for (int k = 0; k < wx.length; k++) wx[k] = ramps(ax, k);
		final int height = ay.starts[ay.count() - 1] + ay.size;
		final double[] sum = new double[height * width];
		for (int i = 0; i < wy.length; i++) {
			for (int j = 0; j < wx.length; j++) {
				for (int y = 0; y < ay.size; y++) {
					final int o = (ay.starts[i] + y) * width + ax.starts[j];
					for (int x = 0; x < ax.size; x++) sum[o + x] += wy[i][y] * wx[j][x];
				}
			}
		}
		final float[][] out = new float[wy.length * wx.length][];
		for (int i = 0; i < wy.length; i++) {
			for (int j = 0; j < wx.length; j++) {
				final float[] w = new float[ay.size * ax.size];
				for (int y = 0; y < ay.size; y++) {
					final int o = (ay.starts[i] + y) * width + ax.starts[j];
					for (int x = 0; x < ax.size; x++) {
						final double v = wy[i][y] * wx[j][x];
						w[y * ax.size + x] = v == 0 ? 0 : (float) (v / sum[o + x]);
					}
				}
				out[i * wx.length + j] = w;
			}
		}
		return out;
	}

	/** 1-D weights of tile k: rising ramp at its first boundary, falling ramp at its last. */
	private double[] ramps(final Axis a, final int k) {
		final double[] w = new double[a.size];
		for (int i = 0; i < a.size; i++) {
			final double centre = a.starts[k] + i + 0.5;
			double v = 1;
			if (k > 0) v *= rise(centre - a.boundary(k));
			if (k < a.count() - 1) v *= rise(a.boundary(k + 1) - centre);
			w[i] = v;
		}
		return w;
	}

	/** Raised cosine from 0 at {@code -blend/2} to 1 at {@code +blend/2}; rise(u)+rise(-u) = 1. */
	private double rise(final double u) {
		final double half = blend / 2.0;
		if (u >= half) return 1;
		if (u <= -half) return 0;
		return 0.5 + 0.5 * Math.sin(Math.PI * u / blend);
	}
}
