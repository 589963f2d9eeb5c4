/**
 * PriorJ as a library, on ImgLib2 images: {@link org.priorj.api.PriorJ} simulates, reconstructs
 * (classically, with RED-Diff or DDS) and scores, for Java programs and SciJava scripts.
 * <p>
 * Layer rule (data flows down the layers, results back up): this package may import {@code base},
 * {@code image}, {@code metrics}, {@code physics}, {@code prior}, {@code solve}. Checked by
 * {@code org.priorj.LayeringTest}.
 */
package org.priorj.api;
