#!/usr/bin/python3
"""Collect PriorJ's extra training photographs from Debian wallpaper packages.

    /usr/bin/python3 scripts/collect_training_photos.py [OUTDIR] [--debs DIR]

OUTDIR defaults to training-images/photos (git-ignored: the photographs are never committed).
Without --debs the script runs `apt-get download` for the four packages below, pinned to the listed
versions, into a temporary folder (needs apt lists that know Debian 12 "bookworm"; run
`apt-get update` first if apt cannot find them). With --debs DIR it uses the .deb files already in
DIR instead (named as apt names them: <package>_<version>_all.deb). Either way each .deb must have
the listed package name, version and SHA-256, or the script stops.

Each package is unpacked with `dpkg-deb -x`. For every photograph in PHOTOS (a hand-checked list:
real photographs only, licences that allow redistribution and derived works) the script
  - checks that the package's Debian copyright file (DEP-5) still gives the file the listed holder
    and licence (the last stanza whose Files patterns match wins, as DEP-5 says),
  - converts it to grey with the ITU-R BT.601 luma Y = 0.299 R + 0.587 G + 0.114 B, computed in
    float64 on values in [0, 1],
  - downsamples it so that the shorter side is 768 pixels (aspect kept; images already that small
    are not resized) with scikit-image's resize: Gaussian anti-aliasing (sigma = (factor - 1) / 2),
    then bilinear interpolation,
  - rounds to 8 bits and writes <package>--<basename>.png (8-bit grey PNG, no metadata).
It also writes LICENSES.md (a "## file" heading and a "- licence:" line per photograph, the form
PriorJ's trainer reads into the prior's descriptor) and copies the Debian copyright file (with the
full licence texts) of each package a photograph comes from as <package>.copyright.txt.

A listed file that is missing, a changed licence stanza, a wrong package version or checksum, or a
file in OUTDIR that this script does not write: the script stops with an error (all listed files are
checked before any is written). The output is
deterministic: the same .deb files and the same numpy / scipy / scikit-image / Pillow give
byte-identical files.

Needs Debian's python3-numpy, python3-skimage and python3-pil (hence /usr/bin/python3), dpkg-deb and,
without --debs, apt-get. See docs/training-data.md.
"""
import argparse
import fnmatch
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image
from skimage.transform import resize

SHORT_SIDE = 768

# package -> (version, SHA-256 of the .deb in Debian 12 "bookworm")
PACKAGES = {
	"lomiri-wallpapers-16.04": ("20.04.0-2",
		"a99ff6a3bfe451e4cc0682ecb3cc82e71740626d59e4845ae34a0a0e45421eab"),
	"lomiri-wallpapers-20.04": ("20.04.0-2",
		"d44e89b8473aafe64a5b678f014862dc31335aaaf18665c544d985d854f1a709"),
	"mate-backgrounds": ("1.26.0-1",
		"7bf4c2209f34b4f61ba6d24c8b58c28b361e82e4b943aae6d42c030169af9e04"),
	"ukui-wallpapers": ("20.04.3-1.1",
		"6d49be70152e6d603163458e177e501deb0be8f2916389ccbfcf59b0d7fc0262"),
}

LICENCE_URL = {
	"CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
	"CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
	"CC-BY-SA-3.0": "https://creativecommons.org/licenses/by-sa/3.0/",
	"CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
	"GPL-2+": "https://www.gnu.org/licenses/old-licenses/gpl-2.0.html, or any later version",
}

L16 = "lomiri-wallpapers-16.04"
L20 = "lomiri-wallpapers-20.04"
MATE = "mate-backgrounds"
BG = "usr/share/backgrounds/"
MN = BG + "mate/nature/"

