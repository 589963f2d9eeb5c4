package org.priorj.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorj.base.Shape;
import org.priorj.prior.Denoiser;
import org.priorj.prior.PriorDescriptor;
import org.priorj.prior.PriorDevice;
import org.priorj.prior.PriorRegistries;
import org.priorj.prior.PriorRegistry;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;

/** Train prior… writes a prior folder that the registry lists and loads as a network prior. */
class TrainPriorCommandTest {

	@TempDir
	Path root;

	@Test
	void aTrainedPriorIsListedLoadedAndDenoises() throws Exception {
		final Path out = root.resolve("tiny");
		try (Context context = new Context(CommandService.class, StatusService.class)) {
			final String msg = (String) context.service(CommandService.class).run(
				TrainPriorCommand.class, true, "phantoms", "ellipses", "out", out.toString(), "steps", 3,
				"patch", 16, "batch", 2, "seed", 3).get().getOutput("trained");
			assertTrue(msg.contains(out.toString()), msg);
		}
		final PriorDescriptor d = PriorDescriptor.read(out);
		assertEquals("network", d.kind());
		assertEquals(0.01, d.sigmaMin(), 1e-12);
		final PriorRegistry local = PriorRegistries.withAllKinds(new PriorRegistry(List.of(root),
			PriorDevice.resolve("cpu")));
		final Denoiser den = local.load("tiny");
		final float[] y = den.denoise(new float[2 * 20 * 20], Shape.of(2, 1, 20, 20), 0.1);
		for (final float v : y) assertTrue(Float.isFinite(v));
		local.releaseAll();
	}

	@Test
	void aSecondFolderAddsAllItsImagesWithTheirLicences() throws Exception {
		final Path photos = java.nio.file.Files.createDirectory(root.resolve("photos"));
		for (final String n : new String[] { "a.tif", "b.tif" })
		{
			final float[] v = new float[24 * 24];
			for (int i = 0; i < v.length; i++) v[i] = (i * 7 % 13) / 13f;
			new ij.io.FileSaver(new ij.ImagePlus(n, new ij.process.FloatProcessor(24, 24, v)))
				.saveAsTiff(photos.resolve(n).toString());
		}
		java.nio.file.Files.writeString(photos.resolve("LICENSES.md"), "| a.tif | GPL-2+ |\n");
		final Path out = root.resolve("two");
		try (Context context = new Context(CommandService.class, StatusService.class)) {
			context.service(CommandService.class).run(TrainPriorCommand.class, true, "images",
				"test-images", "split", "test-images/splits.txt", "include", "brick.png", "more_images",
				photos.toString(), "out", out.toString(), "steps", 1, "patch", 16, "batch", 2).get();
		}
		final String training = java.nio.file.Files.readString(out.resolve("descriptor.json"));
		assertTrue(training.contains("a.tif") && training.contains("b.tif") && training.contains(
			"brick.png"), training);
	}
}
