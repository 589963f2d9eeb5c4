package org.priorj.cli;

/** A command's --help text, for tests. */
final class CommandLineCommandHelp {

	private CommandLineCommandHelp() {}

	static String of(final String name) {
		return Main.command(name).help();
	}
}
