/**
 * The benchmarks of docs/BENCHMARKS.md ({@code ./priorj bench ...}): operators, classical methods
 * and priors against scikit-image and TV, the network against PyTorch, RED-Diff and DDS against the
 * classical baselines. Not in the jar that goes into Fiji.
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may refer to every other
 * package; none refers to it (the command line finds {@link org.priorj.bench.Benchmarks} by name).
 * Checked by {@code org.priorj.LayeringTest}.
 */
package org.priorj.bench;
