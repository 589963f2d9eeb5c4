package org.priorj.physics;

import org.priorj.base.Shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MaskOperatorTest {

	@Test
	void randomMaskRemovesExactlyTheRequestedFraction() {
		final float[] m = InpaintingMasks.randomPixels(64, 64, 0.5, 7);
		double kept = 0;
		for (final float v : m) kept += v;
		assertEquals(2048, kept);
		assertEquals(0.5, new MaskOperator(64, 64, m).observedFraction(), 1e-12);
	}

	@Test
	void boxesAreClippedToTheImage() {
		final float[] m = InpaintingMasks.boxes(10, 10, new int[] { 8, 8, 5, 5 });
		double missing = 0;
		for (final float v : m) missing += 1 - v;
		assertEquals(4, missing);
	}

	@Test
	void isAProjectionAndPassesAdjointTest() {
		final MaskOperator a = new MaskOperator(16, 16, InpaintingMasks.randomPixels(16, 16, 0.3,
			1));
		OperatorAssertions.assertAdjoint(a);
		OperatorAssertions.assertNormal(a);
		final float[] x = OperatorAssertions.gaussian(256, new java.util.Random(1));
		final float[] ax = a.apply(x);
		org.junit.jupiter.api.Assertions.assertArrayEquals(ax, a.apply(ax));
	}

	@Test
	void refusesMasksOfTheWrongSizeOrWithNaN() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new MaskOperator(8, 8,
			new float[63])).getMessage().contains("'mask'"));
		final float[] nan = new float[64];
		nan[3] = Float.NaN;
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new MaskOperator(8, 8, nan))
			.getMessage().contains("'mask'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> InpaintingMasks.randomPixels(
			8, 8, 1.5, 1)).getMessage().contains("'missing_fraction'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> InpaintingMasks.boxes(8, 8,
			new int[] { 20, 20, 2, 2 })).getMessage().contains("'boxes'"));
	}

	@Test
	void describesItsShapeAndObservedFraction() {
		final float[] mask = new float[8];
		mask[1] = mask[4] = 1;
		assertEquals("mask 2x4 observed 0.2500", new MaskOperator(2, 4, mask).describe());
		assertEquals("identity 2x4", new Identity(Shape.of(2, 4)).describe());
	}
}
