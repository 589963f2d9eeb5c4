package org.priorj.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code priorj} command line. Exit codes: 0 done, 2 bad usage or bad input (the message names
 * the parameter), 1 any other failure.
 */
public final class Main {

	private static final String USAGE = String.join("\n",
		"usage: priorj <command> [options]",
		"",
		"commands:",
		"  demo [--images DIR] [--out DIR] [--overwrite]",
		"      simulate measurements from the test images and reconstruct them; writes",
		"      DIR/report.md and DIR/montage.png (defaults: test-images, priorj-demo)",
		"  bench operators [--size N] [--angles N] [--repeats N] [--skimage FILE]",
		"      time every forward operator (defaults 256, 180, 5); with FILE from",
		"      scripts/bench_skimage_operators.py, print the ratios to scikit-image",
		"  --help   this text");

	private Main() {}

	public static void main(final String[] args) {
		System.exit(run(args));
	}

	static int run(final String[] args) {
		// PriorJ never downloads anything at run time
		System.setProperty("ai.djl.offline", "true");
		System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
			System.out.println(USAGE);
			return args.length == 0 ? 2 : 0;
		}
		try {
			switch (args[0]) {
				case "demo": {
					final Map<String, String> o = options(Arrays.copyOfRange(args, 1, args.length),
						new String[] { "images", "out" }, "overwrite");
					new Demo(new File(o.getOrDefault("images", "test-images")), new File(o.getOrDefault(
						"out", "priorj-demo")), o.containsKey("overwrite"), System.out).run();
					return 0;
				}
				case "bench": {
					if (args.length < 2 || !args[1].equals("operators")) throw new IllegalArgumentException(
						"Parameter 'bench': got " + (args.length < 2 ? "nothing" : "'" + args[1] + "'") +
							"; allowed: operators.");
					final Map<String, String> o = options(Arrays.copyOfRange(args, 2, args.length),
						new String[] { "size", "angles", "repeats", "skimage" });
					new OperatorBench(integer(o, "size", 256), integer(o, "angles", 180), integer(o,
						"repeats", 5), System.out).run(o.containsKey("skimage") ? Path.of(o.get(
							"skimage")) : null);
					return 0;
				}
				default:
					System.err.println("Unknown command '" + args[0] + "'.\n" + USAGE);
					return 2;
			}
		}
		catch (final IllegalArgumentException e) {
			System.err.println(e.getMessage());
			return 2;
		}
		catch (final Exception e) {
			System.err.println("PriorJ failed: " + e);
			return 1;
		}
	}

	/** {@code --key value} pairs for the keys that take a value, {@code --flag} for the flags. */
	private static Map<String, String> options(final String[] args, final String[] valued,
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

	private static int integer(final Map<String, String> o, final String key, final int fallback) {
		try {
			return o.containsKey(key) ? Integer.parseInt(o.get(key)) : fallback;
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("Parameter '" + key + "': got '" + o.get(key) +
				"'; allowed: an integer.");
		}
	}
}
