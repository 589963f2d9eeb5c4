#!/usr/bin/python3
"""Rebuild PriorJ's test-images/ folder from Debian packages installed on this machine.

    /usr/bin/python3 scripts/collect_test_images.py [OUTDIR]     # default: test-images/

Needs Debian's python3-skimage, python3-scipy, python3-imageio, python3-pydicom,
python-matplotlib-data, insighttoolkit5-examples, mricron-data, python3-nibabel, python3-tifffile
and python3-pil. Nothing is downloaded. The output is deterministic for a given set of package
versions: PNG files that are already 8-bit gray are copied byte for byte, the others are written with
Pillow, TIFF files with tifffile (ImageJ hyperstack description, no date tag; zlib level 9 except for
stacks with slice labels).

Writes the images, LICENSES.md (source, licence, modifications for each file) and splits.txt
(train / heldout for each file). README.md in OUTDIR is written by hand and left alone.
"""
import gzip
import hashlib
import os
import shutil
import subprocess
import sys

import numpy as np
import tifffile
from PIL import Image

SKIMAGE = "/usr/lib/python3/dist-packages/skimage/data"
SCIPY_ASCENT = "/usr/lib/python3/dist-packages/scipy/misc/ascent.dat"
STENT = "/usr/lib/python3/dist-packages/imageio/resources/images/stent.npz"
CT_SMALL = "/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm"
S1045 = "/usr/share/matplotlib/mpl-data/sample_data/s1045.ima.gz"
ITK = "/usr/share/doc/insighttoolkit5-examples/examples/Data"
CH2 = "/usr/share/mricron/templates/ch2.nii.gz"

# Axial ch2 slices (NIfTI voxel index k along the third axis). The ITK BrainWeb slices in this folder
# are of the same subject (Colin27, the "ch2" brain) and match ch2 slices k = 88..96 best (Pearson
# correlation 0.99 between BrainT1Slice and k = 94), so the training slices stay at least 20 mm
# away from that level: k <= 68 and k >= 116.
CH2_SLICES = [36, 44, 52, 60, 68, 116, 124, 132, 140, 148]

SKIMAGE_LICENCE = {
	"camera": "CC0 — skimage docstring: \"No copyright restrictions. CC0 by the photographer (Lav Varshney).\"",
	"astronaut": "public domain — skimage docstring: \"No known copyright restrictions, released into the public domain.\" (NASA)",
	"coffee": "CC0 — skimage docstring: \"No copyright restrictions. CC0 by the photographer (Rachel Michetti).\"",
	"chelsea": "CC0 — skimage docstring: \"No copyright restrictions. CC0 by the photographer (Stefan van der Walt).\"",
	"rocket": "public domain — skimage docstring: captured by SpaceX and released in the public domain",
	"coins": "skimage docstring: \"No known copyright restrictions.\" (Brooklyn Museum Collection)",
	"text": "public domain — skimage docstring: \"No known copyright restrictions, released into the public domain.\" (Wikipedia)",
	"clock_motion": "public domain — skimage docstring: \"Released into the public domain by the photographer (Stefan van der Walt).\"",
	"brick": "CC0 — skimage docstring: from CC0Textures, \"licensed under the Creative Commons CC0 License\"",
	"grass": "CC0 — skimage docstring: from DeviantArt (linolafett), \"licensed under the Creative Commons CC0 License\"",
	"gravel": "CC0 — skimage docstring: from CC0Textures, \"licensed under the Creative Commons CC0 License\"",
	"cell": "CC0 — skimage docstring: \"This image is CC0, dedicated to the public domain.\"",
	"hubble_deep_field": "public domain — skimage docstring: captured by NASA and \"may be freely used in the public domain\"",
	"retina": "CC0 — skimage docstring: \"made available under the Creative Commons CC0 1.0 Universal Public Domain Dedication\" (Wikimedia)",
	"microaneurysms": "CC0 — skimage docstring: \"No copyright restrictions. CC0 given by owner (Andreas Maier).\"",
	"ihc": "skimage docstring: \"No known copyright restrictions.\" (Center for Microscopy And Molecular Imaging, CMMI)",
	"phantom": "synthetic; no licence stated for the file, package python3-skimage is BSD-3-Clause (Debian copyright, Files: *)",
}

ENTRIES = []  # dicts: file, package, source, licence, modification, split, what


def package_version(pkg):
	try:
		return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], check=True,
			capture_output=True, text=True).stdout.strip()
	except (OSError, subprocess.CalledProcessError):
		return "not installed"


