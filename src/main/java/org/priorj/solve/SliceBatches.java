package org.priorj.solve;

import org.priorj.base.Checks;
import org.priorj.base.Shape;
import org.priorj.prior.EpsilonModel;

/**
 * A prior run on a volume's slices a batch at a time (DDS-3D's network calls), so that the network
 * never holds more than {@code batch} slices; the answer is the one the whole volume would get,
 * since each slice is an image of its own to a 2-D prior.
 */
final class SliceBatches implements EpsilonModel {

	/** Told of each batch before the network sees it: its first item and its size. */
	interface Listener {

		Listener NONE = (first, n) -> {};

		void batch(int first, int n);
	}

	private final EpsilonModel inner;
	private final int batch;
	private final Listener listener;

	SliceBatches(final EpsilonModel inner, final int batch) {
		this(inner, batch, Listener.NONE);
	}

	SliceBatches(final EpsilonModel inner, final int batch, final Listener listener) {
		this.inner = inner;
		this.batch = Checks.positive("batch", batch);
		this.listener = listener;
	}

	@Override
	public int channels() {
		return inner.channels();
	}

	@Override
	public float[] eps(final float[] xt, final Shape nchw, final double alphaBar) {
		final int n = nchw.dim(0), per = xt.length / n;
		if (n <= batch) {
			listener.batch(0, n);
			return inner.eps(xt, nchw, alphaBar);
		}
		final float[] out = new float[xt.length];
		each(xt, nchw, batch, listener, out, (part, shape) -> inner.eps(part, shape, alphaBar));
		return out;
	}

	/**
	 * Applies {@code f} to each batch of at most {@code batch} items of x (N, C, H, W) in turn, on a
	 * copy of the batch, and writes its answer to the same place in {@code out}, which may be x.
	 */
	static void each(final float[] x, final Shape nchw, final int batch, final Listener listener,
		final float[] out, final java.util.function.BiFunction<float[], Shape, float[]> f)
	{
		final int n = nchw.dim(0), per = x.length / n;
		for (int first = 0; first < n; first += batch) {
			final int b = Math.min(batch, n - first);
			listener.batch(first, b);
			final float[] part = f.apply(java.util.Arrays.copyOfRange(x, first * per, (first + b) * per),
				Shape.of(b, nchw.dim(1), nchw.dim(2), nchw.dim(3)));
			System.arraycopy(part, 0, out, first * per, part.length);
		}
	}
}
