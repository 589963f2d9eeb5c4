/**
 * Parallel-beam CT: the projector for any angle set, filtered back-projection, dynamic CT.
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may import {@code image},
 * {@code physics}. Checked by {@code org.priorj.LayeringTest}.
 */
package org.priorj.physics.ct;
