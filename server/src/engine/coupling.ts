// Which units of a workspace must be checked together. A batch scan checks each unit on its own first; the
// findings of a unit are final unless another unit can change an answer its rules get from the workspace
// index: a reference that resolves into another unit (by key in another document, or by a literal name
// another unit declares), or a related resource (endpoint, diagnostic setting, role assignment) naming
// another unit's resource by a literal id. Names written as expressions and unknown targets never reach
// outside their own template (see model/scope.ts), so a unit's summary lists only literal names and uris.
// Units whose summaries meet are joined, and each group of more than one unit is checked again as a whole.
//
// Two things keep groups small without changing an answer: only deployed resources are offered (rules judge
// deployed resources; a reference that finds only `existing` declarations gets the same type and name
// whichever declaration it finds), and only resources of types whose identity or settings rules read
// across files are offered: the types rules check, plus the related types they look up (endpoints,
// diagnostic settings, identities, keys). A private DNS zone or a built-in role definition named in a
// hundred templates does not join them.
import { allRules } from '../../../rules';
import type { ParsedDocument } from '../model/document';
import { lastSegment, parseId } from '../model/checks';
import { workspaceKeyOf, type Resource } from '../model/resource';
import { forEachValue, type Value } from '../model/value';
import { isDeployed } from './deployed';
import { isExpressionName, namesOf } from './workspace-index';

/** Types whose resources rules read across files (lower-cased). */
const COUPLING_TYPES: ReadonlySet<string> = new Set([
  ...allRules.flatMap((rule) => rule.meta.resourceTypes.map((type) => type.toLowerCase())),
  'microsoft.network/privateendpoints',
  'microsoft.insights/diagnosticsettings',
  'microsoft.managedidentity/userassignedidentities',
  'microsoft.keyvault/vaults/keys',
]);

export interface UnitSummary {
  /** `type|name` keys the unit's resources answer to (literal names: full, composed and last segment). */
  readonly offers: readonly string[];
  /** `type|name` keys its values look for elsewhere: references by literal name, literal resource ids. */
  readonly wants: readonly string[];
  /** Documents outside the unit that its references name by uri. */
  readonly wantsUris: readonly string[];
}

/** The summary of one unit's documents (`uris`: the unit's files). */
export function summariseUnit(uris: ReadonlySet<string>, documents: readonly ParsedDocument[]): UnitSummary {
  const offers = new Set<string>();
  const wants = new Set<string>();
  const wantsUris = new Set<string>();
  const keyed = new Map<string, Resource>();
  for (const document of documents) for (const r of document.resources) keyed.set(workspaceKeyOf(r.uri, r.key), r);
  const want = collectWants.bind(undefined, { uris, wants, wantsUris });

  for (const document of documents) {
    for (const resource of document.resources) {
      const type = resource.type.toLowerCase();
      // A child named 'parent/child' is found by rules through its parent's type and name.
      const parent = parentOf(type, resource.get('name'));
      if (parent) wants.add(parent);
      if (!COUPLING_TYPES.has(type)) continue;
      for (const name of namesOf(resource, keyed)) {
        if (isExpressionName(name)) continue;
        if (isDeployed(resource)) {
          offers.add(`${type}|${name}`);
          offers.add(`${type}|${lastSegment(name)}`);
        }
        // An `existing` declaration stands for a resource deployed elsewhere, perhaps in another unit.
        if (resource.existing) wants.add(`${type}|${lastSegment(name)}`);
      }
    }
    for (const resource of document.resources) {
      forEachValue(resource.scope, want);
      forEachValue(resource.body, want);
    }
    for (const output of document.outputs ?? []) forEachValue(output.value, want);
    for (const parameter of document.parameters ?? []) forEachValue(parameter.defaultValue, want);
  }
  return { offers: [...offers], wants: [...wants], wantsUris: [...wantsUris] };
}

interface Wanted {
  readonly uris: ReadonlySet<string>;
  readonly wants: Set<string>;
  readonly wantsUris: Set<string>;
}

/**
 * What one value of a unit looks for elsewhere (see UnitSummary). A module function bound to the sets, not a
 * closure made for each document: V8 holds a closure's optimized code only weakly, and the scan worker
 * compiled a per-document closure here ~25 times on 10,000 files.
 */
function collectWants({ uris, wants, wantsUris }: Wanted, value: Value): void {
  if (value.kind === 'literal') {
    if (typeof value.value === 'string' && value.value.includes('/')) {
      const id = parseId(value.value);
      if (id && id.names.length > 0) wants.add(`${id.idType.toLowerCase()}|${lastSegment(id.names.at(-1)!)}`);
    }
  } else if (value.kind === 'unknown') {
    const reference = value.reference;
    if (reference?.uri !== undefined && !uris.has(reference.uri)) wantsUris.add(reference.uri);
    if (reference?.type !== undefined && reference.name?.kind === 'literal' && reference.name.value !== null) {
      const name = String(reference.name.value).toLowerCase();
      wants.add(`${reference.type.toLowerCase()}|${name}`);
      wants.add(`${reference.type.toLowerCase()}|${lastSegment(name)}`);
    }
  }
}

/** `parentType|parentName` for a child resource whose whole name is a literal `parent/child`. */
function parentOf(type: string, name: Value | undefined): string | undefined {
  if (name?.kind !== 'literal' || typeof name.value !== 'string') return undefined;
  const names = name.value.toLowerCase().split('/');
  const types = type.split('/');
  if (names.length < 2 || types.length < 3) return undefined;
  return `${types.slice(0, -1).join('/')}|${names.slice(0, -1).join('/')}`;
}

/**
 * Groups of units that must be checked together (only groups of two or more): units joined when one wants
 * what another offers or names one of its files. `unitOfUri` maps a file uri to its unit id.
 */
export function coupledGroups(
  summaries: ReadonlyMap<string, UnitSummary>,
  unitOfUri: (uri: string) => string | undefined,
): string[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps later finds short.
    for (let at = id; at !== root;) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const id of summaries.keys()) parent.set(id, id);

  const offeredBy = new Map<string, string[]>();
  for (const [id, summary] of summaries) {
    for (const key of summary.offers) {
      const list = offeredBy.get(key);
      if (!list) offeredBy.set(key, [id]);
      else if (list.at(-1) !== id) list.push(id);
    }
  }
  for (const [id, summary] of summaries) {
    for (const key of summary.wants) for (const other of offeredBy.get(key) ?? []) if (other !== id) union(id, other);
    for (const uri of summary.wantsUris) {
      const other = unitOfUri(uri);
      if (other !== undefined && other !== id && summaries.has(other)) union(id, other);
    }
  }
  const groups = new Map<string, string[]>();
  for (const id of summaries.keys()) {
    const root = find(id);
    const group = groups.get(root);
    if (group) group.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()].filter((group) => group.length > 1).map((group) => group.sort());
}
