#!/usr/bin/env bash
# GUI check (not part of CI): Plugins > PriorJ > Restore (RED-Diff)... in a plain ImageJ 1.x under a
# virtual display, on a simulated inpainting measurement; saves the dialog and the result into docs/.
# Needs Debian's xvfb, imagemagick and xdotool (apt-get install xvfb imagemagick xdotool).
GUI_DISPLAY=${GUI_DISPLAY:-98}
source "$(dirname "$0")/gui-imagej.sh"
macro="open('$repo/test-images/camera.png'); run('Size...', 'width=128 height=128 interpolation=Bilinear');"
macro+=" run('Simulate measurement...', 'input=camera.png operator=[mask missing_fraction=0.5] noise=gaussian noise_level=2 seed=1');"
macro+=" run('Restore (RED-Diff)...');"
java -Xmx4g -Dai.djl.offline=true -cp "$ij" ij.ImageJ -ijpath "$work/ImageJ" -eval "$macro" \
  >"$work/imagej.log" 2>&1 &
imagej=$!
for i in $(seq 1 90); do
  xdotool search --name "Restore" >/dev/null 2>&1 && break
  sleep 1
done
sleep 2
import -window root "$repo/docs/gui-restore-dialog.png" || true
# no window manager runs, so keys do not reach the dialog: click its OK button (bottom right)
eval "$(xdotool search --name "Restore" getwindowgeometry --shell | head -5)"
xdotool mousemove $((X + WIDTH - 39)) $((Y + HEIGHT - 22)) click 1
for i in $(seq 1 120); do
  xdotool search --name "red-diff" >/dev/null 2>&1 && break
  sleep 1
done
sleep 3
import -window root "$repo/docs/gui-restore-result.png" || true
echo "screenshots: docs/gui-restore-dialog.png docs/gui-restore-result.png"
cat "$work/imagej.log"
