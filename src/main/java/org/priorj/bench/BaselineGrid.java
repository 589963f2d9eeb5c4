package org.priorj.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.BiFunction;

import org.priorj.physics.Measurement;
import org.priorj.solve.ClassicalMethods;
import org.priorj.base.Progress;

/**
 * A classical method with a grid of parameter settings, scored on a benchmark's images: the
 * setting with the best mean PSNR is kept (an oracle choice that favours the baseline), with its
 * per-image PSNRs and its estimate of the first image.
 */
final class BaselineGrid {

	/** One parameter setting. */
	static final class Setting {

		final String method, label;
		final int iterations;
		/** Empty: the method's weight from the data, as a user gets it. */
		final OptionalDouble lambda;
		final boolean nonnegative;

		Setting(final String method, final int iterations, final OptionalDouble lambda,
			final boolean nonnegative, final String label)
		{
			this.method = method;
			this.iterations = iterations;
			this.lambda = lambda;
			this.nonnegative = nonnegative;
			this.label = label;
		}

		float[] run(final Measurement m) {
			final ClassicalMethods.Parameters p = new ClassicalMethods.Parameters();
			p.iterations = OptionalInt.of(iterations);
			p.lambda = lambda;
			p.nonnegative = nonnegative;
			return ClassicalMethods.reconstruct(method, m, p, Progress.NONE).estimate();
		}
	}

	final List<Setting> settings = new ArrayList<>();
	/** After {@link #score}: the best setting's label, per-image PSNRs and first estimate. */
	String bestLabel;
	double[] best;
	float[] bestFirst;

	/**
	 * TV at its default iterations (run to convergence) with the weight from the data and each of
	 * {@code weights}.
	 */
	static BaselineGrid tv(final double[] weights, final boolean nonnegative) {
		final BaselineGrid g = new BaselineGrid();
		final int iterations = ClassicalMethods.defaultIterations("tv");
		g.settings.add(new Setting("tv", iterations, OptionalDouble.empty(), nonnegative,
			"TV (λ auto)"));
		for (final double l : weights)
			g.settings.add(new Setting("tv", iterations, OptionalDouble.of(l), nonnegative, "TV (λ " +
				l + ")"));
		return g;
	}

	static BaselineGrid iterations(final String method, final int[] counts, final String name) {
		final BaselineGrid g = new BaselineGrid();
		for (final int k : counts)
			g.settings.add(new Setting(method, k, OptionalDouble.empty(), false, name + " (" + k + " it.)"));
		return g;
	}

	static BaselineGrid single(final String method, final String label) {
		final BaselineGrid g = new BaselineGrid();
		g.settings.add(new Setting(method, ClassicalMethods.defaultIterations(method), OptionalDouble
			.empty(), false,
			label));
		return g;
	}

	/**
	 * Scores every setting on the measurements with {@code psnr(image index, estimate)} and keeps
	 * the best mean.
	 */
	BaselineGrid score(final List<Measurement> ms, final BiFunction<Integer, float[], Double> psnr) {
		double bestMean = Double.NEGATIVE_INFINITY;
		for (final Setting s : settings) {
			final double[] p = new double[ms.size()];
			float[] first = null;
			for (int i = 0; i < ms.size(); i++) {
				final float[] est = s.run(ms.get(i));
				if (i == 0) first = est;
				p[i] = psnr.apply(i, est);
			}
			final double mean = Arrays.stream(p).average().orElse(0);
			if (mean > bestMean) {
				bestMean = mean;
				best = p;
				bestLabel = s.label;
				bestFirst = first;
			}
		}
		return this;
	}
}
