/**
 * Name rules shared by the constructs. Messages stay at the call sites (each names its own prop); the rules
 * live here once, so a Proxmox node name means the same thing to an image download, a template and a clone.
 */

/** A Proxmox node name: letters, digits and inner dashes (a host name label). */
export const PROXMOX_NODE_NAME_RE = /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$/;

/** A DNS name in lower case (Proxmox VM names must be one). */
export const DNS_NAME_RE = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** A construct id as a DNS-style name: `WebServer1` -> `web-server1` (Proxmox VM names must be DNS names). */
export const kebab = (id: string): string => id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/[^A-Za-z0-9-]+/g, '-').toLowerCase();

/** A Linux user name as useradd accepts it by default (at most 32 characters). */
export const LINUX_USER_NAME_RE = /^[a-z_][a-z0-9_-]{0,31}$/;
