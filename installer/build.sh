#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Builds Tixun's native packages: a jlinked runtime, a jpackage app-image with an AppCDS archive,
# and (on Debian/Ubuntu) a .deb. Also run by `./mvnw -Pinstaller package` (installer/pom.xml).
#
#   installer/build.sh                 app-image + .deb        (Linux)
#   installer/build.sh app-image       app-image only
#   installer/build.sh --no-app-build deb   reuse desktop/app/target as it is
#
# Outputs (installer/target/):
#   runtime/                 the jlinked Java runtime (explicit module list: src/jlink/modules.txt)
#   dist/tixun/              the app-image (bin/tixun, bin/tixun-{workstation,terminal,archive}, lib/)
#   dist/tixun_<v>-1_<arch>.deb
# Windows (.msi) and macOS (.dmg) are built by the -Pinstaller-msi / -Pinstaller-dmg Maven profiles
# on those systems (docs/installer.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"

app_build=1
types=()
for a in "$@"; do
  case "$a" in
    --no-app-build) app_build=0 ;;
    app-image|deb) types+=("$a") ;;
    -h|--help) sed -n '3,16p' "$0"; exit 0 ;;
    *) die "unknown argument '$a' (expected app-image, deb, --no-app-build)" ;;
  esac
done
[ ${#types[@]} -gt 0 ] || types=(app-image deb)
want() { local t; for t in "${types[@]}"; do [ "$t" = "$1" ] && return 0; done; return 1; }

[ "$(uname -s)" = Linux ] || die "this script builds the Linux packages; on Windows/macOS use ./mvnw -Pinstaller-msi / -Pinstaller-dmg package"
JDK="$(find_jdk)"
note "JDK: $JDK ($("$JDK/bin/java" -version 2>&1 | head -1))"
need_cmd unzip unzip
need_cmd zip zip
if want deb; then
  need_cmd dpkg-deb dpkg-dev
  need_cmd fakeroot fakeroot
fi

app_target="$root/desktop/app/target"
if [ "$app_build" = 1 ]; then
  note "building the app (mvnw install -DskipTests -pl desktop/app -am)"
  (cd "$root" && ./mvnw -B -q install -DskipTests -pl desktop/app -am) \
    || die "the app build failed (see the Maven output above)"
fi
[ -f "$app_target/tixun-app.jar" ] && [ -d "$app_target/lib" ] \
  || die "missing $app_target/tixun-app.jar or lib/: build the app first (./mvnw -B install -DskipTests)"

out="$here/target"
input="$out/input"          # jpackage --input: the jars, natives stripped
natives="$out/natives"      # this platform's natives, copied into runtime/lib
runtime="$out/runtime"
dist="$out/dist"
image="$dist/tixun"
rm -rf "$input" "$natives" "$runtime" "$image" "$out/jpackage-tmp" "$out/cfg"
mkdir -p "$input/lib" "$natives" "$dist"

# ---- version: jpackage wants digits only (0.1.0-SNAPSHOT -> 0.1.0) ----
full_version="$(unzip -p "$app_target/tixun-app.jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')"
[ -n "$full_version" ] || die "no Implementation-Version in tixun-app.jar's manifest"
version="${full_version%%-*}"

# ---- platform natives ----
case "$(uname -m)" in
  x86_64)  platform=linux-x86_64; deb_arch=amd64 ;;
  aarch64) platform=linux-arm64;  deb_arch=arm64 ;;
  *) die "unsupported machine $(uname -m) (x86_64 and aarch64 are)" ;;
esac

cp "$app_target/tixun-app.jar" "$input/"
# Exactly the jars the app's manifest names: a lib/ left from an older build (the demo, the simulators, a former
# module) is never packaged; the production app does not depend on the demo, the simulators or the benchmarks.
classpath="$(unzip -p "$app_target/tixun-app.jar" META-INF/MANIFEST.MF | tr -d '\r' | sed ':a;N;$!ba;s/\n //g' \
  | sed -n 's/^Class-Path: *//p')"
[ -n "$classpath" ] || die "no Class-Path in tixun-app.jar's manifest"
for entry in $classpath; do
  [ -f "$app_target/$entry" ] || die "$app_target/$entry (named by tixun-app.jar's manifest) is missing: rebuild the app"
  cp "$app_target/$entry" "$input/lib/"
done
for forbidden in tixun-demo tixun-sim tixun-bench tixun-gateway; do
  if ls "$input/lib/$forbidden"-*.jar >/dev/null 2>&1; then
    die "$forbidden would be packaged: the production app must not depend on it"
  fi
