package org.priorj.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class TilerTest {

	/**
	 * Tiles of 24 x 20 with overlap 4 fit these sizes exactly (4 x 5 tiles sharing strips of
	 * 2 * overlap = 8 pixels), so no strip is wider than the settings promise.
	 */
	private static final int H = 72, W = 68;

	private static float[] noise(final long seed, final int n) {
		final Random r = new Random(seed);
		final float[] a = new float[n];
		for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian();
		return a;
	}

	/** A fixed 5x5 (radius 2) kernel with zero boundary: wrong near any edge of its input. */
	private static final float[] KERNEL = noise(99, 25);

	private static float[] convolve(final float[] in, final int h, final int w) {
		final float[] out = new float[in.length];
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				float s = 0;
				for (int dy = -2; dy <= 2; dy++) {
					for (int dx = -2; dx <= 2; dx++) {
						final int yy = y + dy, xx = x + dx;
						if (yy >= 0 && yy < h && xx >= 0 && xx < w) s += KERNEL[(dy + 2) * 5 + dx + 2] *
							in[yy * w + xx];
					}
				}
				out[y * w + x] = s;
			}
		}
		return out;
	}

	/** The convolution applied to each tile on its own, zero outside the tile. */
	private static float[] convolveTiles(final float[] tiles, final int count, final int h,
		final int w)
	{
		final float[] out = new float[tiles.length];
		for (int b = 0; b < count; b++) {
			final float[] tile = java.util.Arrays.copyOfRange(tiles, b * h * w, (b + 1) * h * w);
			System.arraycopy(convolve(tile, h, w), 0, out, b * h * w, h * w);
		}
		return out;
	}

	private static double maxDiff(final float[] a, final float[] b) {
		double m = 0;
		for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
		return m;
	}

	@Test
	void layoutUnderTestIsTight() {
		final Tiler t = Tiler.bySize(24, 20, 4);
		assertArrayEquals(new int[] { 0, 16, 32, 48 }, t.axis(H, 24, 0).starts);
		assertArrayEquals(new int[] { 0, 12, 24, 36, 48 }, t.axis(W, 20, 0).starts);
	}

	@Test
	void finiteFilterTiledEqualsUntiledWhenOverlapCoversItsRadius() {
		// The 5x5 filter has radius 2 = overlap - blend / 2 with the default blend (= overlap).
		final float[] img = noise(1, H * W);
		final float[] untiled = convolve(img, H, W);
		final AtomicInteger tiles = new AtomicInteger();
		final float[] tiled = Tiler.bySize(24, 20, 4).apply(img, H, W, (t, n, h, w) -> {
			tiles.addAndGet(n);
			return convolveTiles(t, n, h, w);
		});
		assertEquals(20, tiles.get());
		assertEquals(0, maxDiff(untiled, tiled), 1e-5);
		// Hard seams (blend 0) need only overlap >= radius.
		assertEquals(0, maxDiff(untiled, Tiler.bySize(24, 20, 2).withBlend(0).apply(img, H, W,
			TilerTest::convolveTiles)), 1e-5);
		assertEquals(0, maxDiff(untiled, Tiler.byCount(3, 4, 4).apply(img, H, W,
			TilerTest::convolveTiles)), 1e-5);
	}

	@Test
	void tileBordersShowWhenTheBlendReachesThem() {
		// Same layout, wider ramps: overlap - blend / 2 = 1 < radius 2, so the wrong outer pixels
		// of each tile get weight. This shows the test above depends on the blending weights.
		final float[] img = noise(1, H * W);
		final float[] untiled = convolve(img, H, W);
		assertTrue(maxDiff(untiled, Tiler.bySize(24, 20, 4).withBlend(6).apply(img, H, W,
			TilerTest::convolveTiles)) > 1e-2);
		assertTrue(maxDiff(untiled, Tiler.bySize(24, 20, 4).withBlend(8).apply(img, H, W,
			TilerTest::convolveTiles)) > 1e-1);
	}

	@Test
	void weightsSumToOneEverywhere() {
		for (final Tiler t : new Tiler[] { Tiler.bySize(24, 20, 4), Tiler.bySize(10, 9, 4)
			.withBlend(8), Tiler.byCount(5, 2, 3).withBlend(0), Tiler.bySize(100, 100, 8) })
		{
			final float[] ones = t.apply(new float[H * W], H, W, (x, n, h, w) -> {
				java.util.Arrays.fill(x, 1);
				return x;
			});
			for (int i = 0; i < ones.length; i++) assertEquals(1, ones[i], 1e-6, "pixel " + i);
		}
	}

	@Test
	void blendingIsSmooth() {
		// Each tile returns its own index as a constant: hard seams would jump by 1 in one pixel.
		final float[] img = new float[H * W];
		final AtomicInteger index = new AtomicInteger();
		final float[] out = Tiler.bySize(30, 30, 6).apply(img, H, W, (x, n, h, w) -> {
			java.util.Arrays.fill(x, index.getAndIncrement());
			return x;
		});
		double maxStep = 0;
		for (int y = 0; y < H; y++) {
			for (int x = 1; x < W; x++) maxStep = Math.max(maxStep, Math.abs(out[y * W + x] - out[y *
				W + x - 1]));
		}
		assertTrue(maxStep > 0 && maxStep < 0.35, "largest step between neighbours " + maxStep);
	}

	@Test
	void stacksAreTiledPerSliceAndBatchingDoesNotChangeTheResult() {
		final int slices = 3;
		final float[] stack = noise(2, slices * H * W);
		final float[] before = stack.clone();
		final Tiler tiler = Tiler.bySize(24, 20, 4);
		final float[] one = tiler.applyToSlices(stack, slices, H, W, TilerTest::convolveTiles);
		final AtomicInteger calls = new AtomicInteger();
		final float[] batched = tiler.withBatchSize(5).applyToSlices(stack, slices, H, W, (t, n, h,
			w) -> {
			calls.incrementAndGet();
			return convolveTiles(t, n, h, w);
		});
		assertArrayEquals(one, batched, 0);
		assertArrayEquals(before, stack, 0);
		for (int s = 0; s < slices; s++) {
			final float[] slice = java.util.Arrays.copyOfRange(stack, s * H * W, (s + 1) * H * W);
			assertEquals(0, maxDiff(convolve(slice, H, W), java.util.Arrays.copyOfRange(one, s * H *
				W, (s + 1) * H * W)), 1e-5);
		}
		// 3 slices of 20 tiles, 5 per call.
		assertEquals(12, calls.get());
	}

	@Test
	void layoutCoversTheAxisWithEnoughOverlap() {
		for (final int length : new int[] { 7, 24, 25, 61, 200 }) {
			final Tiler.Axis a = Tiler.bySize(24, 24, 4).axis(length, 24, 0);
			assertEquals(0, a.starts[0]);
			assertEquals(length, a.starts[a.count() - 1] + a.size);
			for (int k = 1; k < a.count(); k++) assertTrue(a.starts[k - 1] + a.size - a.starts[k] >=
				8, "shared strip at length " + length);
		}
		assertEquals(3, Tiler.byCount(3, 3, 4).axis(61, 0, 3).count());
		assertEquals(1, Tiler.byCount(1, 1, 4).axis(61, 0, 1).count());
	}

	@Test
	void refusesBadSettingsNamingThem() {
		final String[][] cases = { { "tile_size" }, { "overlap" }, { "n_tiles" }, { "blend" }, {
			"batch_size" }, { "image" } };
		final Runnable[] calls = { () -> Tiler.bySize(8, 16, 4), () -> Tiler.bySize(16, 16, -1),
			() -> Tiler.byCount(0, 2, 4), () -> Tiler.bySize(16, 16, 4).withBlend(9),
			() -> Tiler.bySize(16, 16, 4).withBatchSize(0), () -> Tiler.bySize(16, 16, 4).apply(
				new float[10], 3, 4, (t, n, h, w) -> t) };
		for (int i = 0; i < calls.length; i++) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				calls[i]::run);
			assertTrue(e.getMessage().contains("'" + cases[i][0] + "'"), e.getMessage());
		}
		assertThrows(IllegalStateException.class, () -> Tiler.bySize(16, 16, 4).apply(new float[H *
			W], H, W, (t, n, h, w) -> new float[3]));
	}
}
