package org.priorj.physics.mri;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.priorj.physics.OperatorAssertions;

class SingleCoilMriTest {

	static Stream<SamplingMask> masks() {
		return Stream.of(SamplingMasks.uniformLines(16, 12, 4, 0.1, 1), SamplingMasks
			.gaussianLines(15, 9, 3, 0.2, 2, 2), SamplingMasks.radial(17, 20, 6, true),
			SamplingMasks.randomPixels(15, 9, 0.3, 2, 3));
	}

	private static SingleCoilMri operator(final SamplingMask m) {
		return new SingleCoilMri(m.height(), m.width(), m);
	}

	@ParameterizedTest
	@MethodSource("masks")
	void passesAdjointAndNormalTests(final SamplingMask m) {
		final SingleCoilMri a = operator(m);
		OperatorAssertions.assertAdjoint(a);
		OperatorAssertions.assertNormal(a);
		assertEquals(1.0, a.norm(200, 1e-7, 3), 1e-4);
	}

	@ParameterizedTest
	@MethodSource("masks")
	void zeroFilledIsThePseudoInverse(final SamplingMask m) {
		final SingleCoilMri a = operator(m);
		final float[] x = OperatorAssertions.gaussian(a.domain().size(), new Random(4));
		final float[] ax = a.apply(x);
		// A A^+ A = A, with A^+ = A^H
		assertArrayEquals(ax, a.apply(a.zeroFilled(ax)), 1e-5f);
		// A^+ A A^+ = A^+
		final float[] y = OperatorAssertions.gaussian(a.range().size(), new Random(5));
		final float[] pinvY = a.zeroFilled(y);
		assertArrayEquals(pinvY, a.zeroFilled(a.apply(pinvY)), 1e-5f);
	}

	@Test
	void kspaceIsZeroOffTheMaskAndOffMaskDataAreIgnored() {
		final SamplingMask m = SamplingMasks.uniformLines(12, 16, 4, 0.1, 8);
		final SingleCoilMri a = operator(m);
		final float[] ax = a.apply(OperatorAssertions.gaussian(2 * 12 * 16, new Random(6)));
		final float[] y = OperatorAssertions.gaussian(2 * 12 * 16, new Random(7));
		final float[] masked = y.clone();
		for (int p = 0; p < 12 * 16; p++) {
			if (!m.isSampled(p / 16, p % 16)) {
				assertEquals(0f, ax[p], 0f);
				assertEquals(0f, ax[12 * 16 + p], 0f);
				masked[p] = 0f;
				masked[12 * 16 + p] = 0f;
			}
		}
		assertArrayEquals(a.zeroFilled(masked), a.zeroFilled(y));
	}

	@Test
	void fullySampledKspaceIsInvertedExactly() {
		final SamplingMask full = SamplingMask.fromImage(10, 7, filled(70));
		final SingleCoilMri a = new SingleCoilMri(10, 7, full);
		final float[] x = OperatorAssertions.gaussian(140, new Random(8));
		assertArrayEquals(x, a.zeroFilled(a.apply(x)), 1e-5f);
		assertArrayEquals(new CenteredFft2(10, 7).apply(x), a.apply(x), 0f);
	}

	static float[] filled(final int n) {
		final float[] v = new float[n];
		Arrays.fill(v, 1f);
		return v;
	}

	@Test
	void complexHelpersMakeAndMeasureComplexImages() {
		final float[] z = SingleCoilMri.complexFromReal(new float[] { 1, -2, 3 });
		assertArrayEquals(new float[] { 1, -2, 3, 0, 0, 0 }, z);
		assertArrayEquals(new float[] { 1, 2, 3 }, SingleCoilMri.magnitude(z));
		assertArrayEquals(new float[] { 5, 1 }, SingleCoilMri.magnitude(new float[] { 3, 0, -4,
			-1 }));
	}
}
