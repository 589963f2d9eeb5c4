package org.priorj.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.priorj.base.Progress;
import org.priorj.base.Shape;
import org.priorj.image.ValueRange;
import org.priorj.physics.Identity;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.Task;
import org.priorj.prior.Denoiser;
import org.priorj.prior.DiagonalGaussianDenoiser;
import org.priorj.prior.ForwardingDenoiser;

/** Both learned solvers refuse, before any network call, a run the memory cannot hold. */
class MemoryCheckTest {

	/** A prior that claims {@code bytes} of host memory per call, and counts its calls. */
	private static class Hungry extends ForwardingDenoiser {

		final AtomicInteger calls = new AtomicInteger();
		private final long bytes;

		Hungry(final long bytes) {
			super(DiagonalGaussianDenoiser.uniform(1, 0.1, 0.4, -1, 1));
			this.bytes = bytes;
		}

		@Override
		public float[] denoise(final float[] x, final Shape nchw, final double sigma) {
			calls.incrementAndGet();
			return super.denoise(x, nchw, sigma);
		}

		@Override
		public long hostBytes(final Shape nchw) {
			return bytes;
		}
	}

	private static Problem problem(final Task task) {
		final float[] y = new float[16 * 16];
		for (int i = 0; i < y.length; i++) y[i] = (i % 7) / 7f;
		return Problems.of(task, new Identity(Shape.of(16, 16)), y, "test").withRange(ValueRange
			.fromMinMax(0, 1, -1, 1));
	}

	@Test
	void aNetworkCallLargerThanTheMachineIsRefusedBeforeAnyWork() {
		final Hungry prior = new Hungry(Long.MAX_VALUE / 2);
		final IllegalArgumentException red = assertThrows(IllegalArgumentException.class,
			() -> RedDiff.reconstruct(problem(Task.DENOISING), prior, TaskDefaults.redDiff(
				Task.DENOISING), 0, Progress.NONE));
		assertTrue(red.getMessage().startsWith("Parameter 'input': 16x16 pixels: one call of the " +
			"prior's network needs about") && red.getMessage().contains("device=gpu"), red
				.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Dds.reconstruct(problem(Task.CT), prior,
			TaskDefaults.dds(Task.CT).withSteps(2), 0, Progress.NONE));
		assertEquals(0, prior.calls.get());
		final Hungry modest = new Hungry(1 << 20);
		RedDiff.reconstruct(problem(Task.DENOISING), modest, TaskDefaults.redDiff(Task.DENOISING)
			.withSteps(2), 0, Progress.NONE);
		assertTrue(modest.calls.get() > 0);
	}

	@Test
	void theHeapNeededCountsTheSolversArraysAndTheData() {
		final Problem p = problem(Task.DENOISING);
		final long need = 4L * ((PriorSpace.SHARED_IMAGE_COPIES + RedDiff.IMAGE_COPIES) * 256 +
			PriorSpace.DATA_COPIES * 256);
		PriorSpace.checkMemory(p, new Hungry(0), RedDiff.IMAGE_COPIES, need, 1);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> PriorSpace.checkMemory(p, new Hungry(0), RedDiff.IMAGE_COPIES, need - 1, 1));
		assertTrue(e.getMessage().startsWith("Parameter 'input': 16x16 pixels need about 0 MB of " +
			"Java heap") && e.getMessage().contains("-Xmx"), e.getMessage());
		final IllegalArgumentException host = assertThrows(IllegalArgumentException.class,
			() -> PriorSpace.checkMemory(p, new Hungry(2), RedDiff.IMAGE_COPIES, need, 1));
		assertTrue(host.getMessage().contains("the machine has 0 MB"), host.getMessage());
	}

	@Test
	void aVolumeIsCheckedForTheSlicesOneNetworkCallSeesAndRefusedBeforeAnyWork() {
		final float[] y = new float[64 * 8 * 8];
		final Problem v = Problems.of(Task.CT, new Identity(Shape.of(64, 8, 8)), y, "test")
			.withRange(ValueRange.fromMinMax(0, 1, -1, 1));
		final Hungry perSlice = new Hungry(0) {

			@Override
			public long hostBytes(final Shape nchw) {
				return nchw.dim(0) * (1L << 20);
			}
		};
		PriorSpace.checkMemory(v, perSlice, VolumeReconstruction.VOLUME_COPIES, 8, Long.MAX_VALUE,
			10L << 20);
		assertThrows(IllegalArgumentException.class, () -> PriorSpace.checkMemory(v, perSlice,
			VolumeReconstruction.VOLUME_COPIES, Integer.MAX_VALUE, Long.MAX_VALUE, 10L << 20));
		final IllegalArgumentException heap = assertThrows(IllegalArgumentException.class,
			() -> PriorSpace.checkMemory(v, perSlice, VolumeReconstruction.VOLUME_COPIES, 8, 4L * 64 *
				64 * (PriorSpace.SHARED_IMAGE_COPIES + VolumeReconstruction.VOLUME_COPIES), 10L << 20));
		assertTrue(heap.getMessage().contains("64x8x8 pixels need about") && heap.getMessage()
			.contains("-Xmx"), heap.getMessage());
		final Hungry huge = new Hungry(Long.MAX_VALUE / 2);
		assertThrows(IllegalArgumentException.class, () -> VolumeReconstruction.reconstruct(v, huge,
			TaskDefaults.volume(Task.CT, VolumeMethod.DDS_3D), 0, Progress.NONE));
		assertEquals(0, huge.calls.get());
	}
}
