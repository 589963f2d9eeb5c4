package org.priorj.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorj.base.Shape;

class RawFloatArrayTest {

	@TempDir
	Path dir;

	@Test
	void roundTripKeepsShapeAndValues() throws Exception {
		final float[] v = { 1.5f, -2f, 0f, Float.MIN_VALUE, 3.25e7f, -0.1f };
		new RawFloatArray(Shape.of(2, 3), v).write(dir, "a");
		final RawFloatArray back = RawFloatArray.read(dir, "a");
		assertEquals(Shape.of(2, 3), back.shape);
		assertArrayEquals(v, back.data);
	}

	@Test
	void readsLittleEndianRowMajorAsNumpyWritesIt() throws Exception {
		// numpy: np.array([[1, 2, 3], [4, 5, 6]], '<f4').tofile(...): 1.0f is 00 00 80 3f
		final byte[] bytes = new byte[24];
		final float[] values = { 1, 2, 3, 4, 5, 6 };
		for (int i = 0; i < 6; i++) {
			final int bits = Float.floatToIntBits(values[i]);
			for (int b = 0; b < 4; b++) bytes[4 * i + b] = (byte) (bits >>> (8 * b));
		}
		assertEquals((byte) 0x3f, bytes[3]);
		Files.write(dir.resolve("m.f32"), bytes);
		Files.writeString(dir.resolve("m.json"),
			"{\"dtype\": \"float32\", \"byte_order\": \"little\", \"shape\": [2, 3]}",
			StandardCharsets.UTF_8);
		final RawFloatArray m = RawFloatArray.read(dir, "m");
		assertArrayEquals(values, m.data);
		// scikit-image's sinograms are (detectors, angles): transposed to (angles, detectors)
		final RawFloatArray t = m.transposed();
		assertEquals(Shape.of(3, 2), t.shape);
		assertArrayEquals(new float[] { 1, 4, 2, 5, 3, 6 }, t.data);
	}

	@Test
	void refusesHeadersAndFilesThatDisagree() throws Exception {
		new RawFloatArray(Shape.of(2, 2), new float[4]).write(dir, "b");
		Files.writeString(dir.resolve("b.json"),
			"{\"dtype\": \"float32\", \"byte_order\": \"little\", \"shape\": [3, 2]}",
			StandardCharsets.UTF_8);
		assertRefused("data", "b");
		Files.writeString(dir.resolve("b.json"),
			"{\"dtype\": \"float64\", \"byte_order\": \"little\", \"shape\": [2, 2]}",
			StandardCharsets.UTF_8);
		assertRefused("header", "b");
		Files.writeString(dir.resolve("b.json"),
			"{\"dtype\": \"float32\", \"byte_order\": \"big\", \"shape\": [2, 2]}",
			StandardCharsets.UTF_8);
		assertRefused("header", "b");
		Files.writeString(dir.resolve("b.json"),
			"{\"dtype\": \"float32\", \"byte_order\": \"little\", \"shape\": [0, 2]}",
			StandardCharsets.UTF_8);
		assertRefused("header", "b");
	}

	private void assertRefused(final String parameter, final String name) {
		final String message = assertThrows(IllegalArgumentException.class, () -> RawFloatArray
			.read(dir, name)).getMessage();
		assertTrue(message.contains("'" + parameter + "'"), message);
	}
}
