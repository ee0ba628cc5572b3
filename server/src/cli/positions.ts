// Line/column and relative-path helpers shared by the formatters (1-based, as users and SARIF count).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PositionsOf } from '../engine/batch/positions';
import { LineIndex, type Span } from '../model/span';

export interface Region {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const fallbackLines = new Map<string, LineIndex>();

export function regionOf(uri: string, span: Span, positions: PositionsOf): Region {
  const lines = positions(uri) ?? fallbackIndex(uri);
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(Math.max(span.end, span.start));
  return {
    startLine: start.line + 1,
    startColumn: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
  };
}

/** For uris outside the scan (a config file): no text known, offsets count as line 1. */
function fallbackIndex(uri: string): LineIndex {
  let index = fallbackLines.get(uri);
  if (!index) {
    index = new LineIndex('');
    fallbackLines.set(uri, index);
  }
  return index;
}

export function uriToPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

/** `path` relative to `root` with forward slashes (as SARIF and JSON output give it). */
export function relativePath(root: string, file: string): string {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return relative === '' ? path.basename(file) : relative;
}

/**
 * `relativePath(root, uriToPath(uri))`, each uri worked out once: a report names the same few thousand files
 * in tens of thousands of findings.
 */
export function relativePathsOf(root: string): (uri: string) => string {
  const known = new Map<string, string>();
  return (uri) => {
    let relative = known.get(uri);
    if (relative === undefined) known.set(uri, (relative = relativePath(root, uriToPath(uri))));
    return relative;
  };
}
