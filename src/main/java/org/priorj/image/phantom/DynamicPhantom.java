package org.priorj.image.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.priorj.base.Checks;

/**
 * A time series of a deforming modified Shepp-Logan phantom, for dynamic tomography and dynamic
 * MRI: the head "breathes", the two large inner ellipses "beat" and the six small features drift.
 * With whole numbers of cycles every motion is periodic over the series: frame T would equal
 * frame 0, so the series can be played in a loop.
 * <p>
 * With s = t / T the time of frame t (t = 0 .. T-1) as a fraction of the series:
 * <ul>
 * <li>breathing: every ellipse (semi-axes and centre) is scaled about the origin by
 * 1 + A_b b(s) along x and 1 + A_b b(s) / 2 along y, with b(s) = (1 - cos(2 pi c_b s)) / 2, so
 * frame 0 is the undeformed phantom and, for c_b = 1, frame T/2 the most expanded one;</li>
 * <li>heartbeat: both semi-axes of the third and fourth Shepp-Logan ellipses (the large dark ones) are multiplied by
 * 1 + A_h sin(2 pi c_h s + phi_i), with a random phase phi_i per ellipse;</li>
 * <li>drift: the centre of each of the six small ellipses moves on a circle of radius A_d (image
 * units, [-1, 1] per axis) with c_d = 1 turn per series, starting at its Shepp-Logan position in a
 * random direction.</li>
 * </ul>
 * The seed fixes the random phases and directions (drawn with {@link java.util.Random}). Defaults:
 * c_b = 1, A_b = 0.05, c_h = 2, A_h = 0.15, A_d = 0.03. Frames are rendered like
 * {@link EllipsePhantom} (n x n, row 0 at y = +1); the series has layout (T, H, W).
 */
public final class DynamicPhantom {

	public static final double DEFAULT_BREATHING_CYCLES = 1;
	public static final double DEFAULT_BREATHING_AMPLITUDE = 0.05;
	public static final double DEFAULT_HEART_CYCLES = 2;
	public static final double DEFAULT_HEART_AMPLITUDE = 0.15;
	public static final double DEFAULT_DRIFT_RADIUS = 0.03;

	private static final int[] HEART = { 2, 3 };
	private static final int FIRST_SMALL = 4;

	private final int size;
	private final int frames;
	private final double breathingCycles, breathingAmplitude;
	private final double heartCycles, heartAmplitude;
	private final double driftRadius;
	private final double[] heartPhase;
	private final double[] driftAngle;
	private final List<Ellipse> base = EllipsePhantom.sheppLoganEllipses(true);

	/** A phantom with the default motion parameters. */
	public DynamicPhantom(final int size, final int frames, final long seed) {
		this(size, frames, seed, DEFAULT_BREATHING_CYCLES, DEFAULT_BREATHING_AMPLITUDE,
			DEFAULT_HEART_CYCLES, DEFAULT_HEART_AMPLITUDE, DEFAULT_DRIFT_RADIUS);
	}

