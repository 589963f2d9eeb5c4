package org.priorj.solve;

import java.nio.file.Path;
import java.util.Locale;

import org.priorj.base.Checks;
import org.priorj.base.MappedSlices;
import org.priorj.base.SliceStore;

/**
 * Where a volume run keeps its solver's volumes: on the Java heap, in scratch files on disk
 * (memory-mapped, {@link MappedSlices}; DDS-3D only), or {@code auto}: the heap when it holds
 * them, else disk. The scratch folder defaults to the JVM's temporary folder.
 */
public record VolumeStorage(Where where, Path scratch) {

	public enum Where {
		AUTO, HEAP, DISK
	}

	public VolumeStorage {
		if (where == null) throw Checks.bad("volumes", "none", "auto, heap or disk");
		if (scratch == null) scratch = Path.of(System.getProperty("java.io.tmpdir"));
	}

	/** The heap when it holds the run, else the temporary folder. */
	public static final VolumeStorage AUTO = new VolumeStorage(Where.AUTO, null);

	/** {@code where} as a user wrote it (auto, heap, disk); {@code scratch} blank for the default. */
	public static VolumeStorage parse(final String where, final String scratch) {
		return new VolumeStorage(Checks.choice("volumes", where == null ? "" : where.trim().toLowerCase(
			Locale.ROOT), Where.class), scratch == null || scratch.isBlank() ? null : Path.of(scratch));
	}

	/**
	 * The stores of a run: {@code fitsHeap} tells whether the heap holds it, {@code onDiskAllowed}
	 * whether the method can run from disk.
	 */
	SliceStore.Factory stores(final boolean fitsHeap, final boolean onDiskAllowed,
		final String method)
	{
		final boolean disk = where == Where.DISK || where == Where.AUTO && !fitsHeap && onDiskAllowed;
		Checks.require(!disk || onDiskAllowed, "volumes", "disk for " + method,
			"heap or auto: only dds-3d runs from scratch files (diffusion-mbir keeps its volumes on " +
				"the heap)");
		return disk ? MappedSlices.in(scratch) : SliceStore.Factory.HEAP;
	}
}
