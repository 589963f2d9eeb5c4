package org.priorj.cli;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.priorj.base.Checks;
import org.priorj.fiji.CommandTable;
import org.priorj.physics.MeasurementFile;
import org.priorj.physics.Task;

/**
 * {@code priorj solve --method red-diff|vble|dds ...}: the classical solve command's options name a
 * method, and the learned solvers are more methods for the same measurement files, so the call is
 * handed to the command that declares the method in its annotation ({@link CommandTable}), with
 * {@code --measurement} as its {@code --input}: RED-Diff to {@code restore}, DDS to
 * {@code reconstruct-ct} or {@code reconstruct-mri} by the measurement's task.
 */
final class LearnedSolve {

	private LearnedSolve() {}

	/** The learned method the arguments ask for ({@code red_diff} reads as {@code red-diff}), or null. */
	static String requested(final List<String> args) {
		final int i = args.indexOf("--method");
		if (i < 0 || i + 1 >= args.size()) return null;
		final String m = args.get(i + 1).replace('_', '-');
		return CommandTable.methods().contains(m) ? m : null;
	}

	/** The command that runs {@code method} on the arguments' measurement (its task decides). */
	static CommandTable.Entry command(final String method, final List<String> args) {
		final int i = args.indexOf("--measurement");
		final File f = i < 0 || i + 1 >= args.size() ? null : new File(args.get(i + 1));
		final Task task = f != null && f.isFile() ? Task.ofKind(MeasurementFile.read(f).operatorSpec()
			.kind()) : null;
		return CommandTable.learned(method, task).orElseThrow();
	}

	/** The arguments for the solver's command. */
	static List<String> arguments(final List<String> args) {
		final List<String> out = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			final String a = args.get(i);
			// solve names its file --measurement, whatever the method
			Checks.require(!a.equals("--input"), "input", "not an option of priorj solve",
				"--measurement FILE (priorj restore and reconstruct-* take --input)");
			if (a.equals("--method") && i + 1 < args.size()) i++;
			else out.add(a.equals("--measurement") ? "--input" : a);
		}
		return out;
	}

	/** What {@code priorj solve --help} adds about a learned solver's command. */
	static String help(final String method, final CommandLineCommand command) {
		return "\nwith --method " + method + " (the same as priorj " + command.name() +
			", --measurement being its --input):\n" + command.options();
	}

	/** What {@code priorj solve --help} adds about every learned solver. */
	static String helpOfAll() {
		final StringBuilder sb = new StringBuilder();
		for (final CommandTable.Entry e : CommandTable.entries())
			if (e.method() != null) sb.append(help(e.method(), Main.command(e.cli())));
		return sb.toString();
	}
}
