package org.priorj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input through the command line, macros, files and priors, as a new user and a pipeline meet
 * it. Every case must end with exit code 2 and one line that names the parameter or file at
 * fault (no stack trace), leave every input file byte for byte as it was, and leave nothing at the
 * output path (no partial result, no temporary file).
 */
class BadInputSuiteTest {

	@TempDir
	static Path dir;
	static Path in, out;

	@BeforeAll
	static void files() throws IOException {
		in = Files.createDirectory(dir.resolve("in"));
		out = Files.createDirectory(dir.resolve("out"));
		final float[] ramp = new float[32 * 32];
		for (int i = 0; i < ramp.length; i++) ramp[i] = (i % 32 + i / 32) / 62f;
		save("img.tif", 32, 32, ramp);
		save("other-size.tif", 24, 24, new float[24 * 24]);
		final float[] nan = ramp.clone();
		nan[5] = Float.NaN;
		save("nan.tif", 32, 32, nan);
		save("mask-16.tif", 16, 16, new float[16 * 16]);
		final float[] flat = new float[40 * 40];
		Arrays.fill(flat, 1f);
		save("psf-40.tif", 40, 40, flat);
		save("psf-zero.tif", 5, 5, new float[25]);
		save("three-planes.tif", 32, 32, ramp, ramp, ramp);
		save("kspace-1coil.tif", 32, 32, ramp, ramp);
		// a plain sinogram: 20 angles, 32 bins
		save("sinogram.tif", 32, 20, Arrays.copyOf(ramp, 32 * 20));
		final byte[] whole = Files.readAllBytes(in.resolve("img.tif"));
		Files.write(in.resolve("truncated.tif"), Arrays.copyOf(whole, 200));
		final byte[] garbled = Files.readAllBytes(Path.of("test-images/CT_small.dcm"));
		for (int i = 200; i < garbled.length; i += 7) garbled[i] ^= 0x5a;
		Files.write(in.resolve("garbled.dcm"), garbled);
		Files.writeString(in.resolve("not-an-image.tif"), "hello");
		Files.write(out.resolve("exists.tif"), whole);
		assertEquals(0, run("simulate", "--input", file("img.tif"), "--operator",
			"mask missing_fraction=0.5", "--noise", "none", "--output", file("mask-measurement.tif"))
				.code, "the fixture measurement");
		assertEquals(0, run("simulate", "--input", file("img.tif"), "--operator",
			"radon angles=0:180:20", "--noise", "none", "--output", file("ct-measurement.tif")).code);
		Files.writeString(in.resolve("typo.ijm"), "open(\"" + file("img.tif") + "\");\n" +
			"run(\"Restore (RED-Diff)...\", \"input=img.tif task=denoising noise_levle=25\");\n");
		Files.writeString(in.resolve("bad-steps.ijm"), "open(\"" + file("img.tif") + "\");\n" +
			"run(\"Restore (RED-Diff)...\", \"input=img.tif task=denoising steps=-4\");\n");
		Files.writeString(in.resolve("missing-image.ijm"), "run(\"Simulate measurement...\", " +
			"\"input=nosuch operator=identity\");\n");
	}

	private static void save(final String name, final int w, final int h, final float[]... planes) {
		final ImageStack s = new ImageStack(w, h);
		for (final float[] p : planes) s.addSlice(new FloatProcessor(w, h, p.clone()));
		final ImagePlus imp = new ImagePlus(name, s);
		final String path = in.resolve(name).toString();
		assertTrue(planes.length > 1 ? new FileSaver(imp).saveAsTiffStack(path) : new FileSaver(imp)
			.saveAsTiff(path));
	}

	static String file(final String name) {
		return in.resolve(name).toString();
	}

	static String output() {
		return out.resolve("result.tif").toString();
	}

