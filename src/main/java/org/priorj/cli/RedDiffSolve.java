package org.priorj.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code priorj solve --method red-diff ...}: the classical solve command's options name a method,
 * and RED-Diff is one more method for the same measurement files, so the call is handed to
 * {@code priorj restore} with {@code --measurement} as its {@code --input}.
 */
final class RedDiffSolve {

	/** The method names that select RED-Diff. */
	static final List<String> NAMES = List.of("red-diff", "red_diff");

	private RedDiffSolve() {}

	static boolean requested(final List<String> args) {
		final int i = args.indexOf("--method");
		return i >= 0 && i + 1 < args.size() && NAMES.contains(args.get(i + 1));
	}

	/** The arguments for {@code priorj restore}. */
	static List<String> arguments(final List<String> args) {
		final List<String> out = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			final String a = args.get(i);
			if (a.equals("--method") && i + 1 < args.size() && NAMES.contains(args.get(i + 1))) i++;
			else out.add(a.equals("--measurement") ? "--input" : a);
		}
		return out;
	}

	/** What {@code priorj solve --help} adds about RED-Diff. */
	static String help(final CommandLineCommand restore) {
		return "\nwith --method red-diff (RED-Diff and a diffusion prior; the same as priorj restore, " +
			"--measurement being its --input):\n" + restore.options();
	}
}
