#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Cold start to the login window: wall clock from process start until the first visible window of
# that process is mapped (xdotool, _NET_WM_PID; since the splash, that is the splash), under Xvfb, for
#   (a) the plain jar:  java -jar desktop/app/target/tixun-app.jar workstation --data-dir D
#   (b) the app-image:  installer/target/dist/tixun/bin/tixun-workstation --data-dir D
#       (jlinked runtime, natives on java.library.path, AppCDS archive)
# Both data dirs hold one administrator, so the workstation opens its login window (not the setup
# wizard). One untimed warm-up run each (file cache), then RUNS timed runs, alternating a/b.
# Prints every run, both medians and their ratio.
#   installer/bench-coldstart.sh [RUNS]        (default 7; needs installer/build.sh app-image first)
#   APP_IMAGE=/opt/tixun installer/bench-coldstart.sh   measures an installed copy instead
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

work="$(mktemp -d)"
pid=
trap '[ -n "$pid" ] && stop_pid "$pid"; stop_xvfb; rm -rf "$work"' EXIT
# data dirs are explicit (--data-dir), so the real home stays clean
unset JAVA_TOOL_OPTIONS TIXUN_HOME

for v in jar image; do
  printf 'bench-password-1\n' | "$image/bin/tixun" users add --data-dir "$work/data-$v" --username admin \
    --name Bench --role administrator --password-stdin >/dev/null || die "could not create the bench user"
done

start_xvfb
count_usable() { local n; n=$(grep -c 'window usable' "$1" 2>/dev/null) || true; echo "${n:-0}"; }
# one_run jar|image -> prints milliseconds from launch to the mapped window
one_run() {
  local v="$1" t0 t1
  set -- "$1" "$(count_usable "$work/data-$1/logs/tixun.log")"
  t0=$(now_ms)
  if [ "$v" = jar ]; then
    "$java_bin" -jar "$jar" workstation --data-dir "$work/data-jar" >"$work/run-$v.log" 2>&1 &
  else
    "$image/bin/tixun-workstation" --data-dir "$work/data-image" >"$work/run-$v.log" 2>&1 &
  fi
  pid=$!
  if ! wait_window "$pid" 120 >/dev/null; then cat "$work/run-$v.log" >&2; die "$v: no window within 120 s"; fi
  t1=$(now_ms)
  # The first window is the splash: let the login window come up (the app logs when it is usable) before ending.
  local log="$work/data-$v/logs/tixun.log" before="$2" i
  for i in $(seq 1 600); do
    [ "$(count_usable "$log")" -gt "$before" ] && break
    sleep 0.1
  done
  stop_pid "$pid"; pid=
  echo $(( t1 - t0 ))
}
median() { sort -n | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2) }'; }

echo "warm-up (not counted): jar $(one_run jar) ms, app-image $(one_run image) ms" >&2
: >"$work/jar.ms"; : >"$work/image.ms"
for i in $(seq 1 "$runs"); do
  a=$(one_run jar); b=$(one_run image)
  echo "$a" >>"$work/jar.ms"; echo "$b" >>"$work/image.ms"
  printf 'run %d: plain jar %5d ms   app-image %5d ms\n' "$i" "$a" "$b"
done
mj=$(median <"$work/jar.ms"); mi=$(median <"$work/image.ms")
ui_j=$(grep -ho 'Tixun UI up in [0-9]*' "$work/data-jar/logs/tixun.log" | awk '{print $5}' | median)
ui_i=$(grep -ho 'Tixun UI up in [0-9]*' "$work/data-image/logs/tixun.log" | awk '{print $5}' | median)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); java: $("$java_bin" -version 2>&1 | head -1)"
echo "median process start -> login window: plain jar ${mj} ms, app-image ${mi} ms, ratio app-image/jar $(awk -v a="$mi" -v b="$mj" 'BEGIN{printf "%.2f", a/b}')"
echo "fastest run: plain jar $(sort -n "$work/jar.ms" | head -1) ms, app-image $(sort -n "$work/image.ms" | head -1) ms"
echo "median 'Tixun UI up' (from Application.start, app log): plain jar ${ui_j} ms, app-image ${ui_i} ms"
# The app logs, per start, when its splash was shown and when the first screen was usable (laid out and painted),
# both counted from the JVM's start.
sp_j=$(grep -ho 'splash shown [0-9]*' "$work/data-jar/logs/tixun.log" | awk '{print $3}' | median)
sp_i=$(grep -ho 'splash shown [0-9]*' "$work/data-image/logs/tixun.log" | awk '{print $3}' | median)
us_j=$(grep -ho 'window usable [0-9]*' "$work/data-jar/logs/tixun.log" | awk '{print $3}' | median)
us_i=$(grep -ho 'window usable [0-9]*' "$work/data-image/logs/tixun.log" | awk '{print $3}' | median)
echo "median splash shown (from JVM start, app log): plain jar ${sp_j:-?} ms, app-image ${sp_i:-?} ms (target < 500 ms)"
echo "median login window usable (from JVM start, app log): plain jar ${us_j:-?} ms, app-image ${us_i:-?} ms"
awk -v m="${us_i:-$mi}" 'BEGIN{exit !(m < 2500)}' && echo "target < 2500 ms to a usable window: met by the app-image" || echo "target < 2500 ms to a usable window: NOT met by the app-image"
