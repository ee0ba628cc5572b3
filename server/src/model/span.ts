// Source positions. The model stores half-open UTF-16 offsets ([start, end)) into the text of one
// document; line/character positions are computed at the edges (LSP, SARIF, text output) from a
// LineIndex, so parsers never have to track lines themselves.

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A span in a named document: used wherever a value or finding may point into another file. */
export interface Location {
  readonly uri: string;
  readonly span: Span;
}

export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 column. */
  readonly character: number;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

export function spanContains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * Maps offsets to line/character positions and back. The line starts are found on first use, in O(n): a
 * batch scan asks positions only of files with something to report, and most files of a workspace have
 * nothing. They are kept in an Int32Array of exact size: nothing for the garbage collector to trace.
 */
export class LineIndex {
  private starts: Int32Array | undefined;

  constructor(readonly text: string) {}

  private get lineStarts(): Int32Array {
    return (this.starts ??= lineStartsOf(this.text));
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    // The starts read once, not through the getter at every step: measured in a scan's worker, where this
    // runs too rarely to be optimized, a search through the getter cost up to 20 µs on a large template.
    const starts = this.lineStarts;
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - starts[low] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts;
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line];
    const nextLineStart = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return Math.min(lineStart + Math.max(0, position.character), nextLineStart);
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }
}

function lineStartsOf(text: string): Int32Array {
  // One pass into a buffer that grows, then one copy at the exact size (the buffer is garbage at once).
  let starts = new Int32Array(Math.max(16, (text.length >> 5) + 1));
  let count = 1;
  const add = (start: number): void => {
    if (count === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = start;
  };
  if (text.indexOf('\r') < 0) {
    // LF only (most files): indexOf finds the next line break far faster than a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) add(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        add(i + 1);
      } else if (c === 10 /* \n */) {
        add(i + 1);
      }
    }
  }
  return starts.slice(0, count);
}