def add(out, name, package, source, licence, modification, split, what):
	ENTRIES.append(dict(file=name, package=package, source=source, licence=licence,
		modification=modification, split=split, what=what, path=os.path.join(out, name)))


def gray_png(out, name, img):
	"""Writes an 8-bit gray PNG (no Pillow metadata that would vary)."""
	Image.fromarray(np.ascontiguousarray(img, dtype=np.uint8), mode="L").save(
		os.path.join(out, name), optimize=False, compress_level=9)


def to_gray(path):
	"""Pillow's ITU-R 601-2 luma L = R*299/1000 + G*587/1000 + B*114/1000, rounded."""
	return np.asarray(Image.open(path).convert("L"))


def write_tiff(out, name, data, axes, resolution_mm=None, labels=None):
	metadata = {"axes": axes}
	if resolution_mm is not None: metadata["unit"] = "mm"
	if labels is not None: metadata["Labels"] = labels
	kwargs = {}
	if resolution_mm is not None:
		kwargs["resolution"] = (1.0 / resolution_mm, 1.0 / resolution_mm)
	# ImageJ 1.54p drops slice labels when it reads a compressed stack (one IFD per slice), so
	# labelled stacks are written uncompressed.
	if labels is None:
		kwargs["compression"] = ("zlib", 9)
	tifffile.imwrite(os.path.join(out, name), data, imagej=True, metadata=metadata,
		datetime=None, **kwargs)


def natural(out):
	"""Photographs: gray PNGs already in the package are copied byte for byte."""
	copied = [("camera", "heldout", "photograph"), ("coins", "heldout", "photograph"),
		("cell", "heldout", "quantitative phase microscopy image"),
		("clock_motion", "heldout", "photograph with real motion blur"),
		("text", "train", "photograph of hand-drawn text"), ("brick", "train", "texture photograph"),
		("grass", "train", "texture photograph"), ("gravel", "train", "texture photograph"),
		("microaneurysms", "train", "fundus photograph detail")]
	for stem, split, what in copied:
		shutil.copyfile(os.path.join(SKIMAGE, stem + ".png"), os.path.join(out, stem + ".png"))
		add(out, stem + ".png", "python3-skimage", SKIMAGE + "/" + stem + ".png",
			SKIMAGE_LICENCE[stem], "none (byte-identical copy)", split, what)
	luma = "converted to 8-bit gray with Pillow's ITU-R 601-2 luma (convert('L'))"
	for stem, ext, split in [("astronaut", "png", "heldout"), ("coffee", "png", "train"),
		("chelsea", "png", "train"), ("rocket", "jpg", "train"), ("ihc", "png", "train")]:
		src = os.path.join(SKIMAGE, stem + "." + ext)
		gray_png(out, stem + ".png", to_gray(src))
		add(out, stem + ".png", "python3-skimage", src, SKIMAGE_LICENCE[stem], luma, split,
			"colour micrograph (immunohistochemistry, colonic glands)" if stem == "ihc" else
			"colour photograph")
	src = os.path.join(SKIMAGE, "hubble_deep_field.jpg")
	g = to_gray(src)  # 872 x 1000
	y0, x0 = (g.shape[0] - 512) // 2, (g.shape[1] - 512) // 2
	gray_png(out, "hubble_deep_field.png", g[y0:y0 + 512, x0:x0 + 512])
	add(out, "hubble_deep_field.png", "python3-skimage", src, SKIMAGE_LICENCE["hubble_deep_field"],
		luma + "; central 512x512 crop (rows %d-%d, columns %d-%d of 872x1000), native resolution"
		% (y0, y0 + 511, x0, x0 + 511), "train", "astronomical photograph")
	src = os.path.join(SKIMAGE, "retina.jpg")
	g = Image.fromarray(to_gray(src)).resize((512, 512), Image.LANCZOS)
	gray_png(out, "retina.png", np.asarray(g))
	add(out, "retina.png", "python3-skimage", src, SKIMAGE_LICENCE["retina"],
		luma + "; downsized from 1411x1411 to 512x512 (Pillow Lanczos)", "train",
		"fundus photograph")
	import pickle
	with open(SCIPY_ASCENT, "rb") as f:
		ascent = np.asarray(pickle.load(f))
	assert ascent.shape == (512, 512) and ascent.min() >= 0 and ascent.max() <= 255
	gray_png(out, "ascent.png", ascent.astype(np.uint8))
	add(out, "ascent.png", "python3-scipy", SCIPY_ASCENT + " (scipy.misc.ascent())",
		"public domain — Debian copyright of python3-scipy: \"Files: scipy/misc/ascent.dat "
		"Copyright: public-domain License: public-domain\"",
		"integer array (0..255) stored as 8-bit gray PNG", "heldout", "photograph, 8-bit gray")
	src = os.path.join(SKIMAGE, "phantom.png")
	gray_png(out, "shepp_logan_skimage.png", to_gray(src))
	add(out, "shepp_logan_skimage.png", "python3-skimage", src, SKIMAGE_LICENCE["phantom"],
		"RGB with R=G=B converted to 8-bit gray", "heldout",
		"modified Shepp-Logan raster (skimage.data.shepp_logan_phantom())")


