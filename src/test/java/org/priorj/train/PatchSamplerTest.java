package org.priorj.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Patches drawn at a reduction factor are block means of the image: on the ramp
 * v(y, x) = 64 y + x a factor-s patch steps by s along one axis and 64 s along the other, whatever
 * the position and orientation drawn.
 */
class PatchSamplerTest {

	private static TrainingImage ramp(final int side) {
		final float[] px = new float[side * side];
		for (int y = 0; y < side; y++)
			for (int x = 0; x < side; x++)
				px[y * side + x] = 64 * y + x;
		return new TrainingImage("ramp", px, side, side);
	}

	private static Set<Float> steps(final float[] p, final int patch) {
		final Set<Float> s = new java.util.HashSet<>();
		for (int y = 0; y < patch; y++)
			for (int x = 0; x + 1 < patch; x++) {
				s.add(Math.abs(p[y * patch + x + 1] - p[y * patch + x]));
				s.add(Math.abs(p[x * patch + y + patch] - p[x * patch + y]));
			}
		return s;
	}

	@ParameterizedTest
	@CsvSource({ "64, 8, 1, 1", "64, 8, 2, 2", "64, 8, 3, 3", "20, 8, 3, 2", "12, 8, 2, 1" })
	void aPatchIsTheBlockMeanAtTheFactorThatFits(final int side, final int patch, final int asked,
		final int expected)
	{
		final PatchSampler sampler = new PatchSampler(List.of(ramp(side)), patch, new int[] { asked },
			0.01, 0.1);
		final Random random = new Random(3);
		final float[] p = new float[patch * patch];
		for (int k = 0; k < 20; k++) {
			sampler.cleanPatch(random, p);
			assertEquals(Set.of((float) expected, 64f * expected), steps(p, patch));
			// a block mean of the ramp sits at a block centre: 64 (y + (s-1)/2) + x + (s-1)/2
			final double centre = 65 * (expected - 1) / 2.0;
			final double frac = (p[0] - centre) - Math.floor(p[0] - centre);
			assertEquals(0, frac, 1e-3);
		}
	}

	@Test
	void bothFactorsAreDrawn() {
		final PatchSampler sampler = new PatchSampler(List.of(ramp(64)), 8, new int[] { 1, 2 }, 0.01,
			0.1);
		final Random random = new Random(4);
		final float[] p = new float[64];
		final Set<Set<Float>> seen = new java.util.HashSet<>();
		for (int k = 0; k < 40; k++) {
			sampler.cleanPatch(random, p);
			seen.add(steps(p, 8));
		}
		assertEquals(Set.of(Set.of(1f, 64f), Set.of(2f, 128f)), seen);
	}

	@Test
	void factorsOutsideOneToEightAreRefusedByName() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new PatchSampler(List.of(ramp(16)), 8, new int[] { 0 }, 0.01, 0.1));
		assertTrue(e.getMessage().contains("scales"), e.getMessage());
	}
}
