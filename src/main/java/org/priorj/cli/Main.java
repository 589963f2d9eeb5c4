package org.priorj.cli;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.priorj.fiji.Cancellation;
import org.priorj.fiji.CommandTable;
import org.priorj.fiji.PriorJContext;
import org.scijava.event.EventSubscriber;
import org.scijava.event.EventService;

/**
 * The {@code priorj} command line. Exit codes: 0 done, 2 bad usage or bad input (the message names
 * the parameter), 1 any other failure.
 */
public final class Main {

	/** The commands with a command-line name, as they declare themselves ({@link CommandTable}). */
	private static final List<CommandLineCommand> COMMANDS = CommandTable.entries().stream().filter(
		e -> e.cli() != null).map(e -> new CommandLineCommand(e.cli(), e.className(), e.summary()))
		.toList();

	private static final String USAGE = String.join("\n",
		"usage: priorj [--threads N] <command> [options]  (priorj <command> --help for its options;",
		"                                        priorj --version for PriorJ's version)",
		"  --threads N: PyTorch's threads (default: the processors the machine's load leaves free)",
		"",
		"commands:",
		COMMANDS.stream().map(c -> String.format("  %-15s %s", c.name(), c.summary())).collect(
			Collectors.joining("\n")),
		"  demo            simulate measurements from the test images, reconstruct them, write a report",
		"                  [--images DIR] [--out DIR] [--overwrite] (defaults: test-images, priorj-demo)",
		"  macro           run an ImageJ macro headless with PriorJ's commands: FILE.ijm [ARGUMENT]",
		"  bench           bench operators [--size N] [--angles N] [--rounds N] [--skimage FILE]",
		"                  time the forward operators in N rounds (median and range); with FILE",
		"                  scripts/bench_skimage_operators.py (run once per round) or the JSON it",
		"                  printed, print the ratios to scikit-image round by round",
		"                  bench classical --data DIR [--repeats N]",
		"                  run FBP, TV, Richardson-Lucy, SIRT and SART on the inputs that",
		"                  scripts/bench_skimage_classical.py wrote to DIR; table against scikit-image",
		"                  bench ct-views [--images DIR]",
		"                  FBP against SART by angular sampling (what auto picks for CT), no",
		"                  inverse crime, two noise levels",
		"                  bench priors [--images DIR]",
		"                  denoising quality of the shipped priors on held-out images against TV",
		"                  bench red-diff [--images DIR] [--size N] [--montage FILE.png]",
		"                  [--quality-only | --speed-only]: RED-Diff with the shipped presets against",
		"                  the classical baselines on held-out images, and its time per step",
		"                  bench dds [--images DIR] [--montage FILE.png] [--quality-only | --speed-only]",
		"                  DDS with the shipped ct and natural-gray priors against FBP, zero filling",
		"                  and TV on held-out CT phantoms and the complex MRI slice, and its speed",
		"                  bench autoencoder [--prior NAME] [--images DIR]",
		"                  rate (bpp) and PSNR of a compressive-autoencoder prior (default",
		"                  cae-natural-gray) on the held-out photographs",
		"                  bench vble [--set held-out|training] [--tasks T,..] [--count N]",
		"                  [--lambda L] [--rate_scale R] [--model M] [--iterations N] [--samples N]",
		"                  [--red_diff_seeds K] [--no-baselines] [--prior NAME] [--montage F.png]",
		"                  VBLE's PSNR against the classical baselines, coverage of its",
		"                  credible intervals and std-error correlation (beside RED-Diff's",
		"                  spread over K seeds); --set training tunes presets",
		"                  bench denoiser [--prior DIR] [--sizes 256,512] [--repeats N] [--sigma S]",
		"                  [--torch FILE]  time the network denoiser on the CPU (default prior",
		"                  models/natural-gray, or random weights if absent); with FILE from",
		"                  scripts/bench_unet_torch.py, print the ratios to PyTorch",
		"",
		"exit codes: 0 done, 1 failure, 2 bad usage or input (the message names the parameter),",
		"130 cancelled with Ctrl-C (the current estimate is written first)");

	/** Counted down once the command has finished, so that a Ctrl-C can wait for its output. */
	private static final CountDownLatch FINISHED = new CountDownLatch(1);
	private static volatile boolean interrupted;

	private Main() {}

