package org.priorj.physics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.priorj.base.Shape;

/** {@link Crop} and {@link Composition}: the window they take, their adjoints, refusals. */
class CropTest {

	@Test
	void cropsTheTopLeftWindowOfEachImageAndPadsWithZerosBack() {
		final Crop c = new Crop(Shape.of(2, 1, 3, 4), 2, 3, Shape.of(2, 2, 3));
		final float[] x = new float[24];
		for (int i = 0; i < x.length; i++) x[i] = i;
		assertArrayEquals(new float[] { 0, 1, 2, 4, 5, 6, 12, 13, 14, 16, 17, 18 }, c.apply(x));
		assertArrayEquals(new float[] { 1, 2, 3, 0, 4, 5, 6, 0, 0, 0, 0, 0, 7, 8, 9, 0, 10, 11, 12, 0,
			0, 0, 0, 0 }, c.adjoint(new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }));
		OperatorAssertions.assertAdjoint(c, 1e-5, 1);
		assertTrue(c.describe().contains("crop"), c.describe());
		// the whole canvas is a window too
		assertArrayEquals(x, new Crop(Shape.of(2, 1, 3, 4), 3, 4, Shape.of(24)).apply(x));
	}

	@Test
	void aCompositionAppliesItsRightOperatorFirst() {
		final Crop c = new Crop(Shape.of(1, 1, 12, 12), 9, 9, Shape.of(9, 9));
		final LinearOperator blur = Operators.build(OperatorSpec.parse("blur psf=gaussian:1"), Shape.of(
			9, 9));
		final Composition bc = new Composition(blur, c);
		final float[] x = new float[144];
		for (int i = 0; i < x.length; i++) x[i] = i % 5;
		assertArrayEquals(blur.apply(c.apply(x)), bc.apply(x), 0);
		OperatorAssertions.assertAdjoint(bc, 1e-5, 2);
		assertTrue(bc.describe().contains(" after crop"), bc.describe());
	}

	@Test
	void refusesWindowsThatDoNotFit() {
		final Shape p = Shape.of(1, 1, 4, 4);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new Crop(p, 5, 2, Shape.of(5,
			2))).getMessage().contains("'crop'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new Crop(p, 2, 2, Shape.of(5)))
			.getMessage().contains("'crop'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new Crop(p, 0, 2, Shape.of(1)))
			.getMessage().contains("'crop'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new Crop(p, 2, 5, Shape.of(10)))
			.getMessage().contains("'crop'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new Crop(Shape.of(4, 4), 2, 2,
			Shape.of(4))).getMessage().contains("'shape'"));
		// two images of one channel: a window of 2×2 each holds 8 values, not 4
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new Crop(Shape.of(2, 1, 4, 4), 2,
			2, Shape.of(4))).getMessage().contains("'crop'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new Composition(new Identity(Shape
			.of(3)), new Identity(Shape.of(4)))).getMessage().contains("'operator'"));
	}
}
