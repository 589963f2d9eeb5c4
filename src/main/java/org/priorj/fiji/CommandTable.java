package org.priorj.fiji;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.priorj.physics.Task;
import org.scijava.command.Command;
import org.scijava.plugin.DefaultPluginFinder;
import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;

/**
 * PriorJ's commands as they declare themselves in their {@code @Plugin} annotation: the menu label
 * ({@code label}), the ImageJ menu it goes in ({@code menu}), its command-line name ({@code cli}),
 * its one-line summary ({@code description}), the learned method it runs for
 * {@code priorj solve --method} ({@code method}, with the {@code task} it handles when it handles
 * one only), in menu order ({@code priority}, highest first). The command line, the headless macro
 * table and the {@code plugins.config} of the jar are all made from this table, so a new command is
 * one annotated class.
 */
public final class CommandTable {

	/** Attribute names of a command's {@code @Plugin(attrs = ...)}. */
	public static final String MENU = "menu", CLI = "cli", METHOD = "method", TASK = "task";

	/** One command: what its annotation says. */
	public record Entry(String className, String label, String menu, String cli, String summary,
		String method, String task) {}

	private CommandTable() {}

	private static final class Holder {

		static final List<Entry> ENTRIES = discover();
	}

	/** Every PriorJ command that has a menu, in menu order. */
	public static List<Entry> entries() {
		return Holder.ENTRIES;
	}

	static List<Entry> discover() {
		// PriorJ's own class loader: in plain ImageJ 1.x the thread's context loader cannot see the
		// plugins folder, where PriorJ's jar (and its plugin index) lives
		final PluginIndex index = new PluginIndex(new DefaultPluginFinder(CommandTable.class
			.getClassLoader()));
		index.discover();
		final List<PluginInfo<Command>> infos = new ArrayList<>(index.getPlugins(Command.class));
		infos.removeIf(i -> !i.getClassName().startsWith(CommandTable.class.getPackageName() + ".") ||
			i.get(MENU) == null);
		infos.sort(Comparator.comparingDouble((PluginInfo<Command> i) -> -i.getPriority()));
		final List<Entry> entries = new ArrayList<>();
		for (final PluginInfo<Command> i : infos)
			entries.add(new Entry(i.getClassName(), i.getLabel(), i.get(MENU), i.get(CLI), i
				.getDescription(), i.get(METHOD), i.get(TASK)));
		return List.copyOf(entries);
	}

	/** The command named {@code name} on the command line. */
	public static Optional<Entry> cli(final String name) {
		return entries().stream().filter(e -> name.equals(e.cli())).findFirst();
	}

	/** The learned methods {@code solve --method} offers, e.g. red-diff, dds. */
	public static List<String> methods() {
		return entries().stream().map(Entry::method).filter(m -> m != null).distinct().toList();
	}

	/**
	 * The command that runs learned {@code method} on a problem of {@code task}: the one that
	 * declares that task, else the one that declares none.
	 */
	public static Optional<Entry> learned(final String method, final Task task) {
		final List<Entry> runs = entries().stream().filter(e -> method.equals(e.method())).toList();
		return runs.stream().filter(e -> task != null && task.label().equals(e.task())).findFirst()
			.or(() -> runs.stream().filter(e -> e.task() == null).findFirst()).or(() -> runs.stream()
				.findFirst());
	}

	/** ImageJ 1.x's menu file: one entry per command, each run through {@link CommandPlugIn}. */
	public static String pluginsConfig() {
		final StringBuilder sb = new StringBuilder(
			"# PriorJ: ImageJ 1.x menu entries, made from the commands' @Plugin annotations\n" +
				"# (org.priorj.fiji.CommandTable). Each runs a SciJava command through CommandPlugIn,\n" +
				"# so ImageJ and Fiji show one entry per command and macros use its parameter names.\n");
		for (final Entry e : entries())
			sb.append(e.menu()).append(", \"").append(e.label()).append("\", ").append(CommandPlugIn.class
				.getName()).append("(\"").append(e.className()).append("\")\n");
		return sb.toString();
	}

	/** Writes {@link #pluginsConfig} to the file named by the first argument (run by the build). */
	public static void main(final String[] args) throws IOException {
		final Path file = Path.of(args[0]);
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, pluginsConfig(), StandardCharsets.UTF_8);
	}
}
