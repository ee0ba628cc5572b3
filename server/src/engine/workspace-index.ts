// The cross-file view rules see (WorkspaceView): every resource of the workspace, references resolved by
// key (Bicep symbolic names, Terraform addresses, ARM symbolic names), by ARM type + name (resourceId(),
// ids written as strings) and the reverse map of referrers, built once per analysis.
//
// Two choices make an answer depend only on the documents it involves, so a batch scan can check parts of a
// workspace apart (coupling.ts) and get the same findings as a check of the whole: documents are indexed
// in uri order ("the first deployed resource of that name" is the same in any index holding it), and a
// name written as an expression (`parameters('name')`, `var.name`) only matches in its own document (or
// Terraform module): parameters of two templates are not the same value because they are spelled alike.
import type { ParsedDocument } from '../model/document';
import type { Referrer, WorkspaceView } from '../model/rule';
import { workspaceKeyOf, type Resource } from '../model/resource';
import { forEachValue, type ResourceReference, type Value } from '../model/value';
import { sameScope } from '../model/scope';
import { isDeployed } from './deployed';

export class WorkspaceIndex implements WorkspaceView {
  private readonly all: readonly Resource[];
  private readonly deployed: readonly Resource[];
  private readonly byKey = new Map<string, Resource>();
  private readonly byTypeAndName = new Map<string, Resource[]>();
  private readonly byType = new Map<string, Resource[]>();
  private reverse: Map<Resource, Referrer[]> | undefined;
  /** Answers of `resolve` by reference object and asking document (the preference depends on it). */
  private readonly resolved = new WeakMap<ResourceReference, Map<string, Resource | undefined>>();

  constructor(documents: readonly ParsedDocument[]) {
    this.all = [...documents].sort((a, b) => compareUris(a.uri, b.uri)).flatMap((d) => d.resources);
    this.deployed = this.all.filter(isDeployed);
    for (const resource of this.all) this.byKey.set(workspaceKeyOf(resource.uri, resource.key), resource);
    for (const resource of this.all) {
      for (const name of namesOf(resource, this.byKey)) {
        const entry = `${resource.type.toLowerCase()}|${name}`;
        const list = this.byTypeAndName.get(entry) ?? [];
        list.push(resource);
        this.byTypeAndName.set(entry, list);
      }
    }
    for (const resource of this.deployed) {
      const type = resource.type.toLowerCase();
      const list = this.byType.get(type) ?? [];
      list.push(resource);
      this.byType.set(type, list);
    }
  }

  resources(type?: string): readonly Resource[] {
    return type === undefined ? this.deployed : (this.byType.get(type.toLowerCase()) ?? []);
  }

  resolve(reference: ResourceReference, from: Resource): Resource | undefined {
    // Rules looking for related resources (private endpoints, diagnostic settings) ask about the same
    // references once per candidate target: remember the answers (the index never changes).
    let byUri = this.resolved.get(reference);
    if (!byUri) this.resolved.set(reference, (byUri = new Map()));
    if (byUri.has(from.uri)) return byUri.get(from.uri);
    const found = this.lookup(reference, from);
    byUri.set(from.uri, found);
    return found;
  }

  private lookup(reference: ResourceReference, from: Resource): Resource | undefined {
    if (reference.key !== undefined) {
      return this.byKey.get(workspaceKeyOf(reference.uri ?? from.uri, reference.key));
    }
    if (reference.type !== undefined && reference.name !== undefined) {
      const name = nameKey(reference.name);
      if (name === undefined) return undefined;
      let found = this.byTypeAndName.get(`${reference.type.toLowerCase()}|${name}`) ?? [];
      if (isExpressionName(name)) found = found.filter((r) => sameScope(r.uri, from.uri));
      // Prefer a deployed resource over an `existing` declaration (or one behind a false condition) of the
      // same name, and the same document.
      return found.find((r) => isDeployed(r) && r.uri === from.uri) ?? found.find(isDeployed) ?? found[0];
    }
    return undefined;
  }

