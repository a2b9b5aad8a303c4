#!/bin/bash
# The i915 SR-IOV driver (https://github.com/strongtz/i915-sriov-dkms) built once here, for the kernel the
# template boots next, so clones do not spend 5-10 minutes compiling it on first boot. Pinned version,
# SHA-256 verified, downloads retried with exponential backoff.
set -euo pipefail
version='{{version}}'
url='{{url}}'
expected_sha256='{{sha256}}'
attempts={{attempts}}
deb=/var/cache/golden-template/i915-sriov-dkms_$version.deb
# Not `uname -r`: package_upgrade may have installed a newer kernel during this boot (no reboot in between);
# the template and its clones boot the newest one (GRUB's default entry), and Debian's archive keeps the
# headers of the current kernel package only, not of the one the cloud image shipped with.
# linux-version (linux-base) sorts Debian kernel versions the way dpkg does.
kernels=$(linux-version list)
kernel=$(linux-version sort --reverse <<<"$kernels" | sed -n 1p)
[ -n "$kernel" ] || { echo "i915-sriov: no installed kernel found in /boot" >&2; exit 1; }
echo "i915-sriov: building for kernel $kernel (running: $(uname -r))"

install -d -m 0755 /var/cache/golden-template
delay=5
attempt=1
until curl -fsSL --connect-timeout 20 --max-time 600 -o "$deb" "$url"; do
  if [ "$attempt" -ge "$attempts" ]; then
    echo "i915-sriov: download of $url failed $attempts times, giving up" >&2
    exit 1
  fi
  echo "i915-sriov: download attempt $attempt failed, retrying in $delay s" >&2
  sleep "$delay"
  attempt=$((attempt + 1))
  delay=$((delay * 2))
done

actual_sha256=$(sha256sum "$deb" | cut -d' ' -f1)
if [ "$actual_sha256" != "$expected_sha256" ]; then
  echo "i915-sriov: checksum mismatch for $url: expected $expected_sha256, got $actual_sha256" >&2
  rm -f "$deb"
  exit 1
fi

# Headers of that kernel: DKMS builds against them (the generic image runs linux-image-amd64).
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "linux-headers-$kernel"
DEBIAN_FRONTEND=noninteractive apt-get install -y "$deb"
dkms install i915-sriov-dkms/"$version" -k "$kernel" || dkms status
# Captured first: under pipefail, `dkms status | grep -q` can fail when grep exits early (SIGPIPE).
status=$(dkms status -k "$kernel" i915-sriov-dkms)
grep -q installed <<<"$status"

# The kernel parameters are in /etc/default/grub.d/60-i915-sriov.cfg (written by cloud-init); clones boot with them.
update-grub
