package org.priorj.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ByteProcessor;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.priorj.image.FloatArrays;
import org.priorj.image.phantom.EllipsePhantom;
import org.scijava.Context;
import org.scijava.script.ScriptService;

/**
 * The example scripts of docs/api.md run headless through SciJava's script service, as Fiji runs
 * them, on ImgLib2 inputs (an 8-bit view with a non-zero origin, a float phantom): RED-Diff beats
 * the classical baseline and DDS beats FBP.
 */
class ScriptsTest {

	private static final Pattern REPORT = Pattern.compile(
		"inpainting: (\\w+) ([\\d.]+) dB, RED-Diff ([\\d.]+) dB; CT: FBP ([\\d.]+) dB, DDS ([\\d.]+) dB");

	@ParameterizedTest
	@ValueSource(strings = { "reconstruct.groovy", "reconstruct.py" })
	void theExampleScriptReconstructsWithEverySolver(final String script) throws Exception {
		final ImagePlus imp = IJ.openImage("test-images/camera.png");
		final byte[] px = (byte[]) ((ByteProcessor) imp.getProcessor().convertToByte(false))
			.getPixels();
		final RandomAccessibleInterval<UnsignedByteType> truth = Views.interval(ArrayImgs
			.unsignedBytes(px.clone(), imp.getWidth(), imp.getHeight()), new long[] { 200, 100 },
			new long[] { 263, 163 });
		final Object phantom = FloatArrays.wrap(EllipsePhantom.sheppLogan(64, true), 64, 64);
		final String report;
		try (Context context = new Context(ScriptService.class)) {
			ScriptLanguages.addJsr223(context.service(ScriptService.class));
			report = (String) context.service(ScriptService.class).run(new File("scripts/examples",
				script), true, "truth", truth, "phantom", phantom).get().getOutput("report");
		}
		final Matcher m = REPORT.matcher(report == null ? "" : report);
		assertTrue(m.find(), script + ": " + report);
		final double baseline = Double.parseDouble(m.group(2)), red = Double.parseDouble(m.group(3)),
			fbp = Double.parseDouble(m.group(4)), dds = Double.parseDouble(m.group(5));
		assertTrue(m.group(1).equals("biharmonic_inpainting"), report);
		assertTrue(red > baseline + 0.25 && dds > fbp + 3, String.format(Locale.ROOT, "%s: %s",
			script, report));
	}

	/** The docs show exactly the tested scripts. */
	@org.junit.jupiter.api.Test
	void theDocsShowTheTestedScripts() throws Exception {
		final String commands = java.nio.file.Files.readString(java.nio.file.Path.of(
			"docs/commands.md")), api = java.nio.file.Files.readString(java.nio.file.Path.of(
				"docs/api.md"));
		assertTrue(commands.contains(java.nio.file.Files.readString(java.nio.file.Path.of(
			"scripts/examples/reconstruct.groovy")).strip()), "docs/commands.md");
		assertTrue(api.contains(java.nio.file.Files.readString(java.nio.file.Path.of(
			"scripts/examples/reconstruct.py")).strip()), "docs/api.md");
	}
}
