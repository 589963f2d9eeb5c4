package org.priorj.train;

/**
 * One training image: {@code h x w} values in [0, 1], row-major; {@code source} names where it came
 * from (file and slice, or phantom).
 */
public record TrainingImage(String source, float[] pixels, int height, int width) {}
