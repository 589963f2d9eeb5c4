package org.priorj.physics;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import org.priorj.base.Checks;

/**
 * The inverse problems PriorJ solves, each with the kind of forward operator that poses it (as
 * {@link OperatorSpec} names it). This is the one place that says which operator kind belongs to
 * which task, which tasks have complex unknowns and which have data in the image's own units.
 */
public enum Task {

	INPAINTING("mask"), SUPER_RESOLUTION("downsample"), DEBLURRING("blur"), DENOISING("identity"),
	CT("radon"), DYNAMIC_CT("dynamic-ct"), MRI("mri");

	private final String operatorKind;

	Task(final String operatorKind) {
		this.operatorKind = operatorKind;
	}

	/** The name users type: {@code inpainting}, {@code super_resolution}, ..., {@code mri}. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The kind of operator that poses the task ({@code mask}, {@code radon}, ...). */
	public String operatorKind() {
		return operatorKind;
	}

	/** MRI's unknown is a complex image (2, H, W): real and imaginary plane. */
	public boolean isComplex() {
		return this == MRI;
	}

	/**
	 * The data are values of the image itself (pixels seen through a mask, a blur, an average), so
	 * their spread is the image's; CT and MRI data (line integrals, Fourier coefficients) are not.
	 */
	public boolean dataInImageUnits() {
		return this == INPAINTING || this == SUPER_RESOLUTION || this == DEBLURRING ||
			this == DENOISING;
	}

	/** The task an operator kind poses; refused as {@code operator} when no task has it. */
	public static Task ofKind(final String kind) {
		for (final Task t : values())
			if (t.operatorKind.equals(kind)) return t;
		throw Checks.bad("operator", "kind '" + kind + "'", Arrays.stream(values()).map(
			Task::operatorKind).collect(Collectors.joining(", ")));
	}

	/** The task named {@code text} (its {@link #label}), which must be one of {@code allowed}. */
	public static Task parse(final String parameter, final String text,
		final Collection<Task> allowed)
	{
		for (final Task t : allowed)
			if (t.label().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) return t;
		throw Checks.bad(parameter, "'" + text + "'", labels(allowed));
	}

	/** The labels of {@code tasks}, comma-separated, for messages. */
	public static String labels(final Collection<Task> tasks) {
		return tasks.stream().map(Task::label).collect(Collectors.joining(", "));
	}

	@Override
	public String toString() {
		return label();
	}
}
