#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Cold start to the login window under Xvfb, for
#   (a) the plain jar:  java -jar desktop/app/target/tixun-app.jar workstation --data-dir D   (JavaFX splash)
#   (b) the app-image:  TIXUN_HOME=D installer/target/dist/tixun/bin/tixun-workstation
#       (jlinked runtime, natives on java.library.path, AppCDS archive, the JVM's splash picture with progress)
# Measured from the process start (wall clock): the first window on the bench's own X display (nothing else draws
# there; for the app-image that is the JVM's splash window, which has no _NET_WM_PID, so it is found by being mapped),
# and the login window usable (the app logs "window usable" once the screen is laid out and painted; polled).
# Both data dirs hold one administrator, so the workstation opens its login window (not the setup wizard); the
# app-image gets its data dir from TIXUN_HOME, which also works for an older image whose jpackage launcher dropped
# its default arguments when given any (the script launchers append them). One untimed warm-up run each (file
# cache), then RUNS timed runs, alternating a/b. Prints every run, the medians and the ratio app-image/jar.
# Fonts: an installed Tixun has a host CJK font (the .deb depends on fonts-noto-cjk or a WenQuanYi font); a host
# without one loads the shipped 15 MB font at every start. The bench says which case it measured;
# CJK_FONT_DIR=DIR adds a directory of fonts for the bench's processes only (fontconfig, FONTCONFIG_FILE), e.g. the
# unpacked files of a font package: `apt-get download fonts-wqy-microhei && dpkg-deb -x fonts-wqy-microhei_*.deb F`,
# then CJK_FONT_DIR=F/usr/share/fonts.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"

runs="${1:-7}"
[[ "$runs" =~ ^[0-9]+$ ]] && [ "$runs" -ge 1 ] || die "RUNS must be a positive number"
jar="$root/desktop/app/target/tixun-app.jar"
image="${APP_IMAGE:-$here/target/dist/tixun}"
[ -f "$jar" ] || die "no $jar: build the app first (./mvnw -B install -DskipTests)"
[ -x "$image/bin/tixun-workstation" ] || die "no app-image at $image: run installer/build.sh app-image first"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
need_cmd xdotool xdotool
need_cmd xwininfo x11-utils
need_cmd fc-list fontconfig

work="$(mktemp -d)"
pid=
trap '[ -n "$pid" ] && stop_pid "$pid"; stop_xvfb; rm -rf "$work"' EXIT
# data dirs are explicit (--data-dir), so the real home stays clean
unset JAVA_TOOL_OPTIONS TIXUN_HOME

for v in jar image; do
  printf 'bench-password-1\n' | "$image/bin/tixun" users add --data-dir "$work/data-$v" --username admin \
    --name Bench --role administrator --password-stdin >/dev/null || die "could not create the bench user"
done

if [ -n "${CJK_FONT_DIR:-}" ]; then
  [ -d "$CJK_FONT_DIR" ] || die "CJK_FONT_DIR=$CJK_FONT_DIR is not a directory"
  cat >"$work/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$CJK_FONT_DIR</dir>
  <cachedir>$work/fontconfig-cache</cachedir>
</fontconfig>
CONF
  export FONTCONFIG_FILE="$work/fonts.conf"
fi
cjk_font="$(fc-list :lang=zh family 2>/dev/null | head -1 || true)"
if [ -n "$cjk_font" ]; then fonts_note="host CJK font: ${cjk_font%%,*} (as installed)"
else fonts_note="no host CJK font: the shipped one is loaded at every start (an installed Tixun has one; see CJK_FONT_DIR)"; fi
echo "fonts: $fonts_note" >&2