# (package, path inside the package, path in the upstream source as the Debian copyright file names
# it, copyright exactly as that file states it (lines joined by "; "), licence, what it shows).
# ukui-wallpapers holds no photograph; it is downloaded only so that the whole set of packages
# reviewed for docs/training-data.md stays pinned together.
PHOTOS = [
	(L16, BG + "Bridge_by_Sander_Klootwijk.jpg", "16.04/Bridge_by_Sander_Klootwijk.jpg",
		"2018. Sander Klootwijk", "CC-BY-SA-4.0", "bridge stays over a tidal estuary, sky"),
	(L16, BG + "Dragonfly_by_Bolly.jpg", "16.04/Dragonfly_by_Bolly.jpg",
		"\"Bolly\", 2018", "CC-BY-SA-4.0", "dragonfly on a twig, leaves, sky"),
	(L16, BG + "Picture_0B_by_freespace.jpg", "16.04/Picture_0B_by_freespace.jpg",
		"Trevor \"Freespace\", 2018", "CC-BY-4.0", "half fig in a bowl on concrete"),
	(L16, BG + "Picture_1A_by_freespace.jpg", "16.04/Picture_1A_by_freespace.jpg",
		"Trevor \"Freespace\", 2018", "CC-BY-4.0", "paint brushes, close-up"),
	(L16, BG + "Wine_by_Jakkub_Mede.jpg", "16.04/Wine_by_Jakkub_Mede.jpg",
		"Jakub Mede, 2018", "CC-BY-4.0", "room: wine bottle and glass, drum, loudspeaker"),
	(L16, BG + "aitzgorri_by_Aitzol_Berasategi.jpg", "16.04/aitzgorri_by_Aitzol_Berasategi.jpg",
		"Aitzol Berasategi, 2018", "CC-BY-4.0", "mountain ridge, autumn forest, meadow"),
	(L16, BG + "analogpattern_by_Peter_Nerlich.jpg", "16.04/analogpattern_by_Peter_Nerlich.jpg",
		"Peter Nerlich, 2018", "CC-BY-SA-4.0", "embossed surface, close-up (colour-tinted texture)"),
	(L16, BG + "free_by_Peter_Nerlich.jpg", "16.04/free_by_Peter_Nerlich.jpg",
		"Peter Nerlich, 2018", "CC-BY-SA-4.0", "wooden bird figure hanging from a ceiling lamp"),
	(L16, BG + "friends_by_Aitzol_Berasategi.jpg", "16.04/friends_by_Aitzol_Berasategi.jpg",
		"Aitzol Berasategi, 2018", "CC-BY-4.0", "two spaniels at the door of a wooden hut"),
	(L16, BG + "greentock_by_Peter_Nerlich.jpg", "16.04/greentock_by_Peter_Nerlich.jpg",
		"Peter Nerlich, 2018", "CC-BY-SA-4.0", "wall clock seen at an angle, textured wall"),
	(L16, BG + "life_by_Aitzol_Berasategi.jpg", "16.04/life_by_Aitzol_Berasategi.jpg",
		"Aitzol Berasategi, 2018", "CC-BY-4.0", "forest stream over rocks"),
	(L16, BG + "picosdeeuropa_by_Aitzol_Berasategi.jpg",
		"16.04/picosdeeuropa_by_Aitzol_Berasategi.jpg",
		"Aitzol Berasategi, 2018", "CC-BY-4.0", "mountain path, rock peaks, snow"),
	(L16, BG + "seeding_by_Clements_Engelhardt.jpg", "16.04/seeding_by_Clements_Engelhardt.jpg",
		"Clemens Engelhardt, 2018", "CC0-1.0", "dandelion seed heads in a meadow, back-lit"),
	(L16, BG + "sunset_by_Aitzol_Berasategi.jpg", "16.04/sunset_by_Aitzol_Berasategi.jpg",
		"Aitzol Berasategi, 2018", "CC-BY-4.0", "low sun over mountains, summit with a stone table"),
	(L20, BG + "Kleiber_by_Lukas_Baubkus.jpg", "20.04/Kleiber_by_Lukas_Baubkus.jpg",
		"2021, Lukas Baubkus", "CC-BY-SA-3.0", "nuthatch on a tree trunk"),
	(MATE, MN + "Aqua.jpg", "nature/Aqua.jpg",
		"2008, Charles Barbin <barbinch@free.fr>\u00b4", "GPL-2+", "water drop splash"),
	(MATE, MN + "Blinds.jpg", "nature/Blinds.jpg",
		"2008, Lennart Poettering <mztabzr@0pointer.de>; 2008, Andrea Cimitan", "GPL-2+",
		"back-lit leaf veins, close-up"),
	(MATE, MN + "Dune.jpg", "nature/Dune.jpg",
		"2007, Marco Cogoni <cogoni@gmail.com>; 2008, Hylke Bons <hylkebons@gmail.com>", "GPL-2+",
		"dune grass, sea"),
	(MATE, MN + "FreshFlower.jpg", "nature/FreshFlower.jpg",
		"2005, Jens Ansorg <jens@ansorg-web.de>", "GPL-2+", "orange flower, close-up"),
	(MATE, MN + "Garden.jpg", "nature/Garden.jpg",
		"2008, Charles Barbin <barbinch@free.fr>\u00b4", "GPL-2+", "marigold flower"),
	(MATE, MN + "GreenMeadow.jpg", "nature/GreenMeadow.jpg",
		"2005, Timothy Schellhase; 2008, Lapo Calamandrei", "GPL-2+", "grass blades, close-up"),
	(MATE, MN + "LadyBird.jpg", "nature/LadyBird.jpg",
		"2008, Charles Barbin <barbinch@free.fr>\u00b4", "GPL-2+",
		"ladybird on a grass stem, forget-me-nots"),
	(MATE, MN + "RainDrops.jpg", "nature/RainDrops.jpg",
		"2008, \"blackcombwhistler07\" <blackcombwhistler07@googlemail.com>", "GPL-2+",
		"water drops on leaves"),
	(MATE, MN + "TwoWings.jpg", "nature/TwoWings.jpg",
		"2008, Charles Barbin <barbinch@free.fr>; 2008, Hylke Bons <hylkebons@gmail.com>", "GPL-2+",
		"two dandelion seeds, flowers out of focus"),
	(MATE, MN + "Wood.jpg", "nature/Wood.jpg",
		"2008, Jean-Fran\u00e7ois Fortin Tam <nekohayo@gmail.com>", "GPL-2+",
		"weathered wooden planks"),
	(MATE, MN + "YellowFlower.jpg", "nature/YellowFlower.jpg",
		"2008, Charles Barbin <barbinch@free.fr>\u00b4", "GPL-2+", "yellow flower, close-up"),
]


