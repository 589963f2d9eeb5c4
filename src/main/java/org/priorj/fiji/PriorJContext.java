package org.priorj.fiji;

import ij.IJ;

import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;

/**
 * The SciJava context PriorJ's commands run in: Fiji's own when PriorJ runs inside Fiji (ImageJ2's
 * legacy layer hands it out), otherwise one small context shared by every PriorJ call in this JVM
 * (plain ImageJ 1.x, the command line, scripts).
 */
public final class PriorJContext {

	private static Context own;

	private PriorJContext() {}

	public static synchronized Context get() {
		final Context fiji = fijiContext();
		if (fiji != null) return fiji;
		if (own == null) own = new Context(CommandService.class, StatusService.class);
		return own;
	}

	private static Context fijiContext() {
		try {
			Class.forName("net.imagej.legacy.LegacyService");
		}
		catch (final ClassNotFoundException e) {
			return null;
		}
		// ImageJ2's legacy layer answers this call with its context
		final Object c = IJ.runPlugIn("org.scijava.Context", "");
		return c instanceof Context ? (Context) c : null;
	}
}
