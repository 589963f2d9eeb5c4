package org.priorj.physics;

import java.util.Locale;

import org.priorj.base.Checks;

/**
 * The noise a simulated measurement gets, as users name it, and the model each makes for clean
 * data and a level: {@code gaussian} (sigma = level), {@code gaussian_relative} (sigma = level x
 * max|Ax|), {@code poisson} (CT photon counts, level = photons per bin) or {@code none}.
 */
public enum NoiseKind {

	GAUSSIAN, GAUSSIAN_RELATIVE, POISSON, NONE;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static NoiseKind parse(final String parameter, final String text) {
		return Checks.choice(parameter, text, NoiseKind.class);
	}

	/** The model for data whose noise-free values are {@code clean}. */
	public NoiseModel model(final double level, final float[] clean) {
		Checks.nonNegative("noise_level", level);
		switch (this) {
			case NONE:
				return NoiseModel.NONE;
			case GAUSSIAN:
				return new GaussianNoise(level);
			case GAUSSIAN_RELATIVE:
				return GaussianNoise.relativeToMax(clean, level);
			default: {
				double max = 0;
				for (final float v : clean) max = Math.max(max, v);
				// the densest ray keeps e^-2 of its photons, whatever the image's units
				return new PoissonCtNoise(level, max > 0 ? 2 / max : 1);
			}
		}
	}
}
