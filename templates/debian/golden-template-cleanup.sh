#!/bin/bash
# Golden template clean-up (seed 003 step 6), run through the guest agent right before the VM becomes a
# template. What must be unique per machine, and what only documents the build, goes: clones start fresh.
set -euo pipefail
# cloud-init runs again on each clone (the clone's cloud-init drive has a new instance id); the build's
# logs and seed are not the clone's.
cloud-init clean --logs --seed
# An empty machine-id is generated anew at first boot; a kept one gives every clone the same DHCP lease.
truncate -s 0 /etc/machine-id
rm -f /var/lib/dbus/machine-id
# Host keys are generated anew by cloud-init on each clone; shared host keys would let one clone pose as another.
rm -f /etc/ssh/ssh_host_*
# Keys given to the build VM are not the clones' keys: clones get theirs from their own cloud-init.
rm -f /root/.ssh/authorized_keys /home/*/.ssh/authorized_keys
apt-get clean
rm -rf /var/lib/apt/lists/* /var/cache/golden-template /tmp/* /var/tmp/*
journalctl --rotate >/dev/null
journalctl --vacuum-time=1s >/dev/null
find /var/log -type f \( -name '*.gz' -o -name '*.[0-9]' -o -name '*.old' \) -delete
find /var/log -type f -exec truncate -s 0 {} +
rm -f /root/.bash_history /home/*/.bash_history
# Give the freed blocks back to thin-provisioned storage (the disk has discard on).
fstrim -av >/dev/null || true
rm -f "$0"
sync
