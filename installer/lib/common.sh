# SPDX-License-Identifier: AGPL-3.0-or-later
# Shared helpers for installer/build.sh, check.sh and bench-coldstart.sh (sourced, not run).

die() { echo "$(basename "$0"): $*" >&2; exit 1; }
note() { echo "== $*" >&2; }

# The JDK that jlinks and jpackages: $TIXUN_JDK, else a JDK 17 with jmods, else $JAVA_HOME.
# jlink needs the JDK's jmods/ directory (Temurin 24+ ships without it), and the STYLE pins
# Java 17 jlink flags (--compress=2), so a JDK 17 is preferred.
find_jdk() {
  local c
  for c in "${TIXUN_JDK:-}" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-arm64 \
           /usr/lib/jvm/temurin-17-jdk-amd64 "${JAVA_HOME:-}"; do
    [ -n "$c" ] || continue
    if [ -x "$c/bin/jlink" ] && [ -x "$c/bin/jpackage" ] && [ -d "$c/jmods" ]; then
      echo "$c"; return 0
    fi
  done
  die "no JDK with jlink, jpackage and jmods/ found. Install openjdk-17-jdk (apt-get install openjdk-17-jdk) or set TIXUN_JDK=/path/to/jdk-17."
}

need_cmd() {
  local cmd="$1" pkg="$2"
  command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' not found; install it: apt-get install $pkg"
}

# apt-get with retries while another dpkg/apt holds the lock (shared machine).
apt_retry() {
  local i
  for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    if DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=60 "$@"; then return 0; fi
    echo "apt-get $* failed (attempt $i); retrying in 10 s (dpkg lock held by someone else?)" >&2
    sleep 10
  done
  return 1
}

# Starts Xvfb on a free display; sets DISPLAY and XVFB_PID. stop_xvfb ends it.
start_xvfb() {
  need_cmd Xvfb xvfb
  local d
  for d in $(seq 91 140); do
    [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ] && continue
    Xvfb ":$d" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    local i
    for i in $(seq 1 50); do
      if [ -e "/tmp/.X11-unix/X$d" ]; then export DISPLAY=":$d"; return 0; fi
      kill -0 "$XVFB_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill "$XVFB_PID" 2>/dev/null || true
  done
  die "could not start Xvfb on any display :91..:140"
}

stop_xvfb() {
  if [ -n "${XVFB_PID:-}" ]; then kill "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true; XVFB_PID=; fi
}

# wait_window PID TIMEOUT_S: waits until a visible top-level window of PID is mapped (xdotool
# matches _NET_WM_PID, which GTK sets). Prints the window id; non-zero on timeout or exit.
wait_window() {
  local pid="$1" timeout="$2" deadline w
  deadline=$(( $(date +%s) + timeout ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    w=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -1 || true)
    if [ -n "$w" ]; then echo "$w"; return 0; fi
    kill -0 "$pid" 2>/dev/null || return 2
    sleep 0.02
  done
  return 1
}

# wait_first_window PID TIMEOUT_S: waits until any top-level window is viewable on $DISPLAY (for a private Xvfb that
# only PID draws on). Unlike wait_window it also sees the JVM's splash window (-splash:), which carries no
# _NET_WM_PID. Prints "ID WxH NAME"; non-zero on timeout or when PID exits first.
wait_first_window() {
  local pid="$1" timeout="$2" deadline w line
  deadline=$(( $(date +%s) + timeout ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    # Top-level windows bigger than the toolkits' 1x1 and 10x10 helpers; then the first that is mapped.
    for w in $(xwininfo -root -children 2>/dev/null | awk '/^ +0x/ && $0 !~ / (1x1|10x10)\+/ {print $1}'); do
      line=$(xwininfo -id "$w" 2>/dev/null) || continue
      if grep -q 'Map State: IsViewable' <<<"$line"; then
        echo "$w $(awk '/Width:/{w=$2} /Height:/{h=$2} END{print w "x" h}' <<<"$line") $(sed -n 's/^xwininfo: Window id: [^ ]* //p' <<<"$line")"
        return 0
      fi
    done
    kill -0 "$pid" 2>/dev/null || return 2
    sleep 0.02
  done
  return 1
}

now_ms() { date +%s%3N; }

# stop_pid PID: SIGTERM, then SIGKILL after 10 s; waits for it.
stop_pid() {
  local pid="$1" i
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
