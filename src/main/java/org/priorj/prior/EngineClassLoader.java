package org.priorj.prior;

import java.util.function.Supplier;

/**
 * Runs DJL calls with PriorJ's own class loader as the thread's context class loader. DJL finds
 * its engines (a ServiceLoader, scanned once, on first use) and its native library through the
 * context class loader; in plain ImageJ 1.x that is not the loader of the plugins folder where
 * PriorJ and DJL live, so the first call there would find no PyTorch engine, for good.
 */
public final class EngineClassLoader {

	private EngineClassLoader() {}

	public static <T> T call(final Supplier<T> call) {
		final Thread t = Thread.currentThread();
		final ClassLoader saved = t.getContextClassLoader();
		t.setContextClassLoader(EngineClassLoader.class.getClassLoader());
		try {
			return call.get();
		}
		finally {
			t.setContextClassLoader(saved);
		}
	}
}
