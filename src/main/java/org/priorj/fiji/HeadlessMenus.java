package org.priorj.fiji;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.Menus;

/**
 * Headless ImageJ 1.x builds no menus, and a macro's {@code run("Label", "...")} looks its command
 * up in the menus' command table; that table is empty without a display. This puts PriorJ's
 * entries from {@code plugins.config} into it, so that the same macros run on a server. With a
 * display, ImageJ reads {@code plugins.config} itself and this does nothing.
 */
public final class HeadlessMenus {

	private static final Pattern ENTRY = Pattern.compile(
		"^\\s*[^,#]+,\\s*\"([^\"]+)\"\\s*,\\s*([\\w.$]+)(?:\\(\"([^\"]*)\"\\))?\\s*$");

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
			try (InputStream in = HeadlessMenus.class.getResourceAsStream("/plugins.config")) {
				if (in == null) return false;
				final BufferedReader r = new BufferedReader(new InputStreamReader(in,
					StandardCharsets.UTF_8));
				for (String line; (line = r.readLine()) != null;) {
					final Matcher m = ENTRY.matcher(line);
					if (!m.matches()) continue;
					// ImageJ's table holds "class(\"arg\")" for entries with an argument
					final String target = m.group(3) == null ? m.group(2) : m.group(2) + "(\"" + m.group(
						3) + "\")";
					changed |= !target.equals(table.put(m.group(1), target));
				}
			}
			return changed;
		}
		catch (final ReflectiveOperationException | IOException e) {
			throw new IllegalStateException("Cannot register PriorJ's commands with ImageJ: " + e, e);
		}
	}
}
