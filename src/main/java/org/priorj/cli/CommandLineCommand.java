package org.priorj.cli;

import java.io.File;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;

import org.priorj.fiji.CommandParameters;
import org.priorj.fiji.PriorJContext;
import org.priorj.image.Checks;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;

/**
 * A PriorJ SciJava command on the command line: its options are the command's parameters
 * ({@code --name value}, flags for booleans), so they are declared once, in the command; image
 * parameters take a file, image outputs are written to {@code --output} (not over an existing file
 * unless {@code --overwrite}), numbers are printed as {@code name=value}.
 */
final class CommandLineCommand {

	private final String name;
	private final Class<?> command;
	private final String summary;

	CommandLineCommand(final String name, final Class<?> command, final String summary) {
		this.name = name;
		this.command = command;
		this.summary = summary;
	}

	String name() {
		return name;
	}

	String summary() {
		return summary;
	}

	private CommandInfo info(final Context context) {
		return context.service(CommandService.class).getCommand(command.getName());
	}

	String help() {
		final Context context = PriorJContext.get();
		final CommandInfo info = info(context);
		final CommandModule defaults = (CommandModule) context.service(ModuleService.class)
			.createModule(info);
		final StringBuilder sb = new StringBuilder("usage: priorj " + name + " [options]\n\n" +
			summary + "\n\noptions:\n");
		for (final ModuleItem<?> item : CommandParameters.items(info)) {
			final Object d = defaults.getInput(item.getName());
			final boolean image = item.getType() == ImagePlus.class;
			sb.append(String.format("  --%-14s %s%n", item.getName() + (isFlag(item) ? "" : image ?
				" FILE" : " VALUE"), item.getDescription() == null ? "" : item.getDescription()));
			final String choices = !CommandParameters.hasChoices(item) ? "" :
				"one of " + item.getChoices() + "; ";
			if (!image) sb.append(String.format("  %-16s %sdefault: %s%n", "", choices, d));
		}
		sb.append(String.format("  --%-14s %s%n", "output FILE", "where to write the result (TIFF)"));
		sb.append(String.format("  --%-14s %s%n", "overwrite", "replace an existing output file"));
		return sb.toString();
	}

	private static boolean isFlag(final ModuleItem<?> item) {
		return item.getType() == boolean.class || item.getType() == Boolean.class;
	}

	/** Runs the command; returns the exit code. */
	int run(final List<String> args, final PrintStream out) throws Exception {
		final Context context = PriorJContext.get();
		final CommandInfo info = info(context);
		final Map<String, ModuleItem<?>> items = new LinkedHashMap<>();
		for (final ModuleItem<?> item : CommandParameters.items(info)) items.put(item.getName(), item);
		final Map<String, Object> inputs = new LinkedHashMap<>();
		String output = null;
		boolean overwrite = false;
		for (int i = 0; i < args.size(); i++) {
			final String a = args.get(i);
			Checks.require(a.startsWith("--"), "arguments", "'" + a + "'", "--name value options");
			final String key = a.substring(2);
			if (key.equals("overwrite")) {
				overwrite = true;
				continue;
			}
			final ModuleItem<?> item = items.get(key);
			if (item == null && !key.equals("output")) throw Checks.bad(key, "unknown option",
				String.join(", ", items.keySet()) + ", output, overwrite (see priorj " + name +
					" --help)");
			if (item != null && isFlag(item)) {
				inputs.put(key, true);
				continue;
			}
			Checks.require(i + 1 < args.size(), key, "no value", "--" + key + " VALUE");
			final String v = args.get(++i);
			if (key.equals("output")) output = v;
			else if (item.getType() == ImagePlus.class) inputs.put(key, open(key, v));
			else inputs.put(key, CommandParameters.convert(item, v));
		}
		for (final ModuleItem<?> item : items.values())
			if (item.getType() == ImagePlus.class && !inputs.containsKey(item.getName()))
				throw Checks.bad(item.getName(), "missing", "--" + item.getName() + " FILE");
		final boolean writesImage = info.outputs().iterator().hasNext() && info.outputs().iterator()
			.next().getType() == ImagePlus.class;
		File target = null;
		if (writesImage) {
			Checks.require(output != null, "output", "missing", "--output FILE.tif");
			target = new File(output);
			Checks.require(overwrite || !target.exists(), "output", "'" + output + "' exists",
				"a new file, or --overwrite");
		}
		final CommandModule module = context.service(CommandService.class).run(info, true, inputs)
			.get();
		for (final ModuleItem<?> o : info.outputs()) {
			final Object v = module.getOutput(o.getName());
			if (v instanceof ImagePlus) {
				final ImagePlus imp = (ImagePlus) v;
				final FileSaver saver = new FileSaver(imp);
				final boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(target.getPath()) : saver
					.saveAsTiff(target.getPath());
				if (!ok) throw new IllegalStateException("Could not write '" + target + "'.");
				out.println("wrote " + target + " (" + imp.getWidth() + "x" + imp.getHeight() + "x" + imp
					.getStackSize() + ")");
			}
			else if (v instanceof String) out.println(v);
			else if (v != null) out.println(o.getName() + "=" + v);
		}
		return 0;
	}

	private static ImagePlus open(final String key, final String path) {
		Checks.require(new File(path).isFile(), key, "file '" + path + "' does not exist",
			"an image file");
		final ImagePlus imp = IJ.openImage(path);
		Checks.require(imp != null, key, "'" + path + "' could not be read as an image",
			"a TIFF, PNG or other image ImageJ opens");
		return imp;
	}
}