def fail(msg):
	sys.exit("collect_training_photos: error: " + msg)


def run(cmd, **kw):
	try:
		return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout
	except FileNotFoundError:
		fail("command not found: " + cmd[0])
	except subprocess.CalledProcessError as e:
		fail("%s failed (exit %d):\n%s%s" % (" ".join(cmd), e.returncode, e.stdout, e.stderr))


def sha256(path):
	h = hashlib.sha256()
	with open(path, "rb") as f:
		for block in iter(lambda: f.read(1 << 20), b""):
			h.update(block)
	return h.hexdigest()


def deb_name(pkg):
	return "%s_%s_all.deb" % (pkg, PACKAGES[pkg][0])


def download(dest):
	specs = ["%s=%s" % (p, v) for p, (v, _) in sorted(PACKAGES.items())]
	print("apt-get download " + " ".join(specs))
	run(["apt-get", "download"] + specs, cwd=dest)


def check_debs(folder):
	"""Path of each package's .deb, after checking its name, version and SHA-256."""
	debs = {}
	for pkg, (version, digest) in sorted(PACKAGES.items()):
		path = os.path.join(folder, deb_name(pkg))
		if not os.path.isfile(path):
			fail("missing %s in %s" % (deb_name(pkg), folder))
		fields = run(["dpkg-deb", "-f", path, "Package", "Version"]).splitlines()
		got = dict(line.split(": ", 1) for line in fields if ": " in line)
		if got.get("Package") != pkg or got.get("Version") != version:
			fail("%s is %s %s, expected %s %s" % (path, got.get("Package"), got.get("Version"), pkg,
				version))
		if sha256(path) != digest:
			fail("%s has SHA-256 %s, expected %s" % (path, sha256(path), digest))
		debs[pkg] = path
	return debs


def dep5_stanzas(path):
	"""Paragraphs of a DEP-5 copyright file as dicts; continuation lines joined by newlines."""
	stanzas, cur, key = [], {}, None
	with open(path, encoding="utf-8") as f:
		for line in f.read().splitlines():
			if not line.strip():
				if cur: stanzas.append(cur)
				cur, key = {}, None
			elif line[0] in " \t" and key is not None:
				cur[key] += "\n" + line.strip()
			elif ":" in line:
				key, value = line.split(":", 1)
				cur[key] = value.strip()
	if cur: stanzas.append(cur)
	return stanzas