def ct(out):
	import pydicom
	shutil.copyfile(CT_SMALL, os.path.join(out, "CT_small.dcm"))
	lic = ("MIT (Expat) — Debian copyright of python3-pydicom, Files: * (blanket; the file itself "
		"states no licence). DATA.md: downsized NEMA WG04 CT1_UNC")
	add(out, "CT_small.dcm", "python3-pydicom", CT_SMALL, lic, "none (byte-identical copy)",
		"heldout", "real CT slice, DICOM int16")
	ds = pydicom.dcmread(CT_SMALL)
	slope, intercept = float(ds.RescaleSlope), float(ds.RescaleIntercept)
	hu = (ds.pixel_array.astype(np.float64) * slope + intercept).astype(np.float32)
	spacing = float(ds.PixelSpacing[0])
	write_tiff(out, "CT_small_hu.tif", hu, "YX", resolution_mm=spacing)
	add(out, "CT_small_hu.tif", "python3-pydicom", CT_SMALL, lic,
		"pixel values converted to Hounsfield units HU = %g * stored + (%g) (the file's "
		"RescaleSlope / RescaleIntercept), written as 32-bit float TIFF; pixel size %g mm"
		% (slope, intercept, spacing), "heldout", "real CT slice, Hounsfield units")
	vol = np.load(STENT)["arr_0"]
	assert vol.shape == (256, 128, 128) and vol.min() >= 0
	write_tiff(out, "stent.tif", vol.astype(np.uint16), "ZYX")
	add(out, "stent.tif", "python3-imageio", STENT,
		"public domain per imageio's standard-images documentation (\"to the best of our "
		"knowledge, all the listed images are in public domain\"); package python3-imageio is "
		"BSD-2-Clause (Debian copyright, Files: *)",
		"int16 values (0..2000, unit not documented by the file) stored as 16-bit unsigned; "
		"all 256 slices kept, axes as stored (slices along the first array axis)", "train",
		"real CT volume, stented abdominal aorta")


