package org.priorj.solve;

import java.util.Locale;

import org.priorj.base.Checks;
import org.priorj.base.Progress;

/**
 * Progress of a volume loop reported per slab, not per step: a step over a large volume is many
 * network calls (256 slices of 256² take about 20 s on a CPU), so the user sees "DDS-3D step 3/50,
 * slices 9–16 of 256" move with each batch. Handed to {@link Iterations} it passes the user's
 * cancel on and leaves the reporting to {@link #slab}.
 */
final class SlabProgress implements Progress {

	private final Progress user;
	private final String name;
	private final int steps, slabsPerStep, perSlice, slices;
	private int done;

	/**
	 * @param items the batch's items (slices times the items each slice is to the prior)
	 * @param perSlice items per slice (2 for complex slices seen as grey planes)
	 * @param batchItems items per network call
	 */
	SlabProgress(final Progress user, final String name, final int steps, final int items,
		final int perSlice, final int batchItems)
	{
		this.user = user == null ? Progress.NONE : user;
		this.name = name;
		this.steps = steps;
		this.perSlice = Checks.positive("perSlice", perSlice);
		this.slices = items / perSlice;
		this.slabsPerStep = (items + batchItems - 1) / Checks.positive("batch", batchItems);
	}

	/** The loop's own per-step report: the slabs say more. */
	@Override
	public void report(final String task, final int d, final int total) {}

	@Override
	public boolean isCancelled() {
		return user.isCancelled();
	}

	/** The network is about to see {@code n} items from {@code first}. */
	void slab(final int first, final int n) {
		done++;
		user.report(String.format(Locale.ROOT, "%s step %d/%d, slices %d–%d of %d", name, (done - 1) /
			slabsPerStep + 1, steps, first / perSlice + 1, (first + n) / perSlice, slices), done, steps *
				slabsPerStep);
	}
}