def licence_stanza(stanzas, source_path):
	"""The last Files stanza matching source_path (DEP-5: later stanzas override earlier ones)."""
	match = None
	for s in stanzas:
		if "Files" in s and any(fnmatch.fnmatchcase(source_path, p) for p in s["Files"].split()):
			match = s
	return match


def normalise(copyright_field):
	return "; ".join(line.strip() for line in copyright_field.splitlines() if line.strip())


def check_photo(src, pkg, path, source, holder, licence, stanzas):
	"""Problems with one listed photograph (empty when there are none)."""
	if not os.path.isfile(src):
		return ["%s is not in %s %s" % (path, pkg, PACKAGES[pkg][0])]
	problems = []
	s = licence_stanza(stanzas, source)
	if s is None:
		problems.append("no stanza for %s in the copyright file of %s" % (source, pkg))
	elif s.get("License", "").split("\n")[0].strip() != licence or \
			normalise(s.get("Copyright", "")) != holder:
		problems.append("the copyright file of %s says Copyright: %r License: %r for %s; "
			"expected %r, %r: review it" % (pkg, normalise(s.get("Copyright", "")),
			s.get("License", "").split("\n")[0], source, holder, licence))
	if licence not in LICENCE_URL:
		problems.append("licence %s of %s is not on the allowed list" % (licence, source))
	with Image.open(src) as im:
		if im.getexif().get(0x0112, 1) != 1:
			problems.append("%s has an EXIF orientation other than 1; handle it first" % path)
		if im.mode != "RGB":
			problems.append("%s is %s, expected RGB" % (path, im.mode))
	return problems


def to_photo(src):
	"""8-bit grey array: BT.601 luma in float64 [0, 1], shorter side downsampled to SHORT_SIDE."""
	with Image.open(src) as im:
		rgb = np.asarray(im.convert("RGB"))
	h, w = rgb.shape[:2]
	y = (0.299 * rgb[..., 0] + 0.587 * rgb[..., 1] + 0.114 * rgb[..., 2]) / 255.0
	del rgb
	if min(h, w) > SHORT_SIDE:
		scale = SHORT_SIDE / min(h, w)
		shape = (SHORT_SIDE, int(round(w * scale))) if h <= w else (int(round(h * scale)), SHORT_SIDE)
		y = resize(y, shape, order=1, mode="reflect", anti_aliasing=True, preserve_range=True)
	return np.clip(np.round(y * 255.0), 0, 255).astype(np.uint8), (w, h)


def out_name(pkg, path):
	return "%s--%s.png" % (pkg, os.path.splitext(os.path.basename(path))[0])


