package org.priorj.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.io.FileSaver;

import org.priorj.fiji.CommandParameters;
import org.priorj.fiji.PriorJContext;
import org.priorj.base.Checks;
import org.priorj.image.ImageFiles;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleRunner;
import org.scijava.module.ModuleService;

/**
 * A PriorJ SciJava command on the command line: its options are the command's parameters
 * ({@code --name value}, flags for booleans), so they are declared once, in the command; image
 * parameters take a file (optional ones may be left out), the first image output is written to
 * {@code --output} and any further one, when the command makes it, beside it as
 * {@code OUTPUT-name.tif} (no existing file is replaced unless {@code --overwrite}); numbers are
 * printed as {@code name=value}.
 */
final class CommandLineCommand {

	private final String name;
	/** The SciJava command's class name. */
	private final String command;
	private final String summary;

	CommandLineCommand(final String name, final String command, final String summary) {
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
		return context.service(CommandService.class).getCommand(command);
	}

	String help() {
		return "usage: priorj " + name + " [options]\n\n" + summary + "\n\noptions:\n" + options();
	}

	/** One entry per option: name, description, allowed values and default. */
	String options() {
		final Context context = PriorJContext.get();
		final CommandInfo info = info(context);
		final CommandModule defaults = (CommandModule) context.service(ModuleService.class)
			.createModule(info);
		final StringBuilder sb = new StringBuilder();
		for (final ModuleItem<?> item : CommandParameters.items(info)) {
			final Object d = defaults.getInput(item.getName());
			final boolean image = item.getType() == ImagePlus.class;
			sb.append(String.format("  --%-14s %s%n", item.getName() + (isFlag(item) ? "" : image ?
				" FILE" : " VALUE"), item.getDescription() == null ? "" : item.getDescription()));
			final String choices = !CommandParameters.hasChoices(item) ? "" :
				"one of " + item.getChoices() + "; ";
			if (!image) sb.append(String.format("  %-16s %sdefault: %s%n", "", choices, d));
			else if (CommandParameters.isOptionalImage(item)) sb.append(String.format(
				"  %-16s optional%n", ""));
		}
		if (writesImage(info)) {
			final List<String> more = extraImageOutputs(info);
			sb.append(String.format("  --%-14s %s%n", "output FILE", "where to write the result " +
				"(a .tif file; written whole or not at all; a stopped run writes FILE-cancelled.tif)" +
				(more.isEmpty() ? "" : "; when made, " + String.join(", ", more) + " go beside it " +
					"(out.tif: " + String.join(", ", more.stream().map(m -> "out-" + m + ".tif").toArray(
						String[]::new)) + ")")));
			sb.append(String.format("  --%-14s %s%n", "overwrite", "replace an existing output file"));
		}
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
			if (key.equals("overwrite") && writesImage(info)) {
				overwrite = true;
				continue;
			}
			final ModuleItem<?> item = items.get(key);
			if (item == null && !(key.equals("output") && writesImage(info))) throw Checks.bad(key,
				"unknown option", String.join(", ", items.keySet()) + (writesImage(info)
					? ", output, overwrite" : "") + " (see priorj " + name + " --help)");
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
			if (item.getType() == ImagePlus.class && item.isRequired() && !inputs.containsKey(item
				.getName()))
				throw Checks.bad(item.getName(), "missing", "--" + item.getName() + " FILE");
		final boolean writesImage = writesImage(info);
		File target = null;
		if (writesImage) {
			Checks.require(output != null, "output", "missing", "--output FILE.tif");
			target = new File(output).getAbsoluteFile();
			final String lower = target.getName().toLowerCase(java.util.Locale.ROOT);
			Checks.require(lower.endsWith(".tif") || lower.endsWith(".tiff"), "output", "'" + output +
				"'", "a .tif file (PriorJ writes TIFF, which keeps 32-bit values and the Info)");
			final File folder = target.getParentFile();
			Checks.require(folder.isDirectory(), "output", "folder '" + folder + "' does not exist",
				"a file in an existing folder");
			Checks.require(folder.canWrite(), "output", "folder '" + folder + "' is not writable",
				"a file in a folder you may write to");
			Checks.require(overwrite || !target.exists(), "output", "'" + output + "' exists",
				"a new file, or --overwrite");
			for (final String extra : extraImageOutputs(info)) {
				final File f = beside(target, extra);
				Checks.require(overwrite || !f.exists(), "output", "'" + f + "' exists",
					"a new file, or --overwrite");
			}
		}
		// a refusal reaches the user as Main's one line; SciJava's runner would first log it with
		// its stack trace (Main prints the trace of anything that is not a refusal)
		context.service(LogService.class).setLevel(ModuleRunner.class.getName(), LogLevel.NONE);
		final CommandModule module = context.service(CommandService.class).run(info, true, inputs)
			.get();
		boolean firstImage = true;
		for (final ModuleItem<?> o : info.outputs()) {
			final Object v = module.getOutput(o.getName());
			if (o.getType() == ImagePlus.class && writesImage) {
				final File file = firstImage ? target : beside(target, o.getName());
				firstImage = false;
				if (v == null) continue;
				final ImagePlus imp = (ImagePlus) v;
				final File written = write(imp, cancelled(imp) ? beside(file, "cancelled") : file);
				out.println((cancelled(imp) ? "cancelled: wrote " : "wrote ") + written + " (width x " +
					"height x slices: " + imp.getWidth() + "x" + imp.getHeight() + "x" + imp.getStackSize() +
					")" + (cancelled(imp) ? ", the estimate when the run was stopped" : ""));
			}
			else if (v instanceof String) out.println(v);
			else if (v != null) out.println(o.getName() + "=" + v);
		}
		return 0;
	}

