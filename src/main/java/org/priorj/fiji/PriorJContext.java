package org.priorj.fiji;

import ij.IJ;

import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;
import org.priorj.prior.PriorService;

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
		if (own == null) {
			// SciJava finds its plugins through the thread's context class loader; in plain ImageJ
			// 1.x that is not the class loader of ImageJ's plugins folder, where PriorJ lives
			final Thread t = Thread.currentThread();
			final ClassLoader saved = t.getContextClassLoader();
			t.setContextClassLoader(PriorJContext.class.getClassLoader());
			try {
				own = new Context(CommandService.class, StatusService.class, PriorService.class);
			}
			finally {
				t.setContextClassLoader(saved);
			}
		}
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
