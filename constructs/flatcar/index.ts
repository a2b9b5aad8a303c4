// Flatcar: images, Butane, Ignition delivery, the Kubernetes profile and the template construct.
export * from './flatcar-release';
export * from './flatcar-image';
export * from './butane';
export * from './ignition-delivery';
export * from './kubernetes-profile';
export * from './flatcar-template';
