package org.priorj.cli;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The command line's options: {@code --key value} and {@code --flag}, refused by name. */
public final class Options {

	private Options() {}

	/** {@code --key value} pairs for the keys that take a value, {@code --flag} for the flags. */
	public static Map<String, String> parse(final String[] args, final String[] valued,
		final String... flags)
	{
		final Map<String, String> m = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) throw new IllegalArgumentException("Parameter '" + args[i] +
				"': not an option; allowed: --name [value].");
			final String key = args[i].substring(2);
			if (Arrays.asList(valued).contains(key)) {
				if (i + 1 >= args.length) throw new IllegalArgumentException("Parameter '" + key +
					"': no value given; allowed: --" + key + " VALUE.");
				m.put(key, args[++i]);
			}
			else if (Arrays.asList(flags).contains(key)) m.put(key, "true");
			else throw new IllegalArgumentException("Parameter '" + key + "': unknown option; allowed: " +
				String.join(", ", valued) + (flags.length > 0 ? ", " + String.join(", ", flags) : "") +
				".");
		}
		return m;
	}

	public static double real(final Map<String, String> o, final String key,
		final double fallback)
	{
		try {
			return o.containsKey(key) ? Double.parseDouble(o.get(key)) : fallback;
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("Parameter '" + key + "': got '" + o.get(key) +
				"'; allowed: a number.");
		}
	}

	public static int integer(final Map<String, String> o, final String key, final int fallback) {
		try {
			return o.containsKey(key) ? Integer.parseInt(o.get(key)) : fallback;
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("Parameter '" + key + "': got '" + o.get(key) +
				"'; allowed: an integer.");
		}
	}
}
