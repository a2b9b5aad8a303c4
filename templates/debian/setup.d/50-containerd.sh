#!/bin/bash
# containerd with the systemd cgroup driver: kubelet on a systemd host uses the systemd driver, and both
# must agree, or pods are killed under memory pressure in odd ways.
# https://kubernetes.io/docs/setup/production-environment/container-runtimes/#containerd-systemd
set -euo pipefail
install -d -m 0755 /etc/containerd
containerd config default > /etc/containerd/config.toml
sed -i 's/SystemdCgroup = false/SystemdCgroup = true/' /etc/containerd/config.toml
grep -q 'SystemdCgroup = true' /etc/containerd/config.toml
systemctl enable containerd.service
systemctl restart containerd.service
