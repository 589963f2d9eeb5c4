# Sourced by the GUI checks: builds PriorJ, installs it with its dependencies and the shipped priors
# into a fresh plain ImageJ 1.x folder ($work/ImageJ), and starts a virtual display ($DISPLAY).
# Sets repo, work and ij (ImageJ's jar); the caller starts ImageJ and sets imagej to its pid.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$(pwd)
work=$(mktemp -d)
mvn -q -B -DskipTests package dependency:copy-dependencies -DincludeScope=runtime \
  -DoutputDirectory="$work/ImageJ/plugins/jars" -DexcludeArtifactIds=ij
cp "$(ls target/priorj-*.jar | grep -v -e sources -e tests)" "$work/ImageJ/plugins/PriorJ_.jar"   # ImageJ loads plugin jars with an underscore
cp -r models "$work/ImageJ/models"   # the shipped priors, found in the working folder
ij=$(ls ~/.m2/repository/net/imagej/ij/*/ij-*.jar | tail -1)
export DISPLAY=:${GUI_DISPLAY:-97}
Xvfb "$DISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
imagej=
trap 'kill $xvfb $imagej 2>/dev/null || true' EXIT
sleep 2
cd "$work/ImageJ"
