package org.priorj.prior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.priorj.image.ValueRange;
import org.priorj.base.Shape;

class TiledDenoisingTest {

	/** A 3x3 box filter (zero outside each tile), on [0, 1]; refuses big calls like a full GPU. */
	static class BoxDenoiser implements Denoiser {

		final int maxPixelsPerCall;
		final AtomicInteger calls = new AtomicInteger();

		BoxDenoiser(final int maxPixelsPerCall) {
			this.maxPixelsPerCall = maxPixelsPerCall;
		}

		public String name() { return "box"; }
		public int channels() { return 1; }
		public double low() { return 0; }
		public double high() { return 1; }
		public double minSigma() { return 0; }
		public double maxSigma() { return 1; }

		public float[] denoise(final float[] x, final Shape s, final double sigma) {
			DenoiserInputs.check(this, x, s, sigma);
			calls.incrementAndGet();
			if (x.length > maxPixelsPerCall) throw new OutOfMemoryError("simulated: out of memory");
			final int n = s.dim(0), h = s.dim(2), w = s.dim(3);
			final float[] y = new float[x.length];
			for (int b = 0; b < n; b++)
				for (int r = 0; r < h; r++)
					for (int c = 0; c < w; c++) {
						float sum = 0;
						for (int dr = -1; dr <= 1; dr++)
							for (int dc = -1; dc <= 1; dc++) {
								final int rr = r + dr, cc = c + dc;
								if (rr >= 0 && rr < h && cc >= 0 && cc < w) sum += x[b * h * w + rr * w + cc];
							}
						y[b * h * w + r * w + c] = sum / 9;
					}
			return y;
		}
	}

	@Test
	void tiledEqualsWholeAwayFromTheImageBorderAndFallsBackWhenMemoryRunsOut() {
		final int h = 64, w = 48;
		final float[] img = new float[2 * h * w];
		final Random rnd = new Random(1);
		for (int i = 0; i < img.length; i++) img[i] = 100 + 50 * rnd.nextFloat();
		final float[] copy = img.clone();
		final ValueRange range = ValueRange.fromMinMax(100, 150, 0, 1);
		final float[] whole = new TiledDenoising(1, 0, 4).denoise(new BoxDenoiser(1 << 30), img,
			Shape.of(2, h, w), 5, range);
		// at most half a slice per call: whole slices fail (2 per call, then 1), 2x2 tiles fit
		final BoxDenoiser small = new BoxDenoiser(h * w / 2);
		final float[] tiled = new TiledDenoising(1, 8, 2).denoise(small, img, Shape.of(2, h, w), 5,
			range);
		assertTrue(small.calls.get() > 2, "the fallback was not exercised");
		for (int z = 0; z < 2; z++)
			for (int r = 1; r < h - 1; r++)
				for (int c = 1; c < w - 1; c++) {
					final int i = z * h * w + r * w + c;
					assertEquals(whole[i], tiled[i], 1e-3, "at " + i);
				}
		assertEquals(0, java.util.Arrays.compare(copy, img), "the input was modified");
	}

	@Test
	void refusesBadTilingAndGivesUpWhenNothingFits() {
		assertThrows(IllegalArgumentException.class, () -> new TiledDenoising(0, 8, 1));
		assertThrows(IllegalArgumentException.class, () -> new TiledDenoising(2, -1, 1));
		assertThrows(IllegalArgumentException.class, () -> new TiledDenoising(2, 8, 0));
		final IllegalStateException e = assertThrows(IllegalStateException.class,
			() -> new TiledDenoising(1, 8, 1).denoise(new BoxDenoiser(10), new float[64 * 64], Shape.of(
				64, 64), 0.1, ValueRange.fromMinMax(0, 1, 0, 1)));
		assertTrue(e.getMessage().contains("Out of memory"), e.getMessage());
	}

	@Test
	void aNoiseLevelOutsideTheTrainedRangeIsUsedAsGivenWithAWarning() {
		final java.util.List<String> warnings = new java.util.ArrayList<>();
		final java.util.logging.Logger log = java.util.logging.Logger.getLogger(TiledDenoising.class
			.getName());
		final java.util.logging.Handler h = new java.util.logging.Handler() {

			public void publish(final java.util.logging.LogRecord r) {
				warnings.add(r.getMessage());
			}

			public void flush() {}

			public void close() {}
		};
		log.addHandler(h);
		try {
			final BoxDenoiser narrow = new BoxDenoiser(1 << 20) {

				@Override
				public double maxSigma() {
					return 0.1;
				}
			};
			new TiledDenoising(1, 0, 1).denoise(narrow, new float[16 * 16], Shape.of(16, 16), 0.5,
				ValueRange.fromMinMax(0, 1, 0, 1));
		}
		finally {
			log.removeHandler(h);
		}
		assertTrue(warnings.stream().anyMatch(w -> w.contains("outside the range")), warnings
			.toString());
	}

	@org.junit.jupiter.api.Test
	void anImageTheHeapCannotHoldIsRefusedBeforeTheWorkAndAHeapErrorIsNotRetried() {
		final long pixels = 20_000L * 20_000L;
		final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
			IllegalArgumentException.class, () -> TiledDenoising.checkHeap(pixels, 4L << 30, 20_000,
				20_000, 1));
		org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("Parameter 'input': " +
			"1x20000x20000 pixels need about 7629 MB of Java heap, 4096 MB are given") && e.getMessage()
				.contains("-Xmx"), e.getMessage());
		TiledDenoising.checkHeap(512L * 512, 8L << 30, 512, 512, 1); // fits
		org.junit.jupiter.api.Assertions.assertTrue(TiledDenoising.javaHeap(new RuntimeException(
			new OutOfMemoryError("Java heap space"))));
		org.junit.jupiter.api.Assertions.assertFalse(TiledDenoising.javaHeap(new RuntimeException(
			"DefaultCPUAllocator: can't allocate memory")), "device memory: tiles help");
		org.junit.jupiter.api.Assertions.assertTrue(TiledDenoising.outOfMemory(new RuntimeException(
			"DefaultCPUAllocator: can't allocate memory")));
	}
}
