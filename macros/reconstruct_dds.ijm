// PriorJ example: sparse-view CT and 4x undersampled MRI of one grey image, reconstructed with DDS
// (shipped priors: ct for CT, natural-gray for MRI) and compared with FBP and zero filling.
// Argument: the image; without one, a file dialog asks for it. It is subsampled to about 128x128
// (macro functions only, so that the example also runs headless).
path = getArgument();
if (path == "") path = File.openDialog("Grey image");
setBatchMode(true);
open(path);
size = 128;
step = maxOf(1, floor(minOf(getWidth(), getHeight()) / size));
values = newArray(size * size);
for (y = 0; y < size; y++)
	for (x = 0; x < size; x++)
		values[y * size + x] = getPixel(minOf(x * step, getWidth() - 1), minOf(y * step, getHeight() - 1));
newImage("truth", "32-bit black", size, size, 1);
for (y = 0; y < size; y++)
	for (x = 0; x < size; x++)
		setPixel(x, y, values[y * size + x]);
// CT: 30 views over 180 degrees, noise 0.5 % of the sinogram's maximum
run("Simulate measurement...", "input=truth operator=[radon angles=0:180:30] noise=gaussian_relative noise_level=0.005 seed=1");
rename("ct-sinogram");
sinogram = getTitle();
run("Reconstruct CT (DDS)...", "input=[" + sinogram + "] prior=ct seed=0");
dds = getTitle();
run("Reconstruct (classical)...", "measurement=[" + sinogram + "] method=fbp");
fbp = getTitle();
// MRI: the image as the real plane, one line in four of k-space kept (centre fully sampled)
run("Simulate measurement...", "input=truth operator=[mri mask=uniform1d acceleration=4] noise=none seed=1");
rename("mri-kspace");
kspace = getTitle();
run("Reconstruct MRI (DDS)...", "input=[" + kspace + "] prior=natural-gray seed=0");
// it opens the magnitude (title ending -dds) and the complex result (-dds-complex)
mri = kspace + "-dds";
run("Reconstruct (classical)...", "measurement=[" + kspace + "] method=zero_filled");
zf = getTitle();
names = newArray("ct-fbp", "ct-dds", "mri-zero-filled", "mri-dds");
titles = newArray(fbp, dds, zf, mri);
for (i = 0; i < titles.length; i++) {
	run("Compare images (PSNR, SSIM)...", "reference=truth estimate=[" + titles[i] + "] data_range=255");
	print(names[i] + ": PSNR " + d2s(getResult("psnr", nResults - 1), 2) + " dB, SSIM " + d2s(getResult("ssim", nResults - 1), 3));
}
setBatchMode("exit and display");
