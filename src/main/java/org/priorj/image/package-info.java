/**
 * The image bridge: ImageJ 1.x {@code ImagePlus}, ImgLib2 images and DJL tensors (layout N, C, H, W),
 * value ranges and their maps, overlapping tiles, phantoms, validation shared by every layer.
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may import nothing else
 * of PriorJ. Checked by {@code org.priorj.LayeringTest}.
 */
package org.priorj.image;
