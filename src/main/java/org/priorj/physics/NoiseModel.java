package org.priorj.physics;

/** A seeded, reproducible way to corrupt a clean measurement. Never modifies its input. */
public interface NoiseModel {

	float[] corrupt(float[] clean, long seed);

	/** Name and parameters, for metadata ("gaussian sigma=0.01"). */
	String describe();

	/** Noise-free: the measurement is a copy of the clean data. */
	NoiseModel NONE = new NoiseModel() {

		@Override
		public float[] corrupt(final float[] clean, final long seed) {
			return clean.clone();
		}

		@Override
		public String describe() {
			return "none";
		}
	};
}
