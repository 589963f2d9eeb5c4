#@ net.imglib2.RandomAccessibleInterval truth
#@ net.imglib2.RandomAccessibleInterval phantom
#@output String report
// PriorJ from a SciJava script (Fiji: File › New › Script…, language Groovy): an inpainting
// measurement of `truth` restored classically and with RED-Diff, a sparse-view CT scan of
// `phantom` reconstructed with FBP and DDS, each scored by PSNR.
import org.priorj.api.PriorJ

def m = PriorJ.simulate(truth, "mask missing_fraction=0.5", "gaussian", 2, 1)
def baseline = PriorJ.reconstruct(m, "auto")           // biharmonic inpainting
def restored = PriorJ.redDiff(m, "natural-gray", 0)    // the task's preset

def ct = PriorJ.simulate(phantom, "radon angles=0:180:20", "gaussian_relative", 0.005, 2)
def fbp = PriorJ.reconstruct(ct, "fbp")
def dds = PriorJ.dds(ct, "ct", 0)

report = String.format(Locale.ROOT, "inpainting: %s %.2f dB, RED-Diff %.2f dB; CT: FBP %.2f dB, DDS %.2f dB",
	baseline.info()["priorj.method"].split(" ")[0], PriorJ.psnr(truth, baseline.image()),
	PriorJ.psnr(truth, restored.image()), PriorJ.psnr(phantom, fbp.image()),
	PriorJ.psnr(phantom, dds.image()))
println report
