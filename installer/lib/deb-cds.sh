#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# deb-cds.sh DEB: retrains the AppCDS archive inside DEB for the path the package installs to.
#
# JDK 17 maps a dynamic CDS archive only if the class path is exactly the one used when it was
# dumped (absolute paths, and each jar's size and modification time). The app-image's archive was
# dumped at installer/target/dist/tixun, so in /opt/tixun it would be refused. This script unpacks
# the .deb (dpkg-deb -R keeps the jar times that dpkg will restore on install), bind-mounts the
# unpacked tree at /opt/tixun in a private mount namespace (the host's /opt is not touched), runs the
# training there, and repacks the .deb.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$here/common.sh"
deb="$(cd "$(dirname "${1:?usage: deb-cds.sh DEB}")" && pwd)/$(basename "$1")"
[ -f "$deb" ] || die "no $deb"
need_cmd unshare util-linux
need_cmd fakeroot fakeroot
unset SOURCE_DATE_EPOCH   # dpkg-deb would clamp file times to it; the jar times must stay as they are

stage="$(mktemp -d "$(dirname "$deb")/.deb-cds.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
dpkg-deb -R "$deb" "$stage/root"
[ -x "$stage/root/opt/tixun/bin/tixun" ] || die "$deb does not install /opt/tixun/bin/tixun"

ns=(unshare --mount)
[ "$(id -u)" = 0 ] || ns=(unshare --mount --map-root-user)
note "CDS training for /opt/tixun (private mount namespace)"
"${ns[@]}" bash -c '
  set -euo pipefail
  mount -t tmpfs -o mode=0755 tixun-cds /opt
  mkdir /opt/tixun
  mount --bind "$1/root/opt/tixun" /opt/tixun
  exec "$2/cds-train.sh" /opt/tixun
' _ "$stage" "$here" \
  || die "CDS training at /opt/tixun failed (needs root, or unprivileged user namespaces for unshare --map-root-user)"

size="$(du -sk --exclude=DEBIAN "$stage/root" | cut -f1)"
sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$stage/root/DEBIAN/control"
rm -f "$deb"
# TIXUN_DEB_FAST=1: gzip -1 instead of xz -6 for trial builds (minutes faster here; a bigger .deb).
if [ "${TIXUN_DEB_FAST:-0}" = 1 ]; then export DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1
else export DPKG_DEB_COMPRESSOR_TYPE=xz; unset DPKG_DEB_COMPRESSOR_LEVEL; fi
fakeroot dpkg-deb --root-owner-group -b "$stage/root" "$deb" >/dev/null || die "dpkg-deb -b failed"
note "repacked $deb with the /opt/tixun CDS archive"
