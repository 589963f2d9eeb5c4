package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.priorj.base.Shape;
import org.priorj.prior.DiagonalGaussianDenoiser;
import org.priorj.prior.Prior;

/** How images, stacks, complex images and complex volumes are handed to a prior as a batch. */
class PriorBatchTest {

	private static final Prior GREY = DiagonalGaussianDenoiser.uniform(1, 0, 1, -1, 1);
	private static final Prior TWO = DiagonalGaussianDenoiser.uniform(2, 0, 1, -1, 1);
	private static final Prior THREE = DiagonalGaussianDenoiser.uniform(3, 0, 1, -1, 1);

	private static void refused(final String parameter, final String text, final Runnable r) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
		assertTrue(e.getMessage().contains("'" + parameter + "'") && e.getMessage().contains(text), e
			.getMessage());
	}

	@Test
	void realImagesAndStacksAreGreyItems() {
		assertEquals(Shape.of(1, 1, 5, 7), PriorBatch.of(Shape.of(5, 7), GREY, false));
		assertEquals(Shape.of(3, 1, 5, 7), PriorBatch.of(Shape.of(3, 5, 7), GREY, false));
		refused("prior", "2 channels", () -> PriorBatch.of(Shape.of(5, 7), TWO, false));
		refused("image", "shape", () -> PriorBatch.of(Shape.of(2, 3, 5, 7), GREY, false));
	}

	@Test
	void complexImagesAreTwoPlanesOrOneTwoChannelItem() {
		assertEquals(Shape.of(2, 1, 5, 7), PriorBatch.of(Shape.of(2, 5, 7), GREY, true));
		assertEquals(Shape.of(1, 2, 5, 7), PriorBatch.of(Shape.of(2, 5, 7), TWO, true));
		refused("image", "real and imaginary", () -> PriorBatch.of(Shape.of(3, 5, 7), GREY, true));
		refused("image", "real and imaginary", () -> PriorBatch.of(Shape.of(5, 7), GREY, true));
		refused("prior", "3 channels", () -> PriorBatch.of(Shape.of(2, 5, 7), THREE, true));
	}

	@Test
	void complexVolumesAreTheirSlicesComplexImagesInTurn() {
		assertEquals(Shape.of(8, 1, 5, 7), PriorBatch.of(Shape.of(4, 2, 5, 7), GREY, true));
		assertEquals(Shape.of(4, 2, 5, 7), PriorBatch.of(Shape.of(4, 2, 5, 7), TWO, true));
		refused("image", "complex volume", () -> PriorBatch.of(Shape.of(4, 3, 5, 7), GREY, true));
		refused("prior", "3 channels", () -> PriorBatch.of(Shape.of(4, 2, 5, 7), THREE, true));
	}
}
