#!/usr/bin/env bash
# GUI check helper (not part of CI): in a plain ImageJ 1.x under a virtual display, runs a set-up
# macro, opens a PriorJ command's dialog, saves a screenshot of it, presses OK, waits for the result
# window and saves a second screenshot.
# Usage: gui-command.sh "Dialog title" "set-up macro; run('Command...');" "result title part" docs/NAME
# Needs Debian's xvfb, imagemagick and xdotool (apt-get install xvfb imagemagick xdotool).
dialog=$1 macro=$2 result=$3 out=$4
source "$(dirname "$0")/gui-imagej.sh"
java -Xmx4g -Dai.djl.offline=true -cp "$ij" ij.ImageJ -ijpath "$work/ImageJ" -eval "$macro" \
  >"$work/imagej.log" 2>&1 &
imagej=$!
for i in $(seq 1 90); do
  xdotool search --name "$dialog" >/dev/null 2>&1 && break
  sleep 1
done
sleep 2
import -window root "$repo/$out-dialog.png" || true
# no window manager runs, so keys do not reach the dialog: click its OK button (bottom right)
eval "$(xdotool search --name "$dialog" getwindowgeometry --shell | head -5)"
xdotool mousemove $((X + WIDTH - 39)) $((Y + HEIGHT - 22)) click 1
for i in $(seq 1 180); do
  xdotool search --name "$result" >/dev/null 2>&1 && break
  sleep 1
done
sleep 3
import -window root "$repo/$out-result.png" || true
echo "screenshots: $out-dialog.png $out-result.png"
cat "$work/imagej.log"
