package org.priorj.train;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A compressive autoencoder small enough for tests: width 8, 12 latent channels, 64² phantoms. */
public final class TinyAutoencoder {

	private TinyAutoencoder() {}

	/**
	 * Trains the variance decoder of the autoencoder in {@code autoencoder} for {@code steps} steps;
	 * returns the new prior folder {@code out} (the autoencoder with its variance decoder).
	 */
	public static Path trainVariance(final Path autoencoder, final Path out, final String name,
		final int steps) throws Exception
	{
		final TrainingOptions o = options(out, name, steps);
		o.kind = TrainingOptions.VARIANCE;
		o.autoencoder = autoencoder;
		return new PriorTrainer(o, new TrainingSet().addEllipses(4, 64, 1), new PrintStream(
			new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
	}

	private static TrainingOptions options(final Path out, final String name, final int steps) {
		final TrainingOptions o = new TrainingOptions();
		o.out = out;
		o.name = name;
		o.steps = steps;
		o.patch = 64;
		o.batch = 2;
		o.caeWidth = 8;
		o.latentChannels = 12;
		return o;
	}

	/** Trains one for {@code steps} steps into {@code out}; returns the prior folder. */
	public static Path train(final Path out, final String name, final int steps) throws Exception {
		final TrainingOptions o = options(out, name, steps);
		o.kind = TrainingOptions.AUTOENCODER;
		return new PriorTrainer(o, new TrainingSet().addEllipses(4, 64, 1), new PrintStream(
			new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
	}
}
