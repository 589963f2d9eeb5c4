package org.priorj.physics.mri;

import java.util.Locale;

import org.priorj.base.Checks;
import org.priorj.base.Shape;

/**
 * Which k-space samples of an {@code H x W} grid are measured: a binary mask (1 sampled, 0 not),
 * row-major (index {@code y*W + x}), in the centred k-space layout of {@link CenteredFft2} (DC at
 * {@code (H/2, W/2)}). Being binary, the mask is an orthogonal projection, which keeps the MRI
 * operators' zero-filled reconstructions exact (see {@link SingleCoilMri}). A mask always has at
 * least one sample. Immutable.
 * <p>
 * Seeded generators live in {@link SamplingMasks}; {@link #fromImage} takes a user's mask.
 * <p>
 * Memory: {@code H*W} floats.
 */
public final class SamplingMask {

	private final int height;
	private final int width;
	private final float[] values;
	private final int count;
	private final String description;

	/** Takes ownership of {@code values} (0 or 1 each); refuses a mask without samples. */
	SamplingMask(final int height, final int width, final float[] values,
		final String description)
	{
		this.height = height;
		this.width = width;
		this.values = values;
		int n = 0;
		for (final float v : values) if (v != 0) n++;
		Checks.require(n > 0, "mask", "no sampled point in " + height + "x" + width,
			"at least one nonzero (sampled) value");
		this.count = n;
		this.description = description;
	}

	/**
	 * The mask given by a user's image of shape {@code (H, W)}: every nonzero value is a sampled
	 * point (weights are not kept: the mask is binary). NaN or infinite values and masks without
	 * samples are refused.
	 */
	public static SamplingMask fromImage(final int height, final int width, final float[] mask) {
		Checks.positive("height", height);
		Checks.positive("width", width);
		Checks.length("mask", mask, height * width);
		Checks.finite("mask", mask);
		final float[] binary = new float[mask.length];
		for (int i = 0; i < mask.length; i++) binary[i] = mask[i] != 0 ? 1f : 0f;
		return new SamplingMask(height, width, binary, "user mask " + height + "x" + width);
	}

	public int height() {
		return height;
	}

	public int width() {
		return width;
	}

	/** {@code (H, W)}. */
	public Shape shape() {
		return Shape.of(height, width);
	}

	public boolean isSampled(final int y, final int x) {
		return values[y * width + x] != 0;
	}

	/** A copy of the mask, 1 for sampled points and 0 elsewhere. */
	public float[] values() {
		return values.clone();
	}

	/** The mask itself, not a copy, for operators in this package (never modified). */
	float[] data() {
		return values;
	}

	public int sampledCount() {
		return count;
	}

	/** Sampled points over all points of the grid. */
	public double sampledFraction() {
		return (double) count / ((double) height * width);
	}

	/** The achieved acceleration: all points of the grid over sampled points ({@code H*W / count}). */
	public double acceleration() {
		return ((double) height * width) / count;
	}

	/** How the mask was made, with its achieved acceleration. */
	public String describe() {
		return description + String.format(Locale.ROOT, " (%d of %d samples, acceleration %.4g)", count,
			height * width, acceleration());
	}

	@Override
	public String toString() {
		return describe();
	}
}