	private static boolean writesImage(final CommandInfo info) {
		return info.outputs().iterator().hasNext() && info.outputs().iterator().next()
			.getType() == ImagePlus.class;
	}

	/** A result that a stopped run returned (its Info says so), which must not pass for a finished one. */
	static boolean cancelled(final ImagePlus imp) {
		final Object info = imp.getProperty("Info");
		return info != null && (info.toString().contains("priorj.cancelled=true") || info.toString()
			.contains("(cancelled)"));
	}

	/**
	 * Writes the image to a temporary file beside {@code file}, then renames it: the final path
	 * holds a whole file or none, even if the process is killed while writing.
	 */
	static File write(final ImagePlus imp, final File file) throws IOException {
		final File tmp = new File(file.getParentFile(), "." + file.getName() + ".partial");
		final FileSaver saver = new FileSaver(imp);
		final boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(tmp.getPath()) : saver
			.saveAsTiff(tmp.getPath());
		if (!ok) {
			Files.deleteIfExists(tmp.toPath());
			throw new IOException("Could not write '" + file + "'.");
		}
		Files.move(tmp.toPath(), file.toPath(), StandardCopyOption.REPLACE_EXISTING,
			StandardCopyOption.ATOMIC_MOVE);
		return file;
	}

	/** The names of the image outputs after the first, which go beside the main output file. */
	private static List<String> extraImageOutputs(final CommandInfo info) {
		final List<String> names = new ArrayList<>();
		boolean first = true;
		for (final ModuleItem<?> o : info.outputs()) {
			if (o.getType() != ImagePlus.class) continue;
			if (!first) names.add(o.getName());
			first = false;
		}
		return names;
	}

	/** {@code out.tif} and {@code std} give {@code out-std.tif}, in the same folder. */
	static File beside(final File main, final String output) {
		final String n = main.getName();
		final int dot = n.lastIndexOf('.');
		final String stem = dot > 0 ? n.substring(0, dot) : n;
		return new File(main.getAbsoluteFile().getParentFile(), stem + "-" + output + ".tif");
	}

	private static ImagePlus open(final String key, final String path) {
		return ImageFiles.open(key, path);
	}
}
