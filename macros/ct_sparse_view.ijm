// PriorJ example: simulate a sparse-view CT scan of an image and reconstruct it classically.
// Run from Plugins > Macros > Run..., or headless: ImageJ -batch ct_sparse_view.ijm /path/to/image.tif
// The argument is the ground-truth image; without one, a file dialog asks for it.
path = getArgument();
if (path == "") path = File.openDialog("Ground-truth image");
setBatchMode(true);
open(path);
truth = getTitle();
run("Simulate measurement...", "input=[" + truth + "] operator=[radon angles=0:180:30 detectors=363] noise=gaussian_relative noise_level=0.005 seed=1");
sinogram = getTitle();
run("Reconstruct (classical)...", "measurement=[" + sinogram + "] method=fbp filter=ramp");
fbp = getTitle();
run("Compare images (PSNR, SSIM)...", "reference=[" + truth + "] estimate=[" + fbp + "]");
print("FBP: PSNR " + d2s(getResult("psnr", nResults - 1), 2) + " dB, SSIM " + d2s(getResult("ssim", nResults - 1), 3));
setBatchMode("exit and display");
