// PriorJ example: blur a grey image, restore it with VBLE and the shipped cae-natural-gray
// autoencoder prior, and compare with classical TV; VBLE also gives a per-pixel standard deviation.
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
run("Simulate measurement...", "input=truth operator=[blur psf=gaussian:2] noise=gaussian noise_level=2 seed=1");
measured = getTitle();
// The deblurring preset as a user gets it; the std map opens as a second image.
run("Restore with uncertainty (VBLE)...", "input=[" + measured + "] task=auto prior=cae-natural-gray seed=0");
std = getTitle();
getStatistics(area, meanStd);
restored = replace(std, "-std", "");
run("Reconstruct (classical)...", "measurement=[" + measured + "] method=tv");
tv = getTitle();
names = newArray("measurement", "tv", "vble");
titles = newArray(measured, tv, restored);
for (i = 0; i < titles.length; i++) {
	run("Compare images (PSNR, SSIM)...", "reference=truth estimate=[" + titles[i] + "] data_range=255");
	print(names[i] + ": PSNR " + d2s(getResult("psnr", nResults - 1), 2) + " dB, SSIM " + d2s(getResult("ssim", nResults - 1), 3));
}
print("vble std: mean " + d2s(meanStd, 3) + " grey levels");
setBatchMode("exit and display");
