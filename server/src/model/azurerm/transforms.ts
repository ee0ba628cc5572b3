// Reusable value transforms and converters for the mapping table.
import type { Literal, ObjectValue, Property, Value } from '../value';
import { isKnown, make } from '../value';
import type { ValueConverter, ValueTransform } from './types';

/** `local_auth_enabled = true` ↔ `disableLocalAuth = false`. */
export const invert: ValueTransform = {
  name: 'invert',
  toArm: (value) => (typeof value === 'boolean' ? !value : undefined),
  toTerraform: (value) => (typeof value === 'boolean' ? !value : undefined),
};

/** A bool attribute ↔ an ARM enum string, with the service's own casing ('Enabled' / 'disabled'). */
export function boolToEnum(onValue: string, offValue: string): ValueTransform {
  return {
    name: `bool ↔ '${onValue}'/'${offValue}'`,
    toArm: (value) => (typeof value === 'boolean' ? (value ? onValue : offValue) : undefined),
    toTerraform: (value) => {
      if (typeof value !== 'string') return undefined;
      if (value.toLowerCase() === onValue.toLowerCase()) return true;
      if (value.toLowerCase() === offValue.toLowerCase()) return false;
      return undefined;
    },
  };
}

/** A string enum whose values are spelled differently in azurerm and ARM ('private' ↔ 'None'). */
export function enumMap(pairs: Readonly<Record<string, string>>): ValueTransform {
  const reverse = Object.fromEntries(Object.entries(pairs).map(([tf, arm]) => [arm.toLowerCase(), tf]));
  const forward = Object.fromEntries(Object.entries(pairs).map(([tf, arm]) => [tf.toLowerCase(), arm]));
  return {
    name: `enum ${Object.entries(pairs)
      .map(([tf, arm]) => `'${tf}' ↔ '${arm}'`)
      .join(', ')}`,
    toArm: (value) => (typeof value === 'string' ? (forward[value.toLowerCase()] ?? value) : undefined),
    toTerraform: (value) => (typeof value === 'string' ? (reverse[value.toLowerCase()] ?? value) : undefined),
  };
}

/** Applies a literal transform to a value: literals, and the candidates of unknown values. */
export function transformValue(value: Value, transform: ValueTransform): Value {
  if (value.kind === 'literal') {
    const mapped = value.value === null ? null : transform.toArm(value.value);
    if (mapped === undefined) {
      return make.unknown(
        JSON.stringify(value.value),
        `has a value aisec cannot map to ARM (${transform.name})`,
        value.span,
        {
          origins: value.origins,
        },
      );
    }
    return { ...value, value: mapped };
  }
  if (value.kind === 'unknown' && value.candidates) {
    return { ...value, candidates: value.candidates.map((candidate) => transformValue(candidate, transform)) };
  }
  return value;
}

function mapItems(value: Value, toItem: (item: Value) => Value): Value {
  if (value.kind === 'array') return { ...value, items: value.items.map(toItem) };
  if (value.kind === 'unknown' && value.candidates) {
    return { ...value, candidates: value.candidates.map((candidate) => mapItems(candidate, toItem)) };
  }
  return value;
}

/** `["1.2.3.4"]` → `[{ value: "1.2.3.4" }]` (network ACL ip rules); `field` names the item property. */
export function listToObjects(field: string): ValueConverter {
  return {
    name: `list → [{ ${field} }]`,
    toArm: (value) =>
      mapItems(value, (item) =>
        make.object([make.property(field, item.span, item)], item.span, { origins: item.origins }),
      ),
    toTerraform: (value) =>
      Array.isArray(value)
        ? value.map((item) => (item && typeof item === 'object' ? (item as Record<string, unknown>)[field] : item))
        : undefined,
  };
}

/** A comma-separated string or a list → list of `{ field }` objects (Cosmos `ip_range_filter` 3.x and 4.x). */
export function csvOrListToObjects(field: string): ValueConverter {
  const base = listToObjects(field);
  return {
    name: `csv/list → [{ ${field} }]`,
    toArm: (value) => {
      if (value.kind === 'literal' && typeof value.value === 'string') {
        const items = value.value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
          .map((part) => make.literal(part, value.span));
        return base.toArm(make.array(items, value.span, { origins: value.origins }));
      }
      return base.toArm(value);
    },
    toTerraform: base.toTerraform,
  };
}

