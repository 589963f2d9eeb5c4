package org.priorj.prior;

import ai.djl.Device;
import ai.djl.engine.Engine;

import org.priorj.base.Checks;

/**
 * Where a network prior runs: {@code auto} (the GPU when the engine finds CUDA, else the CPU),
 * {@code cpu} or {@code gpu}. A GPU requested where there is none is refused, in one line that
 * says which PyTorch build was found; {@link #reason()} says why a device was chosen, for the log
 * and the Engine info command.
 */
public final class PriorDevice {

	private final Device device;
	private final String reason;

	private PriorDevice(final Device device, final String reason) {
		this.device = device;
		this.reason = reason;
	}

	public static PriorDevice resolve(final String requested) {
		final String r = requested == null ? "auto" : requested.trim().toLowerCase(java.util.Locale.ROOT);
		Checks.require(r.equals("auto") || r.equals("cpu") || r.equals("gpu"), "device", "'" +
			requested + "'", "auto, cpu or gpu");
		if (r.equals("cpu")) return new PriorDevice(Device.cpu(), "cpu requested");
		final int gpus = gpuCount();
		if (gpus > 0) return new PriorDevice(Device.gpu(), r + ": the PyTorch engine found " + gpus +
			" CUDA device" + (gpus == 1 ? "" : "s"));
		final String none = "the PyTorch engine found no CUDA device (" + build() + ")";
		Checks.require(!r.equals("gpu"), "device", "gpu, but " + none, "auto or cpu here (a GPU " +
			"needs an NVIDIA card with CUDA and PyTorch's CUDA build, see docs/install.md)");
		return new PriorDevice(Device.cpu(), r + ": " + none);
	}

	private static int gpuCount() {
		try {
			return EngineClassLoader.call(() -> Engine.getEngine("PyTorch").getGpuCount());
		}
		catch (final RuntimeException e) {
			return 0;
		}
	}

	/** Which PyTorch build the engine loaded, e.g. {@code CPU build of PyTorch 2.7.1}. */
	static String build() {
		try {
			return EngineClassLoader.call(() -> {
				final Engine e = Engine.getEngine("PyTorch");
				return (e.hasCapability("CUDA") ? "CUDA" : "CPU") + " build of PyTorch " + e.getVersion();
			});
		}
		catch (final RuntimeException e) {
			return "PyTorch unavailable: " + e.getMessage();
		}
	}

	/**
	 * The PyTorch native builds on the class path, by platform (e.g. {@code linux-x86_64 cpu}),
	 * the one matching this machine marked; DJL loads that one and never downloads.
	 */
	public static java.util.List<String> nativeBuilds() {
		final java.util.List<String> builds = new java.util.ArrayList<>();
		final String here = ai.djl.util.Platform.fromSystem("pytorch").getClassifier();
		try {
			final java.util.Enumeration<java.net.URL> urls = PriorDevice.class.getClassLoader()
				.getResources("native/lib/pytorch.properties");
			while (urls.hasMoreElements()) {
				final java.util.Properties p = new java.util.Properties();
				try (java.io.InputStream in = urls.nextElement().openStream()) {
					p.load(in);
				}
				final String classifier = p.getProperty("classifier", "?");
				builds.add(classifier + " " + p.getProperty("flavor", "") + (classifier.equals(here)
					? " (this machine)" : ""));
			}
		}
		catch (final java.io.IOException e) {
			builds.add("unreadable: " + e.getMessage());
		}
		return builds;
	}

	public static String engineVersion() {
		try {
			return EngineClassLoader.call(() -> Engine.getEngine("PyTorch").getVersion());
		}
		catch (final RuntimeException e) {
			return "unavailable (" + e.getMessage() + ")";
		}
	}

	public Device device() {
		return device;
	}

	public String reason() {
		return reason;
	}

	@Override
	public String toString() {
		return device + " (" + reason + ")";
	}
}
