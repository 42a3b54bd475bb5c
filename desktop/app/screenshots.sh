#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# The screenshot suite with real windows: every workstation, archive, login and set-up screen (ScreensTest) in
# Chinese and English, under a window manager (openbox on Xvfb, GTK), at 1920x1080 and 1366x768, 100 % and 150 %.
# Each run checks that no label, button or column header is cut off, that every window is at least 800x560 and that
# no stylesheet problem is logged; the pictures go to docs/screenshots/ (or DIR) as <screen>-<lang>-<WxH>-<scale>.png.
#   desktop/app/screenshots.sh [DIR]          (needs: apt-get install xvfb openbox; see .ci/install-deps.sh)
#   SIZES="1366x768" SCALES="150" desktop/app/screenshots.sh     one combination only
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$(realpath -m "${1:-$root/docs/screenshots}")"
command -v Xvfb >/dev/null || { echo "screenshots.sh: Xvfb not found: apt-get install xvfb" >&2; exit 1; }
command -v openbox >/dev/null || { echo "screenshots.sh: openbox not found: apt-get install openbox" >&2; exit 1; }
mkdir -p "$out"
xvfb= wm=
cleanup() { [ -n "$wm" ] && kill "$wm" 2>/dev/null; [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null; wm= xvfb=; }
trap cleanup EXIT
failed=0
for size in ${SIZES:-1920x1080 1366x768}; do
  for pct in ${SCALES:-100 150}; do
    display=
    for d in $(seq 71 99); do
      [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ] && continue
      display=":$d"; break
    done
    [ -n "$display" ] || { echo "screenshots.sh: no free X display" >&2; exit 1; }
    Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 & xvfb=$!
    for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
    DISPLAY="$display" openbox >/dev/null 2>&1 & wm=$!
    sleep 1
    scale=$(awk -v p="$pct" 'BEGIN{printf "%g", p/100}')
    echo "== $size at $pct % on $display"
    # A clean slate: no window sizes remembered from an earlier run.
    rm -f "$here/target/windows.properties"
    if ! DISPLAY="$display" "$root/mvnw" -B -q -pl desktop/app test -Dtest=ScreensTest \
        -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.skip=true \
        "-Dtixun.test.display=-Dtestfx.robot=glass -Dprism.order=sw -Dglass.gtk.uiScale=$scale -Djava.awt.headless=true" \
        "-Dtixun.screens.tag=$size-$pct" "-Dtixun.screenshots=$out"; then
      echo "screenshots.sh: checks failed at $size $pct % (see desktop/app/target/surefire-reports/)" >&2
      failed=1
    fi
    cleanup
  done
done
echo "screenshots in $out"
exit "$failed"
