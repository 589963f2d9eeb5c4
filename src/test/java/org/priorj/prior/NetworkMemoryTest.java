package org.priorj.prior;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import org.junit.jupiter.api.Test;
import org.priorj.base.Shape;

/** The host memory a network call is expected to need, which the solvers check before a run. */
class NetworkMemoryTest {

	@Test
	void theShippedWidthsHold186FloatsAPixel() {
		// skips 32 + 64/4 + 128/16 + 128/64, working tensors 4 x 32
		assertEquals(186, new NoiseConditionalUnet(32, 64, 128, 128).activationFloatsPerPixel(),
			1e-12);
	}

	@Test
	void aCpuCallNeedsTheActivationsOfOnePaddedChunk() {
		final NoiseConditionalUnet net = new NoiseConditionalUnet(4, 8);
		final NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch");
		net.initialize(m, DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 2, 4, 4));
		try (NetworkDenoiser d = new NetworkDenoiser("t", net, m, 0.01, 0.3)) {
			// 4 x 4 + 4 + 8 / 4 = 22 floats a pixel; 15x9 padded to 16x10; a chunk of 8 images
			assertEquals(22 * 4 * 16 * 10, d.hostBytes(Shape.of(1, 1, 15, 9)));
			assertEquals(22 * 4 * 16 * 10 * NetworkDenoiser.CHUNK, d.hostBytes(Shape.of(20, 1, 15, 9)));
			// what the solvers see through the wrappers
			assertEquals(22 * 4 * 16 * 10, new RangeMappedDenoiser(d, -1, 1).hostBytes(Shape.of(1, 1,
				15, 9)));
		}
	}
}
