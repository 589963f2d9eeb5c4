package org.priorj.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * A {@link SliceStore} in a memory-mapped scratch file: the operating system pages slices in and
 * out, so a volume larger than the Java heap (or than the machine's memory) can be a solver's
 * state. The file is mapped in pieces of whole slices below 2 GB (one Java mapping's limit) and
 * deleted when the store is closed (or, failing that, when the JVM exits).
 */
public final class MappedSlices implements SliceStore {

	/** Bytes per mapping, a power of two well below the 2 GB limit of one. */
	static final long PIECE_BYTES = 1L << 28;

	private final Path file;
	private final FloatBuffer[] pieces;
	private final int slices, size, perPiece;

	/** A store of {@code slices} slices of {@code sliceSize} zeros in a new file in {@code folder}. */
	public MappedSlices(final Path folder, final int slices, final int sliceSize) {
		this(folder, slices, sliceSize, PIECE_BYTES);
	}

	/** As above, mapped in pieces of at most {@code pieceBytes} (at least one slice each). */
	MappedSlices(final Path folder, final int slices, final int sliceSize, final long pieceBytes) {
		this.slices = Checks.positive("slices", slices);
		this.size = Checks.positive("sliceSize", sliceSize);
		this.perPiece = (int) Math.max(1, Math.min(slices, pieceBytes / (4L * sliceSize)));
		final int n = (slices + perPiece - 1) / perPiece;
		pieces = new FloatBuffer[n];
		try {
			file = Files.createTempFile(folder, "priorj-slices-", ".f32");
			file.toFile().deleteOnExit();
			try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ,
				StandardOpenOption.WRITE))
			{
				for (int p = 0; p < n; p++) {
					final int count = Math.min(perPiece, slices - p * perPiece);
					final MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 4L * size * p *
						perPiece, 4L * size * count);
					pieces[p] = m.order(ByteOrder.nativeOrder()).asFloatBuffer();
				}
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Could not map a scratch file of " + slices + " slices in " +
				folder + ": " + e.getMessage(), e);
		}
	}

	/** Stores in {@code folder}, checked to be a writable folder before anything is made there. */
	public static SliceStore.Factory in(final Path folder) {
		Checks.require(folder != null && Files.isDirectory(folder) && Files.isWritable(folder),
			"scratch", folder == null ? "none" : "'" + folder + "' is not a writable folder",
			"a writable folder on a disk with room for the run's volumes");
		return new SliceStore.Factory() {

			@Override
			public SliceStore create(final int slices, final int sliceSize) {
				return new MappedSlices(folder, slices, sliceSize);
			}

			@Override
			public String describe() {
				return folder.toString();
			}

			@Override
			public void check(final int stores, final int slices, final int sliceSize) {
				checkSpace(folder, (long) stores * slices * sliceSize * 4, usable(folder));
			}
		};
	}

	/** Refuses a run whose scratch files need more than the folder's disk has free. */
	static void checkSpace(final Path folder, final long needBytes, final long usable) {
		Checks.require(needBytes <= usable, "scratch", String.format(Locale.ROOT,
			"the volumes of this run need %d MB on disk, '%s' has %d MB free", needBytes >> 20, folder,
			usable >> 20), "a folder with more room (on a disk, not a RAM disk such as a tmpfs /tmp)");
	}

	private static long usable(final Path folder) {
		try {
			return Files.getFileStore(folder).getUsableSpace();
		}
		catch (final IOException e) {
			throw new UncheckedIOException("Could not tell the free space of " + folder, e);
		}
	}

	/** The number of mappings the file is read through. */
	int pieces() {
		return pieces.length;
	}

	/** The scratch file (for tests and messages). */
	Path file() {
		return file;
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
		java.util.Objects.checkIndex(z, slices);
		pieces[z / perPiece].get((z % perPiece) * size, to, offset, size);
	}

	@Override
	public void write(final int z, final float[] from, final int offset) {
		java.util.Objects.checkIndex(z, slices);
		pieces[z / perPiece].put((z % perPiece) * size, from, offset, size);
	}

	/**
	 * Deletes the file: the mappings stay valid until they are collected, and the disk space
	 * returns then (on Linux and macOS at once for the name, on Windows at exit).
	 */
	@Override
	public void close() {
		try {
			Files.deleteIfExists(file);
		}
		catch (final IOException e) {
			// mapped on Windows: deleteOnExit removes it
		}
	}
}
