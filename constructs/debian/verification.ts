// What the finalize step verifies in the guest before the build VM becomes a template: one check per feature the
// user-data set up (cloud-config.ts), so a template that fails one is never made.
import { DebianUserDataInput, templatePackages } from './cloud-config';
import { sandboxImage } from './kubernetes-pause';

/** One verification of the template: a name for messages and a guest command that exits 0 when it holds. */
export interface VerificationCheck {
  readonly name: string;
  readonly command: string;
}

/** The kernel the template boots next, in the guest's /bin/sh: the newest installed (see setup.d/60-i915-sriov.sh). */
const NEXT_KERNEL = '$(linux-version list | linux-version sort --reverse | sed -n 1p)';

/** Pure: the checks the finalize step runs in the guest before cleaning up: a template that fails one is never made. */
export function verificationChecks(i: Pick<DebianUserDataInput, 'major' | 'features' | 'i915Sriov' | 'packages' | 'kubernetesVersion'>): VerificationCheck[] {
  const f = i.features;
  const checks: VerificationCheck[] = [
    { name: 'qemu guest agent running', command: 'systemctl is-active --quiet qemu-guest-agent && test -e /dev/virtio-ports/org.qemu.guest_agent.0' },
    { name: 'packages installed', command: `dpkg -s ${templatePackages(i).join(' ')} >/dev/null` },
  ];
  if (f.chrony) {
    checks.push(
      { name: 'chrony running', command: 'systemctl is-active --quiet chrony && chronyc -n tracking >/dev/null' },
      { name: 'systemd-timesyncd masked', command: 'test "$(systemctl is-enabled systemd-timesyncd 2>/dev/null)" = masked' },
    );
  }
  if (f.containerd) {
    checks.push(
      { name: 'containerd running with SystemdCgroup', command: 'systemctl is-active --quiet containerd && containerd config dump | grep -q "SystemdCgroup = true"' },
      {
        name: 'containerd CNI plugins from /opt/cni/bin, loopback there',
        command: 'containerd config dump | grep -q \'bin_dir = "/opt/cni/bin"\' && test -x /opt/cni/bin/loopback',
      },
      { name: `containerd sandbox image ${sandboxImage(i.kubernetesVersion)}`, command: `containerd config dump | grep -qF 'sandbox_image = "${sandboxImage(i.kubernetesVersion)}"'` },
    );
  }
  if (f.kubernetesNetworking) {
    checks.push(
      { name: 'kernel modules overlay and br_netfilter loaded', command: 'grep -q "^overlay " /proc/modules && grep -q "^br_netfilter " /proc/modules' },
      { name: 'Kubernetes sysctls set', command: 'test "$(sysctl -n net.ipv4.ip_forward)" = 1 && test "$(sysctl -n net.bridge.bridge-nf-call-iptables)" = 1' },
    );
  }
  if (f.sshHardening) {
    checks.push({
      name: 'sshd ciphers and MACs restricted',
      command: 'sshd -T | grep -qx "ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com" && ' +
        'sshd -T | grep -qx "macs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com"',
    });
  }
  if (f.logRotation) {
    checks.push({ name: 'journald size cap configured', command: 'grep -q "^SystemMaxUse=" /etc/systemd/journald.conf.d/golden-template.conf' });
  }
  if (i.i915Sriov) {
    const s = i.i915Sriov;
    checks.push(
      // The kernel the clones boot, not the running one (package_upgrade may have installed a newer one).
      { name: `i915-sriov-dkms ${s.version} installed for the kernel the template boots next`, command: `dkms status -k "${NEXT_KERNEL}" i915-sriov-dkms/${s.version} | grep -q installed` },
      { name: 'i915 resolves to the DKMS module', command: `modinfo -k "${NEXT_KERNEL}" -n i915 | grep -q /updates/` },
      { name: 'GRUB has the SR-IOV kernel parameters', command: s.kernelParameters.map((k) => `grep -qF -- "${k}" /boot/grub/grub.cfg`).join(' && ') || 'true' },
    );
  }
  return checks;
}
