#!/bin/bash
# Golden template clean-up, run through the guest agent right before the VM becomes a template. What must be
# unique per machine, and what only documents the build, goes: clones start fresh.
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
# DKMS's Machine Owner Key signs the modules it builds (Secure Boot): a private key shared by every clone
# could sign a module for any of them. A clone that rebuilds a module (new kernel) makes its own key.
# https://github.com/dell/dkms#module-signing
rm -f /var/lib/dkms/mok.key /var/lib/dkms/mok.pub
apt-get clean
rm -rf /var/lib/apt/lists/* /var/cache/golden-template /tmp/* /var/tmp/*
# The journal: journald keeps its files open and memory-mapped, so truncating them corrupts the live
# journal. Instead journald is asked to write to /run (volatile) until shutdown, and the template's
# persistent journal, in a directory named after the template's machine-id, is removed: every clone would
# otherwise carry it. Clones log to /var/log/journal/<their machine-id>/.
# https://www.freedesktop.org/software/systemd/man/latest/journalctl.html#--relinquish-var
journalctl --relinquish-var
find /var/log/journal -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +
# Other logs: rotated copies go, the rest is emptied (their writers reopen them; journald's files are gone).
find /var/log -type f -not -path '/var/log/journal/*' \( -name '*.gz' -o -name '*.[0-9]' -o -name '*.old' \) -delete
find /var/log -type f -not -path '/var/log/journal/*' -exec truncate -s 0 {} +
rm -f /root/.bash_history /home/*/.bash_history
# Give the freed blocks back to thin-provisioned storage (the disk has discard on).
fstrim -av >/dev/null || true
rm -f "$0"
sync
