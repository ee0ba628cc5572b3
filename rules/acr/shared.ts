// Things the AIS-ACR rules share: the ARM type they inspect and the SKU some settings need.
import { sameText, type Resource } from '../../server/src/model';

export const REGISTRY_TYPE = 'Microsoft.ContainerRegistry/registries';

/** 'yes' / 'no' when the SKU is a known literal, 'unknown' otherwise. Firewall, export policy and CMK need Premium. */
export function isPremium(registry: Resource): 'yes' | 'no' | 'unknown' {
  const sku = registry.get('sku.name');
  if (sku?.kind !== 'literal') return 'unknown';
  return sameText(sku.value, 'Premium') ? 'yes' : 'no';
}

/** A note for messages about settings that need the Premium SKU. */
export function premiumNote(registry: Resource): string {
  return isPremium(registry) === 'no' ? ' (this needs the Premium SKU)' : '';
}
