package org.priorj.fiji;

import java.util.ArrayList;
import java.util.List;

import org.priorj.base.Progress;
import org.priorj.solve.Result;

/**
 * K runs of a stochastic solver with seeds seed, seed + 1, ...: their per-pixel mean and standard
 * deviation, the first run's result (for its parameters) and each run's history. The status bar
 * shows the K runs as one task, so its time left covers all of them; Esc stops the run in progress
 * (which returns its current estimate) and no further run starts.
 */
final class SampleRuns {

	/** One run with a seed, reporting to the progress given. */
	interface Run {

		Result run(long seed, Progress progress);
	}

	/** The runs' mean (one run: its estimate itself) and sample standard deviation (one run: empty). */
	final float[] mean, sd;
	final Result first;
	final int done;
	final boolean cancelled;
	final List<double[]> histories;

	private SampleRuns(final float[] mean, final float[] sd, final Result first, final int done,
		final boolean cancelled, final List<double[]> histories)
	{
		this.mean = mean;
		this.sd = sd;
		this.first = first;
		this.done = done;
		this.cancelled = cancelled;
		this.histories = histories;
	}

	static SampleRuns run(final int samples, final long seed, final Progress status, final Run run) {
		final SampleProgress progress = new SampleProgress(status, samples);
		if (samples == 1) {
			// one run is its own mean, and has no spread: no sums, which for a volume are four
			// copies of it in doubles
			progress.sample(0);
			final Result r = run.run(seed, progress);
			return new SampleRuns(r.estimate(), new float[0], r, 1, r.cancelled(), List.of(r.history()));
		}
		double[] sum = null, sum2 = null;
		final List<double[]> histories = new ArrayList<>();
		Result first = null;
		boolean cancelled = false;
		int done = 0;
		for (int k = 0; k < samples && !cancelled; k++) {
			progress.sample(k);
			final Result r = run.run(seed + k, progress);
			if (first == null) {
				first = r;
				sum = new double[r.estimate().length];
				sum2 = new double[sum.length];
			}
			histories.add(r.history());
			final float[] x = r.estimate();
			for (int i = 0; i < x.length; i++) {
				sum[i] += x[i];
				sum2[i] += (double) x[i] * x[i];
			}
			done++;
			cancelled = r.cancelled();
		}
		final float[] mean = new float[sum.length], sd = new float[sum.length];
		for (int i = 0; i < mean.length; i++) {
			final double m = sum[i] / done;
			mean[i] = (float) m;
			// the sample standard deviation (n - 1), as every sampler's std map in PriorJ
			sd[i] = done < 2 ? 0 : (float) Math.sqrt(Math.max(0, (sum2[i] - done * m * m) / (done - 1)));
		}
		return new SampleRuns(mean, sd, first, done, cancelled, histories);
	}

	/** The Info line that says what the mean is made of (empty for one run). */
	String describe(final long seed) {
		return done > 1 ? "priorj.samples=" + done + " (mean of the runs with seeds " + seed + " to " +
			(seed + done - 1) + ")\n" : "";
	}

	/** Each run reports its steps from 0 to its own total; this shows them as one task. */
	static final class SampleProgress implements Progress {

		private final Progress inner;
		private final int count;
		private int sample;

		SampleProgress(final Progress inner, final int count) {
			this.inner = inner;
			this.count = count;
		}

		void sample(final int k) {
			sample = k;
		}

		@Override
		public void report(final String what, final int done, final int total) {
			inner.report(count > 1 ? what + " (" + count + " runs)" : what, sample * total + done,
				count * total);
		}

		@Override
		public boolean isCancelled() {
			return inner.isCancelled();
		}
	}
}
