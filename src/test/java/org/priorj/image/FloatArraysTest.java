package org.priorj.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

class FloatArraysTest {

	@Test
	void wrapSharesMemoryAndReversesDimensions() {
		final float[] data = new float[2 * 3 * 4];
		final ArrayImg<FloatType, FloatArray> img = FloatArrays.wrap(data, 2, 3, 4);
		assertArrayEquals(new long[] { 4, 3, 2 }, Intervals.dimensionsAsLongArray(img));
		img.randomAccess().setPositionAndGet(3, 1, 1).set(5);
		assertEquals(5, data[(1 * 3 + 1) * 4 + 3], 0);
		assertSame(data, FloatArrays.sharedArray(img));
		assertArrayEquals(new int[] { 2, 3, 4 }, FloatArrays.dims(img));
	}

	@Test
	void copyOfReadsAViewInFlatOrder() {
		final float[] data = new float[4 * 5];
		for (int i = 0; i < data.length; i++) data[i] = i;
		// Rows 1..2, columns 2..4 of a 4x5 image.
		final float[] part = FloatArrays.copyOf(Views.interval(FloatArrays.wrap(data, 4, 5),
			new long[] { 2, 1 }, new long[] { 4, 2 }));
		assertArrayEquals(new float[] { 7, 8, 9, 12, 13, 14 }, part, 0);
		final float[] all = FloatArrays.copyOf(FloatArrays.wrap(data, 4, 5));
		all[0] = -1;
		assertEquals(0, data[0], 0);
	}

	@Test
	void refusesWrongLengthNamingData() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> FloatArrays.wrap(new float[5], 2, 3));
		assertTrue(e.getMessage().contains("'data'"), e.getMessage());
		final IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
			() -> FloatArrays.wrap(new float[0], 0, 3));
		assertTrue(d.getMessage().contains("'dims'"), d.getMessage());
	}
}
