package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.priorj.physics.ct.ParallelBeamProjector;

class AngleSubsetsTest {

	@Test
	void goldenRatioOrderIsScikitImages() {
		// skimage.transform.radon_transform.order_angles_golden_ratio(np.arange(n) * 180 / n)
		assertArrayEquals(new int[] { 0, 4, 8, 1, 5, 9, 3, 7, 2, 6 }, AngleSubsets
			.goldenRatioOrder(10));
		assertArrayEquals(new int[] { 0, 11, 23, 4, 16, 27, 9, 20, 2, 13, 25, 6, 18, 29, 10, 22, 3, 15,
			26, 8, 19, 1, 12, 24, 5, 17, 28, 7, 21, 14 }, AngleSubsets.goldenRatioOrder(30));
	}

	@Test
	void goldenRatioOrderVisitsEveryPositionOnce() {
		for (int n = 1; n <= 200; n++) {
			final int[] order = AngleSubsets.goldenRatioOrder(n);
			assertEquals(0, order[0]);
			final int[] sorted = order.clone();
			Arrays.sort(sorted);
			for (int i = 0; i < n; i++) assertEquals(i, sorted[i], "count " + n);
		}
	}

	@Test
	void subsetsInterleaveTheAnglesAndAreVisitedInGoldenRatioOrder() {
		// 4 subsets of 12 angles: 0, 4, 8; 1, 5, 9; ... visited as golden ratio order 0, 2, 3, 1
		assertArrayEquals(new int[][] { { 0, 4, 8 }, { 2, 6, 10 }, { 3, 7, 11 }, { 1, 5, 9 } },
			AngleSubsets.of(ParallelBeamProjector.halfTurn(12), 4));
		// 5 subsets of 12: the first two get a third angle
		assertArrayEquals(new int[][] { { 0, 5, 10 }, { 2, 7 }, { 4, 9 }, { 1, 6, 11 }, { 3, 8 } },
			AngleSubsets.of(ParallelBeamProjector.halfTurn(12), 5));
	}

	@Test
	void anglesAreDealtOutByDirectionModuloAHalfTurn() {
		// directions 20, 10, 100, 150 degrees: rows by direction 1, 0, 2, 3
		assertArrayEquals(new int[][] { { 1, 2 }, { 0, 3 } }, AngleSubsets.of(new double[] { 200, 10,
			100, -30 }, 2));
	}

	@Test
	void moreSubsetsThanAnglesMeansOneAngleEach() {
		assertArrayEquals(new int[][] { { 0 }, { 2 }, { 3 }, { 1 } }, AngleSubsets.of(
			ParallelBeamProjector.halfTurn(4), 50));
		assertArrayEquals(new int[][] { { 0, 1, 2, 3 } }, AngleSubsets.of(ParallelBeamProjector
			.halfTurn(4), 1));
	}
}
