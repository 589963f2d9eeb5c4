/**
 * The image bridge: ImageJ 1.x {@code ImagePlus}, ImgLib2 images and DJL tensors (layout N, C, H, W),
 * value ranges and their maps, overlapping tiles, phantoms, a user's image with its parameter
 * name ({@link org.priorj.image.Pixels}).
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may import {@code base}
 * only. Checked by {@code org.priorj.LayeringTest}.
 */
package org.priorj.image;
