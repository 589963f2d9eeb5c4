package org.priorj.fiji;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.priorj.base.Checks;
import org.scijava.InstantiableException;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModuleItem;
import org.scijava.module.ModuleItem;

/**
 * A command's user-facing parameters and the conversion of a text value (from a macro's options or
 * the command line) to a parameter's type, shared by every way of calling a PriorJ command.
 */
public final class CommandParameters {

	private CommandParameters() {}

	/**
	 * The user-facing inputs: every input that is not a service, those the command declares itself
	 * (its input first) before those it inherits, nearest superclass first (task settings before
	 * the settings every prior command shares); declaration order within a class.
	 */
	public static List<ModuleItem<?>> items(final CommandInfo info) {
		final List<ModuleItem<?>> items = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs())
			if (!org.scijava.service.Service.class.isAssignableFrom(item.getType())) items.add(item);
		Class<?> command;
		try {
			command = info.loadClass();
		}
		catch (final InstantiableException e) {
			command = null;
		}
		final Class<?> c = command;
		items.sort(Comparator.comparingInt(item -> depth(item, c))); // stable: keeps field order
		return items;
	}

	/** How many classes above the command the item is declared (0: by the command itself). */
	private static int depth(final ModuleItem<?> item, final Class<?> command) {
		if (!(item instanceof CommandModuleItem) || command == null) return 0;
		final Class<?> declaring = ((CommandModuleItem<?>) item).getField().getDeclaringClass();
		int d = 0;
		for (Class<?> c = command; c != null; c = c.getSuperclass(), d++)
			if (c == declaring) return d;
		return 0;
	}

	/**
	 * The widget style of a parameter that names an installed prior: a dialog offers the installed
	 * priors as a choice (macros and the command line still take any name, and refuse an unknown one).
	 */
	public static final String PRIOR_STYLE = "priorj-prior";

	public static boolean isPrior(final ModuleItem<?> item) {
		return PRIOR_STYLE.equals(item.getWidgetStyle());
	}

	/** What a macro or dialog gives for an optional image left out (ImageJ's own word for it). */
	public static final String NO_IMAGE = "*None*";

	/** An image input the command can do without ({@code required = false}). */
	public static boolean isOptionalImage(final ModuleItem<?> item) {
		return item.getType() == ij.ImagePlus.class && !item.isRequired();
	}

	public static boolean hasChoices(final ModuleItem<?> item) {
		return item.getChoices() != null && !item.getChoices().isEmpty();
	}

	/** A macro value as the item's type; choices are checked against the allowed ones. */
	public static Object convert(final ModuleItem<?> item, final String v) {
		final Class<?> type = item.getType();
		final String name = item.getName();
		try {
			if (type == int.class || type == Integer.class) return Integer.parseInt(v.trim());
			if (type == double.class || type == Double.class) return Double.parseDouble(v.trim());
		}
		catch (final NumberFormatException e) {
			throw Checks.bad(name, "'" + v + "'", type == double.class || type == Double.class ?
				"a number" : "an integer");
		}
		if (hasChoices(item) && !item.getChoices().contains(v)) throw Checks.bad(name,
			"'" + v + "'", "one of " + item.getChoices());
		return v;
	}

	/**
	 * The keys of a macro's options string ({@code key=value key=[a b] flag}), in order; values
	 * are skipped, bracketed ones whole.
	 */
	public static List<String> macroKeys(final String options) {
		final List<String> keys = new ArrayList<>();
		int i = 0;
		final int n = options.length();
		while (i < n) {
			while (i < n && Character.isWhitespace(options.charAt(i))) i++;
			final int start = i;
			while (i < n && options.charAt(i) != '=' && !Character.isWhitespace(options.charAt(i))) i++;
			if (i > start) keys.add(options.substring(start, i));
			if (i < n && options.charAt(i) == '=') {
				i++;
				if (i < n && options.charAt(i) == '[') {
					final int close = options.indexOf(']', i);
					i = close < 0 ? n : close + 1;
				}
				else while (i < n && !Character.isWhitespace(options.charAt(i))) i++;
			}
		}
		return keys;
	}

	/** Refuses a macro key that is no parameter of the command, naming the allowed ones. */
	public static void checkMacroKeys(final String options, final List<ModuleItem<?>> items) {
		final List<String> names = new ArrayList<>();
		for (final ModuleItem<?> item : items) names.add(item.getName());
		for (final String key : macroKeys(options))
			if (!names.contains(key)) throw Checks.bad(key, "not a parameter of this command (a typo?)",
				"one of " + String.join(", ", names));
	}
}
