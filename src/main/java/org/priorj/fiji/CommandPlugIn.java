package org.priorj.fiji;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import org.priorj.base.Checks;
import org.priorj.prior.PriorService;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;

/**
 * The ImageJ 1.x face of a PriorJ SciJava command, registered in {@code plugins.config} with the
 * command's class name as argument. It is the only menu entry of each command (the commands
 * themselves declare no menu path), so Fiji shows no duplicates, and it makes the commands run from
 * plain ImageJ 1.x macros with the same keys as the commands' parameter names:
 * <ul>
 * <li>with a display, a GenericDialog built from the command's parameters; it reads a macro's
 * options itself and records the call for the Macro Recorder, with the parameter names as keys;</li>
 * <li>headless, the macro's options are read directly ({@code key=value}, {@code key=[a b]}, a bare
 * {@code key} for true); no dialog is ever built.</li>
 * </ul>
 * Image parameters take an image title (default: the current image; an optional image is left
 * out unless named, or named {@code *None*}); image outputs are shown
 * (available to a batch-mode macro), numbers go to the Results table. A refusal is shown as an
 * error dialog, or logged and aborts the macro when headless.
 */
public class CommandPlugIn implements PlugIn {

	/**
	 * The values a dialog was last accepted with, per command, for the next dialog in this session.
	 * The commands themselves never remember values, so scripts and macros are reproducible.
	 */
	private static final Map<String, Map<String, Object>> LAST_USED = new java.util.concurrent.ConcurrentHashMap<>();

	@Override
	public void run(final String className) {
		try {
			final Context context = PriorJContext.get();
			final CommandService commands = context.service(CommandService.class);
			final CommandInfo info = commands.getCommand(className);
			if (info == null) throw new IllegalStateException("No PriorJ command " + className);
			final Map<String, Object> inputs = GraphicsEnvironment.isHeadless() ? fromOptions(info,
				defaults(context, info)) : fromDialog(context, info, defaults(context, info), LAST_USED
					.getOrDefault(className, Map.of()));
			if (inputs == null) return; // dialog cancelled
			if (!GraphicsEnvironment.isHeadless()) {
				final Map<String, Object> remembered = new LinkedHashMap<>(inputs);
				remembered.values().removeIf(v -> v instanceof ImagePlus); // images are chosen anew
				LAST_USED.put(className, remembered);
			}
			final Module module = context.service(ModuleService.class).createModule(info);
			inputs.forEach(module::setInput);
			inputs.keySet().forEach(module::resolveInput);
			module.run();
			publish(info, module);
		}
		catch (final IllegalArgumentException e) {
			fail(e.getMessage());
		}
		catch (final RuntimeException e) {
			fail("PriorJ failed: " + e);
		}
	}

	/** Default values: the command's field initialisers. */
	private static Module defaults(final Context context, final CommandInfo info) {
		return context.service(ModuleService.class).createModule(info);
	}

	static Map<String, Object> fromOptions(final CommandInfo info, final Module defaults) {
		final String options = Macro.getOptions() == null ? "" : Macro.getOptions();
		CommandParameters.checkMacroKeys(options, CommandParameters.items(info));
		final Map<String, Object> in = new LinkedHashMap<>();
		for (final ModuleItem<?> item : CommandParameters.items(info)) {
			final String name = item.getName();
			final Class<?> type = item.getType();
			final Object fallback = defaults.getInput(name);
			if (type == ImagePlus.class) {
				final String title = Macro.getValue(options, name, null);
				if (CommandParameters.isOptionalImage(item) && (title == null || title.equals(
					CommandParameters.NO_IMAGE)))
				{
					in.put(name, null); // never the current image: that would be a guess
					continue;
				}
				final ImagePlus imp = title == null ? WindowManager.getCurrentImage() : WindowManager
					.getImage(title);
				if (imp == null) throw Checks.bad(name, title == null ? "no image open" : "no image titled '" +
					title + "'", "the title of an open image");
				in.put(name, imp);
			}
			else if (type == boolean.class || type == Boolean.class) {
				final String padded = " " + options + " ";
				in.put(name, padded.contains(" " + name + " ") || padded.contains(" " + name + "=true "));
			}
			else {
				final String v = Macro.getValue(options, name, null);
				in.put(name, v == null ? fallback : CommandParameters.convert(item, v));
			}
		}
		return in;
	}

