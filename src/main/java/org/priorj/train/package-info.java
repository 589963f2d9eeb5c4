/**
 * Training PriorJ's own priors (noise-conditional UNet denoisers) on images or phantoms.
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may import {@code base}, {@code image},
 * {@code prior}. Checked by {@code org.priorj.LayeringTest}.
 */
package org.priorj.train;
