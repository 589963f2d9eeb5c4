package org.priorj.physics.ct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.priorj.physics.OperatorAssertions;
import org.priorj.base.Shape;

class DynamicProjectorTest {

	@Test
	void goldenAngleSeriesIsAdjoint() {
		final DynamicProjector op = DynamicProjector.of(24, 24, AngleSchedule.goldenAngle(4, 3));
		assertEquals(Shape.of(4, 24, 24), op.domain());
		assertEquals(Shape.of(4, 3, 24), op.range());
		OperatorAssertions.assertAdjoint(op);
		OperatorAssertions.assertNormal(op);
	}

	@Test
	void oneViewPerFrameBitReversedIsAdjoint() {
		final DynamicProjector op = new DynamicProjector(16, 20, AngleSchedule.bitReversal(8, 1),
			30);
		OperatorAssertions.assertAdjoint(op);
		OperatorAssertions.assertNormal(op);
	}

	@Test
	void eachFrameUsesItsOwnAngles() {
		final double[][] angles = AngleSchedule.linear(3, 2);
		final DynamicProjector op = DynamicProjector.of(16, 16, angles);
		final float[] x = OperatorAssertions.gaussian(3 * 256, new Random(8));
		final float[] y = op.apply(x);
		for (int t = 0; t < 3; t++) {
			final float[] expected = ParallelBeamProjector.of(16, 16, angles[t]).apply(Arrays
				.copyOfRange(x, t * 256, (t + 1) * 256));
			assertArrayEquals(expected, Arrays.copyOfRange(y, t * 32, (t + 1) * 32));
		}
	}

	@Test
	void refusesMissingOrRaggedAngleLists() {
		ParallelBeamArgumentsTest.assertNames("angles", () -> DynamicProjector.of(8, 8,
			new double[0][]));
		ParallelBeamArgumentsTest.assertNames("angles", () -> DynamicProjector.of(8, 8, null));
		ParallelBeamArgumentsTest.assertNames("angles", () -> DynamicProjector.of(8, 8,
			new double[][] {{}, {}}));
		ParallelBeamArgumentsTest.assertNames("angles", () -> DynamicProjector.of(8, 8,
			new double[][] {{0, 90}, {45}}));
		ParallelBeamArgumentsTest.assertNames("angles", () -> DynamicProjector.of(8, 8,
			new double[][] {{0, 90}, null}));
	}

	@Test
	void refusesArraysOfWrongSize() {
		final DynamicProjector op = DynamicProjector.of(8, 8, AngleSchedule.linear(2, 1));
		ParallelBeamArgumentsTest.assertNames("frames", () -> op.apply(new float[64]));
		ParallelBeamArgumentsTest.assertNames("sinograms", () -> op.adjoint(new float[2 * 9]));
		ParallelBeamArgumentsTest.assertNames("sinograms", () -> op.apply(new float[128],
			new float[3 * 8]));
	}
}
