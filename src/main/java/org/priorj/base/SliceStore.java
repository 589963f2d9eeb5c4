package org.priorj.base;

/**
 * A volume of equal slices that a solver reads and writes one slice at a time, so that its state
 * can live on the Java heap ({@link HeapSlices}) or in a memory-mapped file ({@link MappedSlices})
 * behind the same loop. Reads and writes of different slices may run concurrently.
 */
public interface SliceStore extends AutoCloseable {

	int slices();

	/** Values per slice. */
	int sliceSize();

	/** Copies slice {@code z} into {@code to} from {@code offset}. */
	void read(int z, float[] to, int offset);

	/** Copies {@code sliceSize()} values of {@code from}, from {@code offset}, into slice {@code z}. */
	void write(int z, float[] from, int offset);

	/** Slice {@code z} as a new array. */
	default float[] slice(final int z) {
		final float[] s = new float[sliceSize()];
		read(z, s, 0);
		return s;
	}

	/** The whole volume as one new array (on the heap: for volumes that fit there). */
	default float[] toArray() {
		final float[] all = new float[Math.multiplyExact(slices(), sliceSize())];
		for (int z = 0; z < slices(); z++) read(z, all, z * sliceSize());
		return all;
	}

	/** Releases the storage (a mapped store deletes its file); no exception. */
	@Override
	void close();

	/** Where a run keeps its volumes; {@link #create} makes one store of the run. */
	interface Factory {

		SliceStore create(int slices, int sliceSize);

		/** What it is, for a run's recorded parameters ("heap", or the scratch folder). */
		String describe();

		/** Refuses, before a run, {@code stores} volumes of this size that it cannot hold. */
		void check(int stores, int slices, int sliceSize);

		/** Volumes on the Java heap (checked against {@code -Xmx} by the caller's memory check). */
		Factory HEAP = new Factory() {

			@Override
			public SliceStore create(final int slices, final int sliceSize) {
				return new HeapSlices(slices, sliceSize);
			}

			@Override
			public String describe() {
				return "heap";
			}

			@Override
			public void check(final int stores, final int slices, final int sliceSize) {}
		};
	}
}
