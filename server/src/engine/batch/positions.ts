// Positions after a batch scan: the jobs turned the offsets findings use into line/character while the texts
// were in memory. An offset they did not see (a related location in a file another job read) is answered
// from the file on disk, read again once and kept for the next few questions.
import { fileURLToPath } from 'node:url';
import { readCandidate } from '../discovery';
import { LineIndex, type Position } from '../../model/span';

export interface PositionSource {
  positionAt(offset: number): Position;
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
