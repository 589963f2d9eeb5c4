#!/usr/bin/env bash
# GUI check (not part of CI): Plugins > PriorJ > Restore (RED-Diff)... in a plain ImageJ 1.x on a
# simulated inpainting measurement; saves the dialog and the result into docs/.
macro="open('$(cd "$(dirname "$0")/.." && pwd)/test-images/camera.png'); run('Size...', 'width=128 height=128 interpolation=Bilinear');"
macro+=" run('Simulate measurement...', 'input=camera.png operator=[mask missing_fraction=0.5] noise=gaussian noise_level=2 seed=1');"
macro+=" run('Restore (RED-Diff)...');"
GUI_DISPLAY=${GUI_DISPLAY:-98} exec "$(dirname "$0")/gui-command.sh" "Restore" "$macro" "red-diff" docs/gui-restore
