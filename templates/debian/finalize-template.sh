#!/bin/bash
# Finalizes the Debian golden template VM {{vmId}}: waits for cloud-init, verifies, cleans up, converts. Runs as root on the Proxmox node
# that holds the VM, started by Terraform (remote-exec) right after the VM was created and booted; steps
# 1-3 (user-data snippet, VM from the cloud image, boot) are Terraform resources.
# No SSH into the guest: every guest command goes through the QEMU guest agent (`qm guest exec`).
# Stops at the first failure with "step N: <name>: FAILED <why>" and a non-zero exit, which fails the deploy.
set -uo pipefail

VMID={{vmId}}
CLOUD_INIT_TIMEOUT={{cloudInitTimeoutSeconds}}
SHUTDOWN_TIMEOUT={{shutdownTimeoutSeconds}}
MARKER={{marker}}
RETRY_HINT={{retryHint}}
# Seconds between guest agent polls; tests make it short.
POLL_SECONDS=${GOLDEN_TEMPLATE_POLL_SECONDS:-10}

step_no=0
step_name='start'
step() {
  step_no=$1
  step_name=$2
  echo "step $step_no: $step_name"
}
fail() {
  echo "step $step_no: $step_name: FAILED $*" >&2
  echo "$RETRY_HINT" >&2
  exit 1
}

errors=$(mktemp)
trap 'rm -f "$errors"' EXIT

# Runs `$2` with /bin/sh inside the guest through the guest agent, waiting at most $1 seconds. Prints the
# command's output; returns its exit code, 124 when it did not finish in time, 125 when the agent failed.
guest() {
  local reply
  if ! reply=$(qm guest exec "$VMID" --timeout "$1" -- /bin/sh -c "$2" 2>"$errors"); then
    cat "$errors"
    return 125
  fi
  printf '%s' "$reply" | perl -MJSON::PP -e '
    local $/;
    my $text = <STDIN>;
    my $r = eval { JSON::PP->new->decode($text) };
    if (!$r) { print "unexpected reply from qm guest exec: $text\n"; exit 125; }
    print $r->{"out-data"} if defined $r->{"out-data"};
    print $r->{"err-data"} if defined $r->{"err-data"};
    exit 124 unless $r->{exited};
    exit($r->{exitcode} // 125);'
}

# One verification: a name and a guest command that exits 0 when the template is right.
check() {
  local out
  step_name="verify: $1"
  out=$(guest 120 "$2" 2>&1) || fail "(exit $?) $out"
  echo "  ok: $1"
}

[ "$(id -u)" = 0 ] || { echo "step 0: preconditions: FAILED must run as root on the Proxmox node (qm), got uid $(id -u). Set the connection's ssh.username to root." >&2; exit 1; }

# Output is captured before grep reads it: `qm ... | grep -q` under pipefail fails when grep exits early (SIGPIPE).
config=$(qm config "$VMID" 2>/dev/null) || config=''
if grep -qx 'template: 1' <<<"$config"; then
  echo "VM $VMID already is a template: nothing to do"
  exit 0
fi

step 4 "wait for cloud-init (at most $CLOUD_INIT_TIMEOUT s)"
deadline=$((SECONDS + CLOUD_INIT_TIMEOUT))
status=$(qm status "$VMID" 2>&1) || fail "qm status $VMID: $status"
case "$status" in
  *running*) ;;
  *) fail "VM $VMID is not running ($status)" ;;
esac
# cloud-init installs the guest agent itself, so the agent answers only once the packages are in.
until qm guest cmd "$VMID" ping >/dev/null 2>&1; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    fail "the guest agent did not answer within $CLOUD_INIT_TIMEOUT s; look at the VM console or /var/log/cloud-init-output.log"
  fi
  sleep "$POLL_SECONDS"
done
remaining=$((deadline - SECONDS))
[ "$remaining" -ge 1 ] || remaining=1
out=$(guest "$remaining" 'cloud-init status --wait --long' 2>&1)
rc=$?
# cloud-init 23.4+: exit 1 is a failed module or stage, exit 2 "degraded" (finished, with recoverable errors
# or deprecation warnings): a warning in the deploy log, not a failed template. The marker check below still
# proves the setup scripts ran to their end.
# https://docs.cloud-init.io/en/latest/explanation/failure_states.html
case $rc in
  0) ;;
  2) echo "  warning: cloud-init finished degraded (exit 2), continuing: $out" ;;
  124) fail "cloud-init did not finish within $CLOUD_INIT_TIMEOUT s: $out" ;;
  *) fail "cloud-init reported errors (exit $rc): $out" ;;
esac
guest 30 "test -f $MARKER" >/dev/null 2>&1 || fail "cloud-init finished but $MARKER is missing: the setup scripts did not complete"

step 5 'verify the template'
{{checks}}

step 6 'clean up'
out=$(guest 300 /usr/local/sbin/golden-template-cleanup 2>&1) || fail "(exit $?) $out"

step 7 'convert to template'
out=$(qm shutdown "$VMID" --timeout "$SHUTDOWN_TIMEOUT" 2>&1) || fail "qm shutdown $VMID: $out"
# The user-data snippet builds the template only: a clone that kept it would install everything again.
out=$(qm set "$VMID" --delete cicustom 2>&1) || fail "qm set $VMID --delete cicustom: $out"
out=$(qm template "$VMID" 2>&1) || fail "qm template $VMID: $out"

step 8 'verify template state'
config=$(qm config "$VMID" 2>&1) || fail "qm config $VMID: $config"
grep -qx 'template: 1' <<<"$config" || fail "VM $VMID is not marked as a template"
if grep -q '^cicustom:' <<<"$config"; then
  fail "VM $VMID still has cicustom set"
fi
echo "template $VMID is ready"
