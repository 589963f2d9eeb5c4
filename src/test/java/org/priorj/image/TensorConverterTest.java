package org.priorj.image;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;

/** Runs on DJL's PyTorch engine, offline, with the CPU native library from the Maven build. */
class TensorConverterTest {

	private static NDManager manager;

	@BeforeAll
	static void open() {
		assertEquals("true", System.getProperty("ai.djl.offline"));
		manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
	}

	@AfterAll
	static void close() {
		manager.close();
	}

	private static float[] ramp(final int n) {
		final float[] a = new float[n];
		for (int i = 0; i < n; i++) a[i] = (float) Math.sin(0.37 * i) * 1e3f + i * 1e-3f;
		return a;
	}

	@Test
	void engineIsPyTorch() {
		assertEquals("PyTorch", manager.getEngine().getEngineName());
	}

	@Test
	void imageRoundTripsExactly() {
		final float[] img = ramp(7 * 9);
		final NDArray t = TensorConverter.image(manager, img, 7, 9);
		assertEquals(new Shape(1, 1, 7, 9), t.getShape());
		assertEquals(DataType.FLOAT32, t.getDataType());
		// A native operation, so the values really went through the engine.
		assertArrayEquals(img, TensorConverter.toFloatArray(t.add(0f)), 0);
	}

	@Test
	void volumeIsABatchAndComplexIsTwoChannels() {
		final float[] vol = ramp(3 * 4 * 5);
		final NDArray b = TensorConverter.batch(manager, vol, 3, 4, 5);
		assertEquals(new Shape(3, 1, 4, 5), b.getShape());
		// Slice 2, row 1, column 4.
		assertEquals(vol[(2 * 4 + 1) * 5 + 4], b.getFloat(2, 0, 1, 4), 0);
		final float[] complex = ramp(2 * 4 * 5);
		final NDArray c = TensorConverter.channels(manager, complex, 2, 4, 5);
		assertEquals(new Shape(1, 2, 4, 5), c.getShape());
		assertEquals(complex[(1 * 4 + 3) * 5 + 2], c.getFloat(0, 1, 3, 2), 0);
	}

	@Test
	void imgLib2ImagesConvertAndComeBack() {
		final float[] vol = ramp(3 * 4 * 5);
		final ArrayImg<FloatType, FloatArray> img = FloatArrays.wrap(vol, 3, 4, 5);
		final NDArray b = TensorConverter.batch(manager, img);
		assertEquals(new Shape(3, 1, 4, 5), b.getShape());
		final NDArray c = TensorConverter.channels(manager, img);
		assertEquals(new Shape(1, 3, 4, 5), c.getShape());
		final ArrayImg<FloatType, FloatArray> back = TensorConverter.toImg(b);
		assertArrayEquals(new long[] { 5, 4, 3 }, Intervals.dimensionsAsLongArray(back));
		assertArrayEquals(vol, FloatArrays.sharedArray(back), 0);
		final ArrayImg<FloatType, FloatArray> plane = TensorConverter.toImg(TensorConverter.image(
			manager, ramp(20), 4, 5));
		assertArrayEquals(new long[] { 5, 4 }, Intervals.dimensionsAsLongArray(plane));
		assertEquals(new Shape(1, 1, 4, 5), TensorConverter.batch(manager, FloatArrays.wrap(ramp(
			20), 4, 5)).getShape());
	}

	@Test
	void refusesWrongLengthNamingData() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> TensorConverter.image(manager, new float[10], 3, 4));
		assertTrue(e.getMessage().contains("'data'"), e.getMessage());
	}

	@Test
	void refusesNonFloatOrNon4DTensorsNamingTensor() {
		final NDArray ints = manager.create(new int[] { 1, 2, 3, 4 }, new Shape(1, 1, 2, 2));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> TensorConverter.toFloatArray(ints));
		assertTrue(e.getMessage().contains("'tensor'"), e.getMessage());
		final NDArray flat = manager.create(new float[] { 1, 2 });
		final IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
			() -> TensorConverter.toImg(flat));
		assertTrue(f.getMessage().contains("'tensor'"), f.getMessage());
	}
}
