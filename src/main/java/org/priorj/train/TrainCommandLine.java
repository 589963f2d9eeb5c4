package org.priorj.train;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.priorj.base.Checks;

/**
 * {@code priorj train}: trains a network denoiser prior from the command line.
 *
 * <pre>
 * --out DIR            prior folder to write (required)
 * --images DIR         folder of images ImageJ opens (8/16/32-bit grey; stacks give slices)
 * --split FILE         keep only the files marked "train" in this splits file
 * --include a,b        keep only these file names;  --exclude a,b  drop these
 * --phantoms ellipses  add random-ellipse phantoms (--phantom_count 512, --phantom_size 128)
 * --name NAME --steps N --minutes M --batch B --patch P --sigma_min S --sigma_max S
 * --lr LR --seed S --widths 32,64,128,128 --threads T --checkpoint_every K --log_every N --resume
 * --scales 1,2         draw each patch at one of these reduction factors (block means)
 * --init DIR           start from the weights of this prior folder (fine-tuning; fresh schedule)
 * </pre>
 * At least one of --images and --phantoms is needed. sigma is in [0, 1] units (images are scaled
 * to [0, 1] by their min and max). --threads sets PyTorch's intra-op threads (inter-op to 1); it
 * must come before any other DJL use in the process.
 */
public final class TrainCommandLine {

	private TrainCommandLine() {}

	public static void main(final String[] args) {
		System.exit(run(args));
	}

	/** Runs the command; returns the exit status (0 done, 2 bad arguments, 1 failure). */
	public static int run(final String[] args) {
		return run(args, System.out, System.err);
	}

	public static int run(final String[] args, final PrintStream out, final PrintStream err) {
		final Map<String, String> a;
		try {
			a = parse(args);
		}
		catch (final IllegalArgumentException e) {
			err.println(e.getMessage());
			return 2;
		}
		if (a.containsKey("help")) {
			out.println(usage());
			return 0;
		}
		try {
			if (a.containsKey("threads")) {
				final int t = Checks.positive("threads", Integer.parseInt(a.get("threads")));
				System.setProperty("ai.djl.pytorch.num_threads", "" + t);
				System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
			}
			final TrainingOptions o = options(a);
			o.command = "priorj train " + String.join(" ", args);
			final TrainingSet data = new TrainingSet();
			if (a.containsKey("images")) data.addFolder(Path.of(a.get("images")), a.containsKey(
				"split") ? Path.of(a.get("split")) : null, names(a.get("include")), names(a.get(
					"exclude")));
			if (a.containsKey("phantoms")) {
				Checks.require(a.get("phantoms").equals("ellipses"), "phantoms", a.get("phantoms"),
					"ellipses");
				data.addEllipses(integer(a, "phantom_count", 512), integer(a, "phantom_size", 128),
					o.seed);
			}
			Checks.require(!data.images().isEmpty(), "images", "nothing",
				"--images DIR and/or --phantoms ellipses");
			new DenoiserTrainer(o, data, out).run();
			return 0;
		}
		catch (final IllegalArgumentException e) {
			err.println(e.getMessage());
			return 2;
		}
		catch (final Exception e) {
			err.println("training failed: " + e);
			e.printStackTrace(err);
			return 1;
		}
	}

	static TrainingOptions options(final Map<String, String> a) {
		final TrainingOptions o = new TrainingOptions();
		Checks.require(a.containsKey("out"), "out", "missing", "--out DIR");
		o.out = Path.of(a.get("out"));
		o.name = a.getOrDefault("name", o.out.getFileName().toString());
		o.steps = integer(a, "steps", o.steps);
		o.minutes = real(a, "minutes", o.minutes);
		o.batch = integer(a, "batch", o.batch);
		o.patch = integer(a, "patch", o.patch);
		o.sigmaMin = real(a, "sigma_min", o.sigmaMin);
		o.sigmaMax = real(a, "sigma_max", o.sigmaMax);
		o.lr = real(a, "lr", o.lr);
		o.seed = integer(a, "seed", (int) o.seed);
		o.checkpointEvery = integer(a, "checkpoint_every", o.checkpointEvery);
		o.logEvery = integer(a, "log_every", o.logEvery);
		o.resume = a.containsKey("resume");
		if (a.containsKey("widths")) o.widths = integers(a, "widths",
			"comma-separated channel counts, e.g. 32,64,128");
		if (a.containsKey("scales")) o.scales = integers(a, "scales",
			"comma-separated reduction factors in 1..8, e.g. 1,2");
		if (a.containsKey("init")) o.init = Path.of(a.get("init"));
		return o;
	}

	private static int[] integers(final Map<String, String> a, final String key,
		final String allowed)
	{
		try {
			return Arrays.stream(a.get(key).split(",")).mapToInt(s -> Integer.parseInt(s.trim()))
				.toArray();
		}
		catch (final NumberFormatException e) {
			throw Checks.bad(key, a.get(key), allowed);
		}
	}

	private static final Set<String> FLAGS = Set.of("resume", "help");
	private static final Set<String> KEYS = Set.of("out", "images", "split", "include", "exclude",
		"phantoms", "phantom_count", "phantom_size", "name", "steps", "minutes", "batch", "patch",
		"sigma_min", "sigma_max", "lr", "seed", "widths", "threads", "checkpoint_every", "log_every",
		"scales", "init");

	static Map<String, String> parse(final String[] args) {
		final Map<String, String> map = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			final String arg = args[i];
			if (!arg.startsWith("--")) throw Checks.bad("arguments", arg, "--option value; " + usage());
			final String key = arg.substring(2);
			if (FLAGS.contains(key)) map.put(key, "true");
			else if (KEYS.contains(key)) {
				if (i + 1 >= args.length) throw Checks.bad(key, "no value", "--" + key + " VALUE");
				map.put(key, args[++i]);
			}
			else throw Checks.bad("option", arg, "one of --" + String.join(", --", KEYS) + ", --resume");
		}
		return map;
	}

	private static Set<String> names(final String list) {
		return list == null ? Set.of() : new HashSet<>(Arrays.asList(list.split(",")));
	}

	private static int integer(final Map<String, String> a, final String key, final int fallback) {
		if (!a.containsKey(key)) return fallback;
		try {
			return Integer.parseInt(a.get(key));
		}
		catch (final NumberFormatException e) {
			throw Checks.bad(key, a.get(key), "an integer");
		}
	}

	private static double real(final Map<String, String> a, final String key,
		final double fallback)
	{
		if (!a.containsKey(key)) return fallback;
		try {
			return Double.parseDouble(a.get(key));
		}
		catch (final NumberFormatException e) {
			throw Checks.bad(key, a.get(key), "a number");
		}
	}

	static String usage() {
		return "usage: priorj train --out DIR (--images DIR [--split FILE] [--include a,b] [--exclude a,b] | --phantoms ellipses) [--name N] [--steps N] [--minutes M] [--batch B] [--patch P] [--sigma_min S] [--sigma_max S] [--lr LR] [--seed S] [--widths 32,64,128,128] [--scales 1,2] [--init PRIOR_DIR] [--threads T] [--resume]";
	}
}
