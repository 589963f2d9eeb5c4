package org.priorj.fiji;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.priorj.base.Checks;
import org.priorj.prior.LatentPrior;
import org.priorj.prior.PriorDescriptor;
import org.priorj.prior.PriorRegistry;
import org.priorj.prior.PriorService;
import org.priorj.prior.TorchScriptLatentPrior;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › PriorJ › Priors › Import TorchScript…: copies a TorchScript denoiser exported from
 * PyTorch ({@code torch.jit.trace} in eval mode, {@code forward(x, sigma)}) into
 * {@code ~/.priorj/priors/NAME} with a descriptor and its SHA-256, or a compressive autoencoder's
 * folder written by {@code scripts/export_cae_torchscript.py} (its descriptor and modules, listed
 * under NAME), then loads it once to check it.
 */
@Plugin(type = Command.class, label = "Import TorchScript...", headless = true, priority = 4,
	description = "Import a TorchScript denoiser or autoencoder exported from PyTorch as a prior.",
	attrs = { @Attr(name = CommandTable.MENU, value = "Plugins>PriorJ>Priors"),
		@Attr(name = CommandTable.CLI, value = "import") })
public class ImportTorchScriptCommand implements Command {

	@Parameter
	private PriorService priors;

	@Parameter(persist = false, label = "file", description = "The .pt file saved with torch.jit.save, " +
		"or the folder scripts/export_cae_torchscript.py wrote for an autoencoder")
	private String file = "";

	@Parameter(persist = false, label = "name", description = "Name to list the prior under")
	private String name = "";

	@Parameter(persist = false, label = "range_low", description = "Low end of the value range " +
		"the network was trained on")
	private double range_low = 0;

	@Parameter(persist = false, label = "range_high", description = "High end of that range")
	private double range_high = 1;

	@Parameter(persist = false, label = "sigma_min", min = "0", description = "Smallest trained " +
		"noise level (range units)")
	private double sigma_min = 0;

	@Parameter(persist = false, label = "sigma_max", min = "0", description = "Largest trained " +
		"noise level (range units)")
	private double sigma_max = 1;

	@Parameter(persist = false, label = "training_data", description = "What it was trained on")
	private String training_data = "unknown";

	@Parameter(persist = false, label = "licence", description = "The weights' licence")
	private String licence = "unknown";

	@Parameter(type = ItemIO.OUTPUT, label = "imported")
	private String imported;

	@Override
	public void run() {
		final Path source = Path.of(file);
		Checks.require(Files.isRegularFile(source) || Files.isRegularFile(source.resolve(
			PriorDescriptor.FILE)), "file", "'" + file + "' is " + (Files.exists(source) ?
			"a folder without " + PriorDescriptor.FILE : "missing"),
			"a TorchScript .pt file, or a folder holding " + PriorDescriptor.FILE);
		Checks.require(Files.isDirectory(source) || file.endsWith(".pt"), "file", "'" + file + "'",
			"a file ending in .pt");
		Checks.require(name.matches("[A-Za-z0-9][A-Za-z0-9._-]*"), "name", "'" + name + "'",
			"letters, digits, '.', '_' and '-'");
		final Path dir = PriorRegistry.userRoot().resolve(name);
		Checks.require(!Files.exists(dir), "name", "a prior '" + name + "' already exists in " + dir,
			"a new name");
		try {
			Files.createDirectories(dir);
			if (Files.isDirectory(source)) {
				importFolder(source, dir);
				return;
			}
			final Path weights = dir.resolve("weights.pt");
			Files.copy(source, weights);
			final JsonObject d = new JsonObject();
			d.addProperty("name", name);
			d.addProperty("kind", "torchscript");
			d.addProperty("format", "torchscript");
			d.addProperty("weights", "weights.pt");
			d.addProperty("sha256", PriorDescriptor.sha256(weights));
			final JsonArray range = new JsonArray();
			range.add(range_low);
			range.add(range_high);
			d.add("range", range);
			d.addProperty("channels", 1);
			d.addProperty("convention", "denoiser");
			d.addProperty("sigma_min", sigma_min);
			d.addProperty("sigma_max", sigma_max);
			d.addProperty("training_data", training_data);
			d.addProperty("licence", licence);
			d.addProperty("imported_from", source.toAbsolutePath().toString());
			Files.writeString(dir.resolve(PriorDescriptor.FILE), new GsonBuilder().setPrettyPrinting()
				.create().toJson(d), StandardCharsets.UTF_8);
			priors.registry().load(name); // refuses a file PyTorch cannot run
			imported = "Imported '" + name + "' into " + dir;
		}
		catch (final IOException e) {
			throw new IllegalStateException("Cannot import into " + dir + ": " + e, e);
		}
		catch (final RuntimeException e) {
			deleteQuietly(dir);
			throw e;
		}
	}

	/**
	 * Copies an exported autoencoder's descriptor (renamed) and the module files it lists; its
	 * hashes are checked when it loads.
	 */
	private void importFolder(final Path source, final Path dir) throws IOException {
		final PriorDescriptor d = PriorDescriptor.read(source);
		Checks.require(d.kind().equals(TorchScriptLatentPrior.KIND), "file", "a folder of kind '" + d
			.kind() + "'", "a folder written by scripts/export_cae_torchscript.py (kind " +
				TorchScriptLatentPrior.KIND + ")");
		final JsonObject json = d.json().deepCopy();
		json.addProperty("name", name);
		json.addProperty("imported_from", source.toAbsolutePath().toString());
		if (json.get("modules") instanceof JsonObject modules) for (final String key : modules.keySet())
		{
			final String f = modules.getAsJsonObject(key).get("file").getAsString();
			final Path from = source.resolve(f).normalize(), to = dir.resolve(f).normalize();
			// where the file may be is the descriptor's check, at load; here it must not leave dir
			Checks.require(to.startsWith(dir) && Files.isRegularFile(from), "modules." + key, "'" + f +
				"'", "a file inside " + source);
			Files.copy(from, to);
		}
		Files.writeString(dir.resolve(PriorDescriptor.FILE), new GsonBuilder().setPrettyPrinting()
			.create().toJson(json), StandardCharsets.UTF_8);
		priors.registry().load(name, LatentPrior.class);
		imported = "Imported autoencoder '" + name + "' into " + dir;
	}

	private static void deleteQuietly(final Path dir) {
		try (var files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (final IOException e) {
			// nothing to clean up
		}
	}
}
