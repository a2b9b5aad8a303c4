#!/bin/bash
# Apply the SSH hardening drop-in: check the whole configuration first, so a bad line cannot lock sshd out.
set -euo pipefail
sshd -t
systemctl reload-or-restart ssh.service
