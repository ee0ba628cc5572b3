// What the syntax writers share while one fix is turned into text: the documents, the resources the fix
// adds (so later edits can refer to them), notes for the fix title, and the per-document edit lists.
import type { ParsedDocument } from '../model/document';
import type { Resource } from '../model/resource';
import type { EditValue, Fix, ModelEdit } from '../model/rule';
import type { Patch } from './patch';
import type { TextEdit } from './text';

/** A resource an `addResource` edit of this fix creates. */
export interface NewResource {
  readonly uri: string;
  /** The symbol / local name it got (unique in its document). */
  readonly symbol: string;
  readonly type: string;
  readonly apiVersion: string;
  /** Its `name` as the fix gave it. */
  readonly name: EditValue | undefined;
  readonly near: Resource;
}

/** Thrown by renderers when a value cannot be written exactly in the target syntax: the fix is not offered. */
export class CannotWrite extends Error {}

export interface DocumentWriter {
  addParameter(edit: Extract<ModelEdit, { kind: 'addParameter' }>): void;
  addResource(edit: Extract<ModelEdit, { kind: 'addResource' }>): void;
  patchResource(resource: Resource, patch: Extract<Patch, { op: 'merge' }>): void;
  /** The edits so far (insertions at one offset already joined in order). */
  edits(): TextEdit[];
  /** Edits this writer makes in other files (a Terraform variable default in variables.tf). */
  otherEdits?(): Map<string, TextEdit[]>;
}

export class FixSession {
  readonly handles = new Map<string, NewResource>();
  readonly notes: string[] = [];

  constructor(
    readonly fix: Fix,
    readonly documents: (uri: string) => ParsedDocument | undefined,
  ) {}

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  handle(name: string): NewResource {
    const found = this.handles.get(name);
    if (!found) throw new CannotWrite(`unknown new resource '${name}'`);
    return found;
  }
}

/** Collects edits; zero-length insertions at the same offset are joined in the order they were made. */
export class EditList {
  private readonly list: TextEdit[] = [];

  replace(start: number, end: number, newText: string): void {
    this.list.push({ span: { start, end }, newText });
  }

  insert(at: number, newText: string): void {
    const previous = this.list.find((e) => e.span.start === at && e.span.end === at);
    if (previous) (previous as { newText: string }).newText += newText;
    else this.list.push({ span: { start: at, end: at }, newText });
  }

  add(edits: readonly TextEdit[]): void {
    for (const edit of edits) {
      if (edit.span.start === edit.span.end) this.insert(edit.span.start, edit.newText);
      else this.list.push({ span: edit.span, newText: edit.newText });
    }
  }

  all(): TextEdit[] {
    return [...this.list].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  }
}

/** camelCase → snake_case, for Terraform variable names derived from template parameter names. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]/g, '_')
    .toLowerCase();
}

/** `base`, or `base2`, `base3`… : the first not in `taken` (compared case-insensitively). */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base}${i}`.toLowerCase())) return `${base}${i}`;
}

/** Where a value came from, when another file supplied it: the first origin outside `uri`. */
export function foreignOrigin(
  value: { readonly origins?: readonly { uri: string; description: string }[] } | undefined,
  uri: string,
): { uri: string; description: string } | undefined {
  return value?.origins?.find((origin) => origin.uri !== uri);
}

export function baseName(uri: string): string {
  const path = uri.split(/[?#]/)[0];
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}
