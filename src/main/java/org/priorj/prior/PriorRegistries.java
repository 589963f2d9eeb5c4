package org.priorj.prior;

import java.util.Map;
import java.util.TreeMap;

import org.scijava.InstantiableException;
import org.scijava.plugin.DefaultPluginFinder;
import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;

/**
 * The standard registry with every kind of prior registered: each {@link PriorKind} plugin on the
 * class path, found by its annotation.
 */
public final class PriorRegistries {

	private PriorRegistries() {}

	public static PriorRegistry standard(final String device) {
		return withAllKinds(PriorRegistry.standard(device));
	}

	/** {@code r} with every {@link PriorKind} plugin registered under its name. */
	public static PriorRegistry withAllKinds(final PriorRegistry r) {
		kinds().forEach(r::register);
		return r;
	}

	/** The prior kinds on the class path, by name. */
	public static Map<String, PriorKind> kinds() {
		// PriorJ's own class loader: in plain ImageJ 1.x the thread's context loader cannot see the
		// plugins folder, where PriorJ's jar (and its plugin index) lives
		final PluginIndex index = new PluginIndex(new DefaultPluginFinder(PriorKind.class
			.getClassLoader()));
		index.discover();
		final Map<String, PriorKind> kinds = new TreeMap<>();
		for (final PluginInfo<PriorKind> info : index.getPlugins(PriorKind.class)) {
			try {
				kinds.put(info.getName(), info.createInstance());
			}
			catch (final InstantiableException e) {
				throw new IllegalStateException("Prior kind '" + info.getName() + "': " + e, e);
			}
		}
		return kinds;
	}
}