/** `["AzureServices", "Logging"]` → `"AzureServices, Logging"` (storage network rule bypass). */
export const listToCsv: ValueConverter = {
  name: 'list → comma-separated string',
  toArm: (value) => {
    if (value.kind !== 'array' || value.openEnded) return value;
    const texts = value.items.map((item) => (item.kind === 'literal' ? item.value : undefined));
    if (texts.some((text) => typeof text !== 'string')) {
      return make.unknown('', 'has list items that are not known', value.span, { origins: value.origins });
    }
    return make.literal(texts.join(', '), value.span, value.origins);
  },
  toTerraform: (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
      : undefined,
};

/**
 * `identity_ids = [a.id, b.id]` → `userAssignedIdentities = { "<id>": {} }`. Ids known only at apply time
 * become properties named by their expression text, so rules still see how many identities are attached.
 */
export const identityIdsToObject: ValueConverter = {
  name: 'identity_ids → userAssignedIdentities',
  toArm: (value) => {
    if (value.kind !== 'array') return value;
    const properties: Property[] = value.items.map((item) => {
      const name = item.kind === 'literal' ? String(item.value) : item.kind === 'unknown' ? item.text : '';
      return make.property(name, item.span, make.object([], item.span), item.span);
    });
    return make.object(properties, value.span, { origins: value.origins, openEnded: value.openEnded });
  },
  toTerraform: (value) => (value && typeof value === 'object' ? Object.keys(value as object) : undefined),
};

/**
 * A Key Vault key id (`https://kv.vault.azure.net/keys/name/version`) → `{ keyVaultUri, keyName, keyVersion }`.
 * An id known only at apply time keeps its reference on `keyName`, so rules see that a key is configured.
 */
export const keyVaultKeyId: ValueConverter = {
  name: 'key_vault_key_id → keyVaultProperties',
  toArm: (value) => {
    if (value.kind === 'literal' && typeof value.value === 'string') {
      const match = /^(https:\/\/[^/]+\/?)keys\/([^/]+)(?:\/([^/]*))?/i.exec(value.value);
      if (match) {
        const parts: Property[] = [
          make.property('keyVaultUri', value.span, make.literal(match[1], value.span, value.origins)),
          make.property('keyName', value.span, make.literal(match[2], value.span, value.origins)),
        ];
        if (match[3])
          parts.push(make.property('keyVersion', value.span, make.literal(match[3], value.span, value.origins)));
        return make.object(parts, value.span, { origins: value.origins });
      }
    }
    // Unknown (or not an id): the key name stands for "a key from this expression".
    return make.object([make.property('keyName', value.span, value)], value.span, { origins: value.origins });
  },
  toTerraform: (value) => {
    if (!value || typeof value !== 'object') return undefined;
    const properties = value as Record<string, unknown>;
    const uri = String(properties.keyVaultUri ?? '').replace(/\/?$/, '/');
    return properties.keyName ? `${uri}keys/${String(properties.keyName)}` : undefined;
  },
};

/** `app_settings = { A = "x" }` → `appSettings = [{ name: "A", value: "x" }]` (App Service site config). */
export const mapToNameValueList: ValueConverter = {
  name: 'map → [{ name, value }]',
  toArm: (value) => {
    if (value.kind !== 'object') return value;
    const items = value.properties.map((property) =>
      make.object(
        [
          make.property('name', property.nameSpan, make.literal(property.name, property.nameSpan)),
          make.property('value', property.nameSpan, property.value),
        ],
        property.span,
      ),
    );
    return make.array(items, value.span, { origins: value.origins, openEnded: value.openEnded });
  },
  toTerraform: (value) =>
    Array.isArray(value)
      ? Object.fromEntries(
          value.map((item) => [
            String((item as Record<string, unknown>).name),
            (item as Record<string, unknown>).value,
          ]),
        )
      : undefined,
};

/** A value that becomes one named item of a list (`storage_account_access_key` → AzureWebJobsStorage setting). */
export function namedItem(name: string): ValueConverter {
  return {
    name: `value → { name: '${name}', value }`,
    toArm: (value) =>
      make.object(
        [make.property('name', value.span, make.literal(name, value.span)), make.property('value', value.span, value)],
        value.span,
      ),
  };
}

/** Joins known string parts with a separator; unknown when any part is unknown. */
export function joinValues(parts: readonly (Value | undefined)[], separator: string): Value | undefined {
  const present = parts.filter((part): part is Value => part !== undefined);
  if (present.length !== parts.length || present.length === 0) return undefined;
  const unknown = present.find((part) => !isKnown(part));
  if (unknown) return unknown;
  const texts = present.map((part) => (part.kind === 'literal' ? part.value : undefined));
  if (texts.some((text) => text === undefined || text === null)) return undefined;
  const span = { start: present[0].span.start, end: present[present.length - 1].span.end };
  return make.literal(texts.map(String).join(separator), span);
}

export function objectOf(value: Value | undefined): ObjectValue | undefined {
  return value?.kind === 'object' ? value : undefined;
}

export type { Literal };
