/**
 * Forward operators with exact adjoints (masks, blur, downsampling, parallel-beam CT, MRI), noise
 * models, measurements and their simulation.
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may import {@code image}.
 * Checked by {@code org.priorj.LayeringTest}.
 */
package org.priorj.physics;
