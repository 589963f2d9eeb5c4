package org.priorj.base;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * What a run needs, checked before it starts: an image too large for the Java heap or for the
 * machine's memory is refused in one line naming what to change, instead of failing after minutes
 * with an {@link OutOfMemoryError} (or a crash of the native library).
 */
public final class Memory {

	private Memory() {}

	/** The most the Java heap may grow to (-Xmx). */
	public static long maxHeap() {
		return Runtime.getRuntime().maxMemory();
	}

	/** The machine's physical memory, or {@link Long#MAX_VALUE} where the JVM cannot tell. */
	public static long physical() {
		final java.lang.management.OperatingSystemMXBean os = ManagementFactory
			.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean) {
			final long total = ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
			if (total > 0) return total;
		}
		return Long.MAX_VALUE;
	}

	/** Refuses {@code what} (e.g. "1x512x512 pixels") when it needs more heap than {@code maxHeap}. */
	public static void checkHeap(final String parameter, final String what, final long needBytes,
		final long maxHeap)
	{
		final long mb = needBytes >> 20;
		Checks.require(needBytes <= maxHeap, parameter, String.format(Locale.ROOT,
			"%s need about %d MB of Java heap, %d MB are given", what, mb, maxHeap >> 20), String
				.format(Locale.ROOT, "a heap of at least %d MB (java -Xmx%dm; in Fiji Edit > Options > " +
					"Memory & Threads), or a smaller image or stack", mb, mb + 512));
	}

	/**
	 * Refuses {@code what} when one network call on it needs more native memory than the machine
	 * has ({@code physical}).
	 */
	public static void checkHost(final String parameter, final String what, final long needBytes,
		final long physical)
	{
		Checks.require(needBytes <= physical, parameter, String.format(Locale.ROOT,
			"%s: one call of the prior's network needs about %d MB of memory, the machine has %d MB",
			what, needBytes >> 20, physical >> 20), "a smaller image, stack or crop (Denoise with " +
				"prior tiles large images), or a GPU with that much memory (device=gpu)");
	}
}
