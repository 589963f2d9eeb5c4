/**
 * MRI: the centred orthonormal FFT, single- and multi-coil operators, sampling masks, coil maps.
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may import {@code image},
 * {@code physics}. Checked by {@code org.priorj.LayeringTest}.
 */
package org.priorj.physics.mri;
