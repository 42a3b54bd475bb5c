#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# script-launchers.sh IMAGE: replaces each jpackage launcher IMAGE/bin/NAME by a POSIX sh script made from its
# IMAGE/lib/app/NAME.cfg, which starts the bundled runtime (IMAGE/lib/runtime/bin/java) with the same options,
# class path and main class.
#
# Why: jpackage's Linux launcher asks the package manager which package owns it at every start (dpkg -S, then
# rpm -qf), reading every installed package's file list before the JVM is even loaded: about 0.5 s on this machine
# (1,000 packages), more on a desktop with more, and the same again for every command-line call. The script does
# what the launcher does after that query and nothing else:
#   - APPDIR is IMAGE/lib/app, found from the script's own real path, so an installed copy (/opt/tixun) and the
#     build's app-image expand the same way (the JVM options and class path are the .cfg's, in its order, so the
#     AppCDS archive made by cds-train.sh matches);
#   - -Djpackage.app-path is the launcher's path and APPDIR is appended to LD_LIBRARY_PATH, as the jpackage
#     launcher does;
#   - the .cfg's default arguments (e.g. "workstation") come first and the caller's follow them (the jpackage
#     launcher drops its defaults when given any, so `tixun-workstation --data-dir D` lost "workstation").
# The .cfg files stay (the Windows/macOS packages and jpackage --app-image read them).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$here/common.sh"
image="${1:?usage: script-launchers.sh APP_IMAGE_DIR}"
java="$image/lib/runtime/bin/java"
[ -x "$java" ] || die "no $java: the runtime must keep bin/java (jlink without --strip-native-commands)"

# A .cfg value as a double-quoted sh word: $APPDIR stays a variable, anything else that sh would expand is refused.
quote() {
  local v="$1" rest
  rest="${v//\$APPDIR/}"
  case "$rest" in
    *'"'* | *'`'* | *'\'* | *'$'*) die "launcher option '$v' holds a character the script launcher cannot pass on";;
  esac
  printf '"%s"' "$v"
}

made=0
for cfg in "$image"/lib/app/*.cfg; do
  name="$(basename "$cfg" .cfg)"
  bin="$image/bin/$name"
  [ -e "$bin" ] || die "$cfg has no launcher $bin"
  section= main= cp= opts=() args=()
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      '['*']') section="$line" ;;
      app.mainclass=*) main="${line#app.mainclass=}" ;;
      app.classpath=*) cp="${cp:+$cp:}${line#app.classpath=}" ;;
      java-options=*) opts+=("${line#java-options=}") ;;
      arguments=*) [ "$section" = "[ArgOptions]" ] && args+=("${line#arguments=}") ;;
    esac
  done <"$cfg"
  [ -n "$main" ] || die "$cfg names no app.mainclass"
  [ -n "$cp" ] || die "$cfg names no app.classpath"
  {
    echo '#!/bin/sh'
    echo '# SPDX-License-Identifier: AGPL-3.0-or-later'
    echo "# Tixun launcher $name (made by installer/lib/script-launchers.sh from lib/app/$name.cfg): starts"
    echo '# the bundled Java runtime directly; the jpackage launcher queries dpkg/rpm at every start.'
    echo 'self=$(readlink -f -- "$0") || exit 127'
    echo 'root=${self%/*}; root=${root%/*}'
    echo 'APPDIR=$root/lib/app'
    echo 'LD_LIBRARY_PATH=${LD_LIBRARY_PATH}:$APPDIR'
    echo 'export LD_LIBRARY_PATH'
    echo 'exec "$root/lib/runtime/bin/java" \'
    for o in "${opts[@]}"; do echo "  $(quote "$o") \\"; done
    echo '  "-Djpackage.app-path=$self" \'
    echo "  -cp $(quote "$cp") \\"
    printf '  %s' "$main"
    for a in "${args[@]}"; do printf ' %s' "$(quote "$a")"; done
    echo ' "$@"'
  } >"$bin.new"
  chmod 755 "$bin.new"
  mv -f "$bin.new" "$bin"
  made=$((made + 1))
done
[ "$made" -gt 0 ] || die "no launcher configuration in $image/lib/app"
note "script launchers: $made in $image/bin"
