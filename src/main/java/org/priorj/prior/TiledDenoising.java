package org.priorj.prior;

import java.util.logging.Logger;

import org.priorj.base.Checks;
import org.priorj.base.Memory;
import org.priorj.image.Tiler;
import org.priorj.image.ValueRange;
import org.priorj.base.Shape;

/**
 * Runs a {@link Denoiser} on a user's image or stack: maps its values into the prior's range (the
 * noise level moves with them), cuts each slice into overlapping tiles with smooth blending, and
 * sends the tiles to the prior in batches. On running out of memory it halves the batch, then
 * doubles the tiles per axis, and retries, as CSBDeep's Fiji plugins do.
 */
public final class TiledDenoising {

	private static final Logger LOG = Logger.getLogger(TiledDenoising.class.getName());

	private final int tilesY, tilesX, overlap, batch;

	/**
	 * @param nTiles tiles per axis (1: the whole slice at once)
	 * @param overlap pixels of context each tile shares with its neighbours
	 * @param batchSize tiles per call
	 */
	public TiledDenoising(final int nTiles, final int overlap, final int batchSize) {
		this(nTiles, nTiles, overlap, batchSize);
	}

	private TiledDenoising(final int tilesY, final int tilesX, final int overlap, final int batch) {
		this.tilesY = Checks.positive("n_tiles", tilesY);
		this.tilesX = Checks.positive("n_tiles", tilesX);
		Checks.require(overlap >= 0, "overlap", "got " + overlap, "an integer >= 0");
		this.overlap = overlap;
		this.batch = Checks.positive("batch_size", batch);
	}

	/**
	 * D applied to each slice of {@code stack} (slices, H, W) whose noise has standard deviation
	 * {@code sigma} in the data's units; values are mapped to the prior's range with {@code range}.
	 */
	/** The smallest tile side that makes sense for a network (a few of its receptive fields). */
	static final int MIN_TILE = 16;

	public float[] denoise(final Denoiser d, final float[] stack, final Shape shape,
		final double sigma, final ValueRange range)
	{
		Checks.require(shape.rank() == 2 || shape.rank() == 3, "image", "shape " + shape,
			"an image (H, W) or a stack (Z, H, W)");
		Checks.require(d.channels() == 1, "prior", "'" + d.name() + "' has " + d.channels() +
			" channels", "a one-channel (grey) prior for grey images");
		Checks.nonNegative("noise_sigma", sigma);
		final int slices = shape.rank() == 3 ? shape.dim(0) : 1;
		final int h = shape.dim(-2), w = shape.dim(-1);
		Checks.require(Math.max(tilesY, tilesX) <= Math.max(1, Math.min(h, w) / MIN_TILE), "n_tiles",
			"got " + Math.max(tilesY, tilesX) + " for an image of " + w + "x" + h, "1 to " + Math.max(1,
				Math.min(h, w) / MIN_TILE) + " (tiles of at least " + MIN_TILE + " pixels a side)");
		checkHeap(stack.length, Runtime.getRuntime().maxMemory(), h, w, slices);
		final double s = range.sigmaToPrior(sigma);
		if (s < d.minSigma() || s > d.maxSigma()) LOG.warning("Noise level " + s + " (in the prior's" +
			" units) lies outside the range prior '" + d.name() + "' was trained on [" + d.minSigma() +
			", " + d.maxSigma() + "]; the result is extrapolated.");
		final float[] mapped = range.toPrior(stack);
		TiledDenoising attempt = this;
		while (true) {
			try {
				return range.fromPrior(attempt.run(d, mapped, slices, h, w, s));
			}
			catch (final OutOfMemoryError | RuntimeException e) {
				if (!outOfMemory(e)) throw e;
				// more tiles help the device's memory, not the Java heap that holds the whole image
				if (javaHeap(e)) throw Checks.bad("input", "an image of " + slices + "x" + h + "x" + w +
					" pixels needs more Java heap than the " + (Runtime.getRuntime().maxMemory() >> 20) +
					" MB given", "a larger heap (java -Xmx…), or a smaller image or stack");
				final TiledDenoising next = attempt.smaller(h, w);
				if (next == null) throw new IllegalStateException("Out of memory even with " +
					attempt.tilesY + "x" + attempt.tilesX + " tiles of batch 1: " + e.getMessage(), e);
				LOG.warning("Out of memory with " + attempt + "; retrying with " + next);
				attempt = next;
			}
		}
	}

	private float[] run(final Denoiser d, final float[] mapped, final int slices, final int h,
		final int w, final double s)
	{
		final Tiler.TileFunction f = (tiles, count, th, tw) -> {
			final float[] out = new float[tiles.length];
			for (int start = 0; start < count; start += batch) {
				final int n = Math.min(batch, count - start);
				final float[] part = new float[n * th * tw];
				System.arraycopy(tiles, start * th * tw, part, 0, part.length);
				System.arraycopy(d.denoise(part, Shape.of(n, 1, th, tw), s), 0, out, start * th * tw,
					part.length);
			}
			return out;
		};
		if (tilesY == 1 && tilesX == 1) return f.apply(mapped, slices, h, w);
		return Tiler.byCount(tilesY, tilesX, overlap).withBatchSize(batch).applyToSlices(mapped,
			slices, h, w, f);
	}

	/** Half the batch, else twice the tiles per axis while tiles stay larger than the overlap. */
	private TiledDenoising smaller(final int h, final int w) {
		if (batch > 1) return new TiledDenoising(tilesY, tilesX, overlap, batch / 2);
		final int ty = tilesY * 2, tx = tilesX * 2;
		if (h / ty <= 2 * overlap || w / tx <= 2 * overlap) return null;
		return new TiledDenoising(ty, tx, overlap, 1);
	}

	/** Java arrays a denoising holds at once, in image sizes: input, mapped, tiles, their results, output. */
	static final int HEAP_COPIES = 5;

	/**
	 * Refuses before any work an image whose arrays cannot fit in {@code maxHeap} bytes, naming
	 * the heap to set, instead of failing after minutes.
	 */
	static void checkHeap(final long pixels, final long maxHeap, final int h, final int w,
		final int slices)
	{
		Memory.checkHeap("input", slices + "x" + h + "x" + w + " pixels", HEAP_COPIES * 4L * pixels,
			maxHeap);
	}

	/** The Java heap ran out (as opposed to the device's memory, which more tiles relieve). */
	static boolean javaHeap(final Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause())
			if (t instanceof OutOfMemoryError && String.valueOf(t.getMessage()).contains("Java heap"))
				return true;
		return false;
	}

	static boolean outOfMemory(final Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof OutOfMemoryError) return true;
			final String m = t.getMessage();
			if (m != null && (m.contains("out of memory") || m.contains("Out of memory") || m.contains(
				"OutOfMemory") || m.contains("DefaultCPUAllocator: can't allocate"))) return true;
		}
		return false;
	}

	@Override
	public String toString() {
		return tilesY + "x" + tilesX + " tiles, overlap " + overlap + ", batch " + batch;
	}
}
