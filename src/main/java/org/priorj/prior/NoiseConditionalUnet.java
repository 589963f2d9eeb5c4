package org.priorj.prior;

import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.priorj.base.Checks;

/**
 * A small noise-conditional UNet F for the network denoiser (see {@link UnetPreconditioning} for
 * how F becomes D(x, sigma)).
 * <p>
 * Input {@code (N, 2, H, W)}: channel 0 the scaled image, channel 1 a constant map of the noise
 * level; output {@code (N, 1, H, W)}. Level i (0 = full resolution) has {@code widths[i]} channels
 * and two 3x3 convolutions with ReLU (zero padding, no normalisation layers); 2x2 max-pooling goes
 * down a level; up a level is a 1x1 convolution to the finer level's width followed by
 * nearest-neighbour upsampling (the two commute, so the convolution runs on the coarse grid), then
 * concatenation with the skip and two 3x3 convolutions; a 1x1 convolution gives the output. H and
 * W must be multiples of {@link #multiple()}. Transposed convolutions are avoided because DJL's
 * PyTorch engine does not implement them.
 */
public final class NoiseConditionalUnet extends AbstractBlock {

	private static final byte VERSION = 1;

	private final int[] widths;
	private final Block[] encoders;
	private final Block[] ups;
	private final Block[] decoders;
	private final Block head;
	private final Block pool;

	/** @param widths channels per level, finest first; at least two levels */
	public NoiseConditionalUnet(final int... widths) {
		super(VERSION);
		Checks.require(widths != null && widths.length >= 2, "widths", widths == null ? "null"
			: Arrays.toString(widths), "two or more positive channel counts");
		for (final int w : widths)
			Checks.positive("widths", w);
		this.widths = widths.clone();
		final int levels = widths.length;
		encoders = new Block[levels];
		decoders = new Block[levels - 1];
		ups = new Block[levels - 1];
		for (int i = 0; i < levels; i++)
			encoders[i] = addChildBlock("enc" + i, doubleConv(widths[i]));
		for (int i = levels - 2; i >= 0; i--) {
			ups[i] = addChildBlock("up" + i, conv(widths[i], 1));
			decoders[i] = addChildBlock("dec" + i, doubleConv(widths[i]));
		}
		head = addChildBlock("head", conv(1, 1));
		pool = Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2));
	}

	/**
	 * Floats held per input pixel at the peak of an inference call: every level's output kept for
	 * its skip connection ({@code widths[i] / 4^i}) and the finest level's working tensors (input,
	 * two convolutions, the concatenation: {@code 4 widths[0]}). The shipped widths give 186, or 744
	 * bytes a pixel, against 610 to 690 measured as the process's resident memory growth from 512²
	 * to 1536² images.
	 */
	public double activationFloatsPerPixel() {
		double f = 4.0 * widths[0];
		for (int i = 0; i < widths.length; i++) f += widths[i] / Math.pow(4, i);
		return f;
	}

	/** Channels per level, finest first (a copy). */
	public int[] widths() {
		return widths.clone();
	}

	/** Image sides must be multiples of this (2 to the number of poolings). */
	public int multiple() {
		return 1 << (widths.length - 1);
	}

	private static Block conv(final int filters, final int kernel) {
		return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optPadding(new Shape(
			kernel / 2, kernel / 2)).setFilters(filters).build();
	}

	private static Block doubleConv(final int filters) {
		return new SequentialBlock().add(conv(filters, 3)).add(Activation.reluBlock()).add(conv(
			filters, 3)).add(Activation.reluBlock());
	}

	/** Nearest-neighbour 2x upsampling of (N, C, H, W); closes x. */
	private static NDArray upsample(final NDArray x) {
		final NDArray rows = x.repeat(2, 2);
		x.close();
		final NDArray up = rows.repeat(3, 2);
		rows.close();
		return up;
	}

	/**
	 * x through a block, child by child for a sequential one, closing x (unless it is {@code keep})
	 * and every intermediate as soon as the next step has it.
	 */
	private static NDArray through(final Block block, final ParameterStore ps, final NDArray x,
		final NDArray keep, final boolean training)
	{
		final Iterable<Block> steps = block instanceof SequentialBlock ? block.getChildren().values()
			: java.util.List.of(block);
		NDArray y = x;
		for (final Block step : steps) {
			final NDArray next = step.forward(ps, new NDList(y), training).singletonOrThrow();
			if (y != keep) y.close();
			y = next;
		}
		return y;
	}

	/*
	 * Every activation is closed once the next operation has it, so that PyTorch can reuse its memory
	 * during the call rather than when the caller's manager closes. On a 512x512 image this halved
	 * the process's peak resident set (about 1.16 GB before, 0.56-0.63 GB after; see
	 * docs/BENCHMARKS.md) and made the call 5-15 % faster. Closing a handle only drops PriorJ's
	 * reference: what autograd saved for the backward pass stays alive in the recorded graph, so
	 * training is unaffected.
	 */
	@Override
	protected NDList forwardInternal(final ParameterStore ps, final NDList inputs,
		final boolean training, final PairList<String, Object> params)
	{
		final int levels = widths.length;
		final NDArray[] skips = new NDArray[levels];
		final NDArray input = inputs.singletonOrThrow();
		for (int i = 0; i < levels; i++) {
			final NDArray x = i == 0 ? input : through(pool, ps, skips[i - 1], skips[i - 1], training);
			skips[i] = through(encoders[i], ps, x, input, training);
		}
		NDArray x = skips[levels - 1];
		for (int i = levels - 2; i >= 0; i--) {
			// x (the bottom skip or the decoder output one level down) is not needed after this
			final NDArray up = upsample(through(ups[i], ps, x, null, training));
			final NDArray joined = skips[i].concat(up, 1);
			skips[i].close();
			up.close();
			x = through(decoders[i], ps, joined, null, training);
		}
		return new NDList(through(head, ps, x, null, training));
	}

	@Override
	public Shape[] getOutputShapes(final Shape[] inputs) {
		final Shape s = inputs[0];
		return new Shape[] { new Shape(s.get(0), 1, s.get(2), s.get(3)) };
	}

	@Override
	protected void initializeChildBlocks(final NDManager manager, final DataType dataType,
		final Shape... inputShapes)
	{
		final Shape in = inputShapes[0];
		final long n = in.get(0), h = in.get(2), w = in.get(3);
		final int levels = widths.length;
		long channels = in.get(1);
		for (int i = 0; i < levels; i++) {
			encoders[i].initialize(manager, dataType, new Shape(n, channels, h >> i, w >> i));
			channels = widths[i];
		}
		for (int i = levels - 2; i >= 0; i--) {
			ups[i].initialize(manager, dataType, new Shape(n, channels, h >> (i + 1), w >> (i + 1)));
			decoders[i].initialize(manager, dataType, new Shape(n, 2L * widths[i], h >> i, w >> i));
			channels = widths[i];
		}
		head.initialize(manager, dataType, new Shape(n, channels, h, w));
	}

	/** Number of trainable values. */
	public long parameterCount() {
		return getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
	}
}