	/**
	 * @param size n, the frame width and height in pixels
	 * @param frames T, the number of frames
	 * @param seed fixes the heartbeat phases and drift directions
	 * @param breathingCycles c_b, breathing cycles over the series (>= 0)
	 * @param breathingAmplitude A_b, relative expansion in [0, 0.08] (the head stays in the image)
	 * @param heartCycles c_h, heartbeats over the series (>= 0)
	 * @param heartAmplitude A_h, relative size change in [0, 0.5]
	 * @param driftRadius A_d, radius of the small features' circular paths, in [0, 0.1]
	 */
	public DynamicPhantom(final int size, final int frames, final long seed,
		final double breathingCycles, final double breathingAmplitude, final double heartCycles,
		final double heartAmplitude, final double driftRadius)
	{
		this.size = Checks.positive("size", size);
		Checks.require((long) size * size <= Integer.MAX_VALUE - 8, "size", "got " + size,
			"at most 46340");
		this.frames = Checks.positive("frames", frames);
		Checks.require((long) size * size * frames <= Integer.MAX_VALUE - 8, "frames", "got " +
			frames + " of " + size + "x" + size, "a series of at most 2^31 - 9 values");
		this.breathingCycles = Checks.nonNegative("breathing_cycles", breathingCycles);
		this.breathingAmplitude = Checks.inRange("breathing_amplitude", breathingAmplitude, 0, 0.08);
		this.heartCycles = Checks.nonNegative("heart_cycles", heartCycles);
		this.heartAmplitude = Checks.inRange("heart_amplitude", heartAmplitude, 0, 0.5);
		this.driftRadius = Checks.inRange("drift_radius", driftRadius, 0, 0.1);
		final Random random = new Random(seed);
		heartPhase = new double[HEART.length];
		for (int i = 0; i < heartPhase.length; i++) heartPhase[i] = 2 * Math.PI * random.nextDouble();
		driftAngle = new double[base.size() - FIRST_SMALL];
		for (int i = 0; i < driftAngle.length; i++) driftAngle[i] = 2 * Math.PI * random.nextDouble();
	}

	public int size() {
		return size;
	}

	public int frames() {
		return frames;
	}

	/** The ellipses of frame t (0 <= t < T). */
	public List<Ellipse> ellipses(final int t) {
		Checks.require(t >= 0 && t < frames, "frame", "got " + t, "0 .. " + (frames - 1));
		final double s = (double) t / frames;
		final List<Ellipse> list = new ArrayList<>(base.size());
		for (int i = 0; i < base.size(); i++) {
			final Ellipse e = base.get(i);
			double a1 = e.a1(), a2 = e.a2(), x0 = e.x0(), y0 = e.y0();
			final int heart = heartIndex(i);
			if (heart >= 0) {
				final double f = 1 + heartAmplitude * Math.sin(2 * Math.PI * heartCycles * s +
					heartPhase[heart]);
				a1 *= f;
				a2 *= f;
			}
			if (i >= FIRST_SMALL) {
				final double angle = driftAngle[i - FIRST_SMALL];
				final double turn = 2 * Math.PI * s;
				// circle through the rest position, centred one radius away from it
				x0 += driftRadius * (Math.cos(angle + turn) - Math.cos(angle));
				y0 += driftRadius * (Math.sin(angle + turn) - Math.sin(angle));
			}
			final double b = 0.5 * (1 - Math.cos(2 * Math.PI * breathingCycles * s));
			final double sx = 1 + breathingAmplitude * b, sy = 1 + 0.5 * breathingAmplitude * b;
			// scaling an ellipse rotated by theta along x and y is exact only for theta = 0 or the
			// axes' own directions; for the two tilted heart ellipses it is a close approximation
			list.add(new Ellipse(e.value(), a1 * scaleAlong(e.theta(), sx, sy), a2 * scaleAlong(e
				.theta() + Math.PI / 2, sx, sy), x0 * sx, y0 * sy, e.theta()));
		}
		return list;
	}

	/** Frame t, n x n, row-major. */
	public float[] frame(final int t) {
		return EllipsePhantom.render(size, ellipses(t));
	}

	/** All frames, layout (T, H, W). */
	public float[] series() {
		final float[] out = new float[frames * size * size];
		for (int t = 0; t < frames; t++) System.arraycopy(frame(t), 0, out, t * size * size,
			size * size);
		return out;
	}

	private static int heartIndex(final int ellipse) {
		for (int k = 0; k < HEART.length; k++) if (HEART[k] == ellipse) return k;
		return -1;
	}

	/** Length factor of a unit vector at angle phi under the scaling diag(sx, sy). */
	private static double scaleAlong(final double phi, final double sx, final double sy) {
		return Math.hypot(sx * Math.cos(phi), sy * Math.sin(phi));
	}
}
