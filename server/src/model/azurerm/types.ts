// The shape of the azurerm → ARM mapping table. One entry per azurerm resource type says which ARM type it
// deploys and where each attribute and block lands in the ARM body, with value transforms that work in both
// directions: the Terraform front end reads HCL into ARM terms (`toArm`), and `edit/` turns an ARM-level fix
// (path + secure value) back into an azurerm attribute and HCL value (`toTerraform`, see `reverse.ts`).
import type { Literal, Value } from '../value';

/** A literal-to-literal conversion in both directions (undefined: the value has no counterpart). */
export interface ValueTransform {
  /** For docs and tests: 'invert', "bool ↔ 'Enabled'/'Disabled'". */
  readonly name: string;
  toArm(value: Literal): Literal | undefined;
  toTerraform(value: Literal): Literal | undefined;
}

/**
 * A structural conversion of a whole value (lists of ids → `userAssignedIdentities` object, ip lists →
 * `[{ value }]`, a Key Vault key id → `keyVaultProperties`). `toTerraform` is optional: without it the
 * attribute is read-only for `edit/`.
 */
export interface ValueConverter {
  readonly name: string;
  toArm(value: Value): Value;
  toTerraform?(value: unknown): unknown;
}

export interface AttributeMapping {
  /** Accepted attribute names; the first is the current (azurerm 4.x) name, the others older spellings. */
  readonly names: readonly string[];
  /**
   * ARM path relative to the enclosing object (the resource body, or the object a block maps to). A segment
   * `x[]` appends a new item to the array `x`; `x[0]` addresses its first item (created when absent).
   */
  readonly path: string;
  readonly transform?: ValueTransform;
  readonly convert?: ValueConverter;
  /** The azurerm provider's default when the attribute is absent (Terraform terms). */
  readonly providerDefault?: Literal;
  /**
   * Set when the provider default differs from the ARM service default for an absent property: the front end
   * then writes the provider default into the ARM body (rules see what really gets deployed).
   */
  readonly materializeDefault?: boolean;
  /** Changing the attribute recreates the resource (ForceNew): fixes that set it are unsafe (DESIGN §9). */
  readonly forceNew?: boolean;
  /** Only in some provider versions: for messages and docs ('3.x', '4.x'). */
  readonly since?: string;
}

export interface ImpliedValue {
  readonly path: string;
  readonly value: Literal;
}

export interface BlockMapping {
  /** Block type names; the first is the current one, the others older spellings (`enabled_log` / `log`). */
  readonly names: readonly string[];
  /** ARM path of the object the block maps to; with `repeated`, the array each block appends an item to. */
  readonly path: string;
  /** Each block instance is one item of the array at `path` (`ip_rule`, `enabled_log`, `storage`). */
  readonly repeated?: boolean;
  /** When this attribute of the block has this value, the block lands at `path` instead (manual PE connections). */
  readonly pathWhen?: { readonly attribute: string; readonly value: Literal; readonly path: string };
  readonly attributes: readonly AttributeMapping[];
  readonly blocks?: readonly BlockMapping[];
  /** ARM values the block's presence implies (`customer_managed_key {}` ⇒ `encryption.keySource`). */
  readonly implies?: readonly ImpliedValue[];
}

export interface ResourceMapping {
  /** The azurerm resource type, e.g. `azurerm_cognitive_account`. */
  readonly sourceType: string;
  /** The ARM type it deploys. */
  readonly armType: string;
  /** ARM `kind` the type implies (`azurerm_linux_function_app` ⇒ 'functionapp,linux'). */
  readonly kind?: string;
  readonly attributes: readonly AttributeMapping[];
  readonly blocks: readonly BlockMapping[];
  /** ARM values every instance has (`computeType: 'AmlCompute'`). */
  readonly implies?: readonly ImpliedValue[];
  /** Attribute holding the resource an extension resource applies to (`target_resource_id`, `scope`). */
  readonly scopeAttribute?: string;
  /** Attribute holding the parent resource of a child type (`cognitive_account_id`). */
  readonly parentAttribute?: string;
  /**
   * A resource that only configures another one (`azurerm_storage_account_network_rules`,
   * `azurerm_cognitive_account_customer_managed_key`): its ARM values merge into the resource that this
   * attribute references, and it is not a resource of its own.
   */
  readonly patchTargetAttribute?: string;
  /** Whether `name`, `location` and `tags` map to the ARM top level (default true). */
  readonly commonAttributes?: boolean;
  /**
   * Values computed from several attributes (`account_tier` + `account_replication_type` ⇒ `sku.name`).
   * `read(name)` gives an attribute's evaluated value; the result lands at `path`. Read-only for `edit/`.
   */
  readonly derived?: readonly DerivedValue[];
}

export interface DerivedValue {
  readonly path: string;
  /** Attributes it reads (so the reverse direction can tell `edit/` which attributes feed the path). */
  readonly from: readonly string[];
  compute(read: (name: string) => Value | undefined): Value | undefined;
}
