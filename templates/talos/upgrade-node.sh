#!/usr/bin/env bash
# One step of a rolling Talos upgrade, run by Terraform (local-exec) on the deploy machine: upgrade one node
# in place to an Image Factory installer image, wait for it to come back on that version, then wait for the
# cluster to be healthy. Idempotent: a node already running the target version and schematic is left alone,
# so a failed apply can simply be re-run.
# Inputs (environment): TALOS_NODE (address), TALOS_IMAGE (factory.talos.dev/<platform>-installer/<schematic>:<version>),
# TALOS_HEALTH_NODE (a control plane address), TALOS_TIMEOUT_SECONDS, TALOSCONFIG_DATA (the talosconfig, secret).
# https://www.talos.dev/v1.13/talos-guides/upgrading-talos/
set -euo pipefail

fail() { echo "talos upgrade of ${TALOS_NODE:-?}: $*" >&2; exit 1; }
: "${TALOS_NODE:?}" "${TALOS_IMAGE:?}" "${TALOS_HEALTH_NODE:?}" "${TALOS_TIMEOUT_SECONDS:?}"
[ -n "${TALOSCONFIG_DATA:-}" ] || fail "TALOSCONFIG_DATA is empty: the talosconfig is passed by Terraform"

# factory.talos.dev/metal-installer/<schematic>:<version>
target_version="${TALOS_IMAGE##*:}"
target_schematic="${TALOS_IMAGE%:*}"; target_schematic="${target_schematic##*/}"
[[ "$target_version" =~ ^v([0-9]+)\.([0-9]+)\.[0-9]+ ]] || fail "cannot read a Talos version from image '$TALOS_IMAGE'"
want_minor=$(( BASH_REMATCH[1] * 1000 + BASH_REMATCH[2] ))

command -v talosctl >/dev/null 2>&1 || fail "talosctl is not on PATH. Install talosctl $target_version on the machine running Terraform: https://github.com/siderolabs/talos/releases/tag/$target_version"
client=$(talosctl version --client 2>/dev/null | awk '/Tag:/ { print $2; exit }')
[[ "$client" =~ ^v([0-9]+)\.([0-9]+)\. ]] || fail "cannot read talosctl's version (talosctl version --client printed no Tag)"
if (( BASH_REMATCH[1] * 1000 + BASH_REMATCH[2] < want_minor )); then
  fail "talosctl $client is older than the target Talos $target_version: install talosctl $target_version (https://github.com/siderolabs/talos/releases/tag/$target_version)"
fi

# The talosconfig goes to a private temporary file, never to the command line or the log.
umask 077
TALOSCONFIG=$(mktemp "${TMPDIR:-/tmp}/talosconfig.XXXXXX")
export TALOSCONFIG
trap 'rm -f "$TALOSCONFIG"' EXIT
printf '%s' "$TALOSCONFIG_DATA" > "$TALOSCONFIG"
unset TALOSCONFIG_DATA

deadline=$(( SECONDS + TALOS_TIMEOUT_SECONDS ))
# The Tag the node reports (Server section of `talosctl version`), empty while it does not answer.
node_version() { talosctl --nodes "$TALOS_NODE" version 2>/dev/null | awk '/^Server:/ { s = 1 } s && /Tag:/ { print $2; exit }' || true; }
# Image Factory installers carry a "schematic" extension whose version is the schematic id.
node_has_schematic() { talosctl --nodes "$TALOS_NODE" get extensions -o yaml 2>/dev/null | grep -q -- "$target_schematic"; }

current=""
until current=$(node_version); [ -n "$current" ]; do
  (( SECONDS < deadline )) || fail "the node does not answer on the Talos API (talosctl --nodes $TALOS_NODE version)"
  sleep 5
done
if [ "$current" = "$target_version" ] && node_has_schematic; then
  echo "talos upgrade of $TALOS_NODE: already on $target_version with schematic $target_schematic, nothing to do"
  exit 0
fi

echo "talos upgrade of $TALOS_NODE: $current -> $target_version ($TALOS_IMAGE)"
# --preserve keeps the EPHEMERAL partition (etcd data on control planes); --wait follows the reboot.
talosctl upgrade --nodes "$TALOS_NODE" --image "$TALOS_IMAGE" --preserve --wait --timeout "${TALOS_TIMEOUT_SECONDS}s" \
  || fail "talosctl upgrade failed; fix the cause and run terraform apply again (nodes already upgraded are skipped)"

until [ "$(node_version)" = "$target_version" ]; do
  (( SECONDS < deadline )) || fail "the node did not come back on $target_version (it may have rolled back: talosctl --nodes $TALOS_NODE dmesg)"
  sleep 5
done
node_has_schematic || fail "the node runs $target_version but not schematic $target_schematic"

talosctl --nodes "$TALOS_HEALTH_NODE" health --wait-timeout "${TALOS_TIMEOUT_SECONDS}s" \
  || fail "the cluster is not healthy after upgrading this node; the next nodes were not touched"
echo "talos upgrade of $TALOS_NODE: on $target_version, cluster healthy"
