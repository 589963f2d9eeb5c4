package org.priorj.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.Menus;
import ij.macro.Interpreter;

import org.priorj.base.Checks;
import org.priorj.fiji.HeadlessMenus;

/**
 * {@code priorj macro FILE.ijm [ARGUMENT]}: runs an ImageJ macro headless with PriorJ's commands,
 * as Fiji's {@code --headless -macro FILE ARGUMENT} does, and says first which of the commands it
 * calls ImageJ 1.x cannot run without a display (its own menu commands: Fiji's headless mode has
 * them). The macro's {@code getArgument()} is ARGUMENT; its {@code print} goes to standard output.
 */
final class MacroCommand {

	static final String USAGE = "usage: priorj macro FILE.ijm [ARGUMENT]";

	/** The command names of a macro's {@code run("…")} calls. */
	private static final Pattern RUN = Pattern.compile("\\brun\\s*\\(\\s*([\"'])(.+?)\\1");

	private MacroCommand() {}

	/** Runs the macro; 0 done, 2 refused or stopped by an error (the message on {@code err}). */
	static int run(final List<String> args, final PrintStream out, final PrintStream err)
		throws IOException
	{
		if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
			out.println(USAGE + "\n\nRuns an ImageJ macro headless with PriorJ's commands; " +
				"getArgument() returns ARGUMENT.");
			return args.isEmpty() ? 2 : 0;
		}
		Checks.require(args.size() <= 2, "arguments", String.join(" ", args), USAGE);
		final Path file = Path.of(args.get(0));
		Checks.require(Files.isRegularFile(file), "file", "'" + file + "' does not exist",
			"an ImageJ macro file (.ijm)");
		final String code = Files.readString(file, StandardCharsets.UTF_8);
		HeadlessMenus.install();
		final Set<String> missing = unavailable(code);
		if (!missing.isEmpty()) err.println("priorj macro: not available without a display: " +
			String.join(", ", missing) + " (ImageJ's own menu commands; Fiji's --headless mode has " +
			"them)");
		final Interpreter interpreter = new Interpreter();
		interpreter.setIgnoreErrors(true); // no error dialog headless: the message is printed below
		try {
			interpreter.run(code, args.size() > 1 ? args.get(1) : "");
		}
		catch (final RuntimeException e) {
			// ImageJ ends an aborted macro with this exception; its message is the interpreter's
			if (!"Macro canceled".equals(e.getMessage())) throw e;
		}
		final String error = interpreter.getErrorMessage();
		if (error != null || interpreter.wasError()) {
			err.println(error != null ? error : "The macro stopped with an error.");
			return 2;
		}
		return 0;
	}

	/** The commands the macro calls that headless ImageJ's command table does not hold. */
	static Set<String> unavailable(final String code) {
		final Set<String> missing = new LinkedHashSet<>();
		final java.util.Hashtable<?, ?> commands = Menus.getCommands();
		final Matcher m = RUN.matcher(code);
		while (m.find())
			if (commands == null || !commands.containsKey(m.group(2))) missing.add(m.group(2));
		return missing;
	}
}
