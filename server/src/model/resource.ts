// One Azure resource as declared in Bicep, ARM or Terraform, in ARM terms: an ARM type, an ARM-shaped body
// (name, location, kind, sku, identity, properties, …) and source positions. Rules read only this.
import type { Language } from './document';
import type { Span } from './span';
import { getPath, type ObjectValue, type Value } from './value';

/** A resource's key across the workspace: its file and its key there (keys are unique within a document). */
export function workspaceKeyOf(uri: string, key: string): string {
  return `${uri}#${key}`;
}

export interface ResourceInit {
  /** Unique within its document: Bicep symbolic name (`parent::child` when nested), Terraform address
   *  (`azurerm_cognitive_account.main`), ARM symbolic name or `type/name` text. */
  readonly key: string;
  /** Full ARM type, e.g. `Microsoft.CognitiveServices/accounts/deployments`. */
  readonly type: string;
  readonly apiVersion?: string;
  readonly uri: string;
  readonly language: Language;
  /** The whole declaration. */
  readonly span: Span;
  /** Where to report a finding about an absent property: the declaration's first line / type token. */
  readonly headerSpan: Span;
  /** ARM-shaped body: `{ name, location, kind, sku, identity, properties, tags, … }`. */
  readonly body: ObjectValue;
  /** Bicep `existing`, Terraform `data`: a reference to a resource deployed elsewhere, never linted. */
  readonly existing?: boolean;
  /** Key of the parent resource when declared nested or with `parent:` (same document). */
  readonly parentKey?: string;
  /** Extension resources (diagnostic settings, role assignments, locks): the resource they apply to. */
  readonly scope?: Value;
  /** Deployed only when this holds (Bicep `if`, ARM `condition`, Terraform `count = cond ? 1 : 0`). */
  readonly condition?: Value;
  /** Declared in a loop (`[for …]`, `copy`, `count`/`for_each`). */
  readonly inLoop?: boolean;
  /** Terraform only: the provider resource type the declaration used (`azurerm_cognitive_account`,
   *  `azapi_resource`), so messages and fixes can speak the user's language. */
  readonly sourceType?: string;
  /** Front-end handle that only `edit/` may use (syntax nodes, attribute maps). Opaque to rules. */
  readonly syntax?: unknown;
}

export class Resource implements ResourceInit {
  readonly key!: string;
  readonly type!: string;
  readonly apiVersion?: string;
  readonly uri!: string;
  readonly language!: Language;
  readonly span!: Span;
  readonly headerSpan!: Span;
  readonly body!: ObjectValue;
  readonly existing?: boolean;
  readonly parentKey?: string;
  readonly scope?: Value;
  readonly condition?: Value;
  readonly inLoop?: boolean;
  readonly sourceType?: string;
  readonly syntax?: unknown;

  constructor(init: ResourceInit) {
    Object.assign(this, init);
  }

  /** The value at an ARM property path ('properties.disableLocalAuth'); undefined when absent. */
  get(path: string | readonly string[]): Value | undefined {
    return getPath(this.body, path);
  }

  /** Type comparison is case-insensitive, as in ARM. */
  isType(type: string): boolean {
    return this.type.toLowerCase() === type.toLowerCase();
  }

  /** A short name for messages: the literal name when known, else the key. */
  get displayName(): string {
    const name = this.get('name');
    return name?.kind === 'literal' && typeof name.value === 'string' ? name.value : this.key;
  }
}
