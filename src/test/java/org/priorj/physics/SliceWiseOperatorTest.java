package org.priorj.physics;

import org.priorj.base.Shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.priorj.physics.ct.ParallelBeamProjector;

class SliceWiseOperatorTest {

	private final ParallelBeamProjector projector = ParallelBeamProjector.of(20, 24,
		ParallelBeamProjector.halfTurn(10));

	private static void assertNames(final String parameter, final Executable call) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
		assertTrue(e.getMessage().contains("'" + parameter + "'"), e.getMessage());
	}

	@Test
	void projectorOnEachSliceIsAdjoint() {
		final SliceWiseOperator op = SliceWiseOperator.repeat(projector, 3);
		assertEquals(Shape.of(3, 20, 24), op.domain());
		assertEquals(Shape.of(3, 10, 24), op.range());
		OperatorAssertions.assertAdjoint(op);
		OperatorAssertions.assertNormal(op);
	}

	@Test
	void eachSliceIsProjectedOnItsOwn() {
		final int z = 4, n = projector.domain().size(), m = projector.range().size();
		final float[] vol = OperatorAssertions.gaussian(z * n, new Random(2));
		final float[] y = SliceWiseOperator.repeat(projector, z).apply(vol);
		for (int s = 0; s < z; s++) {
			final float[] expected = projector.apply(Arrays.copyOfRange(vol, s * n, (s + 1) * n));
			assertArrayEquals(expected, Arrays.copyOfRange(y, s * m, (s + 1) * m));
		}
	}

	@Test
	void differentOperatorsPerSliceAreAdjoint() {
		final SliceWiseOperator op = SliceWiseOperator.of(List.of(projector, ParallelBeamProjector
			.of(20, 24, 5, 50, 95, 140, 185, 230, 275, 320, 10, 20)));
		OperatorAssertions.assertAdjoint(op);
		OperatorAssertions.assertNormal(op);
	}

	@Test
	void theNormIsTheLargestSlicesAsPowerIterationOnTheWholeVolumeFindsIt() {
		final MaskOperator half = new MaskOperator(2, 2, new float[] { 1, 0, 1, 1 });
		final LinearOperator scaled = new LinearOperator() {

			@Override
			public Shape domain() {
				return Shape.of(2, 2);
			}

			@Override
			public Shape range() {
				return Shape.of(2, 2);
			}

			@Override
			public void apply(final float[] x, final float[] y) {
				for (int i = 0; i < 4; i++) y[i] = 3 * x[i];
			}

			@Override
			public void adjoint(final float[] y, final float[] x) {
				apply(y, x);
			}
		};
		final SliceWiseOperator op = SliceWiseOperator.of(List.of(half, scaled, half));
		assertEquals(3, op.norm(100, 1e-9, 1), 1e-6);
		// the whole volume's power iteration, the interface's own, agrees
		final LinearOperator whole = new LinearOperator() {

			@Override
			public Shape domain() {
				return op.domain();
			}

			@Override
			public Shape range() {
				return op.range();
			}

			@Override
			public void apply(final float[] x, final float[] y) {
				op.apply(x, y);
			}

			@Override
			public void adjoint(final float[] y, final float[] x) {
				op.adjoint(y, x);
			}
		};
		assertEquals(whole.norm(200, 1e-9, 1), op.norm(100, 1e-9, 1), 1e-4);
		final SliceWiseOperator ct = SliceWiseOperator.repeat(projector, 5);
		assertEquals(projector.norm(), ct.norm(), 1e-9);
	}

	@Test
	void refusesBadSlicesOperatorsAndArrays() {
		assertNames("slices", () -> SliceWiseOperator.repeat(projector, 0));
		assertNames("operator", () -> SliceWiseOperator.repeat(null, 2));
		assertNames("operators", () -> SliceWiseOperator.of(List.of()));
		assertNames("operators", () -> SliceWiseOperator.of(List.of(projector,
			ParallelBeamProjector.of(20, 24, 0, 90))));
		final SliceWiseOperator op = SliceWiseOperator.repeat(projector, 2);
		assertNames("volume", () -> op.apply(new float[projector.domain().size()]));
		assertNames("measurement", () -> op.adjoint(new float[3 * projector.range().size()]));
	}

	@Test
	void describesItsSlicesAndTheirOperators() {
		final SliceWiseOperator same = SliceWiseOperator.repeat(projector, 3);
		assertEquals(3, same.slices());
		assertTrue(same.describe().contains("3 slices, each " + projector.describe()), same.describe());
		final SliceWiseOperator mixed = SliceWiseOperator.of(List.of(projector, ParallelBeamProjector
			.of(20, 24, ParallelBeamProjector.halfTurn(10))));
		assertEquals(2, mixed.slices());
		assertTrue(mixed.describe().contains("2 slices, per slice, first " + projector.describe()),
			mixed.describe());
		final java.util.List<LinearOperator> withNull = new java.util.ArrayList<>();
		withNull.add(projector);
		withNull.add(null);
		assertNames("operators", () -> SliceWiseOperator.of(withNull));
	}
}
