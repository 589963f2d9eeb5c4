#!/usr/bin/env bash
# GUI check (not part of CI): installs PriorJ into a plain ImageJ 1.x under a virtual display, runs
# Plugins > PriorJ > Simulate measurement... from the menu, and saves screenshots into docs/.
# Needs Debian's xvfb, imagemagick and xdotool (apt-get install xvfb imagemagick xdotool).
source "$(dirname "$0")/gui-imagej.sh"
java -Xmx4g -Dai.djl.offline=true -cp "$ij" ij.ImageJ -ijpath "$work/ImageJ" \
  -eval "open('$repo/test-images/camera.png');" >"$work/imagej.log" 2>&1 &
imagej=$!
sleep 6
# Plugins > PriorJ > Simulate measurement..., by mouse (coordinates of ImageJ's menu bar at 1280x800)
xdotool mousemove 848 12 click 1
sleep 1
xdotool mousemove 837 156 click 1
sleep 1
import -window root "$repo/docs/gui-menu.png" || true
xdotool mousemove 1110 177 click 1   # the row below the Priors submenu
for i in $(seq 1 60); do
  xdotool search --name "PriorJ Simulate measurement" >/dev/null 2>&1 && break
  sleep 1
done
sleep 1
import -window root "$repo/docs/gui-simulate-dialog.png" || true
# no window manager runs, so keys do not reach the dialog: click its OK button (bottom right)
eval "$(xdotool search --name "PriorJ Simulate measurement" getwindowgeometry --shell | head -5)"
xdotool mousemove $((X + WIDTH - 39)) $((Y + HEIGHT - 22)) click 1
sleep 4
import -window root "$repo/docs/gui-simulate-result.png" || true
echo "screenshots: docs/gui-menu.png docs/gui-simulate-dialog.png docs/gui-simulate-result.png"
cat "$work/imagej.log"
