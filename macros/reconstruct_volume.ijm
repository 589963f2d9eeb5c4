// PriorJ example: a CT volume (a stack) scanned with 30 views per slice and reconstructed with
// DDS-3D (the shipped ct prior on each slice, TV along z), compared with FBP slice by slice.
// Argument: a stack; without one, a file dialog asks for it. Its central 8 slices are subsampled
// to about 64x64 (macro functions only, so that the example also runs headless).
path = getArgument();
if (path == "") path = File.openDialog("CT stack");
setBatchMode(true);
open(path);
source = getTitle();
size = 64;
depth = 8;
step = maxOf(1, floor(minOf(getWidth(), getHeight()) / size));
first = maxOf(1, floor((nSlices - depth) / 2) + 1);
newImage("truth", "32-bit black", size, size, depth);
for (z = 0; z < depth; z++) {
	selectImage(source);
	setSlice(minOf(first + z, nSlices));
	values = newArray(size * size);
	for (y = 0; y < size; y++)
		for (x = 0; x < size; x++)
			values[y * size + x] = getPixel(minOf(x * step, getWidth() - 1), minOf(y * step, getHeight() - 1));
	selectImage("truth");
	setSlice(z + 1);
	for (y = 0; y < size; y++)
		for (x = 0; x < size; x++)
			setPixel(x, y, values[y * size + x]);
}
// every slice: 30 views over 180 degrees, noise 0.5 % of the sinograms' maximum
run("Simulate measurement...", "input=truth operator=[radon angles=0:180:30] noise=gaussian_relative noise_level=0.005 seed=1");
rename("ct-volume-sinograms");
measurement = getTitle();
run("Reconstruct volume (DDS-3D / DiffusionMBIR)...", "input=[" + measurement + "] task=ct method=dds-3d prior=ct seed=0");
dds3d = getTitle();
run("Reconstruct (classical)...", "measurement=[" + measurement + "] method=fbp");
fbp = getTitle();
selectImage("truth");
getMinAndMax(low, high);
Stack.getStatistics(count, mean, low, high);
names = newArray("fbp", "dds-3d");
titles = newArray(fbp, dds3d);
for (i = 0; i < titles.length; i++) {
	run("Compare images (PSNR, SSIM)...", "reference=truth estimate=[" + titles[i] + "] data_range=" + (high - low));
	print(names[i] + ": PSNR " + d2s(getResult("psnr", nResults - 1), 2) + " dB over " + depth + " slices");
}
setBatchMode("exit and display");
