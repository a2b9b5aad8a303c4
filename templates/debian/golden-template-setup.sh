#!/bin/bash
# Golden template setup, run once by cloud-init's runcmd after the packages are installed.
# Runs each feature script in name order and stops at the first failure, so that cloud-init reports
# an error (and the finalize step fails) instead of a half-configured template passing as done.
set -euo pipefail
for script in /usr/local/lib/golden-template/setup.d/*; do
  echo "golden-template: running $(basename "$script")"
  "$script"
done
install -d -m 0755 /var/lib/golden-template
date -u +%Y-%m-%dT%H:%M:%SZ > {{marker}}
echo "golden-template: setup complete"
