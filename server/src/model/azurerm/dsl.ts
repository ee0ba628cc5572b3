// Short constructors for the mapping tables, so each table reads like the provider documentation.
import { boolToEnum, identityIdsToObject } from './transforms';
import type { AttributeMapping, BlockMapping, ValueConverter, ValueTransform } from './types';

type AttributeOptions = Omit<AttributeMapping, 'names' | 'path'>;
type BlockOptions = Omit<BlockMapping, 'names' | 'path' | 'attributes'>;

/** `attr('local_auth_enabled', 'properties.disableLocalAuth', { transform: invert })`; names may list aliases. */
export function attr(
  names: string | readonly string[],
  path: string,
  options: AttributeOptions = {},
): AttributeMapping {
  return { names: typeof names === 'string' ? [names] : names, path, ...options };
}

export function block(
  names: string | readonly string[],
  path: string,
  attributes: readonly AttributeMapping[],
  options: BlockOptions = {},
): BlockMapping {
  return { names: typeof names === 'string' ? [names] : names, path, attributes, ...options };
}

/** `public_network_access_enabled` (bool, default true) ↔ `properties.publicNetworkAccess` in the given casing. */
export function publicNetworkAccess(
  on = 'Enabled',
  off = 'Disabled',
  path = 'properties.publicNetworkAccess',
): AttributeMapping {
  return attr('public_network_access_enabled', path, { transform: boolToEnum(on, off), providerDefault: true });
}

/** The 4.x string form `public_network_access = "Enabled" | "Disabled"` (ai_services, ai_foundry). */
export function publicNetworkAccessString(path = 'properties.publicNetworkAccess'): AttributeMapping {
  return attr('public_network_access', path, { providerDefault: 'Enabled' });
}

/** `identity { type, identity_ids }` → `identity.type`, `identity.userAssignedIdentities`. */
export const identityBlock: BlockMapping = block('identity', 'identity', [
  attr('type', 'type'),
  attr('identity_ids', 'userAssignedIdentities', { convert: identityIdsToObject }),
]);

export function converted(names: string | readonly string[], path: string, convert: ValueConverter): AttributeMapping {
  return attr(names, path, { convert });
}

export function transformed(
  names: string | readonly string[],
  path: string,
  transform: ValueTransform,
  options: AttributeOptions = {},
): AttributeMapping {
  return attr(names, path, { transform, ...options });
}
