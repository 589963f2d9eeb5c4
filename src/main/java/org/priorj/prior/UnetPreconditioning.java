package org.priorj.prior;

/**
 * How the raw network F of a {@link NoiseConditionalUnet} becomes a denoiser, after Karras et al.
 * 2022 (EDM), for data in [0, 1] centred at 0.5 with a data spread {@link #SIGMA_DATA}:
 * <pre>
 * D(x, sigma) = 0.5 + c_skip (x - 0.5) + c_out F([c_in (x - 0.5), c_noise])
 * c_skip = sd^2 / (sigma^2 + sd^2),  c_out = sigma sd / sqrt(sigma^2 + sd^2),
 * c_in = 1 / sqrt(sigma^2 + sd^2),   c_noise = ln(sigma) / 4 (the constant second channel).
 * </pre>
 * Training regresses F on {@link #target} with plain MSE, which is the MSE on x0 weighted by
 * 1 / c_out^2: every noise level then contributes a loss of order one, so small sigmas are not
 * drowned by large ones. As sigma goes to 0, D tends to the identity, which keeps extrapolation
 * below the trained range well behaved. Arrays are planes of {@code hw} values at given offsets.
 */
public final class UnetPreconditioning {

	/** Assumed standard deviation of the training data in [0, 1] units. */
	public static final double SIGMA_DATA = 0.25;
	/** The data are centred by subtracting this. */
	public static final double CENTRE = 0.5;

	private UnetPreconditioning() {}

	public static double cSkip(final double sigma) {
		return SIGMA_DATA * SIGMA_DATA / (sigma * sigma + SIGMA_DATA * SIGMA_DATA);
	}

	public static double cOut(final double sigma) {
		return sigma * SIGMA_DATA / Math.sqrt(sigma * sigma + SIGMA_DATA * SIGMA_DATA);
	}

	public static double cIn(final double sigma) {
		return 1 / Math.sqrt(sigma * sigma + SIGMA_DATA * SIGMA_DATA);
	}

	public static double cNoise(final double sigma) {
		return Math.log(sigma) / 4;
	}

	/** Writes the two input planes (2 hw values) for one noisy image x. */
	public static void input(final float[] x, final int xOffset, final int hw, final double sigma,
		final float[] in, final int inOffset)
	{
		final float cin = (float) cIn(sigma), cnoise = (float) cNoise(sigma), c = (float) CENTRE;
		for (int i = 0; i < hw; i++) {
			in[inOffset + i] = cin * (x[xOffset + i] - c);
			in[inOffset + hw + i] = cnoise;
		}
	}

	/** Writes the regression target of F for clean x0 and noisy x (same offset, hw values). */
	public static void target(final float[] clean, final float[] noisy, final int offset,
		final int hw, final double sigma, final float[] target, final int targetOffset)
	{
		final double skip = cSkip(sigma), out = cOut(sigma);
		for (int i = 0; i < hw; i++)
			target[targetOffset + i] = (float) ((clean[offset + i] - CENTRE - skip * (noisy[offset +
				i] - CENTRE)) / out);
	}

	/** Writes D(x, sigma) from x and the network output f (hw values each). */
	public static void output(final float[] x, final int xOffset, final float[] f,
		final int fOffset, final int hw, final double sigma, final float[] d, final int dOffset)
	{
		final double skip = cSkip(sigma), out = cOut(sigma);
		for (int i = 0; i < hw; i++)
			d[dOffset + i] = (float) (CENTRE + skip * (x[xOffset + i] - CENTRE) + out * f[fOffset +
				i]);
	}
}
