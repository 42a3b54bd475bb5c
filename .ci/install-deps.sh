#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Installs the Debian packages the test suite uses, only those missing (needs root or sudo).
#   socat          real pseudo-terminal pairs for the serial pad tests
#   poppler-utils  pdfsig / pdftoppm / pdffonts / pdftotext as independent PDF checks
#   libnss3-tools  certutil: an NSS database so pdfsig trusts the test CA
#   libv4l-0, libpulse0, libgtk-3-0  native libraries of webcam-capture, FFmpeg devices and JavaFX
#   xvfb, xauth    screenshots of real windows (UI tests themselves run on Monocle)
#   openbox        a window manager for desktop/app/screenshots.sh: window sizes are checked as a WM maps them
#   openbox, x11-utils  a window manager on that Xvfb display, and xprop to see it is up: the terminal's
#                  real-window test (TerminalRealWindowsTest) checks window sizes as a window manager makes them
#   softhsm2       a real PKCS#11 token for the institution-keys-on-a-token test
#   fonts-dejavu-core  a TrueType font for building test PDFs that carry form fields
#   postgresql     a real PostgreSQL server for the reference gateway's --jdbc store (GatewayPostgresTest
#                  starts a throwaway cluster with initdb/pg_ctl; the packaged cluster is not used)
#   gcc, libc6-dev the C compiler: LivescanReaderTest builds a fake GA/T 626.1 live-scanner library (test code)
#   libfprint-2-2  libfprint 2 for the fingerprint adapter; LibfprintReaderTest uses its virtual_image device
#   pulseaudio, pulseaudio-utils, libasound2-plugins
#                  MicrophonePulseTest starts a private PulseAudio daemon with a null sink and plays a tone
#                  sequence (paplay); ALSA's pulse plugin lets javax.sound capture from it
#   python3-gi, gir1.2-gst-rtsp-server-1.0, gstreamer1.0-plugins-good, gstreamer1.0-plugins-bad
#                  a real RTSP server (GStreamer's gst-rtsp-server, RTP over TCP) for RtspCameraTest (VLC's RTSP
#                  server refuses TCP transport; live555's livemedia-utils is not in bookworm)
#   python3        runs the independent case-system server (desktop/sync/src/test/python/case_system_server.py,
#                  standard library only) that IndependentCaseSystemTest delivers to
set -euo pipefail
packages=(socat poppler-utils libnss3-tools libv4l-0 libpulse0 libgtk-3-0 xvfb xauth openbox x11-utils softhsm2 fonts-dejavu-core postgresql
  gcc libc6-dev libfprint-2-2 pulseaudio pulseaudio-utils libasound2-plugins
  python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-good gstreamer1.0-plugins-bad python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all Debian packages present"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
