/**
 * The solvers (RED-Diff, DDS) and the classical baselines (FBP, CG, CGLS, SIRT, TV, Tikhonov,
 * Richardson-Lucy, bicubic, harmonic and biharmonic inpainting), with their shared parts (Adam,
 * conjugate gradients, progress and cancellation, presets).
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may import {@code image},
 * {@code physics}, {@code prior}. Checked by {@code org.priorj.LayeringTest}.
 */
package org.priorj.solve;