	/** name, the parameter or file the message must name, then the arguments. */
	static Stream<Arguments> cases() {
		final List<Arguments> c = new ArrayList<>();
		final String img = file("img.tif"), o = output();
		// files
		c.add(of("missing input file", "Parameter 'input'", "simulate", "--input", file("nosuch.tif"),
			"--operator", "identity", "--output", o));
		c.add(of("truncated TIFF", "Parameter 'input'", "simulate", "--input", file("truncated.tif"),
			"--operator", "identity", "--output", o));
		c.add(of("garbled DICOM", "Parameter 'input'", "simulate", "--input", file("garbled.dcm"),
			"--operator", "identity", "--output", o));
		c.add(of("text named .tif", "Parameter 'input'", "simulate", "--input", file(
			"not-an-image.tif"), "--operator", "identity", "--output", o));
		c.add(of("NaN pixels", "Parameter 'input'", "simulate", "--input", file("nan.tif"),
			"--operator", "identity", "--output", o));
		c.add(of("NaN pixels to restore", "Parameter 'input'", "restore", "--input", file("nan.tif"),
			"--task", "denoising", "--output", o));
		// output
		c.add(of("output not a .tif", "Parameter 'output'", "simulate", "--input", img, "--operator",
			"identity", "--output", out.resolve("result.png").toString()));
		c.add(of("output folder missing", "Parameter 'output'", "simulate", "--input", img,
			"--operator", "identity", "--output", out.resolve("no/such/result.tif").toString()));
		c.add(of("output exists", "Parameter 'output'", "simulate", "--input", img, "--operator",
			"identity", "--output", out.resolve("exists.tif").toString()));
		c.add(of("output for a command that writes none", "Parameter 'output'", "metrics",
			"--reference", img, "--estimate", img, "--output", o));
		// simulate
		c.add(of("unknown operator", "Parameter 'operator'", "simulate", "--input", img,
			"--operator", "warp", "--output", o));
		c.add(of("negative noise level", "Parameter 'noise_level'", "simulate", "--input", img,
			"--operator", "identity", "--noise", "gaussian", "--noise_level", "-1", "--output", o));
		c.add(of("angles not numbers", "Parameter 'angles'", "simulate", "--input", img,
			"--operator", "radon angles=0:180:abc", "--output", o));
		c.add(of("factor not dividing", "Parameter 'factor'", "simulate", "--input", img,
			"--operator", "downsample factor=5", "--output", o));
		c.add(of("negative PSF width", "Parameter 'psf'", "simulate", "--input", img, "--operator",
			"blur psf=gaussian:-2", "--output", o));
		c.add(of("option misspelt", "Parameter 'noise_levle'", "simulate", "--input", img,
			"--operator", "identity", "--noise_levle", "0.1", "--output", o));
		// solve (classical)
		c.add(of("plain image without operator", "Parameter 'measurement'", "solve", "--measurement",
			img, "--output", o));
		c.add(of("method for another operator", "Parameter 'method'", "solve", "--measurement", file(
			"mask-measurement.tif"), "--method", "fbp", "--output", o));
		c.add(of("iterations not a number", "Parameter 'iterations'", "solve", "--measurement", file(
			"mask-measurement.tif"), "--iterations", "many", "--output", o));
		c.add(of("negative lambda", "Parameter 'lambda'", "solve", "--measurement", file(
			"ct-measurement.tif"), "--method", "tv", "--lambda", "-1", "--output", o));
		c.add(of("operator angles against sinogram rows", "Parameter 'operator'", "solve",
			"--measurement", file("sinogram.tif"), "--operator", "radon angles=0:180:7", "--output", o));
		c.add(of("image size not WxH", "Parameter 'image_size'", "solve", "--measurement", img,
			"--operator", "blur", "--image_size", "forty", "--output", o));
		c.add(of("classical solve with --input", "Parameter 'input'", "solve", "--input", img,
			"--output", o));
		// restore (RED-Diff)
		c.add(of("inpainting without a mask", "Parameter 'mask'", "restore", "--input", img, "--task",
			"inpainting", "--output", o));
		c.add(of("mask of another size", "Parameter 'mask'", "restore", "--input", img, "--task",
			"inpainting", "--mask", file("mask-16.tif"), "--output", o));
		c.add(of("PSF larger than the image", "Parameter 'psf_image'", "restore", "--input", img,
			"--task", "deblurring", "--psf_image", file("psf-40.tif"), "--output", o));
		c.add(of("PSF summing to zero", "Parameter 'psf_image'", "restore", "--input", img,
			"--task", "deblurring", "--psf_image", file("psf-zero.tif"), "--output", o));
		c.add(of("zero steps", "Parameter 'steps'", "restore", "--input", img, "--task", "denoising",
			"--steps", "0", "--output", o));
		c.add(of("negative lambda (RED-Diff)", "Parameter 'lambda'", "restore", "--input", img,
			"--task", "denoising", "--lambda", "-1", "--output", o));
		c.add(of("zero samples", "Parameter 'samples'", "restore", "--input", img, "--task",
			"denoising", "--samples", "0", "--output", o));
		c.add(of("too many samples", "Parameter 'samples'", "restore", "--input", img, "--task",
			"denoising", "--samples", "100000", "--output", o));
		c.add(of("prior not installed", "Parameter 'prior'", "restore", "--input", img, "--task",
			"denoising", "--prior", "no-such-prior", "--output", o));
		c.add(of("unknown device", "Parameter 'device'", "restore", "--input", img, "--task",
			"denoising", "--device", "tpu", "--output", o));
		c.add(of("GPU where there is none", "Parameter 'device'", "restore", "--input", img, "--task",
			"denoising", "--device", "gpu", "--output", o));
		c.add(of("range upside down", "Parameter 'range", "restore", "--input", img, "--task",
			"denoising", "--range_min", "1", "--range_max", "0", "--output", o));
		c.add(of("super-resolution factor 5", "Parameter 'factor'", "restore", "--input", img,
			"--task", "super_resolution", "--factor", "5", "--output", o));
		c.add(of("unknown task", "Parameter 'task'", "restore", "--input", img, "--task", "colorize",
			"--output", o));
		// CT and MRI
		c.add(of("angles against sinogram rows", "Parameter 'angles'", "reconstruct-ct", "--input",
			file("sinogram.tif"), "--angles", "0:180:7", "--output", o));
		c.add(of("detectors against sinogram width", "Parameter 'detectors'", "reconstruct-ct",
			"--input", file("sinogram.tif"), "--detectors", "99", "--output", o));
		c.add(of("eta above 1", "Parameter 'eta'", "reconstruct-ct", "--input", file(
			"ct-measurement.tif"), "--eta", "2", "--output", o));
		c.add(of("negative gamma", "Parameter 'gamma'", "reconstruct-ct", "--input", file(
			"ct-measurement.tif"), "--gamma", "-1", "--output", o));
		c.add(of("k-space with an odd slice count", "Parameter 'input'", "reconstruct-mri", "--input",
			file("three-planes.tif"), "--output", o));
		c.add(of("k-space and a mask of another size", "Parameter 'mask_image'", "reconstruct-mri",
			"--input", file("kspace-1coil.tif"), "--mask_image", file("mask-16.tif"), "--output", o));
		// denoise, metrics, train, threads
		c.add(of("negative noise sigma", "Parameter 'noise_sigma'", "denoise", "--input", img,
			"--noise_sigma", "-0.1", "--output", o));
		c.add(of("noise sigma not a number", "Parameter 'noise_sigma'", "denoise", "--input", img,
			"--noise_sigma", "loud", "--output", o));
		c.add(of("tiles smaller than 16 pixels", "Parameter 'n_tiles'", "denoise", "--input", img,
			"--noise_sigma", "0.1", "--n_tiles", "1000", "--output", o));
		c.add(of("estimate of another size", "Parameter 'estimate'", "metrics", "--reference", img,
			"--estimate", file("other-size.tif")));
		c.add(of("threads not a number", "Parameter 'threads'", "--threads", "abc", "simulate",
			"--input", img, "--operator", "identity", "--output", o));
		c.add(of("train threads not a number", "Parameter 'threads'", "train", "--out", out.resolve(
			"prior").toString(), "--threads", "abc"));
		c.add(of("train without a folder to write", "Parameter 'out'", "train", "--steps", "1"));
		c.add(of("import of a missing file", "Parameter", "import", "--file", file("nosuch.pt"),
			"--name", "x"));
		// macros
		c.add(of("macro key misspelt", "Parameter 'noise_levle'", "macro", file("typo.ijm")));
		c.add(of("macro with a bad value", "Parameter 'steps'", "macro", file("bad-steps.ijm")));
		c.add(of("macro naming no open image", "Parameter 'input'", "macro", file(
			"missing-image.ijm")));
		c.add(of("macro file missing", "nosuch.ijm", "macro", file("nosuch.ijm")));
		return c.stream();
	}

