// The backward direction of the mapping, for `edit/`: an ARM path and the value a fix wants there →
// the azurerm attribute to write, the HCL value, and the blocks (outermost first) to find or create.
import type { Literal } from '../value';
import type { AttributeMapping, BlockMapping, ResourceMapping } from './types';

export interface TerraformTarget {
  /** Block types from the resource body inward (`['network_acls']`); empty for a top-level attribute. */
  readonly blocks: readonly string[];
  /** Whether the innermost block is repeated (then `edit/` appends a new block rather than reusing one). */
  readonly repeatedBlock: boolean;
  /** Attribute to write (current 4.x name) and the names it may already be written under (3.x aliases). */
  readonly attribute: string;
  readonly aliases: readonly string[];
  /**
   * The value in Terraform terms (`disableLocalAuth: true` → `local_auth_enabled = false`); undefined when
   * the ARM value has no azurerm counterpart (the fix cannot be written in azurerm).
   */
  readonly value: unknown;
  /** Only a block needs to exist (`customer_managed_key {}` implies `keySource`): no attribute to write. */
  readonly blockOnly?: boolean;
  readonly mapping: AttributeMapping | BlockMapping;
  /** ForceNew attribute: the fix recreates the resource (unsafe per DESIGN §9). */
  readonly forceNew: boolean;
}

/**
 * Where an ARM path lives in azurerm terms. `armValue` is the value a fix sets (JSON); the answer carries
 * the HCL value through the attribute's transform. Undefined when the mapping has no attribute for it.
 */
export function reverseLookup(
  mapping: ResourceMapping,
  armPath: string,
  armValue?: unknown,
): TerraformTarget | undefined {
  const path = normalise(armPath);
  const own = findAttribute(mapping.attributes, path, '', armValue);
  if (own) return { ...own, blocks: [], repeatedBlock: false };
  for (const implied of mapping.implies ?? []) {
    if (normalise(implied.path) === path) return undefined; // fixed by the type itself, nothing to write
  }
  return findInBlocks(mapping.blocks, path, '', [], armValue);
}

function findInBlocks(
  blocks: readonly BlockMapping[],
  path: string,
  prefix: string,
  outer: readonly string[],
  armValue: unknown,
): TerraformTarget | undefined {
  for (const block of blocks) {
    for (const blockPath of [block.path, block.pathWhen?.path].filter((p): p is string => p !== undefined)) {
      const base = prefix + normalise(blockPath) + (block.repeated ? '[]' : '');
      if (!path.startsWith(base + '.') && path !== base) continue;
      const rest = path === base ? '' : path.slice(base.length + 1);
      const chain = [...outer, block.names[0]];
      for (const implied of block.implies ?? []) {
        if (normalise(implied.path) === rest) {
          return {
            blocks: chain,
            repeatedBlock: Boolean(block.repeated),
            attribute: '',
            aliases: [],
            value: undefined,
            blockOnly: true,
            mapping: block,
            forceNew: false,
          };
        }
      }
      const found = findAttribute(block.attributes, rest, '', armValue);
      if (found) return { ...found, blocks: chain, repeatedBlock: Boolean(block.repeated) };
      const nested = findInBlocks(block.blocks ?? [], rest, '', chain, armValue);
      if (nested) return nested;
    }
  }
  return undefined;
}

function findAttribute(
  attributes: readonly AttributeMapping[],
  path: string,
  prefix: string,
  armValue: unknown,
): Omit<TerraformTarget, 'blocks' | 'repeatedBlock'> | undefined {
  for (const attribute of attributes) {
    if (prefix + normalise(attribute.path) !== path) continue;
    let value: unknown = armValue;
    if (attribute.transform && armValue !== undefined) {
      value = isLiteral(armValue) && armValue !== null ? attribute.transform.toTerraform(armValue) : undefined;
    }
    if (attribute.convert && armValue !== undefined) value = attribute.convert.toTerraform?.(armValue);
    return {
      attribute: attribute.names[0],
      aliases: attribute.names,
      value,
      mapping: attribute,
      forceNew: Boolean(attribute.forceNew),
    };
  }
  return undefined;
}

function isLiteral(value: unknown): value is Literal {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Case-insensitive ARM paths; array indexes written `x.0` or `x[0]` compare as `x[]`. */
function normalise(path: string): string {
  return path
    .toLowerCase()
    .replace(/\.(\d+)(?=\.|$)/g, '[]')
    .replace(/\[\d+\]/g, '[]');
}
