// Public API of the library: re-exports only.
export * from './core/errors';
export * from './core/identity';
export * from './core/net';
export * from './proxmox/connection';
export * from './proxmox/image';
export * from './proxmox/media';
export * from './proxmox/qemu-args';
export * from './core/templates';
export * from './proxmox/template';
export * from './proxmox/vm-hardware';
export * from './flatcar/flatcar-release';
export * from './flatcar/flatcar-image';
export * from './flatcar/butane';
export * from './flatcar/ignition-delivery';
export * from './flatcar/kubernetes-profile';
export * from './flatcar/flatcar-template';
