#!/bin/bash
# chrony instead of systemd-timesyncd: installing chrony removes timesyncd, masking keeps it from coming
# back with a later package (two NTP clients fight over the clock, which breaks etcd and certificates).
set -euo pipefail
systemctl mask systemd-timesyncd.service
systemctl enable chrony.service
systemctl restart chrony.service
