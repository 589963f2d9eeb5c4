// PriorJ example: dynamic CT. A CT slice (argument; without one, a file dialog asks for it),
// subsampled to 64x64, moves for 16 frames (a shift that follows a sine, a moving object); each frame
// is scanned with 4 views in bit-reversed order over 180 degrees (0.5 % noise), and the movie is
// reconstructed with the partially separable model alone (lambda=0) and with RED-PSM (the shipped
// ct prior as its denoiser). Macro functions only, so that the example also runs headless.
path = getArgument();
if (path == "") path = File.openDialog("CT slice");
setBatchMode(true);
open(path);
source = getTitle();
size = 64;
frames = 16;
step = maxOf(1, floor(minOf(getWidth(), getHeight()) / size));
values = newArray(size * size);
for (y = 0; y < size; y++)
	for (x = 0; x < size; x++)
		values[y * size + x] = getPixel(minOf(x * step, getWidth() - 1), minOf(y * step, getHeight() - 1));
Array.getStatistics(values, low, high);
newImage("movie", "32-bit black", size, size, frames);
for (t = 0; t < frames; t++) {
	shift = round(3 * sin(2 * PI * t / frames));
	setSlice(t + 1);
	for (y = 0; y < size; y++)
		for (x = 0; x < size; x++) {
			u = x - shift;
			v = 0;
			if (u >= 0 && u < size) v = (values[y * size + u] - low) / (high - low);
			// the field of view of every angle: the inscribed disk
			if ((x - 31.5) * (x - 31.5) + (y - 31.5) * (y - 31.5) > 32 * 32) v = 0;
			setPixel(x, y, v);
		}
}
run("Reconstruct dynamic (RED-PSM)...", "input=movie input_is=movie views=4 schedule=bit-reversal lambda=0 k=3 d=6 iterations=30 prior=ct seed=1");
selectImage("movie-red-psm");
rename("model-alone");
psm = getTitle();
run("Reconstruct dynamic (RED-PSM)...", "input=movie input_is=movie views=4 schedule=bit-reversal k=3 d=6 iterations=30 prior=ct seed=1");
selectImage("movie-red-psm");
redpsm = getTitle();
names = newArray("model-alone", "red-psm");
titles = newArray(psm, redpsm);
for (i = 0; i < titles.length; i++) {
	run("Compare images (PSNR, SSIM)...", "reference=movie estimate=[" + titles[i] + "] data_range=1");
	print(names[i] + ": PSNR " + d2s(getResult("psnr", nResults - 1), 2) + " dB over " + frames + " frames");
}
setBatchMode("exit and display");
