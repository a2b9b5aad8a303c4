/**
 * How a Talos VM boots.
 *
 * - {@link TalosBoot.diskImage} (default): the Image Factory disk image (qcow2) is imported as the boot disk.
 *   Talos considers itself installed and ignores `machine.install`; the one optical slot stays free.
 * - {@link TalosBoot.iso}: the Image Factory ISO in the one `cdrom`, installing onto an empty disk
 *   (`machine.install.disk`) from the schematic's installer image.
 *
 * Kernel arguments always go into the schematic (works for both): QEMU can only append kernel arguments to a
 * kernel it loads itself (`-kernel`), never to one the firmware boots from a disk or ISO.
 */
export class TalosBoot {
  /** Boot the factory disk image, imported as the boot disk (no ISO). */
  public static diskImage(options: TalosBootOptions = {}): TalosBoot {
    return new TalosBoot('disk-image', options.configIso);
  }

  /** Boot the factory ISO and install to an empty disk. */
  public static iso(options: TalosBootOptions = {}): TalosBoot {
    return new TalosBoot('iso', options.configIso);
  }

  private constructor(
    public readonly kind: 'disk-image' | 'iso',
    public readonly configIso?: TalosConfigIso,
  ) {}
}

/**
 * An ISO labelled `metal-iso` holding `config.yaml`, read at first boot because the image then carries
 * `talos.config=metal-iso`. With a disk image it takes the one `cdrom`; next to a boot ISO it is a second
 * ISO, which only `kvm_arguments` (root@pam by password) can attach.
 * @see https://www.talos.dev/v1.11/reference/kernel/#talosconfig
 */
export interface TalosConfigIso {
  /** Volume id, e.g. `local:iso/talos-config-w1.iso`. */
  readonly fileId: string;
  /**
   * Path of the ISO on the Proxmox host, needed only when it goes through `kvm_arguments`.
   * @default - the ISO can only be the one cdrom
   */
  readonly hostPath?: string;
}

/** Options of {@link TalosBoot} factories. */
export interface TalosBootOptions {
  /** An ISO carrying the machine configuration (adds `talos.config=metal-iso`). @default - no config ISO: the configuration is applied over the Talos API */
  readonly configIso?: TalosConfigIso;
}

/** The kernel argument that makes Talos read `config.yaml` from the `metal-iso` volume. */
export const METAL_ISO_KERNEL_ARG = 'talos.config=metal-iso';
