#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# cds-train.sh IMAGE: creates IMAGE/lib/app/tixun.jsa, a dynamic AppCDS archive (JDK 13+
# -XX:ArchiveClassesAtExit, on top of the runtime's base archive that jlink --generate-cds-archive
# made), from one training run of the real launcher (the script launchers of script-launchers.sh, remade here
# from the .cfg files before and after the archive is added): a workstation start to the login window
# under Xvfb, then a normal JVM exit. Then it adds -XX:SharedArchiveFile to every launcher's .cfg.
# -Xshare:auto: if the archive does not match (other JDK, changed jars) the JVM starts without it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$here/common.sh"
image="${1:?usage: cds-train.sh APP_IMAGE_DIR}"
launcher="$image/bin/tixun"
jsa="$image/lib/app/tixun.jsa"
[ -x "$launcher" ] || die "no launcher $launcher"
need_cmd xdotool xdotool

work="$(mktemp -d)"
trap 'stop_xvfb; rm -rf "$work"' EXIT
rm -f "$jsa"
# A launcher that already names the archive cannot dump it: drop the options for the training run.
for cfg in "$image"/lib/app/*.cfg; do
  sed -i -e '/^java-options=-XX:SharedArchiveFile=/d' -e '/^java-options=-Xshare:auto$/d' "$cfg"
done
# The launchers are scripts made from the .cfg files (script-launchers.sh): remake them from the edited ones, so the
# training starts the JVM exactly as a user's start does.
"$here/script-launchers.sh" "$image" || die "making the script launchers failed"

note "CDS training: administrator user (so the workstation opens the login window)"
printf 'training-password-1\n' | "$launcher" users add --data-dir "$work/data" --username admin \
  --name "CDS training" --role administrator --password-stdin >/dev/null \
  || die "could not create the training user with $launcher"

start_xvfb
note "CDS training: GUI start under Xvfb ($DISPLAY), archive at exit"
JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$jsa" "$launcher" workstation --data-dir "$work/data" \
  >"$work/train.log" 2>&1 &
pid=$!
if ! wait_window "$pid" 120 >/dev/null; then
  cat "$work/train.log" >&2
  stop_pid "$pid"
  die "the training run exited or showed no window within 120 s (its output is above)"
fi
# The first window is the splash: wait until the app logs the login window as usable, then let it settle.
for _ in $(seq 1 1200); do
  grep -q 'window usable' "$work/data/logs/tixun.log" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
sleep 3   # let the login window finish layout, CSS and fonts
# SIGTERM runs the shutdown hooks and a normal VM exit, which writes the dynamic archive.
kill -TERM "$pid"
for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && { stop_pid "$pid"; die "the training run did not exit after SIGTERM"; }
wait "$pid" 2>/dev/null || true
[ -s "$jsa" ] || { cat "$work/train.log" >&2; die "no CDS archive written to $jsa"; }

# Use it from every launcher.
for cfg in "$image"/lib/app/*.cfg; do
  grep -q 'SharedArchiveFile' "$cfg" && continue
  awk '{print} /^\[JavaOptions\]/{print "java-options=-XX:SharedArchiveFile=$APPDIR/tixun.jsa"; print "java-options=-Xshare:auto"}' \
    "$cfg" >"$cfg.new" && mv "$cfg.new" "$cfg"
  grep -q 'SharedArchiveFile' "$cfg" || die "$cfg has no [JavaOptions] section to add the CDS archive to"
done
"$here/script-launchers.sh" "$image" || die "making the script launchers failed"
note "CDS archive: $jsa ($(du -h "$jsa" | cut -f1))"
