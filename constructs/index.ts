// Public API of the library: re-exports only.
export * from './core/errors';
export * from './core/identity';
export * from './core/net';
export * from './proxmox/connection';
export * from './proxmox/image';
export * from './proxmox/media';
export * from './proxmox/qemu-args';
