package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.physics.InpaintingMasks;
import org.priorj.physics.LinearOperator;
import org.priorj.physics.MaskOperator;
import org.priorj.physics.Problems;
import org.priorj.physics.Task;
import org.priorj.prior.LatentPrior;
import org.priorj.prior.PriorDevice;
import org.priorj.prior.PriorRegistries;
import org.priorj.prior.PriorRegistry;

/**
 * VBLE on autoencoders exported from PyTorch (scripts/export_cae_torchscript.py): the export of the
 * linear–Gaussian oracle runs the solver's loop as the Java oracle does, and a small exported CAE
 * restores an image of any size (padded to its multiple) with a std map from its variance decoder.
 */
class VbleTorchScriptTest {

	static PriorRegistry registry;

	@BeforeAll
	static void load() {
		registry = PriorRegistries.withAllKinds(new PriorRegistry(List.of(Path.of(
			"src/test/resources/torchscript-cae")), PriorDevice.resolve("cpu")));
	}

	@AfterAll
	static void release() {
		registry.releaseAll();
	}

	/** The oracle the script exported: W (i + 1)(j + 2) mod 7 / 7 - 0.4, its c, offset and std. */
	private static LinearGaussianLatentPrior javaOracle() {
		final double[][] w = new double[6][4];
		for (int i = 0; i < 6; i++)
			for (int j = 0; j < 4; j++) w[i][j] = (float) ((i + 1) * (j + 2) % 7 / 7.0 - 0.4);
		return new LinearGaussianLatentPrior(new Array2DRowRealMatrix(w, false), new double[] { 0.1,
			0.2, 0.3, 0.4, 0.5, 0.6 }, new double[] { 0.3, -0.2, 0.1, 0.5 }).withDecoderStd(0.05, 0.1,
				0.15, 0.2, 0.25, 0.3);
	}

	@Test
	void theExportedOracleRunsVbleXzAsTheJavaOracleDoes() {
		final Shape image = Shape.of(1, 1, 1, 6);
		final float[] y = { 0.35f, 0.5f, 0.4f, 0.55f, 0.3f, 0.65f };
		final float[] init = { 0.3f, 0.4f, 0.5f, 0.45f, 0.35f, 0.6f };
		final Vble vble = new Vble().withImageNoise(true).withLambda(0.7).withIterations(60)
			.withSamples(50).withSeed(5);
		final LinearOperator a = new MaskOperator(1, 6, new float[] { 1, 0, 1, 1, 0, 1 });
		final float[] ya = a.apply(y);
		final Result java = vble.solve(a, ya, 0.05, init, javaOracle(), image, Progress.NONE);
		final Result torch = vble.solve(a, ya, 0.05, init, registry.load("linear-gaussian",
			LatentPrior.class), image, Progress.NONE);
		assertArrayEquals(java.estimate(), torch.estimate(), 2e-4f);
		assertArrayEquals(java.std().orElseThrow(), torch.std().orElseThrow(), 2e-4f);
		for (int i = 0; i < java.history().length; i++) assertEquals(java.history()[i], torch
			.history()[i], 1e-4 * Math.max(1, Math.abs(java.history()[i])), "loss at step " + i);
	}

	@Test
	void anExportedCaeRestoresAnImageOfAnySizeWithAStdMap() {
		final int h = 20, w = 28;
		final float[] x = new float[h * w];
		for (int i = 0; i < x.length; i++) x[i] = 0.5f + 0.3f * (float) Math.sin(i * 0.37);
		final LinearOperator a = new MaskOperator(h, w, InpaintingMasks.randomPixels(h, w, 0.5, 3));
		final Result r = Vble.reconstruct(Problems.of(Task.INPAINTING, a, a.apply(x), "test"), registry
			.load("tiny-cae", LatentPrior.class), TaskDefaults.vble(Task.INPAINTING).withIterations(5)
				.withSamples(4), 1, Progress.NONE);
		assertEquals(Shape.of(h, w), r.shape());
		assertEquals("tiny-cae", r.parameters().get("prior"));
		assertEquals("vble-xz", r.parameters().get("model"), "the export's variance decoder is used");
		for (int i = 0; i < x.length; i++) {
			assertTrue(Float.isFinite(r.estimate()[i]), "estimate " + i);
			assertTrue(r.std().orElseThrow()[i] > 0, "std " + i);
		}
	}
}