def main():
	here = os.path.dirname(os.path.abspath(__file__))
	ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
	ap.add_argument("out", nargs="?", default=os.path.join(here, "..", "training-images", "photos"),
		help="output folder (default: training-images/photos in the repository)")
	ap.add_argument("--debs", metavar="DIR", help="use the .deb files in DIR instead of apt-get "
		"download")
	ap.add_argument("--licences", metavar="IDS", help="keep only photographs under these licences "
		"(comma-separated, e.g. CC0-1.0,CC-BY-4.0: the set PriorJ's shipped natural-gray prior is "
		"trained on, because weights trained on share-alike or GPL images might have to carry "
		"those terms); default: all")
	args = ap.parse_args()
	out = os.path.normpath(args.out)
	photos = PHOTOS
	if args.licences:
		wanted = [l.strip() for l in args.licences.split(",") if l.strip()]
		unknown = [l for l in wanted if l not in LICENCE_URL]
		if unknown:
			fail("--licences: unknown %s; allowed: %s" % (", ".join(unknown), ", ".join(LICENCE_URL)))
		photos = [p for p in PHOTOS if p[4] in wanted]

	names = [out_name(p, path) for p, path, *_ in photos]
	assert len(set(names)) == len(names), "two photographs map to the same output name"
	expected = set(names) | {"LICENSES.md"} | {p + ".copyright.txt" for p, *_ in photos}
	os.makedirs(out, exist_ok=True)
	stray = sorted(set(os.listdir(out)) - expected)
	if stray:
		fail("%s holds files this script does not write (they would be trained on too): %s; "
			"remove them or choose another folder" % (out, ", ".join(stray)))

	with tempfile.TemporaryDirectory(prefix="priorj-photos-") as tmp:
		if args.debs:
			debs = check_debs(args.debs)
		else:
			download(tmp)
			debs = check_debs(tmp)
		roots, stanzas = {}, {}
		for pkg, deb in debs.items():
			roots[pkg] = os.path.join(tmp, "x", pkg)
			os.makedirs(roots[pkg])
			run(["dpkg-deb", "-x", deb, roots[pkg]])
			copyright_file = os.path.join(roots[pkg], "usr/share/doc", pkg, "copyright")
			if not os.path.isfile(copyright_file):
				fail("%s has no copyright file" % deb)
			stanzas[pkg] = dep5_stanzas(copyright_file)

		# Check everything before writing anything, so that a failure leaves no half-made set.
		errors = []
		for pkg, path, source, holder, licence, what in photos:
			errors += check_photo(os.path.join(roots[pkg], path), pkg, path, source, holder, licence,
				stanzas[pkg])
		if errors:
			fail("\n  " + "\n  ".join(errors))
		for pkg in sorted({p for p, *_ in photos}):
			shutil.copyfile(os.path.join(roots[pkg], "usr/share/doc", pkg, "copyright"),
				os.path.join(out, pkg + ".copyright.txt"))

		entries = []
		for (pkg, path, source, holder, licence, what), name in zip(photos, names):
			img, (w, h) = to_photo(os.path.join(roots[pkg], path))
			Image.fromarray(img, mode="L").save(os.path.join(out, name), optimize=False,
				compress_level=9)
			entries.append(dict(name=name, pkg=pkg, path=path, source=source, holder=holder,
				licence=licence, what=what, src_size=(w, h), size=(img.shape[1], img.shape[0])))
			print("%-62s %5dx%-5d <- %dx%d" % (name, img.shape[1], img.shape[0], w, h))

	write_licences(out, entries)
	total = sum(os.path.getsize(os.path.join(out, e["name"])) for e in entries)
	print("%d photographs, %d bytes (%.1f MiB) of PNG in %s" % (len(entries), total,
		total / 2 ** 20, out))


def write_licences(out, entries):
	versions = ", ".join("%s %s" % (p, v) for p, (v, _) in sorted(PACKAGES.items())
		if any(e["pkg"] == p for e in entries))
	lines = ["# Licences of the training photographs in this folder", "",
		"Generated by `scripts/collect_training_photos.py` (see `docs/training-data.md`) from Debian 12 "
		"packages: " + versions + ". Copyright and licence are quoted as each package's Debian "
		"`copyright` file (DEP-5) states them for the file; the full licence texts are in "
		"`<package>.copyright.txt` here. Not for the repository: these files are git-ignored.", "",
		"Every file was changed: converted to grey with the ITU-R BT.601 luma Y = 0.299 R + 0.587 G "
		"+ 0.114 B (float, values in [0, 1]), downsampled to a shorter side of %d pixels with "
		"scikit-image's resize (Gaussian anti-aliasing, bilinear interpolation) and rounded to an "
		"8-bit grey PNG." % SHORT_SIDE, ""]
	for e in entries:
		version = PACKAGES[e["pkg"]][0]
		lines += ["## " + e["name"], "",
			"- what: photograph, %s; %dx%d 8-bit grey PNG" % ((e["what"],) + e["size"]),
			"- source: Debian package `%s` %s, `/%s` (%dx%d colour JPEG)" % ((e["pkg"], version,
				e["path"]) + e["src_size"]),
			"- copyright: " + e["holder"],
			"- licence: %s (%s), copyright %s; from Debian %s %s /%s" % (e["licence"],
				LICENCE_URL[e["licence"]], e["holder"], e["pkg"], version, e["path"]),
			"- Debian copyright stanza: `Files: %s` in /usr/share/doc/%s/copyright" % (e["source"],
				e["pkg"]),
			"- modifications: grey (BT.601 luma), downsampled from %dx%d to %dx%d, 8-bit" % (
				e["src_size"] + e["size"]),
			"- sha256: " + sha256(os.path.join(out, e["name"])), ""]
	with open(os.path.join(out, "LICENSES.md"), "w", encoding="utf-8") as f:
		f.write("\n".join(lines))


if __name__ == "__main__":
	main()
