package org.priorj.solve;

import java.util.Locale;

import org.priorj.base.Checks;

/** The two ways PriorJ reconstructs a volume with a 2-D prior per slice and TV along z. */
public enum VolumeMethod {

	/** DDS's DDIM steps on batches of slices, one ADMM-TV_z data step per step (ALGORITHMS §2.2). */
	DDS_3D,
	/** The VE predictor–corrector on batches of slices, one ADMM-TV_z iteration per step (§3). */
	DIFFUSION_MBIR;

	/** The name users type: {@code dds-3d}, {@code diffusion-mbir}. */
	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The method named {@code text} (either spelling, - or _), refused as {@code parameter}. */
	public static VolumeMethod parse(final String parameter, final String text) {
		final String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
		for (final VolumeMethod m : values())
			if (m.label().equals(t)) return m;
		throw Checks.bad(parameter, "'" + text + "'", "dds-3d or diffusion-mbir");
	}
}
