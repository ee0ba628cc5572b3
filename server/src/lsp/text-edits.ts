// Model text edits (offset spans, contract 3 of server/src/edit) → LSP TextEdits and WorkspaceEdits, and the
// small text operations fix-all needs. Offsets are UTF-16 code units in both worlds, so only lines differ.
import type { TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Finding } from '../engine/finding';
import type { Fix, LineIndex, ParsedDocument, Span } from '../model';
import { toRange } from './diagnostics';

/** Same shape as `server/src/edit`'s TextEdit. */
export interface SpanEdit {
  readonly span: Span;
  readonly newText: string;
}

/**
 * The functions of server/src/edit the server uses (contract 3: `fixToTextEdits` is `realizeFix(...)?.edits`;
 * `realizeFix` also gives the title with notes such as "in the default of parameter 'x'").
 */
export interface EditFunctions {
  realizeFix(
    fix: Fix,
    documents: (uri: string) => ParsedDocument | undefined,
    /** `uris`: every file of the workspace, so a Terraform fix may edit a variable default that has one use. */
    options?: { readonly uris?: () => readonly string[] },
  ): { readonly title: string; readonly edits: Map<string, SpanEdit[]> } | undefined;
  suppressionEdit(document: ParsedDocument, finding: Finding): SpanEdit;
}

/** Every uri the session knows (the engine's `uris()` when it has one, else the uris of its documents). */
export function sessionUris(session: {
  documents(): readonly ParsedDocument[];
  uris?: () => readonly string[];
}): () => readonly string[] {
  return () => (typeof session.uris === 'function' ? session.uris() : session.documents().map((d) => d.uri));
}

export function toLspEdits(lines: LineIndex, edits: readonly SpanEdit[]): LspTextEdit[] {
  return edits.map((edit) => ({ range: toRange(lines, edit.span), newText: edit.newText }));
}

/**
 * A WorkspaceEdit from per-file span edits. Open documents get versioned `documentChanges` so a client
 * rejects the edit when the text moved on; files without lines (unknown to the session) make it undefined.
 */
export function toWorkspaceEdit(
  edits: ReadonlyMap<string, readonly SpanEdit[]>,
  linesOf: (uri: string) => LineIndex | undefined,
  versionOf: (uri: string) => number | undefined,
  supportsDocumentChanges: boolean,
): WorkspaceEdit | undefined {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const [uri, spanEdits] of edits) {
    if (spanEdits.length === 0) continue;
    const lines = linesOf(uri);
    if (!lines) return undefined;
    changes[uri] = toLspEdits(lines, spanEdits);
  }
  if (Object.keys(changes).length === 0) return undefined;
  if (!supportsDocumentChanges) return { changes };
  return {
    documentChanges: Object.entries(changes).map(([uri, textEdits]) => ({
      textDocument: { uri, version: versionOf(uri) ?? null },
      edits: textEdits,
    })),
  };
}

/** Applies non-overlapping span edits to a text; undefined when they overlap (a writer bug: skip the fix). */
export function applySpanEdits(text: string, edits: readonly SpanEdit[]): string | undefined {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let result = '';
  let position = 0;
  for (const edit of sorted) {
    if (edit.span.start < position || edit.span.end > text.length || edit.span.start > edit.span.end) return undefined;
    result += text.slice(position, edit.span.start) + edit.newText;
    position = edit.span.end;
  }
  return result + text.slice(position);
}

/** The smallest single edit turning `before` into `after` (common prefix and suffix kept, cursors stay put). */
export function minimalEdit(before: string, after: string): SpanEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never cut a surrogate pair or a CRLF in two: positions inside them confuse clients.
  if (start > 0 && splitsPair(before, start)) start--;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  while (endBefore < before.length && endBefore > start && splitsPair(before, endBefore)) {
    endBefore++;
    endAfter++;
  }
  return { span: { start, end: endBefore }, newText: after.slice(start, endAfter) };
}

function splitsPair(text: string, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  const next = text.charCodeAt(offset);
  return (
    (previous >= 0xd800 && previous <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) || (previous === 13 && next === 10)
  );
}
