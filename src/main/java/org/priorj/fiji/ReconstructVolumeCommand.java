package org.priorj.fiji;

import java.io.File;
import java.nio.file.Files;

import ij.IJ;
import ij.ImagePlus;

import org.priorj.base.Checks;
import org.priorj.base.Shape;
import org.priorj.physics.Problem;
import org.priorj.physics.Problems;
import org.priorj.physics.SideInputs;
import org.priorj.physics.Task;
import org.priorj.physics.mri.SingleCoilMri;
import org.priorj.solve.TaskDefaults;
import org.priorj.solve.VolumeMethod;
import org.priorj.solve.VolumePreset;
import org.priorj.solve.VolumeReconstruction;
import org.priorj.solve.VolumeStorage;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › PriorJ › Reconstruct volume (DDS-3D / DiffusionMBIR)…: a CT or MRI volume reconstructed
 * with a 2-D diffusion prior on its slices and total variation along z. The input is a stack: one
 * sinogram per slice (angles from the stack's {@code priorj.angles=} Info line or given), k-space
 * with 2C slices per volume slice (real, imaginary per coil) and a sampling mask, a volume
 * measurement made by Simulate, or a volume to simulate a scan of. The result is a new stack (for
 * MRI the magnitude, and the complex estimate as two channels) whose Info records every setting,
 * optionally also saved as a TIFF in an output folder that is checked before the work starts. Esc
 * stops and returns the current volume. The input is never modified.
 */
@Plugin(type = Command.class, label = "Reconstruct volume (DDS-3D / DiffusionMBIR)...",
	headless = true, priority = 6, description = "Reconstruct a CT or MRI volume (a sinogram or " +
		"k-space stack, a measurement or a simulated scan of a volume) with a 2-D diffusion prior " +
		"per slice and TV along z.",
	attrs = { @Attr(name = CommandTable.MENU, value = "Plugins>PriorJ"),
		@Attr(name = CommandTable.CLI, value = "reconstruct-volume") })
public class ReconstructVolumeCommand extends PriorRunCommand implements Command {

	@Parameter(persist = false, label = "input", description = "A stack: one sinogram per slice " +
		"(rows = angles, columns = detector bins), k-space (2 slices per volume slice: real, " +
		"imaginary), a volume measurement made by Simulate measurement, or a volume to simulate a " +
		"scan of")
	private ImagePlus input;

	@Parameter(persist = false, label = "task", choices = { "ct", "mri" }, description = "ct: " +
		"parallel-beam CT slice by slice; mri: Cartesian MRI slice by slice, the same sampling for " +
		"every slice")
	private String task = "ct";

	@Parameter(persist = false, label = "input_is", choices = { "auto", "measurement", "data",
		"volume" }, description = "auto: a measurement if its Info says so, else data (sinograms " +
		"or k-space); volume: simulate a scan of each slice")
	private String input_is = "auto";

	@Parameter(persist = false, label = "method", choices = { "dds-3d", "diffusion-mbir" },
		description = "dds-3d: DDIM steps with an ADMM-TV_z data step (fast); diffusion-mbir: the " +
			"VE predictor-corrector sampler with one ADMM-TV_z iteration per step (two network calls " +
			"per step)")
	private String method = "dds-3d";

	@Parameter(persist = false, label = "steps", description = "DDS steps (1 to 1000) or " +
		"DiffusionMBIR steps (2 to 2000); auto: the method's preset")
	private String steps = Overrides.AUTO;

	@Parameter(persist = false, label = "lambda", description = "Weight of TV along z, relative " +
		"to ||A||^2 (0: none); auto: the preset")
	private String lambda = Overrides.AUTO;

	@Parameter(persist = false, label = "rho", description = "ADMM's penalty, relative to " +
		"||A||^2 (> 0); auto: the preset")
	private String rho = Overrides.AUTO;

	@Parameter(persist = false, label = "cg_iterations", description = "Conjugate-gradient " +
		"iterations of each data step, 1 to 1000; auto: the preset")
	private String cg_iterations = Overrides.AUTO;

	@Parameter(persist = false, label = "batch", description = "Slices the prior sees at once " +
		"(memory against speed), 1 to " + VolumePreset.MAX_BATCH + "; auto: the preset")
	private String batch = Overrides.AUTO;

	@Parameter(persist = false, label = "volumes", choices = { "auto", "heap", "disk" },
		description = "Where DDS-3D keeps its working volumes: heap (fastest), disk (memory-mapped " +
			"scratch files, for a volume larger than the heap), auto: the heap when it holds them")
	private String volumes = "auto";

	@Parameter(persist = false, required = false, label = "scratch_folder", style = "directory",
		description = "volumes=disk: a folder on a disk with room for eight copies of the volume; " +
			"empty: the system's temporary folder")
	private File scratch_folder;

	@Parameter(persist = false, label = "angles", description = "CT: projection angles in " +
		"degrees, START:STOP:COUNT (STOP excluded) or a list; empty: the stack's Info line " +
		"priorj.angles=..., else COUNT = the sinograms' rows over 0-180 (a volume: 0:180:30)")
	private String angles = "";

	@Parameter(persist = false, label = "detectors", min = "0", description = "CT sinograms: " +
		"detector bins, which must be the sinograms' width; 0: the width")
	private int detectors = 0;

	@Parameter(persist = false, label = "size", min = "0", description = "CT sinograms: width " +
		"and height of each slice; 0: from the sinograms")
	private int size = 0;

	@Parameter(persist = false, label = "mask", description = "MRI: sampling mask generator, e.g. " +
		"'uniform1d acceleration=4' (the same for every slice)")
	private String mask = "uniform1d acceleration=4";

	@Parameter(persist = false, required = false, label = "mask_image", description = "MRI: a " +
		"sampling mask image of the k-space size (replaces mask)")
	private ImagePlus mask_image;

	@Parameter(persist = false, required = false, label = "coil_maps", description = "MRI: coil " +
		"sensitivities, 2C slices (real, imaginary of each coil), the same for every slice")
	private ImagePlus coil_maps;

	@Parameter(persist = false, label = "noise_level", min = "0", description = "Volume input: " +
		"Gaussian noise added to the simulated data, relative to their maximum")
	private double noise_level = 0.005;

	@Parameter(persist = false, label = "prior", style = CommandParameters.PRIOR_STYLE,
		description = "Name of an installed diffusion prior for the slices (Plugins › PriorJ › " +
			"Priors › List priors)")
	private String prior = "ct";

	@Parameter(persist = false, required = false, label = "output_folder", style = "directory",
		description = "Optional: a folder where the reconstruction is also saved as a TIFF stack " +
			"(checked to be writable before the work starts)")
	private File output_folder;

	@Parameter(type = ItemIO.OUTPUT, label = "reconstruction")
	private ImagePlus reconstruction;

	@Parameter(type = ItemIO.OUTPUT, label = "complex")
	private ImagePlus complex;

	@Parameter(type = ItemIO.OUTPUT, label = "std")
	private ImagePlus std;

	@Override
	public void run() {
		final Task t = Task.parse("task", task, java.util.List.of(Task.CT, Task.MRI));
		final VolumeMethod m = VolumeMethod.parse("method", method);
		checkOutputFolder(output_folder);
		final VolumeStorage storage = VolumeStorage.parse(volumes, scratch_folder == null ? "" :
			scratch_folder.getPath());
		final VolumePreset preset = preset(TaskDefaults.volume(t, m));
		final Problem problem = problem(input, input_is, "data", "volume", in -> DdsCommand.measurement(in, t),
			data -> Problems.volumeFromImage(t, data, sides(t, data.planes())), volume -> Problems
				.simulateVolume(t, volume, sides(t, volume.planes()), noise_level, seed));
		VolumeReconstruction.check(problem);
		final Run run = run(problem, prior, preset, (p, pr, ps, s, pg) -> VolumeReconstruction
			.reconstruct(p, pr, ps, storage, s, pg));
		final Shape shape = problem.imageShape();
		final String title = input.getShortTitle() + "-" + m.label();
		if (t == Task.MRI) {
			final int z = shape.dim(0);
			final float[] mag = SingleCoilMri.magnitudes(run.runs.mean, z);
			reconstruction = Images.image(title, mag, Shape.of(z, shape.dim(2), shape.dim(3)),
				"priorj.output=magnitude of the complex estimate\n" + run.record);
			complex = Images.image(title + "-complex", run.runs.mean, Shape.of(2 * z, shape.dim(2), shape
				.dim(3)), "priorj.output=complex estimate: channel 1 real, channel 2 imaginary\n" + run
					.record);
			complex.setDimensions(2, z, 1);
			complex.setOpenAsHyperStack(true);
		}
		else reconstruction = Images.image(title, run.runs.mean, shape, run.record);
		if (samples > 1) std = Images.image(title + "-std", run.runs.sd, t == Task.MRI ? Shape.of(2 *
			shape.dim(0), shape.dim(2), shape.dim(3)) : shape, RunRecord.std("", m.label(), run.runs, seed,
				run.record));
		if (output_folder != null) {
			final String path = new File(output_folder, title + ".tif").getPath();
			Checks.require(IJ.saveAsTiff(reconstruction, path), "output_folder", "could not write " +
				path, "a writable folder");
		}
	}

	private SideInputs sides(final Task t, final int planes) {
		if (t == Task.CT) return new SideInputs.Sinogram(angles.isBlank() ? ReconstructCtDdsCommand
			.infoAngles(input) : angles, detectors, size);
		return new SideInputs.Kspace(mask, Images.optional("mask_image", mask_image), Images.optional(
			"coil_maps", coil_maps), 1, seed);
	}

	private VolumePreset preset(final VolumePreset base) {
		VolumePreset p = Overrides.integer(base, "steps", steps, VolumePreset::withSteps);
		p = Overrides.number(p, "lambda", lambda, VolumePreset::withLambda);
		p = Overrides.number(p, "rho", rho, VolumePreset::withRho);
		p = Overrides.integer(p, "cg_iterations", cg_iterations, VolumePreset::withCgIterations);
		return Overrides.integer(p, "batch", batch, VolumePreset::withBatch);
	}

	/** Refuses, before any work, an output folder that is missing or cannot be written. */
	static void checkOutputFolder(final File folder) {
		if (folder == null) return;
		Checks.require(folder.isDirectory(), "output_folder", "'" + folder + "' is not a folder",
			"an existing folder (or none)");
		Checks.require(Files.isWritable(folder.toPath()), "output_folder", "'" + folder +
			"' is not writable", "a folder you may write to (or none)");
	}
}
