package org.priorj.fiji;

import java.util.stream.Collectors;

import org.priorj.prior.PriorService;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Plugins › PriorJ › Priors › List: every installed prior, one line each, and where PriorJ looks. */
@Plugin(type = Command.class, label = "List priors", headless = true, priority = 5,
	description = "List the installed priors and where PriorJ looks for them.",
	attrs = { @Attr(name = CommandTable.MENU, value = "Plugins>PriorJ>Priors"),
		@Attr(name = CommandTable.CLI, value = "priors") })
public class PriorsListCommand implements Command {

	@Parameter
	private PriorService service;

	@Parameter(type = ItemIO.OUTPUT, label = "priors")
	private String priors;

	@Override
	public void run() {
		final var all = service.registry().list();
		priors = (all.isEmpty() ? "No prior installed." : all.values().stream().map(p -> p.summary())
			.collect(Collectors.joining("\n"))) + service.registry().broken().entrySet().stream().map(
				b -> "\nbroken, not used: " + b.getKey() + ": " + b.getValue()).collect(Collectors
					.joining()) + "\nSearched: " + service.registry().roots();
	}
}
