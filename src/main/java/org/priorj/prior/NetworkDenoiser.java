package org.priorj.prior;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;

import org.priorj.base.Checks;
import org.priorj.image.TensorConverter;
import org.priorj.base.Shape;

/**
 * A {@link Denoiser} backed by a trained {@link NoiseConditionalUnet} with the preconditioning of
 * {@link UnetPreconditioning}: one channel, values in [0, 1], sigma in the same units.
 * <p>
 * Any image size works: each image is padded by mirror reflection (edge pixel not repeated) up to
 * the next multiple of the network's {@link NoiseConditionalUnet#multiple()} and cropped back.
 * sigma = 0 returns a copy of x; sigma outside [minSigma, maxSigma] is evaluated as given (the
 * preconditioning makes D tend to the identity as sigma goes to 0) and is not clamped. Batches are
 * run in chunks of {@link #CHUNK} images. Calls are serialised by a lock, so the instance can be
 * shared between threads; {@link #close} frees the native memory.
 */
public final class NetworkDenoiser implements DifferentiableDenoiser, AutoCloseable {

	/** Images per network call. */
	public static final int CHUNK = 8;

	private final String name;
	private final NoiseConditionalUnet net;
	private final NDManager manager;
	private final ParameterStore store;
	private final double minSigma, maxSigma;
	private final Object lock = new Object();

	/** Wraps an initialised network; the denoiser owns (and closes) the manager. */
	public NetworkDenoiser(final String name, final NoiseConditionalUnet net,
		final NDManager manager, final double minSigma, final double maxSigma)
	{
		this.name = name;
		this.net = net;
		this.manager = manager;
		this.store = new ParameterStore(manager, false);
		this.minSigma = minSigma;
		this.maxSigma = maxSigma;
	}

	/** Loads a prior folder written by training (descriptor checked, weights hash verified). */
	public static NetworkDenoiser load(final Path folder) throws IOException {
		return load(folder, ai.djl.Device.cpu());
	}

