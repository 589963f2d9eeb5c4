package org.priorj.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.priorj.prior.NoiseConditionalUnet;
import org.priorj.train.TrainingOptions;

class DenoiserBenchTest {

	/**
	 * Parameters of the PyTorch copy of the network with widths 32-64-128-128, as
	 * {@code scripts/bench_unet_torch.py} counts them (sum of numel over its parameters).
	 */
	private static final long TORCH_PARAMETERS = 1_189_825;

	@TempDir
	Path dir;

	@Test
	void pytorchCopyOfTheNetworkHasTheSameParameterCount() {
		assertEquals(TORCH_PARAMETERS, randomNetworkParameters());
	}

	private static long randomNetworkParameters() {
		final NoiseConditionalUnet net = new NoiseConditionalUnet(new TrainingOptions().widths);
		try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
			net.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1,
				2, 8, 8));
			return net.parameterCount();
		}
	}

	@Test
	void tablesTheDenoiserAgainstPytorchFigures() throws Exception {
		final Path torch = dir.resolve("torch.json");
		Files.writeString(torch, "{\"torch\": \"1.13\", \"intra_op_threads\": 2, " +
			"\"inter_op_threads\": 1, \"widths\": [32, 64, 128, 128], \"parameters\": " +
			TORCH_PARAMETERS + ", \"rss_before_kb\": 1000, \"sizes\": {\"16\": {\"median_ms\": 1e9, " +
			"\"min_ms\": 1e9, \"max_ms\": 1e9, \"peak_rss_kb\": 2000}}}");
		final ByteArrayOutputStream buf = new ByteArrayOutputStream();
		new DenoiserBench(null, new int[] { 16, 24 }, 1, 0.1, new PrintStream(buf, true,
			StandardCharsets.UTF_8)).run(torch);
		final String table = buf.toString(StandardCharsets.UTF_8);
		assertTrue(table.contains("with random weights"), table);
		assertTrue(table.contains(TORCH_PARAMETERS + " parameters (the same count)"), table);
		// PyTorch's made-up second per call makes PriorJ far faster: the ratio is near 0
		assertTrue(table.matches("(?s).*\\| 16x16 \\| [0-9.]+ \\([0-9.]+-[0-9.]+\\) \\| 1000000000\\.0 .*\\| 0\\.00 \\| yes \\|.*"),
			table);
		assertTrue(table.contains("| 24x24 |") && table.contains("no PyTorch figure"), table);
		assertTrue(DenoiserBench.procStatusKb("VmHWM") > 0, "Linux reports the peak resident set");
	}

	@Test
	void badSettingsAreRefusedByName() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> DenoiserBench.parseSizes(
			"256,big")).getMessage().contains("'sizes'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new DenoiserBench(null,
			new int[] { 0 }, 1, 0.1, System.out)).getMessage().contains("'sizes'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new DenoiserBench(dir.resolve(
			"none"), new int[] { 16 }, 1, 0.1, System.out)).getMessage().contains("'prior'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new DenoiserBench(null,
			new int[] { 16 }, 0, 0.1, System.out)).getMessage().contains("'repeats'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new DenoiserBench(null,
			new int[] { 16 }, 1, 0, System.out)).getMessage().contains("'sigma'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Benchmarks.run(java.util.List.of(
			"denoiser", "--sizes", "x"), System.out)).getMessage().contains("'sizes'"));
	}
}
