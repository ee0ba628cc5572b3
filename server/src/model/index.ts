// The model API: everything a rule may import.
export * from './span';
export * from './value';
export * from './resource';
export * from './document';
export * from './rule';
export type { ParameterSupplier } from './frontend';
export * from './checks';
export * from './scope';
export * from './fixes';
