/**
 * The command line ({@code ./priorj}): the commands of {@code fiji} run headless, the demo and the
 * benchmarks.
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may import every other
 * package. Checked by {@code org.priorj.LayeringTest}.
 */
package org.priorj.cli;
