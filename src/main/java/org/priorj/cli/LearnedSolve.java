package org.priorj.cli;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.priorj.physics.MeasurementFile;
import org.priorj.physics.Task;

/**
 * {@code priorj solve --method red-diff|dds ...}: the classical solve command's options name a
 * method, and the learned solvers are more methods for the same measurement files, so the call is
 * handed to their own command with {@code --measurement} as its {@code --input}: RED-Diff to
 * {@code restore}, DDS to {@code reconstruct-ct} or {@code reconstruct-mri} by the measurement's
 * operator.
 */
final class LearnedSolve {

	/** Method names and the solver each selects. */
	private static final Map<String, String> METHODS = Map.of("red-diff", "red-diff", "red_diff",
		"red-diff", "dds", "dds");

	private LearnedSolve() {}

	/** The learned method the arguments ask for, or null. */
	static String requested(final List<String> args) {
		final int i = args.indexOf("--method");
		return i >= 0 && i + 1 < args.size() ? METHODS.get(args.get(i + 1)) : null;
	}

	/** The command that runs {@code method} on the arguments' measurement. */
	static String command(final String method, final List<String> args) {
		if (method.equals("red-diff")) return "restore";
		final int i = args.indexOf("--measurement");
		if (i < 0 || i + 1 >= args.size()) return "reconstruct-ct";
		final File f = new File(args.get(i + 1));
		return f.isFile() && Task.ofKind(MeasurementFile.read(f).operatorSpec().kind()) == Task.MRI
			? "reconstruct-mri" : "reconstruct-ct";
	}

	/** The arguments for the solver's command. */
	static List<String> arguments(final List<String> args) {
		final List<String> out = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			final String a = args.get(i);
			if (a.equals("--method") && i + 1 < args.size() && METHODS.containsKey(args.get(i + 1))) i++;
			else out.add(a.equals("--measurement") ? "--input" : a);
		}
		return out;
	}

	/** What {@code priorj solve --help} adds about a learned solver. */
	static String help(final String method, final CommandLineCommand command) {
		return "\nwith --method " + method + " (the same as priorj " + command.name() +
			", --measurement being its --input):\n" + command.options();
	}
}
