package org.priorj.fiji;

import ai.djl.util.Utils;

import org.priorj.prior.PriorDevice;
import org.priorj.prior.PriorService;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Plugins › PriorJ › Priors › Engine info: the deep-learning engine, its version and device. */
@Plugin(type = Command.class, label = "Engine info", headless = true, priority = 2,
	description = "The deep-learning engine, its version and the device PriorJ uses.",
	attrs = { @Attr(name = CommandTable.MENU, value = "Plugins>PriorJ>Priors"),
		@Attr(name = CommandTable.CLI, value = "engine") })
public class EngineInfoCommand implements Command {

	@Parameter
	private PriorService priors;

	@Parameter(type = ItemIO.OUTPUT, label = "engine")
	private String engine;

	@Override
	public void run() {
		engine = "engine: PyTorch " + PriorDevice.engineVersion() + " through DJL " + ai.djl.engine.Engine
			.getDjlVersion() + "\ndevice: " + priors.registry().device() + "\nnative builds found: " +
			String.join(", ", PriorDevice.nativeBuilds()) + "\nthreads: " + System.getProperty(
				"ai.djl.pytorch.num_threads", "PyTorch's default") + "\ncache folder: " + Utils
				.getEngineCacheDir() + "\noffline: " + Boolean.getBoolean("ai.djl.offline");
	}
}
