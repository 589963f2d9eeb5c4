package org.priorj.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CorrelationTest {

	@Test
	void isOneForAnAffineCopyMinusOneForANegatedOneAndZeroForAConstant() {
		final float[] a = { 1, 2, 4, 7 }, b = new float[4], c = new float[4];
		for (int i = 0; i < 4; i++) {
			b[i] = 3 * a[i] + 1;
			c[i] = -a[i];
		}
		assertEquals(1, Correlation.pearson(a, b), 1e-12);
		assertEquals(-1, Correlation.pearson(a, c), 1e-12);
		assertEquals(0, Correlation.pearson(a, new float[] { 5, 5, 5, 5 }));
		// {1,2,4,7} against {1,0,0,1}: sums of products of deviations 1, 21 and 1
		assertEquals(1 / Math.sqrt(21), Correlation.pearson(a, new float[] { 1, 0, 0, 1 }), 1e-12);
		assertThrows(IllegalArgumentException.class, () -> Correlation.pearson(a, new float[3]));
	}
}
