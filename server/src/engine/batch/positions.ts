// Positions after a batch scan: the jobs turned the offsets findings use into line/character while the texts
// were in memory. An offset they did not see (a related location in a file another job read) is answered
// from the file on disk, read again once and kept for the next few questions.
import { fileURLToPath } from 'node:url';
import { readCandidate } from '../discovery';
import type { Finding } from '../finding';
import { LineIndex, type Position, type Span } from '../../model/span';

export interface PositionSource {
  positionAt(offset: number): Position;
}

/**
 * The positions of any uri (a finding's related locations may point into other files): a document's
 * LineIndex, or what a batch scan kept. The CLI's formatters and the language server both ask through it.
 */
export type PositionsOf = (uri: string) => PositionSource | undefined;

/** Offsets a report will ask positions of, by uri, gathered before the texts go. */
export class OffsetsInUse {
  private readonly offsets = new Map<string, Set<number>>();

  span(uri: string, span: Span): void {
    const set = this.offsets.get(uri) ?? this.offsets.set(uri, new Set()).get(uri)!;
    set.add(span.start);
    set.add(Math.max(span.end, span.start));
  }

  /** A finding's own span, related locations, suppression comment and fix edits (when written). */
  finding(finding: Finding): void {
    this.span(finding.uri, finding.span);
    for (const related of finding.related) this.span(related.uri, related.span);
    if (finding.suppression) this.span(finding.suppression.uri, finding.suppression.span);
    for (const fix of finding.fixes) {
      for (const [uri, edits] of fix.textEdits ?? []) for (const edit of edits) this.span(uri, edit.span);
    }
  }

  /** Their positions, for the files whose lines are still known. */
  positions(linesOf: (uri: string) => LineIndex | undefined): Map<string, Map<number, Position>> {
    const positions = new Map<string, Map<number, Position>>();
    for (const [uri, wanted] of this.offsets) {
      const lines = linesOf(uri);
      if (!lines || lines.text === '') continue;
      const at = new Map<number, Position>();
      for (const offset of wanted) at.set(offset, lines.positionAt(offset));
      positions.set(uri, at);
    }
    return positions;
  }
}

/** How many files read again from disk stay indexed (formatters visit findings file by file). */
const REREAD_FILES = 8;

export class PositionTables {
  private readonly tables = new Map<string, Map<number, Position>>();
  private readonly reread = new Map<string, LineIndex>();

  add(tables: ReadonlyMap<string, ReadonlyMap<number, Position>>): void {
    for (const [uri, table] of tables) {
      const known = this.tables.get(uri) ?? this.tables.set(uri, new Map()).get(uri)!;
      for (const [offset, position] of table) known.set(offset, position);
    }
  }

  of(uri: string): PositionSource {
    return { positionAt: (offset) => this.tables.get(uri)?.get(offset) ?? this.fromDisk(uri).positionAt(offset) };
  }

  private fromDisk(uri: string): LineIndex {
    let lines = this.reread.get(uri);
    if (lines) return lines;
    let text = '';
    try {
      text = uri.startsWith('file:') ? (readCandidate(fileURLToPath(uri)).text ?? '') : '';
    } catch {
      text = '';
    }
    lines = new LineIndex(text);
    if (this.reread.size >= REREAD_FILES) this.reread.delete(this.reread.keys().next().value!);
    this.reread.set(uri, lines);
    return lines;
  }
}
