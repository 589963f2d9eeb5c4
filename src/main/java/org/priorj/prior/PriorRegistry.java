package org.priorj.prior;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.priorj.base.Checks;

/**
 * The priors PriorJ can use, by name: every folder with a {@code descriptor.json} directly under the
 * registry's roots. Each prior is loaded once, on first use, and the same instance is handed to every
 * caller and thread until it is released. Thread-safe.
 * <p>
 * The standard roots, searched in this order: the folders in the system property
 * {@code priorj.models} (path-separator list; the {@code priorj} launcher passes the checkout's
 * {@code models/}), the environment variable {@code PRIORJ_MODELS}, {@code models/priorj} in the
 * Fiji or ImageJ folder PriorJ is installed in ({@link #appRoot}), {@code models/} in the working
 * folder, and {@code ~/.priorj/priors} (priors the user imported). A name found twice is taken
 * from the first root.
 */
public final class PriorRegistry {

	private static final Logger LOG = Logger.getLogger(PriorRegistry.class.getName());

	private final List<Path> roots;
	private final PriorDevice device;
	private final Map<String, PriorKind> loaders = new ConcurrentHashMap<>();
	private final Map<String, Prior> loaded = new ConcurrentHashMap<>();

	public PriorRegistry(final List<Path> roots, final PriorDevice device) {
		this.roots = List.copyOf(roots);
		this.device = device;
	}

	/** The standard roots (see the class comment) on the device {@code device} (auto, cpu, gpu). */
	public static PriorRegistry standard(final String device) {
		final List<Path> roots = new ArrayList<>();
		for (final String s : new String[] { System.getProperty("priorj.models"), System.getenv(
			"PRIORJ_MODELS") })
			if (s != null && !s.isBlank()) for (final String p : s.split(java.io.File.pathSeparator))
				roots.add(Path.of(p));
		appRoot().ifPresent(roots::add);
		roots.add(Path.of("models"));
		roots.add(userRoot());
		return new PriorRegistry(roots, PriorDevice.resolve(device));
	}

	/**
	 * {@code models/priorj} in the Fiji or ImageJ folder PriorJ is installed in: the folder
	 * {@code imagej.dir} names (Fiji's launcher sets it), else the one whose {@code jars/} or
	 * {@code plugins/} holds PriorJ's jar.
	 */
	public static java.util.Optional<Path> appRoot() {
		final String dir = System.getProperty("imagej.dir");
		if (dir != null && !dir.isBlank()) return java.util.Optional.of(Path.of(dir, "models",
			"priorj"));
		return appOf(PriorRegistry.class.getProtectionDomain().getCodeSource());
	}

	static java.util.Optional<Path> appOf(final java.security.CodeSource source) {
		try {
			if (source == null || source.getLocation() == null) return java.util.Optional.empty();
			final Path jar = Path.of(source.getLocation().toURI());
			if (!jar.toString().endsWith(".jar")) return java.util.Optional.empty();
			Path folder = jar.getParent();
			if (folder != null && folder.getFileName().toString().equals("jars") && folder
				.getParent() != null && folder.getParent().getFileName().toString().equals("plugins"))
				folder = folder.getParent(); // ImageJ 1.x: plugins/jars
			if (folder == null || folder.getParent() == null || !(folder.getFileName().toString()
				.equals("jars") || folder.getFileName().toString().equals("plugins")))
				return java.util.Optional.empty();
			return java.util.Optional.of(folder.getParent().resolve("models").resolve("priorj"));
		}
		catch (final java.net.URISyntaxException | IllegalArgumentException e) {
			return java.util.Optional.empty();
		}
	}

	/** Where imported priors go: {@code ~/.priorj/priors}. */
	public static Path userRoot() {
		return Path.of(System.getProperty("user.home"), ".priorj", "priors");
	}

	/** Makes priors of {@code kind} loadable (the network priors register here). */
	public void register(final String kind, final PriorKind loader) {
		loaders.put(kind, loader);
	}

	public PriorDevice device() {
		return device;
	}

