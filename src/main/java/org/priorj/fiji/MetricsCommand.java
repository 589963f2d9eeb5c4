package org.priorj.fiji;

import ij.ImagePlus;

import org.priorj.base.Checks;
import org.priorj.metrics.Psnr;
import org.priorj.metrics.Ssim;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Attr;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins › PriorJ › Compare images (PSNR, SSIM)…: PSNR and SSIM (11-pixel Gaussian window, sigma 1.5,
 * as scikit-image's {@code structural_similarity(gaussian_weights=True)}) of an estimate against a
 * reference, with a stated data range (0: the reference's max - min). Stacks are compared slice by
 * slice and the slices' mean is returned.
 */
@Plugin(type = Command.class, label = "Compare images (PSNR, SSIM)...", headless = true, priority = 6,
	description = "PSNR and SSIM of an estimate against a reference.",
	attrs = { @Attr(name = CommandTable.MENU, value = "Plugins>PriorJ"),
		@Attr(name = CommandTable.CLI, value = "metrics") })
public class MetricsCommand implements Command {

	@Parameter(persist = false, label = "reference", description = "Ground truth")
	private ImagePlus reference;

	@Parameter(persist = false, label = "estimate", description = "Image to score")
	private ImagePlus estimate;

	@Parameter(persist = false, label = "data_range", min = "0", description = "Data range for PSNR and SSIM; " +
		"0 takes the reference's max - min")
	private double data_range = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "psnr")
	private double psnr;

	@Parameter(type = ItemIO.OUTPUT, label = "ssim")
	private double ssim;

	@Override
	public void run() {
		final float[] ref = Images.pixels("reference", reference);
		final float[] est = Images.pixels("estimate", estimate);
		Checks.require(reference.getWidth() == estimate.getWidth() && reference.getHeight() ==
			estimate.getHeight() && reference.getStackSize() == estimate.getStackSize(), "estimate",
			"size " + estimate.getWidth() + "x" + estimate.getHeight() + "x" + estimate
				.getStackSize(), "the reference's size " + reference.getWidth() + "x" + reference
					.getHeight() + "x" + reference.getStackSize());
		Checks.nonNegative("data_range", data_range);
		double range = data_range;
		if (range == 0) {
			double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
			for (final float v : ref) {
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
			range = hi - lo;
		}
		final int w = reference.getWidth(), h = reference.getHeight(), n = reference.getStackSize();
		psnr = Psnr.compute(ref, est, range);
		double s = 0;
		for (int z = 0; z < n; z++) {
			final float[] a = java.util.Arrays.copyOfRange(ref, z * w * h, (z + 1) * w * h);
			final float[] b = java.util.Arrays.copyOfRange(est, z * w * h, (z + 1) * w * h);
			s += Ssim.compute(a, b, h, w, range);
		}
		ssim = s / n;
	}
}
