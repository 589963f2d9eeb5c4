"""The test fixture src/test/resources/org/priorj/physics/ct/skimage-camera128-circle-false.tif:
scikit-image's radon of its camera image (resized to 128x128) at 60 angles 0, 3, ..., 177 degrees
with circle=False (the image padded to its diagonal: 182 bins), rows = angles.

    /usr/bin/python3 scripts/skimage_padded_sinogram.py OUT.tif   (Debian's python3-skimage)
"""
import sys

import numpy as np
import tifffile
from skimage import data, transform

image = transform.resize(data.camera().astype(np.float32) / 255, (128, 128), anti_aliasing=True)
sinogram = transform.radon(image, np.arange(0, 180, 3.0), circle=False).T.astype(np.float32)
tifffile.imwrite(sys.argv[1], sinogram)
