// Flatcar: images, Butane, Ignition delivery, the Kubernetes profile and the template construct (public API only).
export {
  FLATCAR_CHANNELS, SUPPORTED_BUTANE_VERSIONS, DEFAULT_BUTANE_VERSION, RENDERED_IGNITION_SPEC,
  MIN_FLATCAR_MAJOR_FOR_IGNITION_3_4, MIN_FLATCAR_MAJOR_FOR_PROXMOXVE, FLATCAR_RELEASE_BASE_URL, flatcarImageUrl,
} from './flatcar-release';
export type { FlatcarChannel, FlatcarImageVariant, FlatcarImageCompression, ButaneVersion } from './flatcar-release';
export * from './flatcar-image';
export type { FlatcarUser, FlatcarFile, FlatcarSystemdUnit, ButaneSpec, ButaneSnippet } from './butane';
export { LOCAL_SNIPPET_DIRECTORY, IgnitionDelivery } from './ignition-delivery';
export type { IgnitionDeliveryKind, IgnitionSnippetOptions, IgnitionFwCfgFileOptions } from './ignition-delivery';
export { KUBERNETES_SYSEXT_URL, KUBERNETES_RELEASE_URL, CNI_PLUGINS_URL, KubernetesProfile } from './kubernetes-profile';
export type { KubernetesSysextOptions, KubernetesBinariesOptions } from './kubernetes-profile';
export * from './flatcar-template';
