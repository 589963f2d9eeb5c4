// PriorJ example: add noise to an 8-bit image, denoise it with the shipped natural-gray prior,
// and compare with the noisy image. Argument: the image; without one, a file dialog asks for it.
path = getArgument();
if (path == "") path = File.openDialog("8-bit grey image");
setBatchMode(true);
open(path);
clean = getTitle();
run("Simulate measurement...", "input=[" + clean + "] operator=identity noise=gaussian noise_level=25 seed=1");
noisy = getTitle();
run("Denoise with prior...", "input=[" + noisy + "] prior=natural-gray noise_sigma=25 range_min=0 range_max=255");
denoised = getTitle();
run("Compare images (PSNR, SSIM)...", "reference=[" + clean + "] estimate=[" + noisy + "] data_range=255");
print("noisy: PSNR " + d2s(getResult("psnr", nResults - 1), 2) + " dB");
run("Compare images (PSNR, SSIM)...", "reference=[" + clean + "] estimate=[" + denoised + "] data_range=255");
print("natural-gray: PSNR " + d2s(getResult("psnr", nResults - 1), 2) + " dB");
setBatchMode("exit and display");
