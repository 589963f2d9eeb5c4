package org.priorj.base;

/** A {@link SliceStore} in one float array on the Java heap. */
public final class HeapSlices implements SliceStore {

	private final float[] values;
	private final int slices, size;

	public HeapSlices(final int slices, final int sliceSize) {
		this(new float[Math.multiplyExact(Checks.positive("slices", slices), Checks.positive(
			"sliceSize", sliceSize))], slices);
	}

	/** Wraps {@code values} (not copied) as {@code slices} slices. */
	public HeapSlices(final float[] values, final int slices) {
		Checks.positive("slices", slices);
		Checks.require(values != null && values.length > 0 && values.length % slices == 0, "values",
			values == null ? "null" : values.length + " values", "a positive multiple of " + slices +
				" values");
		this.values = values;
		this.slices = slices;
		this.size = values.length / slices;
	}

	@Override
	public int slices() {
		return slices;
	}

	@Override
	public int sliceSize() {
		return size;
	}

	@Override
	public void read(final int z, final float[] to, final int offset) {
		System.arraycopy(values, java.util.Objects.checkIndex(z, slices) * size, to, offset, size);
	}

	@Override
	public void write(final int z, final float[] from, final int offset) {
		System.arraycopy(from, offset, values, java.util.Objects.checkIndex(z, slices) * size, size);
	}

	@Override
	public void close() {}
}