def mri(out):
	import nibabel
	raw = gzip.open(S1045).read()
	s1045 = np.frombuffer(raw, ">u2").reshape(256, 256)
	write_tiff(out, "s1045.tif", s1045.astype(np.uint16), "YX")
	add(out, "s1045.tif", "python-matplotlib-data", S1045,
		"matplotlib licence (PSF-based; Debian copyright of python-matplotlib-data, Files: *, "
		"blanket); origin of s1045 undocumented",
		"gunzipped raw 256x256 big-endian uint16 written as 16-bit TIFF (values 0..215)",
		"heldout", "sagittal head MRI slice")
	itk_lic = ("Apache-2.0 — Debian copyright of insighttoolkit5-examples, \"Files: * Copyright: "
		"1999-2019 Insight Software Consortium, 2020 NumFOCUS License: Apache-2.0\" (the GPL note "
		"at its top concerns the FFTW-linked binaries); BrainWeb-derived")
	for stem, split in [("BrainProtonDensitySlice", "heldout"), ("BrainT1Slice", "heldout"),
		("FatMRISlice", "train")]:
		src = os.path.join(ITK, stem + ".png")
		gray_png(out, stem + ".png", to_gray(src))
		add(out, stem + ".png", "insighttoolkit5-examples", src, itk_lic,
			"palette/RGB PNG with gray entries converted to 8-bit gray", split, "MRI slice")
	src = os.path.join(ITK, "itkBrainSliceComplex.mha")
	blob = open(src, "rb").read()
	marker = b"ElementDataFile = LOCAL\n"
	header = blob[:blob.index(marker)].decode("ascii")
	assert "DimSize = 181 217" in header and "ElementNumberOfChannels = 2" in header
	assert "ElementType = MET_FLOAT" in header and "BinaryDataByteOrderMSB = False" in header
	data = np.frombuffer(blob[blob.index(marker) + len(marker):], "<f4").reshape(217, 181, 2)
	planes = np.ascontiguousarray(np.moveaxis(data, 2, 0))  # (2, 217, 181): real, imaginary
	write_tiff(out, "brain_slice_complex.tif", planes, "CYX", labels=["real", "imaginary"])
	add(out, "brain_slice_complex.tif", "insighttoolkit5-examples", src, itk_lic,
		"MetaImage complex (interleaved real/imaginary float32) written as a 2-channel 32-bit "
		"float TIFF: channel 1 real, channel 2 imaginary; magnitude correlates 0.99 with "
		"BrainProtonDensitySlice", "heldout", "complex-valued MRI slice")
	vol = np.asanyarray(nibabel.load(CH2).dataobj)
	assert vol.shape == (181, 217, 181) and vol.dtype == np.uint8
	stack = np.stack([vol[:, :, k].T for k in CH2_SLICES])  # rows = voxel j, columns = voxel i
	write_tiff(out, "ch2_axial.tif", stack, "ZYX", resolution_mm=1.0,
		labels=["ch2 k=%d" % k for k in CH2_SLICES])
	add(out, "ch2_axial.tif", "mricron-data", CH2,
		"BSD-3-Clause — Debian copyright of mricron-data, Files: * Copyright 2006-2010, Chris "
		"Rorden (blanket)",
		"10 axial slices k = %s of the 181x217x181 1 mm volume, 8-bit; row = NIfTI voxel index j, "
		"column = voxel index i (the orientation of the ITK BrainWeb slices); slice labels "
		"record k" % ", ".join(str(k) for k in CH2_SLICES), "train", "T1 MRI slices (stack)")


def describe(path):
	"""Dimensions as ImageJ reports them: width x height [x channels or slices], type."""
	if path.endswith(".dcm"):
		return "128x128, 16-bit signed DICOM"
	if path.endswith(".png"):
		im = Image.open(path)
		return "%dx%d, 8-bit gray PNG" % im.size
	with tifffile.TiffFile(path) as t:
		s = t.series[0]
		wh = "%dx%d" % (s.shape[-1], s.shape[-2])
		extra = {"C": ", %d channels", "Z": ", %d slices"}[s.axes[0]] % s.shape[0] \
			if len(s.shape) == 3 else ""
		bits = {"uint8": "8-bit", "uint16": "16-bit", "float32": "32-bit float"}[str(s.dtype)]
		return "%s%s, %s TIFF" % (wh, extra, bits)


def write_text(out):
	versions = {p: package_version(p) for p in sorted({e["package"] for e in ENTRIES})}
	lines = ["# Licences of the files in this folder", "",
		"Generated by `scripts/collect_test_images.py` from Debian 12 packages (no downloads). "
		"Licences are quoted as the upstream docstring or the package's Debian `copyright` file "
		"states them; \"blanket\" means only the package-wide copyright entry covers the file.", "",
		"Package versions used: " + ", ".join("%s %s" % kv for kv in versions.items()) + ".", ""]
	for e in ENTRIES:
		lines += ["## " + e["file"], "",
			"- what: %s, %s" % (e["what"], describe(e["path"])),
			"- source: Debian package `%s`, `%s`" % (e["package"], e["source"]),
			"- licence: " + e["licence"],
			"- modifications: " + e["modification"],
			"- sha256: " + hashlib.sha256(open(e["path"], "rb").read()).hexdigest(), ""]
	with open(os.path.join(out, "LICENSES.md"), "w") as f:
		f.write("\n".join(lines))
	with open(os.path.join(out, "splits.txt"), "w") as f:
		f.write("# <split> <file>: train = may be used to train priors; heldout = tests and "
			"benchmarks only\n")
		for e in sorted(ENTRIES, key=lambda e: (e["split"] != "train", e["file"])):
			f.write("%s %s\n" % (e["split"], e["file"]))


def main():
	here = os.path.dirname(os.path.abspath(__file__))
	out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "test-images")
	os.makedirs(out, exist_ok=True)
	natural(out)
	ct(out)
	mri(out)
	write_text(out)
	total = 0
	for e in ENTRIES:
		size = os.path.getsize(e["path"])
		total += size
		print("%-8s %-28s %9d  %s" % (e["split"], e["file"], size, describe(e["path"])))
	print("total image bytes: %d" % total)


if __name__ == "__main__":
	main()
