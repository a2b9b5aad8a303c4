#!/usr/bin/env bash
# Kubernetes upgrade of a Talos cluster, run by Terraform (local-exec) on the deploy machine once every node's
# Talos upgrade is done. `talosctl upgrade-k8s` upgrades the control-plane static pods, kube-proxy and every
# kubelet one by one and syncs the bootstrap manifests; it skips what already runs the target version, so
# re-running it (after a failure, or on a cluster already at that version) is safe.
# Inputs (environment): TALOS_CONTROL_PLANE (address), KUBERNETES_VERSION (without v), TALOS_VERSION (of the cluster),
# TALOSCONFIG_DATA (the talosconfig, secret).
# https://www.talos.dev/v1.13/kubernetes-guides/upgrading-kubernetes/
set -euo pipefail

fail() { echo "kubernetes upgrade: $*" >&2; exit 1; }
: "${TALOS_CONTROL_PLANE:?}" "${KUBERNETES_VERSION:?}" "${TALOS_VERSION:?}"
[ -n "${TALOSCONFIG_DATA:-}" ] || fail "TALOSCONFIG_DATA is empty: the talosconfig is passed by Terraform"
[[ "$TALOS_VERSION" =~ ^v([0-9]+)\.([0-9]+)\. ]] || fail "cannot read TALOS_VERSION '$TALOS_VERSION'"
want_minor=$(( BASH_REMATCH[1] * 1000 + BASH_REMATCH[2] ))

command -v talosctl >/dev/null 2>&1 || fail "talosctl is not on PATH. Install talosctl $TALOS_VERSION on the machine running Terraform: https://github.com/siderolabs/talos/releases/tag/$TALOS_VERSION"
client=$(talosctl version --client 2>/dev/null | awk '/Tag:/ { print $2; exit }')
[[ "$client" =~ ^v([0-9]+)\.([0-9]+)\. ]] || fail "cannot read talosctl's version (talosctl version --client printed no Tag)"
if (( BASH_REMATCH[1] * 1000 + BASH_REMATCH[2] < want_minor )); then
  fail "talosctl $client is older than the cluster's Talos $TALOS_VERSION: install talosctl $TALOS_VERSION (https://github.com/siderolabs/talos/releases/tag/$TALOS_VERSION)"
fi

umask 077
TALOSCONFIG=$(mktemp "${TMPDIR:-/tmp}/talosconfig.XXXXXX")
export TALOSCONFIG
trap 'rm -f "$TALOSCONFIG"' EXIT
printf '%s' "$TALOSCONFIG_DATA" > "$TALOSCONFIG"
unset TALOSCONFIG_DATA

echo "kubernetes upgrade: to $KUBERNETES_VERSION through $TALOS_CONTROL_PLANE"
talosctl --nodes "$TALOS_CONTROL_PLANE" upgrade-k8s --to "$KUBERNETES_VERSION" \
  || fail "talosctl upgrade-k8s failed; fix the cause and run terraform apply again (upgraded components are skipped)"
