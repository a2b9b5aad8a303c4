#!/bin/bash
# Load the modules and sysctls Kubernetes networking needs now; modules-load.d and sysctl.d repeat it at boot.
set -euo pipefail
modprobe overlay
modprobe br_netfilter
sysctl --system >/dev/null
