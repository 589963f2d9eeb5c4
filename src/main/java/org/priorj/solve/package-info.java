/**
 * The solvers (RED-Diff, DDS) and the classical baselines (FBP, CG, CGLS, SIRT, TV, Tikhonov,
 * Richardson-Lucy, bicubic, harmonic and biharmonic inpainting), with their shared parts (Adam,
 * conjugate gradients, ADMM and its proximal steps, progress and cancellation). A learned solver is a
 * {@link org.priorj.solve.Reconstructor}: it takes a {@link org.priorj.physics.Problem}, a prior
 * and its preset, and runs on the shared prior-space runner ({@code PriorSpace}); which baseline and
 * which preset each task gets is said once, in {@link org.priorj.solve.TaskDefaults}.
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may import {@code base}, {@code image},
 * {@code physics}, {@code prior}. Checked by {@code org.priorj.LayeringTest}.
 */
package org.priorj.solve;
