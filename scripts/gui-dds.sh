#!/usr/bin/env bash
# GUI check (not part of CI): Plugins > PriorJ > Reconstruct CT (DDS)... in a plain ImageJ 1.x on a
# simulated 30-view scan of the Shepp-Logan raster; saves the dialog and the result into docs/.
macro="open('$(cd "$(dirname "$0")/.." && pwd)/test-images/shepp_logan_skimage.png'); run('Size...', 'width=128 height=128 interpolation=Bilinear');"
macro+=" run('Simulate measurement...', 'input=shepp_logan_skimage.png operator=[radon angles=0:180:30] noise=gaussian_relative noise_level=0.005 seed=1');"
macro+=" run('Reconstruct CT (DDS)...');"
GUI_DISPLAY=${GUI_DISPLAY:-96} exec "$(dirname "$0")/gui-command.sh" "Reconstruct CT" "$macro" "-dds" docs/gui-dds
