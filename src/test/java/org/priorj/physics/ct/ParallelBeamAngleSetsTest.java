package org.priorj.physics.ct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.priorj.physics.ct.ParallelBeamArgumentsTest.assertNames;

import org.junit.jupiter.api.Test;
import org.priorj.base.Shape;
import org.priorj.image.phantom.EllipsePhantom;

/** Subsets of a projector's angles, and the directions they measure. */
class ParallelBeamAngleSetsTest {

	private static final int[] ROWS = { 5, 0, 3 };

	private static ParallelBeamProjector full() {
		return new ParallelBeamProjector(20, 24, new double[] { 0, 17, 33, 90, 121, 160 }, 27,
			RotationCentre.PIXEL);
	}

	@Test
	void projectsTheChosenRowsOfTheFullSinogram() {
		final ParallelBeamProjector full = full();
		final ParallelBeamProjector sub = full.subset(ROWS);
		assertEquals(Shape.of(ROWS.length, 27), sub.range());
		assertEquals(full.domain(), sub.domain());
		assertEquals(RotationCentre.PIXEL, sub.centre());
		assertArrayEquals(new double[] { 160, 0, 90 }, sub.angles());
		final float[] image = new float[20 * 24];
		final float[] phantom = EllipsePhantom.sheppLogan(24, true);
		for (int y = 0; y < 20; y++) System.arraycopy(phantom, (y + 2) * 24, image, y * 24, 24);
		final float[] all = full.apply(image), part = sub.apply(image);
		for (int i = 0; i < ROWS.length; i++)
			for (int k = 0; k < 27; k++)
				assertEquals(all[ROWS[i] * 27 + k], part[i * 27 + k], 0, "row " + i + " bin " + k);
	}

	@Test
	void backprojectsAsTheFullProjectorWithTheOtherRowsZero() {
		final ParallelBeamProjector full = full();
		final float[] part = new float[ROWS.length * 27], padded = new float[6 * 27];
		for (int i = 0; i < part.length; i++) part[i] = (float) Math.sin(i * 0.3) + 1;
		for (int i = 0; i < ROWS.length; i++) System.arraycopy(part, i * 27, padded, ROWS[i] * 27, 27);
		assertArrayEquals(full.adjoint(padded), full.subset(ROWS).adjoint(part), 1e-5f);
	}

	@Test
	void refusesRowsOutsideTheSinogram() {
		assertNames("rows", () -> full().subset());
		assertNames("rows", () -> full().subset((int[]) null));
		assertNames("rows", () -> full().subset(0, 6));
		assertNames("rows", () -> full().subset(-1));
	}

	@Test
	void directionsAreAnglesModuloAHalfTurn() {
		assertEquals(20, ParallelBeamProjector.direction(200), 1e-12);
		assertEquals(150, ParallelBeamProjector.direction(-30), 1e-12);
		assertEquals(0, ParallelBeamProjector.direction(360), 1e-12);
		assertEquals(179.5, ParallelBeamProjector.direction(179.5), 1e-12);
	}

	@Test
	void widestGapIsBetweenNeighbouringDirectionsAroundTheHalfTurn() {
		assertEquals(6, ParallelBeamProjector.of(8, 8, ParallelBeamProjector.halfTurn(30))
			.widestGap(), 1e-9);
		assertEquals(2, ParallelBeamProjector.of(8, 8, ParallelBeamProjector.halfTurn(90))
			.widestGap(), 1e-9);
		// 120 views over [0, 120): the missing wedge from 119 to 180
		final double[] limited = new double[120];
		for (int i = 0; i < 120; i++) limited[i] = i;
		assertEquals(61, ParallelBeamProjector.of(8, 8, limited).widestGap(), 1e-9);
		// a full turn measures each direction twice; unsorted angles and the wrap-around count
		final double[] full = new double[60];
		for (int i = 0; i < 60; i++) full[i] = (i * 37 % 60) * 6;
		assertEquals(6, ParallelBeamProjector.of(8, 8, full).widestGap(), 1e-9);
		assertEquals(100, ParallelBeamProjector.of(8, 8, 10, 110, 190).widestGap(), 1e-9);
		assertEquals(180, ParallelBeamProjector.of(8, 8, 45).widestGap(), 1e-9);
	}
}