start_xvfb
count_usable() { local n; n=$(grep -c 'window usable' "$1" 2>/dev/null) || true; echo "${n:-0}"; }
# one_run jar|image -> prints "FIRST_WINDOW_MS USABLE_MS" (both from the launch, wall clock)
one_run() {
  local v="$1" t0 t1 t2 log before i
  log="$work/data-$v/logs/tixun.log"
  before="$(count_usable "$log")"
  t0=$(now_ms)
  if [ "$v" = jar ]; then
    "$java_bin" -jar "$jar" workstation --data-dir "$work/data-jar" >"$work/run-$v.log" 2>&1 &
  else
    TIXUN_HOME="$work/data-image" "$image/bin/tixun-workstation" >"$work/run-$v.log" 2>&1 &
  fi
  pid=$!
  if ! first="$(wait_first_window "$pid" 120)"; then cat "$work/run-$v.log" >&2; die "$v: no window within 120 s"; fi
  t1=$(now_ms)
  echo "$first" >"$work/first-$v"
  t2=
  for i in $(seq 1 6000); do
    if [ "$(count_usable "$log")" -gt "$before" ]; then t2=$(now_ms); break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.02
  done
  [ -n "$t2" ] || { cat "$work/run-$v.log" >&2; die "$v: the login window was not logged usable within 120 s"; }
  stop_pid "$pid"; pid=
  echo "$(( t1 - t0 )) $(( t2 - t0 ))"
}
median() { sort -n | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2) }'; }

w_jar=$(one_run jar); w_image=$(one_run image)
echo "warm-up (not counted): jar ${w_jar% *}/${w_jar#* } ms, app-image ${w_image% *}/${w_image#* } ms (first window/usable)" >&2
: >"$work/jar.ms"; : >"$work/image.ms"
for i in $(seq 1 "$runs"); do
  a=$(one_run jar); b=$(one_run image)
  echo "$a" >>"$work/jar.ms"; echo "$b" >>"$work/image.ms"
  printf 'run %d: plain jar: first window %5d ms, usable %5d ms   app-image: first window %5d ms, usable %5d ms   (load %s)\n' \
    "$i" "${a% *}" "${a#* }" "${b% *}" "${b#* }" "$(cut -d' ' -f1 /proc/loadavg)"
done
fj=$(awk '{print $1}' "$work/jar.ms" | median); fi_=$(awk '{print $1}' "$work/image.ms" | median)
mj=$(awk '{print $2}' "$work/jar.ms" | median); mi=$(awk '{print $2}' "$work/image.ms" | median)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); java: $("$java_bin" -version 2>&1 | head -1)"
echo "fonts: $fonts_note"
echo "first window: plain jar $(cut -d' ' -f2- "$work/first-jar"), app-image $(cut -d' ' -f2- "$work/first-image")"
echo "median process start -> first window: plain jar ${fj} ms, app-image ${fi_} ms (target < 500 ms)"
echo "median process start -> login window usable: plain jar ${mj} ms, app-image ${mi} ms, ratio app-image/jar $(awk -v a="$mi" -v b="$mj" 'BEGIN{printf "%.2f", a/b}')"
echo "fastest run to usable: plain jar $(awk '{print $2}' "$work/jar.ms" | sort -n | head -1) ms, app-image $(awk '{print $2}' "$work/image.ms" | sort -n | head -1) ms"
# The app's own log, counted from the JVM's start (after the launcher and the JVM's boot): the JavaFX splash (plain jar)
# and the usable login window.
sp_j=$(grep -ho 'splash shown [0-9]*' "$work/data-jar/logs/tixun.log" | awk '{print $3}' | median)
us_j=$(grep -ho 'window usable [0-9]*' "$work/data-jar/logs/tixun.log" | awk '{print $3}' | median)
us_i=$(grep -ho 'window usable [0-9]*' "$work/data-image/logs/tixun.log" | awk '{print $3}' | median)
echo "app log (from JVM start): plain jar JavaFX splash ${sp_j:-?} ms, usable ${us_j:-?} ms; app-image usable ${us_i:-?} ms"
# The app-image's starts that found no launcher splash showing (SplashScreen.getSplashScreen() null) and drew the
# JavaFX splash instead: their first window is that one, seconds later.
fx_i=$(grep -c 'UI up in .*splash shown' "$work/data-image/logs/tixun.log" || true)
echo "app-image starts without the launcher's splash picture (JavaFX splash instead): ${fx_i:-0} of $(( runs + 1 ))"
awk -v m="$fi_" 'BEGIN{exit !(m < 500)}' && echo "target: a splash within 500 ms: met by the app-image" || echo "target: a splash within 500 ms: NOT met by the app-image"
awk -v m="$mi" 'BEGIN{exit !(m <= 2500)}' && echo "target: usable within 2500 ms: met by the app-image" || echo "target: usable within 2500 ms: NOT met by the app-image"
