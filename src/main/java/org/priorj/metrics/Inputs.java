package org.priorj.metrics;

import org.priorj.base.Checks;

/** Checks shared by the metrics: present, equally sized, finite arrays. */
final class Inputs {

	private Inputs() {}

	/** Refuses a missing, empty or non-finite {@code image}; returns its length. */
	static int present(final String parameter, final float[] image) {
		if (image == null || image.length == 0) throw Checks.bad(parameter, image == null ? "null"
			: "no pixels", "a non-empty image");
		Checks.finite(parameter, image);
		return image.length;
	}

	/** Refuses {@code other} unless it is present, finite and as large as {@code first}. */
	static void sameSize(final String firstName, final float[] first, final String parameter,
		final float[] other)
	{
		if (other == null) throw Checks.bad(parameter, "null", "an image of " + first.length +
			" pixels like " + firstName);
		Checks.require(other.length == first.length, parameter, other.length + " pixels",
			"the size of " + firstName + ", " + first.length + " pixels");
		Checks.finite(parameter, other);
	}

	static void dataRange(final double dataRange) {
		Checks.require(dataRange > 0 && Double.isFinite(dataRange), "data_range", "got " +
			dataRange, "a finite number > 0 (maximum minus minimum possible value, e.g. 255 or 1)");
	}
}
