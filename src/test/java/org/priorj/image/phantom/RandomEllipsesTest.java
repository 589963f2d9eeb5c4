package org.priorj.image.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RandomEllipsesTest {

	@Test
	void imagesLieInUnitInterval() {
		final RandomEllipses gen = new RandomEllipses(42);
		for (int k = 0; k < 20; k++) {
			final float[] img = gen.nextImage(64);
			assertEquals(64 * 64, img.length);
			float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
			for (final float f : img) {
				min = Math.min(min, f);
				max = Math.max(max, f);
			}
			assertEquals(0, min, "image " + k);
			assertEquals(1, max, 1e-6, "image " + k);
		}
	}

	@Test
	void sameSeedSameImageOtherSeedOtherImage() {
		assertArrayEquals(RandomEllipses.image(48, 7), RandomEllipses.image(48, 7));
		assertFalse(Arrays.equals(RandomEllipses.image(48, 7), RandomEllipses.image(48, 8)));
		final RandomEllipses gen = new RandomEllipses(7);
		assertArrayEquals(RandomEllipses.image(48, 7), gen.nextImage(48));
		assertFalse(Arrays.equals(RandomEllipses.image(48, 7), gen.nextImage(48)));
	}

	@Test
	void statisticsMatchDivalDistribution() {
		// numpy reference (shared/anchors/phantoms.py, DIVal's law), 2000 images of 64x64:
		// rng = np.random.RandomState(0); ims = [phantoms.dival_ellipses(64, rng) for _ in range(2000)]
		// mean pixel value 0.22272 (sd per image 0.0520), non-zero fraction 0.63489 (sd 0.1114).
		// 400 images here: tolerances are about four standard errors of the difference.
		final RandomEllipses gen = new RandomEllipses(1);
		final int images = 400;
		double mean = 0, nonZero = 0;
		for (int k = 0; k < images; k++) {
			final float[] img = gen.nextImage(64);
			for (final float f : img) {
				mean += f;
				if (f != 0) nonZero++;
			}
		}
		mean /= images * 64 * 64;
		nonZero /= images * 64 * 64;
		assertEquals(0.22272, mean, 0.012);
		assertEquals(0.63489, nonZero, 0.025);
	}

	@Test
	void volumesLieInUnitIntervalAndAreReproducible() {
		final float[] vol = RandomEllipses.volume(24, 3);
		assertEquals(24 * 24 * 24, vol.length);
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		int nonZero = 0;
		for (final float f : vol) {
			min = Math.min(min, f);
			max = Math.max(max, f);
			if (f != 0) nonZero++;
		}
		assertEquals(0, min);
		assertEquals(1, max, 1e-6);
		assertTrue(nonZero > vol.length / 10, "non-zero voxels " + nonZero);
		assertArrayEquals(vol, RandomEllipses.volume(24, 3));
		assertFalse(Arrays.equals(vol, RandomEllipses.volume(24, 4)));
	}

	@Test
	void refusesNonPositiveSize() {
		final RandomEllipses gen = new RandomEllipses(0);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> gen.nextImage(0)).getMessage()
			.contains("'size'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> gen.nextVolume(-1))
			.getMessage().contains("'size'"));
	}
}
