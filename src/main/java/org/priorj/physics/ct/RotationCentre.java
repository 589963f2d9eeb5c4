package org.priorj.physics.ct;

/**
 * Where the rotation axis of a parallel-beam scan meets the image, and which detector bin it
 * projects to. The two conventions agree for odd sizes and differ by half a pixel for even ones,
 * which is enough to cost several dB when a sinogram made with one is reconstructed with the other.
 */
public enum RotationCentre {
	/** The geometric centre ((W-1)/2, (H-1)/2) and detector position (D-1)/2: mirror-symmetric. */
	GEOMETRIC,
	/**
	 * The centre of pixel (W/2, H/2) and of detector bin D/2 (integer division): the convention of
	 * scikit-image's {@code radon}/{@code iradon} and of FFT-centred tools; use it for their
	 * sinograms.
	 */
	PIXEL;

	/** The centre coordinate along an axis of n samples. */
	double of(final int n) {
		return this == GEOMETRIC ? (n - 1) / 2.0 : n / 2;
	}
}
