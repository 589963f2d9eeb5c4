package org.priorj.physics.mri;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SamplingMasksTest {

	/** Sampled columns, after checking that every column is either full or empty. */
	private static boolean[] columns(final SamplingMask m) {
		final boolean[] cols = new boolean[m.width()];
		for (int x = 0; x < m.width(); x++) {
			cols[x] = m.isSampled(0, x);
			for (int y = 1; y < m.height(); y++) {
				assertEquals(cols[x], m.isSampled(y, x), "column " + x + " is not a whole line");
			}
		}
		return cols;
	}

	private static int count(final boolean[] b) {
		int n = 0;
		for (final boolean v : b) if (v) n++;
		return n;
	}

	@ParameterizedTest
	@CsvSource({ "32,64,4,0.08,16", "20,64,8,0.04,8", "16,320,4,0.08,80", "10,50,3,0.1,17" })
	void uniformLinesSampleExactlyRoundWOverRWholeColumns(final int h, final int w,
		final double r, final double cf, final int lines)
	{
		final SamplingMask m = SamplingMasks.uniformLines(h, w, r, cf, 7);
		final boolean[] cols = columns(m);
		assertEquals(lines, count(cols));
		assertEquals(lines * h, m.sampledCount());
		assertEquals((double) w / lines, m.acceleration(), 1e-12);
		final int center = (int) Math.max(1, Math.round(w * cf));
		for (int x = w / 2 - center / 2; x < w / 2 - center / 2 + center; x++) {
			assertTrue(cols[x], "central column " + x + " not sampled");
		}
	}

	@Test
	void uniformLinesAchieveTheNominalAccelerationWhenItDividesTheWidth() {
		assertEquals(4.0, SamplingMasks.uniformLines(64, 64, 4, 1).acceleration(), 0);
		assertEquals(8.0, SamplingMasks.uniformLines(64, 64, 8, 1).acceleration(), 0);
		assertEquals(4.0, SamplingMasks.gaussianLines(64, 64, 4, 0.08, 10, 1).acceleration(), 0);
	}

	@Test
	void defaultCentreFractionsAreThoseOfFastMri() {
		assertEquals(0.08, SamplingMasks.defaultCenterFraction(4), 1e-15);
		assertEquals(0.04, SamplingMasks.defaultCenterFraction(8), 1e-15);
	}

	@Test
	void sameSeedGivesSameMaskAndOtherSeedsDiffer() {
		assertArrayEquals(SamplingMasks.uniformLines(8, 128, 4, 3).values(), SamplingMasks
			.uniformLines(8, 128, 4, 3).values());
		assertFalse(Arrays.equals(SamplingMasks.uniformLines(8, 128, 4, 3).values(), SamplingMasks
			.uniformLines(8, 128, 4, 4).values()));
		assertArrayEquals(SamplingMasks.gaussianLines(8, 128, 4, 0.08, 20, 3).values(),
			SamplingMasks.gaussianLines(8, 128, 4, 0.08, 20, 3).values());
		assertArrayEquals(SamplingMasks.randomPixels(32, 32, 0.2, 3, 3).values(), SamplingMasks
			.randomPixels(32, 32, 0.2, 3, 3).values());
		assertFalse(Arrays.equals(SamplingMasks.randomPixels(32, 32, 0.2, 3, 3).values(),
			SamplingMasks.randomPixels(32, 32, 0.2, 3, 4).values()));
	}

	private static double meanDistanceToCentre(final boolean[] cols) {
		double s = 0;
		for (int x = 0; x < cols.length; x++) if (cols[x]) s += Math.abs(x - cols.length / 2);
		return s / count(cols);
	}

	@Test
	void gaussianLinesGatherNearTheCentre() {
		final int w = 256;
		double gauss = 0, uniform = 0;
		int maxDistance = 0;
		for (int seed = 0; seed < 10; seed++) {
			final boolean[] g = columns(SamplingMasks.gaussianLines(4, w, 4, 0.04, 16, seed));
			assertEquals(64, count(g));
			gauss += meanDistanceToCentre(g);
			uniform += meanDistanceToCentre(columns(SamplingMasks.uniformLines(4, w, 4, 0.04,
				seed)));
			for (int x = 0; x < w; x++) if (g[x]) maxDistance = Math.max(maxDistance, Math.abs(x -
				w / 2));
		}
		// uniform lines average about W/4 = 64 columns from the centre; Gaussian ones (std 16)
		// must fill the centre first
		assertTrue(gauss < 0.5 * uniform, "Gaussian " + gauss / 10 + " vs uniform " + uniform / 10);
		assertTrue(maxDistance < 96, "a Gaussian line " + maxDistance + " columns out");
	}

	@Test
	void gaussianLinesKeepTheExactCountWhenTheTailsUnderflow() {
		// std 0.5 column: weights beyond ~20 columns underflow a double; the draw works in log space
		final boolean[] g = columns(SamplingMasks.gaussianLines(2, 64, 1.25, 0.04, 0.5, 9));
		assertEquals(51, count(g));
		// the 13 lines left out must be the farthest from the centre
		for (int x = 0; x < 64; x++) {
			if (!g[x]) assertTrue(Math.abs(x - 32) >= 26, "column " + x + " left out");
		}
	}

	@Test
	void twoEquallySpacedSpokesAreTheCentralRowAndColumn() {
		final SamplingMask m = SamplingMasks.radial(9, 7, 2, false);
		assertEquals(9 + 7 - 1, m.sampledCount());
		for (int x = 0; x < 7; x++) assertTrue(m.isSampled(4, x));
		for (int y = 0; y < 9; y++) assertTrue(m.isSampled(y, 3));
	}

	@Test
	void fourEquallySpacedSpokesOnASquareAddTheDiagonals() {
		final SamplingMask m = SamplingMasks.radial(9, 9, 4, false);
		assertEquals(4 * 9 - 3, m.sampledCount());
		for (int i = 0; i < 9; i++) {
			assertTrue(m.isSampled(i, i));
			assertTrue(m.isSampled(i, 8 - i));
		}
	}

	@ParameterizedTest
	@CsvSource({ "33,33,13,false", "33,33,13,true", "64,48,21,true" })
	void radialSpokesPassThroughDcSymmetrically(final int h, final int w, final int spokes,
		final boolean golden)
	{
		final SamplingMask m = SamplingMasks.radial(h, w, spokes, golden);
		assertTrue(m.isSampled(h / 2, w / 2));
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				final int my = 2 * (h / 2) - y, mx = 2 * (w / 2) - x;
				if (my >= 0 && my < h && mx >= 0 && mx < w) {
					assertEquals(m.isSampled(y, x), m.isSampled(my, mx), "at " + y + "," + x);
				}
			}
		}
		assertTrue(m.acceleration() > 1 && m.acceleration() < (double) h * w / Math.max(h, w));
	}

	@Test
	void goldenAngleMasksGrowByNesting() {
		final SamplingMask fewer = SamplingMasks.radial(48, 48, 10, true);
		final SamplingMask more = SamplingMasks.radial(48, 48, 11, true);
		assertTrue(more.sampledCount() > fewer.sampledCount());
		for (int y = 0; y < 48; y++) {
			for (int x = 0; x < 48; x++) if (fewer.isSampled(y, x)) assertTrue(more.isSampled(y, x));
		}
	}

	@Test
	void randomPixelsHaveTheExactCountAndTheCentreDisc() {
		final SamplingMask m = SamplingMasks.randomPixels(64, 64, 0.25, 5, 11);
		assertEquals(1024, m.sampledCount());
		assertEquals(4.0, m.acceleration(), 0);
		for (int y = 0; y < 64; y++) {
			for (int x = 0; x < 64; x++) {
				if ((y - 32) * (y - 32) + (x - 32) * (x - 32) <= 25) assertTrue(m.isSampled(y, x));
			}
		}
		assertEquals(1, SamplingMasks.randomPixels(10, 10, 0.001, 0, 1).sampledCount());
	}

	@Test
	void userMaskSamplesItsNonzeroValues() {
		final float[] img = new float[12];
		img[0] = 0.5f;
		img[5] = -2f;
		img[11] = 1f;
		final SamplingMask m = SamplingMask.fromImage(3, 4, img);
		assertEquals(3, m.sampledCount());
		assertEquals(4.0, m.acceleration(), 0);
		assertTrue(m.isSampled(1, 1));
		assertFalse(m.isSampled(1, 2));
		assertArrayEquals(new float[] { 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1 }, m.values());
		img[1] = 3f;
		assertEquals(3, m.sampledCount(), "the mask must not follow later changes of the image");
	}
}
