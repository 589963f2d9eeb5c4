package org.priorj.solve;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.priorj.base.Checks;

/**
 * The classical reconstruction methods, as users name them ({@link #label}); run by
 * {@link ClassicalMethods}. Iterative methods run their own number of iterations unless asked for
 * another: 500 for harmonic and 2000 for biharmonic inpainting, 1000 for TV (they stop earlier
 * once converged), {@value Sart#DEFAULT_ITERATIONS} sweeps for SART, 100 for the others.
 */
public enum ClassicalMethod {

	FBP(0), CGLS(100), SART(Sart.DEFAULT_ITERATIONS), SIRT(100), TV(1000), TIKHONOV(100),
	RICHARDSON_LUCY(100), BICUBIC(0),
	HARMONIC_INPAINTING(HarmonicInpainting.DEFAULT_ITERATIONS),
	BIHARMONIC_INPAINTING(BiharmonicInpainting.DEFAULT_ITERATIONS), ZERO_FILLED(0), ADJOINT(0);

	private final int defaultIterations;

	ClassicalMethod(final int defaultIterations) {
		this.defaultIterations = defaultIterations;
	}

	/** The name users type: {@code fbp}, {@code richardson_lucy}, ... */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The iterations it runs when none are asked for (0 for direct methods, which ignore them). */
	public int defaultIterations() {
		return defaultIterations == 0 ? 100 : defaultIterations;
	}

	/** The method named {@code text}, refused as {@code parameter} if there is none. */
	public static ClassicalMethod parse(final String parameter, final String text) {
		for (final ClassicalMethod m : values())
			if (m.label().equals(text)) return m;
		throw Checks.bad(parameter, "'" + text + "'", labels());
	}

	/** Every label, comma-separated, for messages. */
	public static String labels() {
		return Arrays.stream(values()).map(ClassicalMethod::label).collect(Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return label();
	}
}
