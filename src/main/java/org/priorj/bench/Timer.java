package org.priorj.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Timing as PriorJ's benchmarks report it: after a warm-up (at least 3 calls and 0.5 s),
 * {@code repeats} rounds, each the best of {@code inner} calls, and the median round; plus the
 * bytes all threads allocated during one call.
 * The machine is noisy, so a figure means something only as a ratio against a baseline measured in
 * the same run.
 */
final class Timer {

	/** Median, min and max over rounds (ms), and bytes allocated by one call. */
	static final class Result {

		final double medianMs, minMs, maxMs;
		final long allocatedBytes;

		Result(final double medianMs, final double minMs, final double maxMs,
			final long allocatedBytes)
		{
			this.medianMs = medianMs;
			this.minMs = minMs;
			this.maxMs = maxMs;
			this.allocatedBytes = allocatedBytes;
		}
	}

	private Timer() {}

	static Result time(final Runnable task, final int repeats, final int inner) {
		// warm-up: at least 3 calls and half a second, so that the JIT has compiled the hot loops
		// and its compiler threads no longer compete with the timed calls
		final long warm = System.nanoTime();
		for (int i = 0; i < 3 || System.nanoTime() - warm < 500_000_000L && i < 100; i++) task.run();
		final long before = allocatedByAllThreads();
		task.run();
		final long allocated = allocatedByAllThreads() - before;
		final double[] rounds = new double[repeats];
		for (int r = 0; r < repeats; r++) {
			double best = Double.MAX_VALUE;
			for (int i = 0; i < inner; i++) {
				final long t0 = System.nanoTime();
				task.run();
				best = Math.min(best, (System.nanoTime() - t0) / 1e6);
			}
			rounds[r] = best;
		}
		Arrays.sort(rounds);
		return new Result(rounds[repeats / 2], rounds[0], rounds[repeats - 1], allocated);
	}

	/** Heap bytes allocated so far by every live thread (HotSpot's per-thread counters). */
	static long allocatedByAllThreads() {
		final java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		if (!(mx instanceof com.sun.management.ThreadMXBean)) return -1;
		final com.sun.management.ThreadMXBean hs = (com.sun.management.ThreadMXBean) mx;
		long sum = 0;
		for (final long b : hs.getThreadAllocatedBytes(mx.getAllThreadIds())) if (b > 0) sum += b;
		return sum;
	}

	/** Heap in use after a few collections: coarse, used to state what an operator holds. */
	static long usedHeapAfterGc() {
		final Runtime rt = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
			try {
				Thread.sleep(20);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		return rt.totalMemory() - rt.freeMemory();
	}
}
