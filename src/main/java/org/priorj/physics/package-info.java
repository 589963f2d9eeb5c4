/**
 * Forward operators with exact adjoints (masks, blur, downsampling, parallel-beam CT, MRI), noise
 * models, measurements and their simulation, and the problem a solver takes: its {@link
 * org.priorj.physics.Task}, operator and data ({@link org.priorj.physics.Problem}), made in one
 * place ({@link org.priorj.physics.Problems}).
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may import {@code base}, {@code image}.
 * Checked by {@code org.priorj.LayeringTest}.
 */
package org.priorj.physics;