done

note "keeping only $platform natives (installer/src/main/java/org/tixun/installer/StripNatives.java)"
"$JDK/bin/java" "$here/src/main/java/org/tixun/installer/StripNatives.java" \
  --platform "$platform" --lib "$input/lib" --natives "$natives" \
  || die "stripping foreign natives failed (see the message above)"

# ---- jdeps: the explicit module list must cover what the jars use ----
modules="$(grep -v '^\s*#' "$here/src/jlink/modules.txt" | sed 's/#.*//' | xargs | tr ' ' ',')"
pom_modules="$(sed -n 's|.*<tixun.jlink.modules>\(.*\)</tixun.jlink.modules>.*|\1|p' "$here/pom.xml")"
[ "$modules" = "$pom_modules" ] || die "the module lists differ: src/jlink/modules.txt has $modules but installer/pom.xml's tixun.jlink.modules has $pom_modules; make them equal"
note "checking the module list with jdeps"
jd="$out/jdeps"; rm -rf "$jd"; mkdir -p "$jd"
cp "$input"/tixun-app.jar "$input"/lib/*.jar "$jd/"
# Analyse everything as class path (module-info removed): modular jars with optional
# dependencies that are not shipped (jakarta.activation...) make jdeps' module resolution fail.
for j in "$jd"/*.jar; do zip -q -d "$j" module-info.class 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true; done
used="$(cd "$jd" && "$JDK/bin/jdeps" -q --multi-release 17 --ignore-missing-deps --print-module-deps --class-path '*' ./*.jar)" \
  || die "jdeps failed"
for m in ${used//,/ }; do
  case ",$modules," in *",$m,"*) ;; *) die "jdeps says the app needs module $m, which installer/src/jlink/modules.txt lacks: add it (with a comment why)";; esac
done
rm -rf "$jd"

# ---- jlink ----
note "jlink: $modules"
"$JDK/bin/jlink" --add-modules "$modules" --output "$runtime" \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --include-locales=en,zh --generate-cds-archive \
  || die "jlink failed"
"$JDK/bin/java" "$here/src/main/java/org/tixun/installer/StripNatives.java" --natives "$natives" --copy-into "$runtime/lib" \
  || die "copying the natives into the runtime failed"
# The no-compressed-oops base archive only serves heaps over 32 GB: drop it (11 MB).
rm -f "$runtime/lib/server/classes_nocoops.jsa"

# ---- jpackage app-image ----
launchers="$out/launchers"; rm -rf "$launchers"; mkdir -p "$launchers"
for mode in workstation terminal archive; do
  { cat "$here/src/launchers/tixun-$mode.properties"; echo "icon=$here/src/icons/tixun-$mode.png"; } > "$launchers/tixun-$mode.properties"
done
libpath='$APPDIR/../runtime/lib'
common=(
  --name tixun
  --app-version "$version"
  --vendor "Tixun project"
  --copyright "Copyright (C) Tixun contributors. AGPL-3.0-or-later."
  --description "Tixun (提讯): remote interrogation and handwritten e-signing"
)
note "jpackage --type app-image"
"$JDK/bin/jpackage" -J-Dfile.encoding=UTF-8 --type app-image --dest "$dist" "${common[@]}" \
  --runtime-image "$runtime" --input "$input" \
  --main-jar tixun-app.jar --main-class org.tixun.app.Main \
  --icon "$here/src/icons/tixun.png" \
  --java-options "-Dfile.encoding=UTF-8" \
  --java-options "-Djava.library.path=$libpath" \
  --java-options "-Dorg.sqlite.lib.path=$libpath" \
  --java-options "-DjSerialComm.library.path=$libpath" \
  --java-options "-Djna.boot.library.path=$libpath" \
  --java-options "-Djna.nounpack=true" \
  --java-options "-Dorg.bytedeco.javacpp.pathsFirst=true" \
  --java-options "-Dorg.bytedeco.javacpp.cacheLibraries=false" \
  --java-options "-Dtixun.launcher=jpackage" \
  --java-options "-Dtixun.fontDir=\$APPDIR/fonts" \
  --add-launcher "tixun-workstation=$launchers/tixun-workstation.properties" \
  --add-launcher "tixun-terminal=$launchers/tixun-terminal.properties" \
  --add-launcher "tixun-archive=$launchers/tixun-archive.properties" \
  || die "jpackage app-image failed"
[ -x "$image/bin/tixun" ] || die "jpackage made no $image/bin/tixun"

# The udev rule travels inside the image; the .deb's postinst installs it (src/linux/postinst).
mkdir -p "$image/lib/udev"
cp "$here/src/udev/60-tixun-signpads.rules" "$image/lib/udev/"

# The shipped CJK font as a plain file (with its licence): on a host without a CJK font the screens load it from here
# in place, where from the jar JavaFX would first copy its 15 MB to a temporary file at every start (Theme.ensureCjkFont,
# -Dtixun.fontDir above). The PDF renderer keeps reading the copy in the templates jar.
mkdir -p "$image/lib/app/fonts"
cp "$root/templates/src/main/resources/fonts/NotoSerifSC-Regular.ttf" "$root/templates/src/main/resources/fonts/OFL.txt" \
  "$image/lib/app/fonts/" || die "copying the shipped CJK font into the app-image failed"

# The window launchers show a splash picture from the JVM's first milliseconds; it stays until the first screen is
# painted, and the app shows start-up's progress on it with the frames splash-<percent>.png (the percentages are the
# steps of TixunApplication.boot); the command-line launcher (bin/tixun) shows none.
cp "$root/desktop/app/src/main/resources/org/tixun/app/splash.png" "$image/lib/app/splash.png"
"$JDK/bin/java" "$here/src/main/java/org/tixun/installer/SplashFrames.java" "$image/lib/app/splash.png" "$image/lib/app" \
  20 45 55 70 85 >/dev/null || die "drawing the splash's progress frames failed (see the message above)"
for mode in workstation terminal archive; do
  cfg="$image/lib/app/tixun-$mode.cfg"
  [ -f "$cfg" ] || die "no launcher configuration $cfg"
  # (-Dtixun.splash: the JVM keeps no trace of -splash: itself; it tells the app a picture was asked for)
  awk '{print} /^\[JavaOptions\]/{print "java-options=-splash:$APPDIR/splash.png"; print "java-options=-Dtixun.splash=$APPDIR/splash.png"}' \
    "$cfg" >"$cfg.new" && mv "$cfg.new" "$cfg"
  grep -q -- '-splash:' "$cfg" || die "$cfg has no [JavaOptions] section for the splash"
done

# ---- AppCDS: a dynamic archive from a training run (version + GUI start to the login window) ----
"$here/lib/cds-train.sh" "$image" || die "CDS training failed"

note "app-image: $image ($(du -sh "$image" | cut -f1))"

# ---- .deb ----
if want deb; then
  command -v dpkg >/dev/null || die "dpkg not found: the .deb can only be built on Debian/Ubuntu"
  rm -f "$dist"/tixun_*.deb
  res="$out/deb-resources"; rm -rf "$res"; mkdir -p "$res"
  cp "$here"/src/linux/* "$res/"
  for mode in workstation terminal archive; do cp "$here/src/icons/tixun-$mode.png" "$res/tixun-$mode.png"; done
  cp "$here/src/icons/tixun.png" "$res/tixun.png"
  note "jpackage --type deb"
  # jpackage's .deb is unpacked and repacked by lib/deb-cds.sh: compress it fast here (gzip -1);
  # the final compression (xz, or gzip -1 with TIXUN_DEB_FAST=1) happens in the repack.
  DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1 \
  "$JDK/bin/jpackage" -J-Dfile.encoding=UTF-8 --type deb --dest "$dist" "${common[@]}" \
    --app-image "$image" \
    --resource-dir "$res" \
    --license-file "$here/src/linux/LICENSE-NOTICE.txt" \
    --linux-package-name tixun \
    --linux-deb-maintainer "tixun@example.org" \
    --linux-menu-group "Office" \
    --linux-app-category "misc" \
    --linux-app-release 1 \
    --linux-shortcut \
    --linux-package-deps "libgtk-3-0, libgl1, libxtst6, libasound2, libv4l-0, libpulse0, fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei" \
    ${TIXUN_JPACKAGE_VERBOSE:+--verbose} \
    || die "jpackage deb failed"
  deb="$(ls "$dist"/tixun_*.deb 2>/dev/null | head -1)"
  [ -n "$deb" ] || die "jpackage made no .deb in $dist"
  # The app-image's CDS archive is bound to its build path: retrain it for /opt/tixun.
  "$here/lib/deb-cds.sh" "$deb" || die "CDS training for the .deb failed"
  note ".deb: $deb ($(du -h "$deb" | cut -f1))"
  dpkg-deb -f "$deb" Depends >&2
fi
