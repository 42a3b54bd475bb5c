#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# End-to-end check of the Linux package, on this machine (needs root or sudo, Xvfb, xdotool,
# ImageMagick):
#   1. builds the .deb (installer/build.sh; --no-build reuses installer/target/dist/*.deb)
#   2. installs it with dpkg -i (apt-get -f install for missing dependencies)
#   3. runs /opt/tixun/bin/tixun --version; checks the CDS archive and the pinned native path are used
#   4. starts the workstation under Xvfb with a fresh default data dir (XDG_DATA_HOME), waits for
#      the login window, takes a screenshot (installer/target/check/screenshot.png); then the
#      terminal and archive launchers must each show a window too
#   5. reinstalls the package over itself (the upgrade path) and checks the data survived
#   6. removes it with dpkg -r and checks the program is gone and the data dir is still there
# Exits non-zero with a message naming the failed step.
#   installer/check.sh [--no-build]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"

build=1
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    -h|--help) sed -n '3,15p' "$0"; exit 0 ;;
    *) die "unknown argument '$a' (expected --no-build)" ;;
  esac
done

SUDO=
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || die "needs root (dpkg -i / -r): run as root or install sudo"
  SUDO=sudo
fi
need_cmd xdotool xdotool
need_cmd import imagemagick
need_cmd dpkg dpkg

