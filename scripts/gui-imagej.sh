# Sourced by the GUI checks: installs PriorJ the way docs/install.md says (mvn
# -Dscijava.app.directory=... install) into a fresh plain ImageJ 1.x folder ($work/ImageJ: the jars
# and the native build in jars/, the shipped priors in models/priorj/), moves PriorJ's jar into
# plugins/ (plain ImageJ 1.x reads menu entries from there only), and starts a virtual display
# ($DISPLAY). The working folder is another one, so the priors must be found from the ImageJ folder.
# Sets repo, work and ij (the class path to start ImageJ with); the caller sets imagej to its pid.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd)
work=$(mktemp -d)
mkdir -p "$work/ImageJ/plugins" "$work/elsewhere"
mvn -q -B -DskipTests -Dscijava.app.directory="$work/ImageJ" install
mv "$work/ImageJ/jars"/priorj-*.jar "$work/ImageJ/plugins/PriorJ_.jar"   # ImageJ loads plugin jars with an underscore
ij="$work/ImageJ/jars/*:$work/ImageJ/jars/linux64/*"
export DISPLAY=:${GUI_DISPLAY:-97}
Xvfb "$DISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
imagej=
trap 'kill $xvfb $imagej 2>/dev/null || true' EXIT
sleep 2
cd "$work/elsewhere"
