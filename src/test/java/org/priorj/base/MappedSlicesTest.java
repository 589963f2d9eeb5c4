package org.priorj.base;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedSlicesTest {

	@TempDir
	Path folder;

	private static float[] slice(final int z, final int n) {
		final float[] s = new float[n];
		for (int i = 0; i < n; i++) s[i] = z * 1000 + i + 0.25f;
		return s;
	}

	@Test
	void slicesReadBackAcrossPiecesOfTheMappingAndTheFileGoesOnClose() {
		// 3 slices of 5 floats per 64-byte piece: 7 slices span three mappings
		final MappedSlices s = new MappedSlices(folder, 7, 5, 64);
		assertEquals(3, s.pieces());
		try (MappedSlices six = new MappedSlices(folder, 6, 5, 64)) {
			assertEquals(2, six.pieces());
		}
		assertTrue(Files.exists(s.file()));
		assertEquals(7 * 5 * 4, s.file().toFile().length());
		for (int z = 6; z >= 0; z--) s.write(z, slice(z, 5), 0);
		for (int z = 0; z < 7; z++) assertArrayEquals(slice(z, 5), s.slice(z), "slice " + z);
		final float[] wide = new float[12];
		s.read(3, wide, 4);
		assertEquals(3000.25f, wide[4]);
		assertEquals(3004.25f, wide[8]);
		assertEquals(0f, wide[9]);
		final float[] all = s.toArray();
		assertEquals(35, all.length);
		assertEquals(6004.25f, all[34]);
		s.close();
		assertFalse(Files.exists(s.file()));
	}

	@Test
	void aNewStoreHoldsZerosAndRefusesSlicesOutsideIt() {
		try (MappedSlices s = new MappedSlices(folder, 2, 3)) {
			assertArrayEquals(new float[3], s.slice(1));
			assertThrows(IndexOutOfBoundsException.class, () -> s.slice(2));
			assertThrows(IndexOutOfBoundsException.class, () -> s.write(-1, new float[3], 0));
		}
	}

	@Test
	void theFactoryRefusesAMissingFolderAndADiskWithoutRoom() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> MappedSlices.in(folder.resolve(
			"missing"))).getMessage().contains("'scratch'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> MappedSlices.in(null))
			.getMessage().contains("'scratch'"));
		final SliceStore.Factory f = MappedSlices.in(folder);
		assertEquals(folder.toString(), f.describe());
		f.check(8, 4, 16);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.check(
			8, 1 << 20, 1 << 20));
		assertTrue(e.getMessage().contains("'scratch'") && e.getMessage().contains("MB on disk"), e
			.getMessage());
		MappedSlices.checkSpace(folder, 100, 100);
		assertThrows(IllegalArgumentException.class, () -> MappedSlices.checkSpace(folder, 101, 100));
		try (SliceStore s = f.create(2, 4)) {
			s.write(1, new float[] { 1, 2, 3, 4 }, 0);
			assertEquals(3f, s.slice(1)[2]);
		}
	}

	@Test
	void theHeapStoreWrapsItsArrayAndRefusesAnUnevenOne() {
		final float[] v = { 1, 2, 3, 4, 5, 6 };
		final HeapSlices h = new HeapSlices(v, 3);
		assertEquals(2, h.sliceSize());
		h.write(2, new float[] { 9, 8 }, 0);
		assertEquals(8f, v[5]);
		assertArrayEquals(new float[] { 3, 4 }, h.slice(1));
		assertArrayEquals(v, h.toArray());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new HeapSlices(v, 4))
			.getMessage().contains("'values'"));
		assertThrows(IllegalArgumentException.class, () -> new HeapSlices(new float[0], 1));
		assertThrows(IllegalArgumentException.class, () -> new HeapSlices(null, 1));
		assertThrows(IllegalArgumentException.class, () -> new HeapSlices(2, 0));
		assertThrows(IndexOutOfBoundsException.class, () -> h.slice(3));
		final SliceStore made = SliceStore.Factory.HEAP.create(2, 3);
		assertEquals(6, made.toArray().length);
		assertEquals("heap", SliceStore.Factory.HEAP.describe());
	}
}
