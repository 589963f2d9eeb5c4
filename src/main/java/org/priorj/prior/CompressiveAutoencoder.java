package org.priorj.prior;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import org.priorj.base.Checks;

/**
 * A compressive autoencoder with a mean-scale hyperprior (Ballé et al. 2018, Minnen et al. 2018
 * without the autoregressive context), for grey images:
 * <pre>
 *   analysis g_a:        x (N,1,H,W) → z (N,M,H/16,W/16)   four 5×5 stride-2 convolutions, GDN between
 *   synthesis g_s:       z → x                              four sub-pixel 3×3 convolutions, IGDN between
 *   hyper-analysis h_a:  z → h (N,C,H/64,W/64)              3×3, then two 5×5 stride-2 convolutions, ReLU
 *   hyper-synthesis h_s: h → (mu, sigma) of z               two sub-pixel 3×3 convolutions, ReLU, a 3×3
 *   hyper-density:       a learned factorized density of h ({@link FactorizedDensity})
 * </pre>
 * with C = N. Up-sampling is a convolution on the coarse grid to four times the channels followed
 * by a pixel shuffle (Shi et al. 2016, as CompressAI's cheng2020 synthesis does): the PyTorch
 * engine of DJL has no transposed convolution. sigma = 0.11 + softplus(raw), CompressAI's scale
 * bound made smooth. Likelihoods are the masses of unit bins: a Gaussian's for z given h, the
 * learned density's for h, both bounded below by 1e-9. In training, uniform noise of width 1 stands
 * for rounding (the relaxation VBLE's uniform posterior is built on); the forward pass returns
 * (x_hat, likelihoods of z, likelihoods of h). Image sides must be multiples of {@link #MULTIPLE}.
 */
public final class CompressiveAutoencoder extends AbstractBlock {

	/** Image sides must be multiples of this: 16 in the analysis times 4 in the hyper-analysis. */
	public static final int MULTIPLE = 64;
	/** Smallest standard deviation of a latent's Gaussian. */
	public static final float SCALE_FLOOR = 0.11f;
	/** Smallest bin mass counted. */
	public static final float LIKELIHOOD_BOUND = 1e-9f;

	private static final byte VERSION = 1;

	private final int width, latentChannels;
	private final Block analysis, synthesis, hyperAnalysis, hyperSynthesis;
	private final FactorizedDensity hyperDensity;

	/**
	 * @param width N, the channels of the hidden layers and of the hyper-latent
	 * @param latentChannels M, the channels of z
	 */
	public CompressiveAutoencoder(final int width, final int latentChannels) {
		super(VERSION);
		this.width = Checks.positive("width", width);
		this.latentChannels = Checks.positive("latent_channels", latentChannels);
		analysis = addChildBlock("analysis", new SequentialBlock().add(conv(width, 5, 2)).add(new Gdn(
			width, false)).add(conv(width, 5, 2)).add(new Gdn(width, false)).add(conv(width, 5, 2)).add(
				new Gdn(width, false)).add(conv(latentChannels, 5, 2)));
		synthesis = addChildBlock("synthesis", synthesis(width));
		hyperAnalysis = addChildBlock("hyper_analysis", new SequentialBlock().add(conv(width, 3, 1))
			.add(Activation.reluBlock()).add(conv(width, 5, 2)).add(Activation.reluBlock()).add(conv(
				width, 5, 2)));
		hyperSynthesis = addChildBlock("hyper_synthesis", new SequentialBlock().add(subPixel(width))
			.add(Activation.reluBlock()).add(subPixel(width * 3 / 2)).add(Activation.reluBlock()).add(
				conv(2 * latentChannels, 3, 1)));
		hyperDensity = addChildBlock("hyper_density", new FactorizedDensity(width));
	}

	/** A synthesis transform z (M channels) → a grey image, for the mean and the variance decoders. */
	static SequentialBlock synthesis(final int width) {
		return new SequentialBlock().add(subPixel(width)).add(new Gdn(width, true)).add(subPixel(width))
			.add(new Gdn(width, true)).add(subPixel(width)).add(new Gdn(width, true)).add(subPixel(1));
	}

	private static Block conv(final int filters, final int kernel, final int stride) {
		return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optStride(new Shape(stride,
			stride)).optPadding(new Shape(kernel / 2, kernel / 2)).setFilters(filters).build();
	}

	/** 3×3 convolution to 4·filters channels, then a pixel shuffle: twice the side, filters channels. */
	private static Block subPixel(final int filters) {
		return new SequentialBlock().add(conv(4 * filters, 3, 1)).add(new LambdaBlock(
			CompressiveAutoencoder::shuffle, "pixel_shuffle"));
	}

	private static NDList shuffle(final NDList in) {
		final NDArray x = in.singletonOrThrow();
		final Shape s = x.getShape();
		final long n = s.get(0), c = s.get(1) / 4, h = s.get(2), w = s.get(3);
		return new NDList(x.reshape(n, c, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, c, 2 * h,
			2 * w));
	}

	/** z = g_a(x). */
	public NDArray analyse(final ParameterStore ps, final NDArray x, final boolean training) {
		return analysis.forward(ps, new NDList(x), training).singletonOrThrow();
	}

	/** x = g_s(z). */
	public NDArray synthesise(final ParameterStore ps, final NDArray z, final boolean training) {
		return synthesis.forward(ps, new NDList(z), training).singletonOrThrow();
	}

