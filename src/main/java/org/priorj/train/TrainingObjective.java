package org.priorj.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.Trainer;

import com.google.gson.JsonObject;

/**
 * What one kind of prior brings to the shared training loop ({@link PriorTrainer}): its network,
 * the loss of one batch, and the descriptor of the finished prior. Everything else (schedule,
 * checkpoints, resuming, progress, the training record) is the loop's.
 */
interface TrainingObjective {

	/** The network being trained (one instance per run). */
	AbstractBlock network();

	/** Number of trainable values of {@link #network} once initialised. */
	long parameterCount();

	/** Shape of a batch fed to the network. */
	Shape inputShape();

	/** Patch sides must be multiples of this. */
	int multiple();

	/**
	 * The verified weights of the prior folder {@code init} to start from, refused as {@code init}
	 * unless it holds this objective's architecture with the same sizes.
	 */
	Path initWeights(Path init) throws IOException;

	/** The scalar loss of one batch drawn from {@code random}, computed in {@code sub}. */
	NDArray loss(Trainer trainer, NDManager sub, Random random);

	/** Largest joint norm of the parameters' gradients in a step; 0: no limit. */
	double gradientNormLimit();

	/** Figures of the last batch beyond the loss, for the log (may be empty). */
	String details();

	/** One line on the network, for the log. */
	String summary();

	/** Writes {@code descriptor.json} for weights with this SHA-256 and the training provenance. */
	void writeDescriptor(Path folder, String sha256, JsonObject training) throws IOException;

	/** Adds the loss, the data law and the augmentation to the training record. */
	void describe(JsonObject record);

	/** Name of the trained weights' file in the prior folder. */
	default String weightsFile() {
		return PriorTrainer.WEIGHTS;
	}

	/** Name of the training record's file in the prior folder. */
	default String recordFile() {
		return "training.json";
	}
}