	public List<Path> roots() {
		return roots;
	}

	/** Every prior found, by name, in root order; unreadable descriptors are skipped with a warning. */
	public Map<String, PriorDescriptor> list() {
		return scan(null);
	}

	/** The prior folders whose descriptor cannot be used, with the reason, by folder. */
	public Map<Path, String> broken() {
		final Map<Path, String> broken = new LinkedHashMap<>();
		scan(broken);
		return broken;
	}

	private Map<String, PriorDescriptor> scan(final Map<Path, String> broken) {
		final Map<String, PriorDescriptor> all = new LinkedHashMap<>();
		for (final Path root : roots) {
			if (!Files.isDirectory(root)) continue;
			try (Stream<Path> dirs = Files.list(root)) {
				dirs.filter(d -> Files.isRegularFile(d.resolve(PriorDescriptor.FILE))).sorted().forEach(
					d -> {
						try {
							final PriorDescriptor p = PriorDescriptor.read(d);
							all.putIfAbsent(p.name(), p);
						}
						catch (final IllegalArgumentException e) {
							if (broken != null) broken.putIfAbsent(d, e.getMessage());
						}
					});
			}
			catch (final IOException e) {
				if (broken != null) broken.putIfAbsent(root, "cannot be listed: " + e.getMessage());
			}
		}
		return Collections.unmodifiableMap(all);
	}

	/**
	 * The installed prior {@code name}; refused as {@code prior}, once, with the reason when its
	 * folder is there but its descriptor cannot be used, else with the installed names.
	 */
	public PriorDescriptor describe(final String name) {
		final Map<Path, String> broken = new LinkedHashMap<>();
		final Map<String, PriorDescriptor> all = scan(broken);
		final PriorDescriptor d = all.get(name);
		if (d != null) return d;
		for (final Map.Entry<Path, String> b : broken.entrySet())
			if (b.getKey().getFileName().toString().equals(name)) throw Checks.bad("prior", "'" + name +
				"' in " + b.getKey() + " cannot be used: " + b.getValue(), "a prior folder whose " +
					PriorDescriptor.FILE + " is valid (docs/priors.md)");
		throw Checks.bad("prior", "'" + name + "' is not installed", all.isEmpty()
			? "a prior folder under " + roots : "one of " + all.keySet());
	}

	/** The denoiser prior {@code name}, loaded on first use and shared afterwards. */
	public Denoiser load(final String name) {
		return load(name, Denoiser.class);
	}

	/**
	 * The prior {@code name}, loaded on first use and shared afterwards, which must be a
	 * {@code type} (a {@link Denoiser}, a {@link LatentPrior}); refused as {@code prior} if not.
	 */
	public <T extends Prior> T load(final String name, final Class<T> type) {
		Prior p = loaded.get(name);
		if (p == null) synchronized (this) {
			p = loaded.computeIfAbsent(name, n -> {
				final PriorDescriptor d = describe(n);
				final PriorKind loader = loaders.get(d.kind());
				if (loader == null) throw Checks.bad("kind", "'" + d.kind() + "' of prior '" + n + "'",
					"one of " + new java.util.TreeSet<>(loaders.keySet()));
				LOG.info("Loading prior '" + n + "' on " + device);
				return EngineClassLoader.call(() -> loader.load(d, device));
			});
		}
		if (!type.isInstance(p)) throw Checks.bad("prior", "'" + name + "' is a " + p.getClass()
			.getSimpleName(), "a prior that is a " + type.getSimpleName());
		return type.cast(p);
	}

	/** Frees the prior's memory; a later {@link #load} reads it again. */
	public void release(final String name) {
		final Prior d = loaded.remove(name);
		if (d instanceof AutoCloseable) {
			try {
				((AutoCloseable) d).close();
			}
			catch (final Exception e) {
				LOG.warning("Closing prior '" + name + "': " + e);
			}
		}
	}

	public void releaseAll() {
		for (final String name : new ArrayList<>(loaded.keySet())) release(name);
	}
}