	public static void main(final String[] args) {
		final Thread hook = new Thread(() -> {
			interrupted = true;
			Cancellation.shutdown();
			try {
				// let the command stop at its next step and write its current estimate
				FINISHED.await(60, TimeUnit.SECONDS);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "priorj-cancel");
		Runtime.getRuntime().addShutdownHook(hook);
		final int code = run(args);
		FINISHED.countDown();
		if (interrupted) return; // the JVM is already shutting down; exit() would wait forever
		Runtime.getRuntime().removeShutdownHook(hook);
		System.exit(code);
	}

	static int run(final String[] given) {
		final String[] args = threads(given);
		if (args == null) {
			System.err.println("Parameter 'threads': '" + String.join(" ", given) + "'; allowed: " +
				"--threads N before the command, N from 1 to the processor count");
			return 2;
		}
		// PriorJ never downloads anything at run time
		System.setProperty("ai.djl.offline", "true");
		// a terminal gets one line per message: no SLF4J notice that no logger is bound (DJL's
		// logging has nowhere to go on the command line anyway), no date stamp before each line
		System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity",
			"ERROR"));
		System.setProperty("java.util.logging.SimpleFormatter.format", System.getProperty(
			"java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n"));
		System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
		if (args.length > 0 && (args[0].equals("--version") || args[0].equals("-V"))) {
			System.out.println("PriorJ " + version());
			return 0;
		}
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
			System.out.println(USAGE);
			return args.length == 0 ? 2 : 0;
		}
		List<String> rest = Arrays.asList(args).subList(1, args.length);
		String name = args[0];
		final String learned = name.equals("solve") ? LearnedSolve.requested(rest) : null;
		if (learned != null) {
			if (rest.contains("--help") || rest.contains("-h")) {
				System.out.println(command("solve").help() + LearnedSolve.help(learned, command(
					LearnedSolve.command(learned, rest).cli())));
				return 0;
			}
			name = LearnedSolve.command(learned, rest).cli();
			rest = LearnedSolve.arguments(rest);
		}
		try {
			for (final CommandLineCommand c : COMMANDS) {
				if (!c.name().equals(name)) continue;
				if (rest.contains("--help") || rest.contains("-h")) {
					System.out.println(c.help() + (name.equals("solve") ? LearnedSolve.helpOfAll() : ""));
					return 0;
				}
				final TerminalProgress bar = new TerminalProgress(System.err);
				final EventService events = PriorJContext.get().service(EventService.class);
				final List<EventSubscriber<?>> subscribed = events.subscribe(bar);
				try {
					c.run(rest, System.out);
				}
				finally {
					bar.finish();
					events.unsubscribe(subscribed);
				}
				return interrupted ? 130 : 0;
			}
			switch (args[0]) {
				case "demo": {
					final Map<String, String> o = Options.parse(rest.toArray(new String[0]),
						new String[] { "images", "out" }, "overwrite");
					new Demo(new File(o.getOrDefault("images", "test-images")), new File(o.getOrDefault(
						"out", "priorj-demo")), o.containsKey("overwrite"), System.out).run();
					return 0;
				}
				case "bench":
					return bench(rest);
				case "macro":
					return MacroCommand.run(rest, System.out, System.err);
				default:
					System.err.println("Unknown command '" + args[0] + "'.\n" + USAGE);
					return 2;
			}
		}
		catch (final Exception e) {
			final IllegalArgumentException bad = badInput(e);
			if (bad != null) {
				System.err.println(bad.getMessage());
				return 2;
			}
			System.err.println("PriorJ failed: " + e);
			e.printStackTrace();
			return 1;
		}
	}

	/**
	 * Sets PyTorch's threads before the engine starts: {@code --threads N} given first, else the
	 * processors not already busy (the system's load average) shared with the other PriorJ
	 * command-line runs on the machine, so that runs side by side, or beside another busy process,
	 * do not oversubscribe the cores. Returns the other arguments, or null for a bad N.
	 */
	static String[] threads(final String[] args) {
		int n = defaultThreads(Runtime.getRuntime().availableProcessors(),
			java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
			otherRuns());
		String[] rest = args;
		if (args.length > 0 && args[0].equals("--threads")) {
			try {
				n = Integer.parseInt(args.length > 1 ? args[1] : "");
			}
			catch (final NumberFormatException e) {
				return null;
			}
			if (n < 1 || n > Runtime.getRuntime().availableProcessors()) return null;
			rest = Arrays.copyOfRange(args, 2, args.length);
		}
		if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
			System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
			System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
		}
		return rest;
	}

	/** Other PriorJ command-line processes running now (this user's, where the system shows them). */
	static long otherRuns() {
		final long self = ProcessHandle.current().pid();
		return ProcessHandle.allProcesses().filter(p -> p.pid() != self && p.info().commandLine().map(
			c -> c.contains(Main.class.getName())).orElse(false)).count();
	}

	/**
	 * The cores left free by the load already on the machine, and this run's share of the cores
	 * among {@code others + 1} PriorJ runs (the load average lags a minute behind runs started
	 * together), at least 1.
	 */
	static int defaultThreads(final int processors, final double loadAverage, final long others) {
		final long busy = loadAverage < 0 ? 0 : Math.round(loadAverage);
		final long share = processors / (others + 1);
		return (int) Math.max(1, Math.min(share, processors - busy));
	}

	/** PriorJ's version, as the build wrote it. */
	static String version() {
		try (java.io.InputStream in = Main.class.getResourceAsStream("/priorj-version.properties")) {
			final java.util.Properties p = new java.util.Properties();
			if (in != null) p.load(in);
			return p.getProperty("version", "unknown");
		}
		catch (final java.io.IOException e) {
			return "unknown (" + e.getMessage() + ")";
		}
	}

	/** Where the benchmarks live: a checkout has them, the jar that goes into Fiji does not. */
	static final String BENCHMARKS = "org.priorj.bench.Benchmarks";

	/** {@code priorj bench ...}, found by name so that a build without the benchmarks still runs. */
	private static int bench(final List<String> rest) throws Exception {
		final Class<?> benchmarks;
		try {
			benchmarks = Class.forName(BENCHMARKS);
		}
		catch (final ClassNotFoundException e) {
			throw new IllegalArgumentException("Parameter 'bench': the benchmarks are not part of " +
				"this build; allowed: run them from a checkout of PriorJ (./priorj bench ...).");
		}
		try {
			return (Integer) benchmarks.getMethod("run", List.class, java.io.PrintStream.class).invoke(
				null, rest, System.out);
		}
		catch (final java.lang.reflect.InvocationTargetException e) {
			throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
		}
	}

	static CommandLineCommand command(final String name) {
		return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

	/** The refusal behind an exception, if there is one (commands wrap it). */
	private static IllegalArgumentException badInput(Throwable e) {
		for (; e != null; e = e.getCause())
			if (e instanceof IllegalArgumentException) return (IllegalArgumentException) e;
		return null;
	}
}
