/**
 * Phantom generators (Shepp-Logan, random ellipses, dynamic phantoms) for tests, demos, benchmarks
 * and training.
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may import {@code image}.
 * Checked by {@code org.priorj.LayeringTest}.
 */
package org.priorj.image.phantom;
