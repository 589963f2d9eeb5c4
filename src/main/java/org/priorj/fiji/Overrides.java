package org.priorj.fiji;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.BiFunction;

import org.priorj.base.Checks;
import org.priorj.image.ValueRange;

/**
 * A solver setting as a dialog, a macro or the command line gives it: {@code auto} (or nothing)
 * keeps the preset's value, anything else must be a number. The preset's own checks then refuse a
 * number it cannot use, by the same parameter name.
 */
final class Overrides {

	static final String AUTO = "auto";

	private Overrides() {}

	static boolean isAuto(final String text) {
		return text == null || text.isBlank() || text.trim().toLowerCase(Locale.ROOT).equals(AUTO);
	}

	/** {@code preset} with {@code with} applied to the integer the text gives, or as it is for auto. */
	static <P> P integer(final P preset, final String parameter, final String text,
		final BiFunction<P, Integer, P> with)
	{
		final OptionalInt v = integer(parameter, text);
		return v.isPresent() ? with.apply(preset, v.getAsInt()) : preset;
	}

	/** {@code preset} with {@code with} applied to the number the text gives, or as it is for auto. */
	static <P> P number(final P preset, final String parameter, final String text,
		final BiFunction<P, Double, P> with)
	{
		final OptionalDouble v = number(parameter, text);
		return v.isPresent() ? with.apply(preset, v.getAsDouble()) : preset;
	}

	static OptionalInt integer(final String parameter, final String text) {
		if (isAuto(text)) return OptionalInt.empty();
		try {
			return OptionalInt.of(Integer.parseInt(text.trim()));
		}
		catch (final NumberFormatException e) {
			throw Checks.bad(parameter, "'" + text + "'", "an integer, or auto (the preset's value)");
		}
	}

	static OptionalDouble number(final String parameter, final String text) {
		if (isAuto(text)) return OptionalDouble.empty();
		try {
			final double v = Double.parseDouble(text.trim());
			Checks.require(Double.isFinite(v), parameter, "got " + v, "a finite number, or auto");
			return OptionalDouble.of(v);
		}
		catch (final NumberFormatException e) {
			throw Checks.bad(parameter, "'" + text + "'", "a number, or auto (the preset's value)");
		}
	}

	/**
	 * The user's map of {@code min} and {@code max} onto [-1, 1], or null when both are auto (the
	 * caller's percentiles).
	 */
	static ValueRange range(final String min, final String max) {
		return range(min, max, -1, 1);
	}

	/** The user's map of {@code min} and {@code max} onto [low, high], or null when both are auto. */
	static ValueRange range(final String min, final String max, final double low,
		final double high)
	{
		final OptionalDouble lo = number("range_min", min), hi = number("range_max", max);
		if (lo.isEmpty() && hi.isEmpty()) return null;
		Checks.require(lo.isPresent(), "range_min", "auto with range_max " + max,
			"both auto (percentiles) or both numbers");
		Checks.require(hi.isPresent(), "range_max", "auto with range_min " + min,
			"both auto (percentiles) or both numbers");
		Checks.require(hi.getAsDouble() > lo.getAsDouble(), "range_max", "got " + max +
			", not above range_min " + min, "range_max > range_min");
		return ValueRange.fromMinMax(lo.getAsDouble(), hi.getAsDouble(), low, high);
	}
}
