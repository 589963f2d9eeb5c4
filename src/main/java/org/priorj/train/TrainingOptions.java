package org.priorj.train;

import java.nio.file.Path;

/**
 * Settings of one training run; the names match the command-line options. The run stops after
 * {@link #steps} steps or {@link #minutes} minutes of training, whichever comes first; the
 * learning-rate schedule follows whichever of the two is further along, so a run cut short by the
 * time budget still ends with a fully decayed learning rate.
 */
public final class TrainingOptions {

	/**
	 * The kinds of training: a noise-conditional UNet denoiser, a compressive autoencoder, or the
	 * variance decoder of a trained autoencoder (VBLE-xz).
	 */
	public static final String DENOISER = "denoiser", AUTOENCODER = "cae",
		VARIANCE = "cae-variance";
	/** The kinds, as a message lists them. */
	public static final String KINDS = DENOISER + ", " + AUTOENCODER + " or " + VARIANCE;

	public String kind = DENOISER;

	public Path out;
	public String name = "prior";
	public int steps = 8000;
	/** Wall-clock budget for the training loop in minutes (0 = none). */
	public double minutes = 0;
	public int batch = 16;
	public int patch = 48;
	public double sigmaMin = 0.01;
	public double sigmaMax = 0.3;
	/** Peak learning rate of Adam. */
	public double lr = 1e-3;
	public long seed = 1;
	public int[] widths = { 32, 64, 128, 128 };
	/** Autoencoder: channels N of the hidden layers and of the hyper-latent. */
	public int caeWidth = 64;
	/** Autoencoder: channels M of the latent. */
	public int latentChannels = 96;
	/**
	 * Autoencoder: weight of the distortion in the rate–distortion loss bpp + alpha 255^2 MSE
	 * (CompressAI's lambda; 0.0483 is its quality 6 and the VBLE-xz models' choice).
	 */
	public double alpha = 0.0483;
	public boolean resume = false;
	/** Patch scales (block-mean reduction factors) drawn uniformly per patch. */
	public int[] scales = { 1 };
	/** Variance decoder: the trained autoencoder's folder (its weights stay frozen). */
	public Path autoencoder;
	/** A prior folder whose weights start the run (same widths); null = random start. */
	public Path init;
	public int checkpointEvery = 250;
	public int logEvery = 25;
	/** Free text recorded as the training command. */
	public String command = "";
}