	/** h = h_a(z). */
	public NDArray hyperAnalyse(final ParameterStore ps, final NDArray z, final boolean training) {
		return hyperAnalysis.forward(ps, new NDList(z), training).singletonOrThrow();
	}

	/** Bin masses of z given the hyper-latent h, each at least {@link #LIKELIHOOD_BOUND}. */
	public NDArray latentLikelihood(final ParameterStore ps, final NDArray z, final NDArray h,
		final boolean training)
	{
		final NDList ms = hyperSynthesis.forward(ps, new NDList(h), training).singletonOrThrow().split(
			2, 1);
		final NDArray sigma = Activation.softPlus(ms.get(1)).add(SCALE_FLOOR);
		return gaussianBins(z.sub(ms.get(0)), sigma);
	}

	/** Bin masses of the hyper-latent h, each at least {@link #LIKELIHOOD_BOUND}. */
	public NDArray hyperLikelihood(final ParameterStore ps, final NDArray h, final boolean training) {
		return hyperDensity.forward(ps, new NDList(h), training).singletonOrThrow().maximum(
			LIKELIHOOD_BOUND);
	}

	/**
	 * Phi((1/2 - |v|) / sigma) - Phi((-1/2 - |v|) / sigma): the mass of the unit bin around v of a
	 * zero-mean Gaussian, on the side where both terms are small; bounded below.
	 */
	static NDArray gaussianBins(final NDArray v, final NDArray sigma) {
		final NDArray a = v.abs();
		final float k = (float) (1 / Math.sqrt(2));
		final NDArray upper = a.neg().add(0.5f).div(sigma).mul(k).erf();
		final NDArray lower = a.neg().sub(0.5f).div(sigma).mul(k).erf();
		return upper.sub(lower).mul(0.5f).maximum(LIKELIHOOD_BOUND);
	}

	/** Code length in bits of the bin masses {@code likelihoods}: -sum log2. */
	public static NDArray bits(final NDArray likelihoods) {
		return likelihoods.log().sum().div((float) -Math.log(2));
	}

	@Override
	protected NDList forwardInternal(final ParameterStore ps, final NDList inputs,
		final boolean training, final PairList<String, Object> params)
	{
		final NDArray x = inputs.singletonOrThrow();
		final NDArray z = analyse(ps, x, training);
		final NDArray h = hyperAnalyse(ps, z, training);
		final NDArray zq = training ? relaxed(z) : z.round();
		final NDArray hq = training ? relaxed(h) : h.round();
		return new NDList(synthesise(ps, zq, training), latentLikelihood(ps, zq, hq, training),
			hyperLikelihood(ps, hq, training));
	}

	/** v plus uniform noise on [-1/2, 1/2), the training stand-in for rounding. */
	private static NDArray relaxed(final NDArray v) {
		final NDManager m = v.getManager();
		return v.add(m.randomUniform(-0.5f, 0.5f, v.getShape(), v.getDataType(), v.getDevice()));
	}

	@Override
	public Shape[] getOutputShapes(final Shape[] inputs) {
		final Shape s = inputs[0];
		final long n = s.get(0), h = s.get(2), w = s.get(3);
		return new Shape[] { s, new Shape(n, latentChannels, h / 16, w / 16), new Shape(n, width, h /
			64, w / 64) };
	}

	@Override
	protected void initializeChildBlocks(final NDManager manager, final DataType dataType,
		final Shape... inputShapes)
	{
		final Shape in = inputShapes[0];
		Checks.require(in.get(2) % MULTIPLE == 0 && in.get(3) % MULTIPLE == 0, "patch", in.toString(),
			"image sides that are multiples of " + MULTIPLE);
		final long n = in.get(0), h = in.get(2), w = in.get(3);
		for (final Block b : parts())
			b.setInitializer(CompressiveAutoencoder::fanInUniform, Parameter.Type.WEIGHT);
		analysis.initialize(manager, dataType, in);
		final Shape latent = new Shape(n, latentChannels, h / 16, w / 16);
		synthesis.initialize(manager, dataType, latent);
		hyperAnalysis.initialize(manager, dataType, latent);
		final Shape hyper = new Shape(n, width, h / 64, w / 64);
		hyperSynthesis.initialize(manager, dataType, hyper);
		hyperDensity.initialize(manager, dataType, hyper);
	}

	/**
	 * Convolution weights uniform in +-1/sqrt(fan-in), PyTorch's default, which compressive
	 * autoencoders are designed around: with DJL's Xavier start the IGDN layers of the synthesis
	 * compound a gain of about 2 per layer (decoded values around 60 for images in [0, 1]) and
	 * training stalls far from the data.
	 */
	static NDArray fanInUniform(final NDManager m, final Shape s, final DataType t) {
		final float bound = (float) (1 / Math.sqrt((double) s.size() / s.get(0)));
		return m.randomUniform(-bound, bound, s, t);
	}

	public int width() {
		return width;
	}

	public int latentChannels() {
		return latentChannels;
	}

	/** Number of trainable values. */
	public long parameterCount() {
		return getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
	}

	/** The blocks in the order the forward pass uses them (for tests and descriptors). */
	List<Block> parts() {
		return List.of(analysis, synthesis, hyperAnalysis, hyperSynthesis, hyperDensity);
	}
}