	private static Map<String, Object> fromDialog(final Context context, final CommandInfo info,
		final Module defaults, final Map<String, Object> last)
	{
		final GenericDialog gd = new GenericDialog("PriorJ " + info.getLabel().replace("...", ""));
		final List<ModuleItem<?>> items = CommandParameters.items(info);
		if (Macro.getOptions() != null) CommandParameters.checkMacroKeys(Macro.getOptions(), items);
		for (final ModuleItem<?> item : items) {
			final String name = item.getName();
			final Class<?> type = item.getType();
			final Object d = last.containsKey(name) ? last.get(name) : defaults.getInput(name);
			if (CommandParameters.isOptionalImage(item)) {
				final List<String> titles = new ArrayList<>(List.of(CommandParameters.NO_IMAGE));
				titles.addAll(List.of(WindowManager.getImageTitles()));
				gd.addChoice(name, titles.toArray(new String[0]), CommandParameters.NO_IMAGE);
			}
			else if (type == ImagePlus.class) {
				final ImagePlus current = WindowManager.getCurrentImage();
				gd.addImageChoice(name, current == null ? "" : current.getTitle());
			}
			else if (CommandParameters.hasChoices(item)) gd.addChoice(name, item.getChoices().stream().map(
				Object::toString).toArray(String[]::new), String.valueOf(d));
			else if (CommandParameters.isPrior(item)) gd.addChoice(name, installedPriors(context, String
				.valueOf(d)), String.valueOf(d));
			else if (type == boolean.class || type == Boolean.class) gd.addCheckbox(name, Boolean.TRUE
				.equals(d));
			else if (type == int.class || type == Integer.class) gd.addNumericField(name, ((Number) d)
				.doubleValue(), 0);
			else if (type == double.class || type == Double.class) gd.addNumericField(name, ((Number) d)
				.doubleValue(), 4);
			else gd.addStringField(name, d == null ? "" : d.toString(), 40);
			if (item.getDescription() != null) gd.setInsets(0, 20, 0);
		}
		gd.addHelp(help(info, items));
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		final Map<String, Object> in = new LinkedHashMap<>();
		for (final ModuleItem<?> item : items) {
			final String name = item.getName();
			final Class<?> type = item.getType();
			if (CommandParameters.isOptionalImage(item)) {
				final String title = gd.getNextChoice();
				in.put(name, title.equals(CommandParameters.NO_IMAGE) ? null : WindowManager.getImage(
					title));
			}
			else if (type == ImagePlus.class) in.put(name, gd.getNextImage());
			else if (CommandParameters.hasChoices(item) || CommandParameters.isPrior(item)) in.put(name,
				gd.getNextChoice());
			else if (type == boolean.class || type == Boolean.class) in.put(name, gd.getNextBoolean());
			else if (type == int.class || type == Integer.class) in.put(name, (int) Math.round(gd
				.getNextNumber()));
			else if (type == double.class || type == Double.class) in.put(name, gd.getNextNumber());
			else in.put(name, gd.getNextString());
		}
		return in;
	}

	/** The installed priors' names, {@code current} first if it is not installed (it is refused later, by name). */
	private static String[] installedPriors(final Context context, final String current) {
		final List<String> names = new ArrayList<>(context.service(PriorService.class).registry()
			.list().keySet());
		if (!names.contains(current)) names.add(0, current);
		return names.toArray(new String[0]);
	}

	/** The parameters' descriptions, shown by the dialog's Help button. */
	private static String help(final CommandInfo info, final List<ModuleItem<?>> items) {
		final StringBuilder sb = new StringBuilder("<html><h2>PriorJ: ").append(info.getLabel()
			.replace("...", "")).append("</h2><dl>");
		for (final ModuleItem<?> item : items)
			sb.append("<dt><b>").append(item.getName()).append("</b></dt><dd>").append(item
				.getDescription() == null ? "" : item.getDescription()).append("</dd>");
		return sb.append("</dl><p>Macro keys are the names in bold.</p></html>").toString();
	}

	private static void publish(final CommandInfo info, final Module module) {
		ResultsTable table = null;
		for (final ModuleItem<?> out : info.outputs()) {
			final Object v = module.getOutput(out.getName());
			if (v instanceof ImagePlus) ((ImagePlus) v).show();
			else if (v instanceof String) IJ.log((String) v);
			else if (v instanceof Number) {
				if (table == null) {
					// the system Results table, which a macro's getResult() reads
					table = ResultsTable.getResultsTable();
					table.incrementCounter();
				}
				table.addValue(out.getName(), ((Number) v).doubleValue());
			}
		}
		if (table != null && !GraphicsEnvironment.isHeadless()) table.show("Results");
	}

	private static void fail(final String message) {
		if (GraphicsEnvironment.isHeadless()) {
			IJ.log("PriorJ: " + message);
			// Macro.abort() stops only macros on ImageJ's own threads; a headless macro runs on the
			// caller's, so end the interpreter itself, with the message for whoever started it
			// (Interpreter.getErrorMessage()) and without the error dialog a display would need
			final ij.macro.Interpreter interpreter = ij.macro.Interpreter.getInstance();
			if (interpreter != null) {
				interpreter.setIgnoreErrors(true);
				interpreter.abort(message);
			}
		}
		else IJ.error("PriorJ", message);
	}
}
