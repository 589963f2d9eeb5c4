package org.priorj.base;

/**
 * Argument checks shared by every layer. Each failure is an {@link IllegalArgumentException}
 * whose message names the parameter, what was given and what is allowed, because that message is
 * what a Fiji user, a macro writer or a command-line user gets to read.
 */
public final class Checks {

	private Checks() {}

	public static IllegalArgumentException bad(final String parameter, final String given,
		final String allowed)
	{
		return new IllegalArgumentException("Parameter '" + parameter + "': " + given +
			"; allowed: " + allowed + ".");
	}

	/**
	 * The constant of {@code type} whose lower-case name is {@code text}; refused as
	 * {@code parameter} with every name if none is.
	 */
	public static <E extends Enum<E>> E choice(final String parameter, final String text,
		final Class<E> type)
	{
		final StringBuilder names = new StringBuilder();
		for (final E e : type.getEnumConstants()) {
			final String name = e.name().toLowerCase(java.util.Locale.ROOT);
			if (name.equals(text)) return e;
			names.append(names.length() > 0 ? ", " : "").append(name);
		}
		throw bad(parameter, "'" + text + "'", names.toString());
	}

	public static void require(final boolean ok, final String parameter, final String given,
		final String allowed)
	{
		if (!ok) throw bad(parameter, given, allowed);
	}

	public static int positive(final String parameter, final int value) {
		require(value > 0, parameter, "got " + value, "an integer > 0");
		return value;
	}

	public static double positive(final String parameter, final double value) {
		require(value > 0 && Double.isFinite(value), parameter, "got " + value,
			"a finite number > 0");
		return value;
	}

	public static double nonNegative(final String parameter, final double value) {
		require(value >= 0 && Double.isFinite(value), parameter, "got " + value,
			"a finite number >= 0");
		return value;
	}

	public static double inRange(final String parameter, final double value, final double lo,
		final double hi)
	{
		require(value >= lo && value <= hi, parameter, "got " + value, "a number in [" + lo +
			", " + hi + "]");
		return value;
	}

	/** Refuses NaN or infinite values; names the first bad index. */
	public static float[] finite(final String parameter, final float[] data) {
		for (int i = 0; i < data.length; i++) {
			if (!Float.isFinite(data[i])) throw bad(parameter, "value " + data[i] + " at index " +
				i, "finite numbers only (no NaN or Inf)");
		}
		return data;
	}

	public static float[] length(final String parameter, final float[] data, final int expected) {
		if (data == null) throw bad(parameter, "got null", "an array of " + expected + " values");
		require(data.length == expected, parameter, "got " + data.length + " values",
			"exactly " + expected + " values");
		return data;
	}
}
