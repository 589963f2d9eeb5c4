package org.priorj.prior;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.priorj.base.Checks;

/**
 * VBLE-xz's variance decoder: sigma_theta(z) = sigmoid(g_sigma(z)) + {@link #STD_FLOOR}, the
 * per-pixel standard deviation of the decoder's Gaussian likelihood p(x | z) = N(g_s(z),
 * sigma_theta(z)^2), with g_sigma the architecture of the mean synthesis g_s of a
 * {@link CompressiveAutoencoder} of the same width. It is trained after the autoencoder, whose
 * weights stay frozen, by the Gaussian negative log-likelihood of clean images.
 */
public final class VarianceDecoder extends AbstractBlock {

	/** Smallest standard deviation, as the VBLE-xz models bound it. */
	public static final float STD_FLOOR = 2e-4f;

	private static final byte VERSION = 1;

	private final int width;
	private final Block synthesis;

	/** @param width N of the autoencoder whose latents it decodes */
	public VarianceDecoder(final int width) {
		super(VERSION);
		this.width = Checks.positive("width", width);
		synthesis = addChildBlock("variance_synthesis", CompressiveAutoencoder.synthesis(width));
	}

	/** sigma_theta(z), (N, 1, 16 H', 16 W') for latents (N, M, H', W'). */
	public NDArray std(final ParameterStore ps, final NDArray z, final boolean training) {
		return Activation.sigmoid(synthesis.forward(ps, new NDList(z), training).singletonOrThrow())
			.add(STD_FLOOR);
	}

	@Override
	protected NDList forwardInternal(final ParameterStore ps, final NDList inputs,
		final boolean training, final PairList<String, Object> params)
	{
		return new NDList(std(ps, inputs.singletonOrThrow(), training));
	}

	@Override
	public Shape[] getOutputShapes(final Shape[] inputs) {
		final Shape s = inputs[0];
		return new Shape[] { new Shape(s.get(0), 1, s.get(2) * 16, s.get(3) * 16) };
	}

	@Override
	protected void initializeChildBlocks(final NDManager manager, final DataType dataType,
		final Shape... inputShapes)
	{
		synthesis.setInitializer(CompressiveAutoencoder::fanInUniform, Parameter.Type.WEIGHT);
		synthesis.initialize(manager, dataType, inputShapes[0]);
	}

	public int width() {
		return width;
	}

	/** Number of trainable values. */
	public long parameterCount() {
		return getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
	}
}