	private static Arguments of(final String name, final String names, final String... args) {
		return Arguments.of(name, names, args);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void isRefusedInOneLineWithInputsUntouchedAndNoOutput(final String name, final String names,
		final String[] args) throws Exception
	{
		final Map<String, String> before = hashes(in);
		final Ran r = run(args);
		assertEquals(2, r.code, name + ": " + r.err);
		final String[] lines = r.err.strip().split("\\R");
		final String last = lines[lines.length - 1];
		assertTrue(last.contains(names), name + ": the message names " + names + ": " + r.err);
		assertFalse(r.err.contains("\tat ") || r.err.contains("Exception"), name +
			": no stack trace: " + r.err);
		assertEquals(before, hashes(in), name + ": inputs untouched");
		try (Stream<Path> left = Files.list(out)) {
			assertEquals(List.of("exists.tif"), left.map(p -> p.getFileName().toString()).sorted()
				.toList(), name + ": nothing written to the output folder");
		}
	}

	/** name of the broken prior, what is wrong with it (the words its refusal must hold). */
	static Stream<Arguments> brokenPriors() {
		return Stream.of(Arguments.of("bad-json", "bad-json" + java.io.File.separator +
			"descriptor.json"), Arguments.of("empty", "empty" + java.io.File.separator +
				"descriptor.json' is empty"), Arguments.of("sigmas", "Parameter 'sigma_min': 0.5"),
			Arguments.of("tampered", "tampered" + java.io.File.separator + "weights.params' have " +
				"SHA-256"), Arguments.of("truncated", "truncated" + java.io.File.separator +
					"weights.params (the file ends after 100000 bytes"));
	}

	/** One folder of broken priors, each made from the shipped natural-gray prior. */
	static Path priors() throws IOException {
		final Path root = dir.resolve("priors");
		if (Files.isDirectory(root)) return root;
		final Path shipped = Path.of("models/natural-gray");
		for (final String n : new String[] { "bad-json", "empty", "sigmas", "tampered",
			"truncated" })
		{
			final Path p = Files.createDirectories(root.resolve(n));
			try (Stream<Path> files = Files.list(shipped)) {
				for (final Path f : files.toList()) Files.copy(f, p.resolve(f.getFileName()));
			}
			final Path d = p.resolve("descriptor.json");
			Files.writeString(d, Files.readString(d).replace("\"natural-gray\"", "\"" + n + "\""));
		}
		Files.writeString(root.resolve("bad-json/descriptor.json"), "{ not json");
		Files.writeString(root.resolve("empty/descriptor.json"), "");
		final Path sigmas = root.resolve("sigmas/descriptor.json");
		Files.writeString(sigmas, Files.readString(sigmas).replace("\"min_sigma\": 0.01",
			"\"min_sigma\": 0.5"));
		final Path tampered = root.resolve("tampered/weights.params");
		final byte[] w = Files.readAllBytes(tampered);
		w[1000] ^= 1;
		Files.write(tampered, w);
		final Path truncated = root.resolve("truncated/weights.params");
		Files.write(truncated, Arrays.copyOf(w, 100000));
		final Path td = root.resolve("truncated/descriptor.json");
		Files.writeString(td, Files.readString(td).replaceAll("\"sha256\": \"[0-9a-f]+\"",
			"\"sha256\": \"" + org.priorj.prior.PriorDescriptor.sha256(truncated) + "\""));
		return root;
	}

	@ParameterizedTest(name = "prior {0}")
	@MethodSource("brokenPriors")
	void aBrokenPriorIsRefusedNamingItsFile(final String prior, final String names)
		throws Exception
	{
		final Path root = priors();
		final Map<String, String> before = hashes(root.resolve(prior));
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		final Process p = new ProcessBuilder(java, "-Dpriorj.models=" + root, "-cp", System
			.getProperty("java.class.path"), "org.priorj.cli.Main", "restore", "--input", file(
				"img.tif"), "--task", "denoising", "--steps", "2", "--prior", prior, "--output",
			output()).redirectErrorStream(true).start();
		final String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(2, p.waitFor(), text);
		final String[] lines = text.strip().split("\\R");
		assertTrue(lines[lines.length - 1].contains(names), text);
		assertFalse(text.contains("\tat ") || text.contains("Exception:"), text);
		assertEquals(before, hashes(root.resolve(prior)));
		assertFalse(Files.exists(Path.of(output())));
	}

	static final class Ran {

		final int code;
		final String err;

		Ran(final int code, final String err) {
			this.code = code;
			this.err = err;
		}
	}

	static Ran run(final String... args) {
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final PrintStream saved = System.err;
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			return new Ran(Main.run(args), err.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setErr(saved);
		}
	}

	private static Map<String, String> hashes(final Path folder) throws Exception {
		final Map<String, String> h = new TreeMap<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (final Path f : files.toList()) h.put(f.getFileName().toString(), HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
		}
		return h;
	}
}
