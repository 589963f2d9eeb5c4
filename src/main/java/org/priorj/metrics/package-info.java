/**
 * Image quality: PSNR, SSIM (as scikit-image computes it), coverage of credible intervals.
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may import {@code base}, {@code image}.
 * Checked by {@code org.priorj.LayeringTest}.
 */
package org.priorj.metrics;