	/** Loads a prior folder onto {@code device} (see {@link PriorDevice}). */
	public static NetworkDenoiser load(final Path folder, final ai.djl.Device device)
		throws IOException
	{
		final UnetDescriptor d = UnetDescriptor.read(folder);
		final Path weights = PriorDescriptor.read(folder).verifiedWeights();
		final NoiseConditionalUnet net = new NoiseConditionalUnet(d.widths);
		final NDManager manager = NDManager.newBaseManager(device, "PyTorch");
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(
			weights))))
		{
			final int m = net.multiple();
			net.initialize(manager, DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 2, m, m));
			net.loadParameters(manager, in);
		}
		catch (final MalformedModelException | IOException | RuntimeException e) {
			manager.close();
			if (e instanceof IllegalArgumentException) throw (IllegalArgumentException) e;
			throw Checks.bad("weights", weights + " (" + failure(e, weights) + ")",
				"parameters of a noise-conditional UNet with widths " + java.util.Arrays.toString(
					d.widths));
		}
		return new NetworkDenoiser(d.name, net, manager, d.minSigma, d.maxSigma);
	}

	/** Why the weights did not load, in words (a stream that ends early has no message). */
	static String failure(final Exception e, final Path weights) {
		if (e instanceof java.io.EOFException) {
			long size = -1;
			try {
				size = Files.size(weights);
			}
			catch (final IOException notReadable) {
				// the size is only for the message
			}
			return "the file ends after " + size + " bytes, before all parameters: truncated";
		}
		return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public int channels() {
		return 1;
	}

	@Override
	public double low() {
		return 0;
	}

	@Override
	public double high() {
		return 1;
	}

	@Override
	public double minSigma() {
		return minSigma;
	}

	@Override
	public double maxSigma() {
		return maxSigma;
	}

	/** The network (for training code and gradients). */
	public NoiseConditionalUnet network() {
		return net;
	}

	@Override
	public float[] denoise(final float[] x, final Shape nchw, final double sigma) {
		DenoiserInputs.check(this, x, nchw, sigma);
		if (sigma == 0) return x.clone();
		final int n = nchw.dim(0), h = nchw.dim(2), w = nchw.dim(3);
		final int m = net.multiple();
		final int ph = (h + m - 1) / m * m, pw = (w + m - 1) / m * m;
		final int hw = h * w, phw = ph * pw;
		final float[] result = new float[x.length];
		for (int start = 0; start < n; start += CHUNK) {
			final int count = Math.min(CHUNK, n - start);
			final float[] noisy = new float[count * phw];
			final float[] in = new float[count * 2 * phw];
			for (int b = 0; b < count; b++) {
				Reflection.pad(x, (start + b) * hw, h, w, noisy, b * phw, ph, pw);
				UnetPreconditioning.input(noisy, b * phw, phw, sigma, in, b * 2 * phw);
			}
			final float[] f = forward(in, count, ph, pw);
			final float[] d = new float[phw];
			for (int b = 0; b < count; b++) {
				UnetPreconditioning.output(noisy, b * phw, f, b * phw, phw, sigma, d, 0);
				for (int y = 0; y < h; y++)
					System.arraycopy(d, y * pw, result, (start + b) * hw + y * w, w);
			}
		}
		return result;
	}

	/** The network's activations for one chunk of the batch, on the CPU; 0 on a GPU. */
	@Override
	public long hostBytes(final Shape nchw) {
		if (manager.getDevice().isGpu()) return 0;
		final long m = net.multiple();
		final long ph = (nchw.dim(2) + m - 1) / m * m, pw = (nchw.dim(3) + m - 1) / m * m;
		return (long) Math.ceil(net.activationFloatsPerPixel() * 4 * Math.min(CHUNK, nchw.dim(0)) *
			ph * pw);
	}

	/**
	 * J^T v through the preconditioning, the network and the reflection padding:
	 * D = crop(0.5 + c_skip (Px - 0.5) + c_out F(c_in (Px - 0.5), c_noise)), so
	 * J^T v = P^T (c_skip u + c_out c_in J_F^T u) with u = crop^T v.
	 */
	@Override
	public float[] vjp(final float[] x, final Shape nchw, final double sigma, final float[] v) {
		DenoiserInputs.check(this, x, nchw, sigma);
		nchw.check("v", v, "N x C x H x W");
		if (sigma == 0) return v.clone();
		final int n = nchw.dim(0), h = nchw.dim(2), w = nchw.dim(3);
		final int m = net.multiple();
		final int ph = (h + m - 1) / m * m, pw = (w + m - 1) / m * m;
		final int hw = h * w, phw = ph * pw;
		final float skip = (float) UnetPreconditioning.cSkip(sigma);
		final float scale = (float) (UnetPreconditioning.cOut(sigma) * UnetPreconditioning.cIn(
			sigma));
		final float[] result = new float[x.length];
		for (int b = 0; b < n; b++) {
			final float[] noisy = new float[phw];
			final float[] in = new float[2 * phw];
			Reflection.pad(x, b * hw, h, w, noisy, 0, ph, pw);
			UnetPreconditioning.input(noisy, 0, phw, sigma, in, 0);
			final float[] u = new float[phw];
			for (int y = 0; y < h; y++) System.arraycopy(v, b * hw + y * w, u, y * pw, w);
			final float[] g = inputGradient(in, u, ph, pw);
			final float[] total = new float[phw];
			for (int i = 0; i < phw; i++) total[i] = skip * u[i] + scale * g[i];
			Reflection.foldBack(total, 0, ph, pw, result, b * hw, h, w);
		}
		return result;
	}

	/** The gradient of sum(u * F(in)) with respect to the image plane of in (1, 2, h, w). */
	private float[] inputGradient(final float[] in, final float[] u, final int h, final int w) {
		synchronized (lock) {
			try (NDManager sub = manager.newSubManager();
				GradientCollector gc = manager.getEngine().newGradientCollector())
			{
				final NDArray input = TensorConverter.nchw(sub, in, 1, 2, h, w);
				input.setRequiresGradient(true);
				final NDArray out = net.forward(store, new NDList(input), true).singletonOrThrow();
				final NDArray weight = TensorConverter.nchw(sub, u, 1, 1, h, w);
				gc.backward(out.mul(weight).sum());
				final float[] grad = TensorConverter.toFloatArray(input.getGradient());
				return java.util.Arrays.copyOf(grad, h * w);
			}
		}
	}

	/** F on (count, 2, h, w) inputs; returns (count, 1, h, w). */
	private float[] forward(final float[] in, final int count, final int h, final int w) {
		synchronized (lock) {
			try (NDManager sub = manager.newSubManager()) {
				final NDArray input = TensorConverter.nchw(sub, in, count, 2, h, w);
				final NDArray out = net.forward(store, new NDList(input), false).singletonOrThrow();
				return TensorConverter.toFloatArray(out);
			}
		}
	}

	@Override
	public void close() {
		manager.close();
	}
}
