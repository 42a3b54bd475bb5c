#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Installs the Debian packages the test suite uses, only those missing (needs root or sudo).
#   socat          real pseudo-terminal pairs for the serial pad tests
#   poppler-utils  pdfsig / pdftoppm / pdffonts / pdftotext as independent PDF checks
#   libnss3-tools  certutil: an NSS database so pdfsig trusts the test CA
#   libv4l-0, libpulse0, libgtk-3-0  native libraries of webcam-capture, FFmpeg devices and JavaFX
#   xvfb, xauth    screenshots of real windows (UI tests themselves run on Monocle)
#   openbox, x11-utils  a window manager on that Xvfb display, and xprop to see it is up: the terminal's
#                  real-window test (TerminalRealWindowsTest) checks window sizes as a window manager makes them
#   softhsm2       a real PKCS#11 token for the institution-keys-on-a-token test
#   fonts-dejavu-core  a TrueType font for building test PDFs that carry form fields
#   postgresql     a real PostgreSQL server for the reference gateway's --jdbc store (GatewayPostgresTest
#                  starts a throwaway cluster with initdb/pg_ctl; the packaged cluster is not used)
set -euo pipefail
packages=(socat poppler-utils libnss3-tools libv4l-0 libpulse0 libgtk-3-0 xvfb xauth openbox x11-utils softhsm2 fonts-dejavu-core postgresql)
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
