#!/bin/bash
# containerd with the systemd cgroup driver: kubelet on a systemd host uses the systemd driver, and both
# must agree, or pods are killed under memory pressure in odd ways.
# https://kubernetes.io/docs/setup/production-environment/container-runtimes/#containerd-systemd
set -euo pipefail
install -d -m 0755 /etc/containerd
containerd config default > /etc/containerd/config.toml
sed -i 's/SystemdCgroup = false/SystemdCgroup = true/' /etc/containerd/config.toml
# CNI plugins in /opt/cni/bin, where Cilium, Calico and Flannel install theirs: Debian's containerd defaults
# to /usr/lib/cni (containernetworking-plugins' directory), so pods without host networking could not start.
# containerd 1.7 takes one directory, so the loopback plugin the CRI sets up in every pod sandbox is linked
# in from the Debian package. https://github.com/containerd/containerd/blob/release/1.7/docs/cri/config.md
sed -i -E 's#^([[:space:]]*bin_dir = ).*#\1"/opt/cni/bin"#' /etc/containerd/config.toml
# The sandbox (pause) image kubeadm expects for the pinned Kubernetes release, instead of containerd's default.
sed -i -E 's#^([[:space:]]*sandbox_image = ).*#\1"{{sandboxImage}}"#' /etc/containerd/config.toml
install -d -m 0755 /opt/cni/bin
ln -sfn /usr/lib/cni/loopback /opt/cni/bin/loopback
# Check what containerd itself reads, not only the file.
config=$(containerd --config /etc/containerd/config.toml config dump)
grep -q 'SystemdCgroup = true' <<<"$config"
grep -q 'bin_dir = "/opt/cni/bin"' <<<"$config"
grep -q 'sandbox_image = "{{sandboxImage}}"' <<<"$config"
test -x /opt/cni/bin/loopback
systemctl enable containerd.service
systemctl restart containerd.service
