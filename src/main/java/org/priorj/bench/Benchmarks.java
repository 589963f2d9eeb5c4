package org.priorj.bench;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.priorj.cli.Options;

/**
 * {@code priorj bench ...}: the benchmarks of docs/BENCHMARKS.md. They stay out of the jar that goes
 * into Fiji; the command line finds this class by name when it is there.
 */
public final class Benchmarks {

	private Benchmarks() {}

	/** Runs the benchmark named first in {@code rest}, its options after it; returns the exit code. */
	public static int run(final List<String> rest, final PrintStream out) throws Exception {
		final String what = rest.isEmpty() ? null : rest.get(0);
		if (!"operators".equals(what) && !"classical".equals(what) && !"ct-views".equals(what) &&
			!"priors".equals(what) && !"denoiser".equals(what) && !"red-diff".equals(what) &&
			!"dds".equals(what) && !"autoencoder".equals(what) && !"vble".equals(what) && !"volume"
				.equals(what) && !"dynamic".equals(what))
			throw new IllegalArgumentException("Parameter 'bench': got " + (what == null
				? "nothing" : "'" + what + "'") +
				"; allowed: operators, classical, ct-views, priors, denoiser, red-diff, dds, autoencoder, " +
				"vble, volume, dynamic.");
		final String[] more = rest.subList(1, rest.size()).toArray(new String[0]);
		if (what.equals("priors")) {
			final Map<String, String> o = Options.parse(more, new String[] { "images" });
			new PriorQualityBench(new File(o.getOrDefault("images", "test-images")), out)
				.run();
			return 0;
		}
		if (what.equals("autoencoder")) {
			final Map<String, String> o = Options.parse(more, new String[] { "images", "prior" });
			new AutoencoderBench(new File(o.getOrDefault("images", "test-images")), o.getOrDefault(
				"prior", "cae-natural-gray"), out).run();
			return 0;
		}
		if (what.equals("vble")) {
			final Map<String, String> o = Options.parse(more, new String[] { "images", "prior", "set",
				"tasks", "count", "lambda", "rate_scale", "model", "iterations", "samples", "red_diff_seeds",
				"montage" },
				"no-baselines");
			final VbleBench.Settings s = new VbleBench.Settings();
			s.images = new File(o.getOrDefault("images", "test-images"));
			s.prior = o.getOrDefault("prior", s.prior);
			final String set = o.getOrDefault("set", "held-out");
			if (!set.equals("held-out") && !set.equals("training")) throw new IllegalArgumentException(
				"Parameter 'set': got '" + set + "'; allowed: held-out or training.");
			s.training = set.equals("training");
			s.baselines = !o.containsKey("no-baselines");
			if (o.containsKey("tasks")) s.tasks = java.util.Arrays.stream(o.get("tasks").split(","))
				.map(t -> org.priorj.physics.Task.parse("tasks", t.trim(), org.priorj.solve.TaskDefaults
					.vbleTasks())).toList();
			s.count = Options.integer(o, "count", 0);
			s.iterations = Options.integer(o, "iterations", 0);
			s.samples = Options.integer(o, "samples", 0);
			s.redDiffSeeds = Options.integer(o, "red_diff_seeds", 0);
			if (o.containsKey("lambda")) s.lambda = Double.parseDouble(o.get("lambda"));
			if (o.containsKey("rate_scale")) s.rateScale = Double.parseDouble(o.get("rate_scale"));
			s.model = o.get("model");
			if (o.containsKey("montage")) s.montage = new File(o.get("montage"));
			new VbleBench(s, out).run();
			return 0;
		}
		if (what.equals("volume")) {
			final Map<String, String> o = Options.parse(more, new String[] { "set", "size", "slices",
				"count", "tasks", "methods", "lambda", "rho", "steps", "mbir_steps", "cg_iterations",
				"tv_weights", "pictures", "images", "prior", "volumes", "eta", "init", "batch" });
			final VolumeBench.Settings s = new VolumeBench.Settings();
			final String set = o.getOrDefault("set", "held-out");
			if (!set.equals("held-out") && !set.equals("training")) throw new IllegalArgumentException(
				"Parameter 'set': got '" + set + "'; allowed: held-out or training.");
			s.training = set.equals("training");
			s.size = Options.integer(o, "size", s.size);
			s.slices = Options.integer(o, "slices", s.slices);
			s.count = Options.integer(o, "count", s.count);
			if (o.containsKey("tasks")) s.tasks = List.of(o.get("tasks").split(","));
			if (o.containsKey("methods")) s.methods = List.of(o.get("methods").split(","));
			if (o.containsKey("lambda")) s.lambda = Options.real(o, "lambda", 0);
			if (o.containsKey("rho")) s.rho = Options.real(o, "rho", 0);
			if (o.containsKey("eta")) s.eta = Options.real(o, "eta", 0);
			s.init = o.get("init");
			if (o.containsKey("batch")) s.batch = Options.integer(o, "batch", 0);
			if (o.containsKey("steps")) s.steps = Options.integer(o, "steps", 0);
			if (o.containsKey("mbir_steps")) s.mbirSteps = Options.integer(o, "mbir_steps", 0);
			if (o.containsKey("cg_iterations")) s.cgIterations = Options.integer(o, "cg_iterations", 0);
			if (o.containsKey("tv_weights")) s.tvWeights = java.util.Arrays.stream(o.get("tv_weights")
				.split(",")).mapToDouble(Double::parseDouble).toArray();
			if (o.containsKey("pictures")) s.pictures = new File(o.get("pictures"));
			s.images = new File(o.getOrDefault("images", "test-images"));
			s.prior = o.getOrDefault("prior", s.prior);
			if (o.containsKey("volumes")) s.volumes = List.of(o.get("volumes").split(","));
			new VolumeBench(s, out).run();
			return 0;
		}
		if (what.equals("dynamic")) {
			final Map<String, String> o = Options.parse(more, new String[] { "set", "size", "frames",
				"methods", "objects", "K", "d", "lambda", "beta", "sigma", "iterations", "inner_steps",
				"learning_rate", "start", "tv_weights", "images", "pictures", "prior", "task", "slices",
				"seeds" }, "trace");
			final DynamicBench.Settings s = new DynamicBench.Settings();
			final String set = o.getOrDefault("set", "held-out");
			if (!set.equals("held-out") && !set.equals("training")) throw new IllegalArgumentException(
				"Parameter 'set': got '" + set + "'; allowed: held-out or training.");
			s.training = set.equals("training");
			s.size = Options.integer(o, "size", s.size);
			if (o.containsKey("frames")) s.frames = java.util.Arrays.stream(o.get("frames").split(","))
				.map(Integer::valueOf).toList();
			if (o.containsKey("methods")) s.methods = List.of(o.get("methods").split(","));
			if (o.containsKey("objects")) s.objects = List.of(o.get("objects").split(","));
			if (o.containsKey("slices")) s.slices = List.of(o.get("slices").split(","));
			s.trace = o.containsKey("trace");
			if (o.containsKey("seeds")) s.seeds = java.util.Arrays.stream(o.get("seeds").split(","))
				.map(Long::valueOf).toList();
			if (o.containsKey("K")) s.order = Options.integer(o, "K", 0);
			if (o.containsKey("d")) s.nodes = Options.integer(o, "d", 0);
			if (o.containsKey("iterations")) s.iterations = Options.integer(o, "iterations", 0);
			if (o.containsKey("inner_steps")) s.innerSteps = Options.integer(o, "inner_steps", 0);
			if (o.containsKey("lambda")) s.lambda = Options.real(o, "lambda", 0);
			if (o.containsKey("beta")) s.beta = Options.real(o, "beta", 0);
			if (o.containsKey("sigma")) s.sigma = Options.real(o, "sigma", 0);
			if (o.containsKey("learning_rate")) s.learningRate = Options.real(o, "learning_rate", 0);
			s.start = o.get("start");
			if (o.containsKey("tv_weights")) s.tvWeights = java.util.Arrays.stream(o.get("tv_weights")
				.split(",")).mapToDouble(Double::parseDouble).toArray();
			s.images = new File(o.getOrDefault("images", "test-images"));
			if (o.containsKey("pictures")) s.pictures = new File(o.get("pictures"));
			s.prior = o.getOrDefault("prior", s.prior);
			final String task = o.getOrDefault("task", "ct");
			if (!task.equals("ct") && !task.equals("mri")) throw new IllegalArgumentException(
				"Parameter 'task': got '" + task + "'; allowed: ct or mri.");
			s.mri = task.equals("mri");
			if (s.trace && s.mri) throw new IllegalArgumentException("Parameter 'trace': got it with " +
				"--task mri; allowed: with dynamic CT only (the trace compares real frames).");
			new DynamicBench(s, out).run();
			return 0;
		}
		if (what.equals("ct-views")) {
			final Map<String, String> o = Options.parse(more, new String[] { "images" });
			new CtViewsBench(new File(o.getOrDefault("images", "test-images")), out).run();
			return 0;
		}
		if (what.equals("red-diff")) {
			final Map<String, String> o = Options.parse(more, new String[] { "images", "size",
				"montage" }, "quality-only", "speed-only");
			new RedDiffBench(new File(o.getOrDefault("images", "test-images")), Options.integer(o,
				"size", 256), o.containsKey("montage") ? new File(o.get("montage")) : null,
				out).run(!o.containsKey("speed-only"), !o.containsKey("quality-only"));
			return 0;
		}
		if (what.equals("dds")) {
			final Map<String, String> o = Options.parse(more, new String[] { "images", "montage" },
				"quality-only", "speed-only");
			new DdsBench(new File(o.getOrDefault("images", "test-images")), o.containsKey(
				"montage") ? new File(o.get("montage")) : null, out).run(!o.containsKey(
					"speed-only"), !o.containsKey("quality-only"));
			return 0;
		}
		if (what.equals("denoiser")) {
			final Map<String, String> o = Options.parse(more, new String[] { "prior", "sizes",
				"repeats", "sigma", "torch" });
			new DenoiserBench(o.containsKey("prior") ? Path.of(o.get("prior")) : DenoiserBench
				.defaultPrior(),
				DenoiserBench.parseSizes(o.getOrDefault("sizes", "256,512")), Options.integer(o,
					"repeats", 5), Options.real(o, "sigma", 0.1), out).run(o.containsKey("torch")
						? Path.of(o.get("torch")) : null);
			return 0;
		}
		if (what.equals("classical")) {
			final Map<String, String> o = Options.parse(more, new String[] { "data", "repeats" });
			if (!o.containsKey("data")) throw new IllegalArgumentException(
				"Parameter 'data': not given; allowed: --data DIR written by " +
					"scripts/bench_skimage_classical.py.");
			new ClassicalBench(Path.of(o.get("data")), Options.integer(o, "repeats", 5), out)
				.run();
			return 0;
		}
		final Map<String, String> o = Options.parse(more, new String[] { "size", "angles",
			"rounds", "repeats", "skimage" });
		// --repeats: the name of --rounds before each round had its own warm-up
		final int rounds = o.containsKey("rounds") ? Options.integer(o, "rounds", 5) : Options
			.integer(o, "repeats", 5);
		new OperatorBench(Options.integer(o, "size", 256), Options.integer(o, "angles", 180),
			rounds, out).run(o.containsKey("skimage") ? Path.of(o.get("skimage")) : null);
		return 0;
	}
}
