package org.priorj.physics.mri;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.priorj.physics.OperatorAssertions;
import org.priorj.base.Shape;

class MultiCoilMriTest {

	private static CoilMaps randomMaps(final int coils, final int h, final int w, final long seed) {
		return CoilMaps.of(Shape.of(coils, 2, h, w), OperatorAssertions.gaussian(coils * 2 * h * w,
			new Random(seed)));
	}

	@Test
	void passesAdjointAndNormalTestsWithRandomComplexMaps() {
		final SamplingMask m = SamplingMasks.uniformLines(16, 12, 4, 0.1, 1);
		final MultiCoilMri a = new MultiCoilMri(16, 12, m, randomMaps(4, 16, 12, 2));
		OperatorAssertions.assertAdjoint(a);
		OperatorAssertions.assertNormal(a);
		final MultiCoilMri b = new MultiCoilMri(15, 9, SamplingMasks.randomPixels(15, 9, 0.3, 0, 3),
			randomMaps(3, 15, 9, 4));
		OperatorAssertions.assertAdjoint(b);
		OperatorAssertions.assertNormal(b);
	}

	@Test
	void oneCoilOfOnesIsTheSingleCoilOperator() {
		final SamplingMask m = SamplingMasks.gaussianLines(14, 11, 3, 0.2, 3, 5);
		final float[] ones = new float[2 * 14 * 11];
		for (int p = 0; p < 14 * 11; p++) ones[p] = 1f;
		final MultiCoilMri multi = new MultiCoilMri(14, 11, m, CoilMaps.of(Shape.of(1, 2, 14, 11),
			ones));
		final SingleCoilMri single = new SingleCoilMri(14, 11, m);
		final float[] x = OperatorAssertions.gaussian(2 * 14 * 11, new Random(6));
		assertArrayEquals(single.apply(x), multi.apply(x), 1e-6f);
		assertArrayEquals(single.adjoint(x), multi.adjoint(x), 1e-6f);
		assertArrayEquals(single.zeroFilled(x), multi.zeroFilled(x), 1e-6f);
	}

	@Test
	void adjointConjugatesTheMaps() {
		// one coil with S = i everywhere, full sampling: A^H A = conj(i) i = 1, not i*i = -1
		final float[] maps = new float[2 * 8 * 6];
		for (int p = 0; p < 48; p++) maps[48 + p] = 1f;
		final MultiCoilMri a = new MultiCoilMri(8, 6, SamplingMask.fromImage(8, 6,
			SingleCoilMriTest.filled(48)), CoilMaps.of(Shape.of(1, 2, 8, 6), maps));
		final float[] x = OperatorAssertions.gaussian(96, new Random(7));
		assertArrayEquals(x, a.normal(x), 1e-5f);
	}

	@Test
	void syntheticMapsAreNormalisedAndSmooth() {
		final CoilMaps maps = CoilMaps.synthetic(8, 32, 24);
		assertEquals(Shape.of(8, 2, 32, 24), maps.shape());
		assertTrue(maps.isNormalized(1e-5));
		final float[] s = maps.values();
		final int plane = 32 * 24;
		// neighbouring pixels differ little, and the coils differ from one another
		for (int c = 0; c < 8; c++) {
			for (int y = 0; y < 32; y++) {
				for (int x = 1; x < 24; x++) {
					final int p = 2 * c * plane + y * 24 + x;
					assertEquals(s[p - 1], s[p], 0.1f);
					assertEquals(s[plane + p - 1], s[plane + p], 0.1f);
				}
			}
		}
		final float[] m0 = SingleCoilMri.magnitude(Arrays.copyOfRange(s, 0, 2 * plane));
		final float[] m4 = SingleCoilMri.magnitude(Arrays.copyOfRange(s, 8 * plane, 10 *
			plane));
		// coil 0 sits on the +x side, coil 4 on the -x side
		assertTrue(m0[16 * 24 + 23] > 2 * m4[16 * 24 + 23]);
		assertTrue(m4[16 * 24] > 2 * m0[16 * 24]);
		final CoilMaps one = CoilMaps.synthetic(1, 9, 9);
		assertTrue(one.isNormalized(1e-6));
		assertFalse(randomMaps(2, 9, 9, 1).isNormalized(1e-3));
	}

	@Test
	void zeroFilledWithNormalisedMapsIsTheAdjoint() {
		final SamplingMask m = SamplingMasks.radial(24, 24, 8, true);
		final MultiCoilMri a = new MultiCoilMri(24, 24, m, CoilMaps.synthetic(6, 24, 24));
		final float[] y = a.apply(OperatorAssertions.gaussian(2 * 24 * 24, new Random(8)));
		assertArrayEquals(a.adjoint(y), a.zeroFilled(y), 1e-5f);
	}

	@Test
	void zeroFilledInvertsFullySampledDataWithAnyMaps() {
		final int h = 10, w = 9, plane = h * w;
		final float[] maps = OperatorAssertions.gaussian(3 * 2 * plane, new Random(9));
		// pixel 0 is seen by no coil: its estimate is 0
		for (int c = 0; c < 3; c++) {
			maps[2 * c * plane] = 0f;
			maps[(2 * c + 1) * plane] = 0f;
		}
		final MultiCoilMri a = new MultiCoilMri(h, w, SamplingMask.fromImage(h, w, SingleCoilMriTest
			.filled(plane)), CoilMaps.of(Shape.of(3, 2, h, w), maps));
		final float[] x = OperatorAssertions.gaussian(2 * plane, new Random(10));
		final float[] back = a.zeroFilled(a.apply(x));
		x[0] = 0f;
		x[plane] = 0f;
		assertArrayEquals(x, back, 1e-4f);
	}
}
