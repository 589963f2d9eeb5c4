// PriorJ example: hide half of the pixels of a grey image, fill them in with RED-Diff and the
// shipped natural-gray diffusion prior, and compare with classical biharmonic inpainting.
// Argument: the image; without one, a file dialog asks for it. A 128x128 crop of its centre keeps
// the example quick on a CPU (copied with macro functions only, so that it also runs headless).
path = getArgument();
if (path == "") path = File.openDialog("Grey image");
setBatchMode(true);
open(path);
size = 128;
x0 = floor((getWidth() - size) / 2);
y0 = floor((getHeight() - size) / 2);
values = newArray(size * size);
for (y = 0; y < size; y++)
	for (x = 0; x < size; x++)
		values[y * size + x] = getPixel(x0 + x, y0 + y);
newImage("truth", "32-bit black", size, size, 1);
for (y = 0; y < size; y++)
	for (x = 0; x < size; x++)
		setPixel(x, y, values[y * size + x]);
run("Simulate measurement...", "input=truth operator=[mask missing_fraction=0.5] noise=gaussian noise_level=2 seed=1");
measured = getTitle();
// The inpainting preset as a user gets it: 100 steps from biharmonic inpainting.
run("Restore (RED-Diff)...", "input=[" + measured + "] task=auto prior=natural-gray seed=0");
restored = getTitle();
run("Reconstruct (classical)...", "measurement=[" + measured + "] method=biharmonic_inpainting");
biharmonic = getTitle();
names = newArray("measurement", "biharmonic", "red-diff");
titles = newArray(measured, biharmonic, restored);
for (i = 0; i < titles.length; i++) {
	run("Compare images (PSNR, SSIM)...", "reference=truth estimate=[" + titles[i] + "] data_range=255");
	print(names[i] + ": PSNR " + d2s(getResult("psnr", nResults - 1), 2) + " dB, SSIM " + d2s(getResult("ssim", nResults - 1), 3));
}
setBatchMode("exit and display");
