// PriorJ example: blur an image with a known PSF, then compare classical deconvolutions.
// Argument: the ground-truth image; without one, a file dialog asks for it.
path = getArgument();
if (path == "") path = File.openDialog("Ground-truth image");
setBatchMode(true);
open(path);
truth = getTitle();
run("Simulate measurement...", "input=[" + truth + "] operator=[blur psf=gaussian:2 boundary=reflect] noise=gaussian noise_level=2.5 seed=1");
blurred = getTitle();
methods = newArray("richardson_lucy", "tikhonov", "tv");
lambdas = newArray(0, 0.02, 0.5);   // tikhonov: scale-free; tv: in grey levels
for (i = 0; i < methods.length; i++) {
	run("Reconstruct (classical)...", "measurement=[" + blurred + "] method=" + methods[i] + " iterations=50 lambda=" + lambdas[i]);
	result = getTitle();
	run("Compare images (PSNR, SSIM)...", "reference=[" + truth + "] estimate=[" + result + "] data_range=255");
	print(methods[i] + ": PSNR " + d2s(getResult("psnr", nResults - 1), 2) + " dB");
}
setBatchMode("exit and display");
