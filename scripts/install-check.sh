#!/usr/bin/env bash
# Installation check (run by CI): installs PriorJ with the SciJava convention into a Fiji-like folder
# (ImageJ 1.x and a jars/ folder that already holds some of PriorJ's dependencies, one in a newer
# version), checks that no artifact is there twice, then restores an image with the installed prior
# from another working folder by a headless macro (priorj macro from the installed jars).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
app="$work/Fiji.app"
mkdir -p "$app/jars" "$work/elsewhere"
m2=$(mvn -q -B -Dstyle.color=never help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null | sed "s/\x1b\[[0-9;]*m//g")
get() { # groupId artifactId version: fetched into the local repository, copied into jars/
  mvn -q -B -ntp dependency:get -Dartifact="$1:$2:$3" >/dev/null
  cp "$m2/${1//.//}/$2/$3/$2-$3.jar" "$app/jars/"
}
get net.imagej ij 1.54p
get net.imglib2 imglib2 7.1.5
get org.scijava scijava-common 2.99.2
get com.google.code.gson gson 2.11.0        # newer than PriorJ's 2.10.1: must be kept
get org.apache.commons commons-math3 3.6.1
mvn -q -B -ntp -DskipTests -Dscijava.app.directory="$app" install

# no artifact twice, in two versions
dupes=$(find "$app/jars" -name '*.jar' -printf '%f\n' \
  | sed -E 's/-[0-9][0-9A-Za-z.+-]*\.jar$//' | sort | uniq -d || true)
if [ -n "$dupes" ]; then echo "install-check: jars there twice: $dupes"; ls -R "$app/jars"; exit 1; fi
[ -f "$app/jars/gson-2.11.0.jar" ] || { echo "install-check: Fiji's newer gson was replaced"; exit 1; }
[ -f "$app/models/priorj/natural-gray/descriptor.json" ] || { echo "install-check: no priors in models/priorj"; exit 1; }

# a headless macro, from another working folder, with the installed prior
cat > "$work/restore.ijm" <<'MACRO'
open(getArgument());
run("Simulate measurement...", "input=[" + getTitle() + "] operator=[mask missing_fraction=0.5] noise=gaussian noise_level=2 seed=1");
run("Restore (RED-Diff)...", "input=[" + getTitle() + "] prior=natural-gray steps=5");
print("restored " + getTitle() + " " + getWidth() + "x" + getHeight());
print(getMetadata("Info"));
MACRO
restore() { # APP: runs the macro with APP's jars from another working folder
  local out
  out=$(cd "$work/elsewhere" && java -Dai.djl.offline=true -Djava.awt.headless=true \
    -cp "$1/jars/*:$1/jars/linux64/*" org.priorj.cli.Main macro "$work/restore.ijm" \
    "$repo/test-images/camera.png" 2>&1)
  echo "$out" | grep -v SLF4J
  echo "$out" | grep -q "restored camera-measurement-red-diff 512x512" || { echo "install-check: the macro did not restore"; exit 1; }
  echo "$out" | grep -q "priorj.prior=natural-gray" || { echo "install-check: not the installed prior"; exit 1; }
}
restore "$app"
echo "install-check: mvn install passed ($(ls "$app/jars" | wc -l) entries in jars/, priors in models/priorj)"

# the release archive, unzipped into a Fiji-like folder that holds what the archive leaves to Fiji
mvn -q -B -ntp -DskipTests -P release package
zip=$(ls target/priorj-*-fiji.zip)
app2="$work/Fiji2.app"
mkdir -p "$app2/jars"
unzip -q "$zip" -d "$app2"
for j in "$app/jars"/*.jar; do [ -e "$app2/jars/$(basename "$j")" ] || cp "$j" "$app2/jars/"; done
for p in linux64 linux-arm64 macosx-arm64 win64; do
  ls "$app2/jars/$p"/pytorch-native-cpu-*.jar >/dev/null || { echo "install-check: no $p native in the archive"; exit 1; }
done
restore "$app2"
echo "install-check: release archive passed ($(du -h "$zip" | cut -f1))"
