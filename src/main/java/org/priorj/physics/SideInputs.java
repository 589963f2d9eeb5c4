package org.priorj.physics;

import org.priorj.image.Pixels;

/**
 * What a plain image needs besides its pixels to become a {@link Problem}: the degradation of a
 * restoration, the geometry of a sinogram, the sampling of k-space. Image inputs that were not
 * given are null.
 */
public sealed interface SideInputs {

	/**
	 * Inpainting: {@code mask} (nonzero = known; one plane, or one per slice) or {@code boxes} of
	 * missing pixels {@code x,y,w,h;...}. Deblurring: {@code psfImage} or the text {@code psf}.
	 * Super-resolution: the {@code factor} by which the image is to be enlarged.
	 */
	record Restoration(Pixels mask, String boxes, String psf, Pixels psfImage, int factor)
		implements SideInputs {}

	/**
	 * A sinogram (rows = angles, columns = detector bins): {@code angles} as
	 * {@code START:STOP:COUNT} or a list (blank: COUNT = rows over 0 to 180), {@code detectors}
	 * (0: the width) and the reconstruction's {@code size} (0: from the sinogram, see
	 * {@link org.priorj.physics.ct.SinogramSupport}). An image to
	 * simulate a scan of uses the angles only (blank: 0:180:30).
	 */
	record Sinogram(String angles, int detectors, int size) implements SideInputs {}

	/**
	 * K-space (2 slices real, imaginary; 2C for C coils): a {@code maskImage} or the generator
	 * {@code mask} (seeded by {@code seed}), and the coils' sensitivity maps {@code coilMaps} (2C
	 * slices) or, to simulate, a number of synthetic {@code coils}.
	 */
	record Kspace(String mask, Pixels maskImage, Pixels coilMaps, int coils, long seed)
		implements SideInputs {}
}
