// The property edits of one fix on one resource, merged into a tree keyed by path segment, so that two edits
// under a missing parent (`properties.a` and `properties.b` when `properties` is absent) create the parent
// once with both members instead of two conflicting insertions.
import type { EditValue, ModelEdit } from '../model/rule';
import type { Resource } from '../model/resource';

export type Patch =
  | { readonly op: 'set'; readonly value: EditValue }
  | { readonly op: 'remove' }
  | { readonly op: 'append'; readonly values: EditValue[] }
  | { readonly op: 'merge'; readonly children: Map<string, PatchMember> };

export interface PatchMember {
  /** The segment as the fix wrote it (casing of newly written keys). */
  readonly name: string;
  patch: Patch;
}

export type PropertyEdit = Extract<ModelEdit, { kind: 'set' | 'remove' | 'append' }>;

/** Merges the property edits of one resource; undefined when two edits contradict each other. */
export function buildPatch(edits: readonly PropertyEdit[]): Extract<Patch, { op: 'merge' }> | undefined {
  const root: Extract<Patch, { op: 'merge' }> = { op: 'merge', children: new Map() };
  for (const edit of edits) {
    const segments = edit.path.split('.').filter((s) => s !== '');
    if (segments.length === 0) return undefined;
    let node = root;
    for (let i = 0; i < segments.length - 1; i++) {
      const key = segments[i].toLowerCase();
      let member = node.children.get(key);
      if (!member) {
        member = { name: segments[i], patch: { op: 'merge', children: new Map() } };
        node.children.set(key, member);
      }
      if (member.patch.op !== 'merge') return undefined;
      node = member.patch;
    }
    const last = segments[segments.length - 1];
    const key = last.toLowerCase();
    const existing = node.children.get(key);
    const leaf: Patch =
      edit.kind === 'set'
        ? { op: 'set', value: edit.value }
        : edit.kind === 'remove'
          ? { op: 'remove' }
          : { op: 'append', values: [edit.value] };
    if (!existing) node.children.set(key, { name: last, patch: leaf });
    else if (existing.patch.op === 'append' && leaf.op === 'append') existing.patch.values.push(...leaf.values);
    else return undefined;
  }
  return root;
}

/** The value a missing member gets when written from scratch: sets as is, appends as arrays, merges as objects. */
export function patchAsValue(patch: Patch): EditValue | undefined {
  switch (patch.op) {
    case 'set':
      return patch.value;
    case 'remove':
      return undefined;
    case 'append':
      return patch.values;
    case 'merge': {
      const result: Record<string, EditValue> = {};
      for (const member of patch.children.values()) {
        const value = patchAsValue(member.patch);
        if (value !== undefined) result[member.name] = value;
      }
      return result;
    }
  }
}

/** Groups the property edits of a fix by resource, in first-seen order. */
export function groupByResource(edits: readonly ModelEdit[]): Map<Resource, PropertyEdit[]> {
  const groups = new Map<Resource, PropertyEdit[]>();
  for (const edit of edits) {
    if (edit.kind !== 'set' && edit.kind !== 'remove' && edit.kind !== 'append') continue;
    const list = groups.get(edit.resource) ?? [];
    list.push(edit);
    groups.set(edit.resource, list);
  }
  return groups;
}

export function isExpression(value: EditValue): value is Extract<EditValue, { $expr: string }> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '$expr' in value;
}

export function isNewHandle(value: unknown): value is { readonly $new: string } {
  return typeof value === 'object' && value !== null && '$new' in value;
}