  referrers(target: Resource, type?: string): readonly Referrer[] {
    this.reverse ??= this.buildReverse();
    const all = this.reverse.get(target) ?? [];
    return type === undefined ? all : all.filter((r) => r.resource.isType(type));
  }

  /** Documents whose resources refer to a resource of `uri`, or that a resource of `uri` refers to. */
  relatedDocuments(uri: string): Set<string> {
    this.reverse ??= this.buildReverse();
    const related = new Set<string>();
    for (const [target, referrers] of this.reverse) {
      for (const referrer of referrers) {
        if (target.uri === uri) related.add(referrer.resource.uri);
        if (referrer.resource.uri === uri) related.add(target.uri);
      }
    }
    return related;
  }

  private buildReverse(): Map<Resource, Referrer[]> {
    const reverse = new Map<Resource, Referrer[]>();
    for (const candidate of this.deployed) {
      const note = noteReferrer.bind(undefined, { index: this, candidate, seen: new Set<string>(), reverse });
      forEachValue(candidate.scope, note);
      forEachValue(candidate.body, note);
    }
    return reverse;
  }
}

interface ReferrerWalk {
  readonly index: WorkspaceIndex;
  /** The resource whose values are walked. */
  readonly candidate: Resource;
  /** `path|uri|key` of the references noted so far. */
  readonly seen: Set<string>;
  readonly reverse: Map<Resource, Referrer[]>;
}

/**
 * Notes `candidate` as a referrer of what `value` refers to. A module function bound to the walk, not a
 * closure made for each candidate: V8 holds a closure's optimized code only weakly, and the scan worker
 * compiled a per-candidate closure here ~20 times on 10,000 files.
 */
function noteReferrer({ index, candidate, seen, reverse }: ReferrerWalk, value: Value, at: () => string): void {
  if (value.kind !== 'unknown' || !value.reference) return;
  const target = index.resolve(value.reference, candidate);
  if (!target || target === candidate) return;
  const path = at();
  const mark = `${path}|${target.uri}|${target.key}`;
  if (!seen.has(mark)) {
    seen.add(mark);
    const list = reverse.get(target) ?? [];
    list.push({ resource: candidate, path, attribute: value.reference.attribute });
    reverse.set(target, list);
  }
}

const EXPRESSION = 'expr:';

/** Uri order (code units, not locale): the same in every index and wherever else uris are ordered. */
export function compareUris(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a name key (see nameKey) is an expression's text rather than a literal name. */
export function isExpressionName(name: string): boolean {
  return name.startsWith(EXPRESSION);
}

/**
 * Comparable forms of a name value: a literal lower-cased, or an expression's text without ARM brackets
 * and blanks (`[parameters('n')]` and `parameters('n')` are the same name).
 */
export function nameKey(value: Value): string | undefined {
  if (value.kind === 'literal') return value.value === null ? undefined : String(value.value).toLowerCase();
  if (value.kind === 'unknown') {
    const text = value.text
      .trim()
      .replace(/^\[(.*)\]$/s, '$1')
      .replace(/\s+/g, '')
      .toLowerCase();
    return text ? `${EXPRESSION}${text}` : undefined;
  }
  return undefined;
}

/** The names a resource answers to: its own name and, for children, `parent/child` composed from parents. */
export function namesOf(resource: Resource, keyed: ReadonlyMap<string, Resource>): string[] {
  const own = resource.get('name');
  const names: string[] = [];
  const key = own && nameKey(own);
  if (key === undefined) return names;
  names.push(key);
  if (own?.kind === 'literal' && resource.parentKey && !key.includes('/')) {
    const chain: string[] = [key];
    let parent = keyed.get(workspaceKeyOf(resource.uri, resource.parentKey));
    for (let depth = 0; parent && depth < 16; depth++) {
      const name = parent.get('name');
      if (name?.kind !== 'literal') return names;
      chain.unshift(String(name.value).toLowerCase());
      parent = parent.parentKey ? keyed.get(workspaceKeyOf(parent.uri, parent.parentKey)) : undefined;
    }
    names.push(chain.join('/'));
  }
  return names;
}
