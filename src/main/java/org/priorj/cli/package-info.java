/**
 * The command line ({@code ./priorj}): the commands of {@code fiji} run headless, and the demo. The
 * benchmarks ({@code ./priorj bench}) live in {@code org.priorj.bench}, found by name.
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may refer to every layer
 * below it ({@code base}, {@code image}, {@code metrics}, {@code physics}, {@code prior}, {@code train},
 * {@code solve}, {@code fiji}), not to the benchmarks. Checked by {@code org.priorj.LayeringTest}.
 */
package org.priorj.cli;
