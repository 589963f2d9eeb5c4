package org.priorj.physics.ct;

import org.junit.jupiter.api.Test;
import org.priorj.physics.OperatorAssertions;

class ParallelBeamAdjointTest {

	@Test
	void halfTurnOnSquareImageIsAdjoint() {
		final ParallelBeamProjector p = ParallelBeamProjector.of(32, 32, ParallelBeamProjector
			.halfTurn(30));
		OperatorAssertions.assertAdjoint(p);
		OperatorAssertions.assertNormal(p);
	}

	@Test
	void unsortedLimitedAngleSetOnRectangleIsAdjoint() {
		final double[] angles = {170, -40, 0, 45, 90, 12.5, 400, 225, 89.999, 135};
		final ParallelBeamProjector p = ParallelBeamProjector.of(20, 33, angles);
		OperatorAssertions.assertAdjoint(p);
		OperatorAssertions.assertNormal(p);
	}

	@Test
	void detectorNarrowerOrWiderThanImageIsAdjoint() {
		final double[] angles = {0, 30, 60, 90, 120, 150};
		for (final int d : new int[] {1, 17, 60}) {
			final ParallelBeamProjector p = new ParallelBeamProjector(24, 24, angles, d);
			OperatorAssertions.assertAdjoint(p);
			OperatorAssertions.assertNormal(p);
		}
	}

	@Test
	void singleViewIsAdjoint() {
		final ParallelBeamProjector p = ParallelBeamProjector.of(16, 16, 33.0);
		OperatorAssertions.assertAdjoint(p);
		OperatorAssertions.assertNormal(p);
	}
}
