package org.priorj.physics.ct;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ParallelBeamArgumentsTest {

	static void assertNames(final String parameter, final Executable call) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
		assertTrue(e.getMessage().contains("'" + parameter + "'"), e.getMessage());
	}

	@Test
	void refusesEmptyOrMissingAngles() {
		assertNames("angles", () -> ParallelBeamProjector.of(8, 8));
		assertNames("angles", () -> new ParallelBeamProjector(8, 8, null, 8));
	}

	@Test
	void refusesNonFiniteAngles() {
		assertNames("angles", () -> ParallelBeamProjector.of(8, 8, 0, Double.NaN));
		assertNames("angles", () -> ParallelBeamProjector.of(8, 8, Double.POSITIVE_INFINITY));
	}

	@Test
	void refusesDetectorCountBelowOne() {
		assertNames("detectors", () -> new ParallelBeamProjector(8, 8, new double[] {0}, 0));
		assertNames("detectors", () -> new ParallelBeamProjector(8, 8, new double[] {0}, -3));
	}

	@Test
	void refusesImageSizeBelowOne() {
		assertNames("height", () -> ParallelBeamProjector.of(0, 8, 0));
		assertNames("width", () -> ParallelBeamProjector.of(8, -1, 0));
	}

	@Test
	void refusesSinogramOfWrongWidthOrRowCount() {
		final ParallelBeamProjector p = new ParallelBeamProjector(8, 8, new double[] {0, 45, 90},
			10);
		assertNames("sinogram", () -> p.adjoint(new float[3 * 11]));
		assertNames("sinogram", () -> p.adjoint(new float[4 * 10]));
		assertNames("sinogram", () -> p.adjoint(new float[3 * 9], new float[64]));
		assertNames("sinogram", () -> p.apply(new float[64], new float[2 * 10]));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> p.adjoint(new float[3 * 11]));
		assertTrue(e.getMessage().contains("angles x detectors = 3x10"), e.getMessage());
	}

	@Test
	void refusesImageOfWrongSize() {
		final ParallelBeamProjector p = ParallelBeamProjector.of(8, 8, 0, 90);
		assertNames("image", () -> p.apply(new float[63]));
		assertNames("image", () -> p.adjoint(new float[16], new float[65]));
		assertNames("image", () -> p.apply(null));
	}
}
