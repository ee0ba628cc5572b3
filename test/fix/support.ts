// Helpers for the edit unit tests: analyse in-memory files, build a fix against their resources, realise
// it and return the texts after the edits (only changed files), with the realised title.
import type { Fix, ParsedDocument, Resource } from '../../server/src/model';
import { applyTextEdits, realizeFix } from '../../server/src/edit';
import { analyze, type Analysis } from './harness';

export const BASE = 'file:///ws/';

export interface Workspace {
  readonly analysis: Analysis;
  resource(key: string): Resource;
  document(name: string): ParsedDocument;
}

export function workspace(files: Record<string, string>): Workspace {
  const analysis = analyze(Object.entries(files).map(([name, text]) => ({ uri: BASE + name, text })));
  return {
    analysis,
    resource(key) {
      for (const document of analysis.documents.values()) {
        const found = document.resources.find((r) => r.key === key);
        if (found) return found;
      }
      throw new Error(`no resource '${key}'`);
    },
    document(name) {
      const found = analysis.documents.get(BASE + name);
      if (!found) throw new Error(`no document '${name}'`);
      return found;
    },
  };
}

/** The changed files (by name) after realising the fix, or undefined when it is not offered. */
export function apply(
  files: Record<string, string>,
  build: (ws: Workspace) => Fix | undefined,
): { title: string; files: Record<string, string> } | undefined {
  const ws = workspace(files);
  const fix = build(ws);
  if (!fix) throw new Error('the builder returned no fix');
  const realized = realizeFix(fix, (uri) => ws.analysis.documents.get(uri), {
    uris: () => [...ws.analysis.documents.keys()],
    strict: true,
  });
  if (!realized) return undefined;
  const changed: Record<string, string> = {};
  for (const [uri, edits] of realized.edits) {
    const name = uri.slice(BASE.length);
    changed[name] = applyTextEdits(files[name], edits);
  }
  return { title: realized.title, files: changed };
}

/** Joins lines with '\n' (expected texts read better as arrays of lines). */
export function lines(...text: string[]): string {
  return text.join('\n');
}

/** A fix of set edits on one resource. */
export function setFix(resource: Resource, values: Record<string, unknown>, title = 'Fix it'): Fix {
  return {
    title,
    applicability: 'safe',
    edits: Object.entries(values).map(([path, value]) => ({ kind: 'set', resource, path, value: value as never })),
  };
}