step() { echo; echo "### $*"; }
pass() { echo "ok: $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

out="$here/target/check"
rm -rf "$out"; mkdir -p "$out"
work="$(mktemp -d)"
installed=0
app_pids=()
cleanup() {
  local rc=$?
  local p
  for p in "${app_pids[@]:-}"; do [ -n "$p" ] && stop_pid "$p"; done
  stop_xvfb
  if [ "$installed" = 1 ] && [ "${KEEP_INSTALLED:-0}" != 1 ]; then
    echo "(cleanup: removing the tixun package after a failure)" >&2
    $SUDO dpkg -r tixun >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  if [ $rc != 0 ]; then echo "check.sh: FAILED (logs in $out)" >&2; fi
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------
step "1. build the .deb"
if [ "$build" = 1 ]; then
  "$here/build.sh" || fail "installer/build.sh failed"
fi
deb="$(ls "$here"/target/dist/tixun_*.deb 2>/dev/null | head -1 || true)"
[ -n "$deb" ] || fail "no .deb in installer/target/dist (run installer/build.sh, or drop --no-build)"
pass "$deb ($(du -h "$deb" | cut -f1)); app-image $(du -sh "$here/target/dist/tixun" 2>/dev/null | cut -f1)"

# ---------------------------------------------------------------------------------------------
step "2. dpkg -i"
if dpkg-query -W -f='${Status}' tixun 2>/dev/null | grep 'install ok installed' >/dev/null; then
  echo "note: tixun $(dpkg-query -W -f='${Version}' tixun) is already installed; this installs over it" >&2
fi
installed=1
if ! $SUDO dpkg -i "$deb" >"$out/dpkg-install.log" 2>&1; then
  echo "dpkg -i reported missing dependencies; resolving with apt-get -f install" >&2
  $SUDO true
  apt_retry update -qq >>"$out/dpkg-install.log" 2>&1 || true
  apt_retry -f install -y -qq >>"$out/dpkg-install.log" 2>&1 || { cat "$out/dpkg-install.log" >&2; fail "apt-get -f install could not satisfy the .deb's dependencies"; }
fi
cat "$out/dpkg-install.log"
dpkg-query -W -f='${Status}' tixun | grep 'install ok installed' >/dev/null || fail "tixun is not 'install ok installed' after dpkg -i"
[ -x /opt/tixun/bin/tixun ] || fail "/opt/tixun/bin/tixun missing after install"
for m in workstation terminal archive; do
  [ -x "/opt/tixun/bin/tixun-$m" ] || fail "/opt/tixun/bin/tixun-$m missing"
  [ -f "/usr/share/applications/tixun-tixun-$m.desktop" ] || fail "desktop entry /usr/share/applications/tixun-tixun-$m.desktop missing"
done
rules="$(ls /usr/lib/udev/rules.d/60-tixun-signpads.rules /lib/udev/rules.d/60-tixun-signpads.rules 2>/dev/null | head -1 || true)"
[ -n "$rules" ] || fail "udev rule 60-tixun-signpads.rules not installed"
getent group tixun >/dev/null || fail "group 'tixun' not created"
pass "installed: launchers, 4 desktop entries, $rules, group tixun"

# ---------------------------------------------------------------------------------------------
step "3. tixun --version from /opt/tixun"
# Java takes user.home from the password database, not $HOME; XDG_DATA_HOME moves the default data
# dir (~/.local/share/tixun) into the temp dir without touching the real home.
export XDG_DATA_HOME="$work/home/.local/share"; mkdir -p "$XDG_DATA_HOME"
unset TIXUN_HOME JAVA_TOOL_OPTIONS
ver="$(/opt/tixun/bin/tixun --version 2>&1)" || fail "/opt/tixun/bin/tixun --version exited non-zero: $ver"
echo "$ver"
echo "$ver" | grep -E '^tixun [0-9]' >/dev/null || fail "unexpected --version output"
echo "$ver" | grep 'Java 17' >/dev/null || fail "--version does not run on the bundled Java 17 runtime"
# The AppCDS archive must map at the installed location (paths and jar times match the build).
JAVA_TOOL_OPTIONS="-Xlog:class+load=info" /opt/tixun/bin/tixun --version >"$out/class-load.log" 2>&1 || true
grep 'org.tixun.app.Main source: shared objects file (top)' "$out/class-load.log" >/dev/null \
  || fail "the AppCDS archive /opt/tixun/lib/app/tixun.jsa is not used (see $out/class-load.log)"
pass "runs on the bundled runtime; app classes come from the AppCDS archive"

# ---------------------------------------------------------------------------------------------
step "4. GUI under Xvfb (XDG_DATA_HOME=$XDG_DATA_HOME: the default data dir is \$XDG_DATA_HOME/tixun, i.e. ~/.local/share/tixun)"
data="$XDG_DATA_HOME/tixun"
printf 'check-password-1\n' | /opt/tixun/bin/tixun users add --username admin --name "Check admin" \
  --role administrator --password-stdin >"$out/users-add.log" 2>&1 || { cat "$out/users-add.log"; fail "tixun users add failed"; }
[ -f "$data/tixun.db" ] || fail "no database at $data/tixun.db after 'tixun users add' (default data dir not $XDG_DATA_HOME/tixun?)"
start_xvfb
JAVA_TOOL_OPTIONS="-Djavafx.verbose=true" /opt/tixun/bin/tixun-workstation >"$out/workstation.log" 2>&1 &
pid=$!; app_pids+=("$pid")
win="$(wait_window "$pid" 90)" || { cat "$out/workstation.log" >&2; fail "no workstation window within 90 s"; }
sleep 3
import -window root "$out/screenshot.png" || fail "screenshot failed"
title="$(xdotool getwindowname "$win" 2>/dev/null || true)"
sd="$(convert "$out/screenshot.png" -format '%[fx:standard_deviation]' info:)"
awk -v s="$sd" 'BEGIN{exit !(s > 0.02)}' || fail "the screenshot is blank (std dev $sd)"
grep 'Tixun UI up in' "$data/logs/tixun.log" >/dev/null || fail "no 'Tixun UI up' line in $data/logs/tixun.log"
grep -E 'Loaded /opt/tixun/lib/app/\.\./runtime/lib/libglass\.so from java\.library\.path' "$out/workstation.log" >/dev/null \
  || fail "JavaFX did not load libglass.so from the bundled runtime (java.library.path); see $out/workstation.log"
if grep -E 'Loaded .*(\.openjfx|/tmp/)' "$out/workstation.log" >/dev/null; then fail "JavaFX extracted natives instead of using the bundled runtime"; fi
stop_pid "$pid"
pass "workstation window '$title' shown; screenshot $out/screenshot.png; natives from /opt/tixun/lib/runtime/lib"

for m in terminal archive; do
  /opt/tixun/bin/tixun-$m >"$out/$m.log" 2>&1 &
  pid=$!; app_pids+=("$pid")
  wait_window "$pid" 90 >/dev/null || { cat "$out/$m.log" >&2; fail "no $m window within 90 s"; }
  [ "$m" = terminal ] && { sleep 2; import -window root "$out/screenshot-terminal.png" || true; }
  stop_pid "$pid"
  pass "tixun-$m shows a window"
done
stop_xvfb

# ---------------------------------------------------------------------------------------------
step "5. upgrade path: dpkg -i over the installed package keeps the data"
sum_before="$(sha256sum "$data/tixun.db" | cut -d' ' -f1)"
$SUDO dpkg -i "$deb" >"$out/dpkg-reinstall.log" 2>&1 || { cat "$out/dpkg-reinstall.log"; fail "reinstall (upgrade path) failed"; }
[ "$(sha256sum "$data/tixun.db" | cut -d' ' -f1)" = "$sum_before" ] || fail "the database changed during the package upgrade"
/opt/tixun/bin/tixun users list >"$out/users-list.log" 2>&1 || { cat "$out/users-list.log"; fail "tixun users list failed after the upgrade"; }
grep admin "$out/users-list.log" >/dev/null || fail "the admin user is gone after the upgrade"
pass "data dir untouched by the upgrade; the reinstalled app opens it"

# ---------------------------------------------------------------------------------------------
step "6. dpkg -r"
$SUDO dpkg -r tixun >"$out/dpkg-remove.log" 2>&1 || { cat "$out/dpkg-remove.log"; fail "dpkg -r tixun failed"; }
installed=0
cat "$out/dpkg-remove.log"
[ ! -e /opt/tixun/bin/tixun ] || fail "/opt/tixun/bin/tixun still there after dpkg -r"
[ ! -e /usr/share/applications/tixun-tixun-workstation.desktop ] || fail "desktop entry left after dpkg -r"
[ ! -e "$rules" ] || fail "udev rule $rules left after dpkg -r"
grep '.local/share/tixun' "$out/dpkg-remove.log" >/dev/null || fail "dpkg -r did not say where the data stays"
[ -f "$data/tixun.db" ] || fail "the data dir $data lost its database on removal"
[ -f "$data/audit-head" ] && [ -d "$data/logs" ] || fail "the data dir $data is incomplete after removal"
pass "package removed; data kept in $data"

echo
echo "check.sh: PASSED  (screenshot: $out/screenshot.png)"
