#@ net.imglib2.RandomAccessibleInterval truth
#@ net.imglib2.RandomAccessibleInterval phantom
#@output String report
# PriorJ from a SciJava script (Fiji: File > New > Script..., language Python (Jython)): an
# inpainting measurement of `truth` restored classically and with RED-Diff, a sparse-view CT scan
# of `phantom` reconstructed with FBP and DDS, each scored by PSNR.
from org.priorj.api import PriorJ

m = PriorJ.simulate(truth, "mask missing_fraction=0.5", "gaussian", 2, 1)
baseline = PriorJ.reconstruct(m, "auto")          # biharmonic inpainting
restored = PriorJ.redDiff(m, "natural-gray", 0)   # the task's preset

ct = PriorJ.simulate(phantom, "radon angles=0:180:20", "gaussian_relative", 0.005, 2)
fbp = PriorJ.reconstruct(ct, "fbp")
dds = PriorJ.dds(ct, "ct", 0)

report = "inpainting: %s %.2f dB, RED-Diff %.2f dB; CT: FBP %.2f dB, DDS %.2f dB" % (
    baseline.info()["priorj.method"].split(" ")[0], PriorJ.psnr(truth, baseline.image()),
    PriorJ.psnr(truth, restored.image()), PriorJ.psnr(phantom, fbp.image()),
    PriorJ.psnr(phantom, dds.image()))
print(report)
