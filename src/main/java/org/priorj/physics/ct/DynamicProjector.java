package org.priorj.physics.ct;

import java.util.ArrayList;
import java.util.List;

import org.priorj.base.Checks;
import org.priorj.physics.LinearOperator;
import org.priorj.base.Shape;
import org.priorj.physics.SliceWiseOperator;

/**
 * Dynamic parallel-beam projection: a time series {@code (T, H, W)} maps to sinograms
 * {@code (T, V, D)}, frame t projected at its own V angles (for example from an
 * {@link AngleSchedule}) by a {@link ParallelBeamProjector}, whose geometry and conventions apply
 * to every frame. Frames run in parallel.
 * <p>
 * Memory: T projectors of V angles, {@code 4 * T * V * (H + W + 1)} bytes of tables.
 */
public final class DynamicProjector implements LinearOperator {

	private final SliceWiseOperator frames;
	private final int views;

	/**
	 * @param anglesPerFrame {@code [frame][view]} angles in degrees, the same number of views
	 *          for every frame
	 * @param detectors detector bins per view
	 */
	public DynamicProjector(final int height, final int width, final double[][] anglesPerFrame,
		final int detectors)
	{
		if (anglesPerFrame == null || anglesPerFrame.length == 0) throw Checks.bad("angles",
			"no frames", "one angle list per frame, at least one frame");
		Checks.require(anglesPerFrame[0] != null && anglesPerFrame[0].length > 0, "angles",
			"frame 0 has no angles", "at least one view per frame");
		this.views = anglesPerFrame[0].length;
		final List<ParallelBeamProjector> ops = new ArrayList<>();
		for (int t = 0; t < anglesPerFrame.length; t++) {
			final double[] a = anglesPerFrame[t];
			Checks.require(a != null && a.length == views, "angles", "frame " + t + " has " + (a ==
				null ? 0 : a.length) + " angles", "the same number of views in every frame (" +
					views + ", as frame 0)");
			ops.add(new ParallelBeamProjector(height, width, a, detectors));
		}
		this.frames = SliceWiseOperator.of(ops);
	}

	/** A dynamic projector with {@code max(H, W)} detector bins. */
	public static DynamicProjector of(final int height, final int width,
		final double[][] anglesPerFrame)
	{
		return new DynamicProjector(height, width, anglesPerFrame, Math.max(height, width));
	}

	public int frames() {
		return frames.slices();
	}

	public int views() {
		return views;
	}

	/** The projector of frame t. */
	public ParallelBeamProjector frame(final int t) {
		return (ParallelBeamProjector) frames.slice(t);
	}

	@Override
	public Shape domain() {
		return frames.domain();
	}

	@Override
	public Shape range() {
		return frames.range();
	}

	@Override
	public String describe() {
		return "DynamicProjector " + domain() + " -> " + range() + " (" + frames() + " frames, " +
			views + " views each, " + frame(0).detectors() + " detectors, distance-driven)";
	}

	@Override
	public void apply(final float[] x, final float[] y) {
		domain().check("frames", x, "frames x height x width");
		range().check("sinograms", y, "frames x views x detectors");
		frames.apply(x, y);
	}

	@Override
	public void adjoint(final float[] y, final float[] x) {
		range().check("sinograms", y, "frames x views x detectors");
		domain().check("frames", x, "frames x height x width");
		frames.adjoint(y, x);
	}
}
