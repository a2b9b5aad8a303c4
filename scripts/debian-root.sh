#!/usr/bin/env bash
# A Debian 13 (trixie) root built with debootstrap from Debian's archive, with everything the golden template
# installs, for the real-root test (__tests__/debian/real-root.test.ts). Cached as a tarball outside the work
# tree, keyed by this script and the package list, so it is built once per machine and package set.
#
#   scripts/debian-root.sh path  <cache-dir> <package>...   prints the tarball path (built or not)
#   scripts/debian-root.sh build <cache-dir> <package>...   builds it unless cached; prints the path last
#
# Needs root, debootstrap (bookworm's 1.0.128 has the trixie script), zstd and tar. The mirror is the one
# apt on this machine uses (/etc/apt/sources.list*), falling back to http://deb.debian.org/debian.
set -euo pipefail
mode=${1:?usage: debian-root.sh path|build <cache-dir> <package>...}
cache=${2:?cache dir}
shift 2
suite=trixie
# The template's packages plus what the test itself needs in the root: cloud-init (its modules run there),
# the generic kernel and its headers (the i915 DKMS path builds against the newest installed kernel).
extra=(cloud-init openssh-server linux-image-amd64 linux-headers-amd64 systemd-sysv procps)
packages=$(printf '%s\n' "$@" "${extra[@]}" | sort -u)
# Raise when a change of this script changes the root it builds (the cache key is this, the suite and the packages).
format=3
key=$( { echo "$format"; echo "$suite"; echo "$packages"; } | sha256sum | cut -c1-16)
tarball="$cache/$suite-root-$key.tar.zst"
if [ "$mode" = path ]; then echo "$tarball"; exit 0; fi
[ "$mode" = build ] || { echo "unknown mode $mode" >&2; exit 2; }
if [ -f "$tarball" ]; then echo "debian-root: cached $tarball"; echo "$tarball"; exit 0; fi

[ "$(id -u)" = 0 ] || { echo "debian-root: must run as root (debootstrap, chroot)" >&2; exit 1; }
for t in debootstrap zstd tar chroot; do command -v "$t" >/dev/null || { echo "debian-root: $t is missing" >&2; exit 1; }; done
[ -e /usr/share/debootstrap/scripts/$suite ] || { echo "debian-root: this debootstrap does not know $suite" >&2; exit 1; }

# The Debian mirror apt already uses here (deb822 URIs: or one-line deb), so no host name is hard-wired.
mirror=$(sed -n -E 's#^URIs:[[:space:]]*(https?://[^[:space:]]+/debian)/?[[:space:]]*$#\1#p; s#^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?(https?://[^[:space:]]+/debian)/?[[:space:]].*#\2#p' \
  /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null | head -n1 || true)
mirror=${mirror:-http://deb.debian.org/debian}

mkdir -p "$cache"
work=$(mktemp -d "$cache/build.XXXXXX")
root="$work/root"
unmount() {
  for m in dev/pts dev sys proc; do
    if mountpoint -q "$root/$m" 2>/dev/null; then umount -l "$root/$m" || true; fi
  done
}
trap 'unmount; rm -rf "$work"' EXIT

start=$SECONDS
echo "debian-root: debootstrap $suite from $mirror into $root"
debootstrap --arch=amd64 --components=main,non-free-firmware "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -n 30 "$work/debootstrap.log" >&2; exit 1; }
echo "debian-root: debootstrap took $((SECONDS - start)) s"

# Sources as on a Debian cloud image (main: updates and security too); non-free-firmware, for the i915
# firmware, only while building: the template's user-data adds it itself.
rm -f "$root/etc/apt/sources.list"
cat > "$root/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/debian}/debian-security
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
cat > "$root/etc/apt/sources.list.d/build-non-free-firmware.sources" <<SOURCES
Types: deb
URIs: $mirror
Suites: $suite $suite-updates
Components: non-free-firmware
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
# No daemon starts inside the root while it is built or tested (there is no init in a chroot).
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
chmod 0755 "$root/usr/sbin/policy-rc.d"

mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
in_root() { chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
t=$SECONDS
# Build speed only, all undone below: dpkg without an fsync per file (a failed build is thrown away), no man-db
# index, and no initramfs (nothing in the test boots; a later kernel install in the root makes its own).
echo force-unsafe-io > "$root/etc/dpkg/dpkg.cfg.d/build-unsafe-io"
echo 'man-db man-db/auto-update boolean false' | in_root debconf-set-selections
in_root dpkg-divert --quiet --local --rename --add /usr/sbin/update-initramfs
printf '#!/bin/sh\nexit 0\n' > "$root/usr/sbin/update-initramfs"
chmod 0755 "$root/usr/sbin/update-initramfs"
in_root apt-get update -qq
# shellcheck disable=SC2086
in_root apt-get install -y -qq $packages >"$work/apt.log" 2>&1 || { tail -n 40 "$work/apt.log" >&2; exit 1; }
rm "$root/usr/sbin/update-initramfs"
in_root dpkg-divert --quiet --local --rename --remove /usr/sbin/update-initramfs
echo 'man-db man-db/auto-update boolean true' | in_root debconf-set-selections
rm "$root/etc/dpkg/dpkg.cfg.d/build-unsafe-io" "$root/etc/apt/sources.list.d/build-non-free-firmware.sources"
in_root apt-get clean
rm -rf "$root"/var/lib/apt/lists/*
echo "debian-root: apt-get install of $(wc -w <<<"$packages") packages took $((SECONDS - t)) s"
unmount

t=$SECONDS
tar -C "$root" --numeric-owner --xattrs --acls -cf - . | zstd -q -T0 -3 -o "$work/root.tar.zst"
mv "$work/root.tar.zst" "$tarball"
echo "debian-root: packed in $((SECONDS - t)) s ($(du -h "$tarball" | cut -f1)); total build $((SECONDS - start)) s"
echo "$tarball"
