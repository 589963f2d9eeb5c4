package org.priorj.fiji;

import java.lang.reflect.Field;
import java.util.Hashtable;

import ij.Menus;

/**
 * Headless ImageJ 1.x builds no menus, and a macro's {@code run("Label", "...")} looks its command
 * up in the menus' command table; that table is empty without a display. This puts PriorJ's
 * commands ({@link CommandTable}, which also makes the jar's {@code plugins.config}) into it, so
 * that the same macros run on a server. With a display, ImageJ reads {@code plugins.config} itself
 * and this does nothing.
 */
public final class HeadlessMenus {

	private HeadlessMenus() {}

	/** Registers PriorJ's commands for headless macros; true if the table was changed. */
	@SuppressWarnings("unchecked")
	public static synchronized boolean install() {
		if (!java.awt.GraphicsEnvironment.isHeadless()) return false;
		try {
			final Field f = Menus.class.getDeclaredField("pluginsTable");
			f.setAccessible(true);
			Hashtable<String, String> table = (Hashtable<String, String>) f.get(null);
			if (table == null) {
				table = new Hashtable<>();
				f.set(null, table);
			}
			boolean changed = false;
			for (final CommandTable.Entry e : CommandTable.entries())
				// ImageJ's table holds "class(\"arg\")" for entries with an argument
				changed |= !(CommandPlugIn.class.getName() + "(\"" + e.className() + "\")").equals(table
					.put(e.label(), CommandPlugIn.class.getName() + "(\"" + e.className() + "\")"));
			return changed;
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException("Cannot register PriorJ's commands with ImageJ: " + e, e);
		}
	}
}
