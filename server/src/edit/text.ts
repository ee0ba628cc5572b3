// Text-level helpers shared by the syntax writers: the TextEdit type, applying edits, and the house style of
// a file (indent unit, line ending) so that inserted code looks as if the file's author wrote it.
import type { Span } from '../model/span';

/** Replace `span` of the document's text with `newText` (an insertion when the span is empty). */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** Applies non-overlapping edits (any order) to a text. Throws on overlapping edits: that is a writer bug. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let result = '';
  let position = 0;
  for (const edit of sorted) {
    if (edit.span.start < position) throw new Error('overlapping text edits');
    result += text.slice(position, edit.span.start) + edit.newText;
    position = edit.span.end;
  }
  return result + text.slice(position);
}

export interface FileStyle {
  /** One level of indentation: '\t', '  ', '    '. */
  readonly indent: string;
  readonly eol: '\n' | '\r\n';
}

/**
 * The file's indentation unit and line ending. Indentation: tabs when most indented lines start with a tab;
 * otherwise the most common increase of leading spaces from one line to the next (ties: the smaller).
 */
export function detectStyle(text: string, fallbackIndent = '  '): FileStyle {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const eol = crlf > lf ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  let tabs = 0;
  let spaced = 0;
  const steps = new Map<number, number>();
  let previous = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const leading = /^[ \t]*/.exec(line)![0];
    if (leading.startsWith('\t')) tabs++;
    else if (leading.length > 0) spaced++;
    if (!leading.includes('\t')) {
      const step = leading.length - previous;
      if (step > 0 && step <= 8) steps.set(step, (steps.get(step) ?? 0) + 1);
      previous = leading.length;
    }
  }
  if (tabs > spaced) return { indent: '\t', eol };
  let best = 0;
  let bestCount = 0;
  for (const [step, count] of [...steps].sort((a, b) => a[0] - b[0])) {
    if (count > bestCount) {
      best = step;
      bestCount = count;
    }
  }
  return { indent: best > 0 ? ' '.repeat(best) : fallbackIndent, eol };
}

/** Offset where the line holding `offset` starts. */
export function lineStartAt(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Offset of the line break (or end of text) ending the line holding `offset`. */
export function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Offset just after the line break ending the line holding `offset` (or end of text). */
export function nextLineStart(text: string, offset: number): number {
  const end = lineEndAt(text, offset);
  if (text[end] === '\r' && text[end + 1] === '\n') return end + 2;
  return end < text.length ? end + 1 : end;
}

/** The leading whitespace of the line holding `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStartAt(text, offset);
  return /^[ \t]*/.exec(text.slice(start, lineEndAt(text, offset)))![0];
}

export function sameLine(text: string, a: number, b: number): boolean {
  const [low, high] = a < b ? [a, b] : [b, a];
  return !/[\r\n]/.test(text.slice(low, high));
}

/** True when only whitespace lies between `from` and `to`. */
export function blankBetween(text: string, from: number, to: number): boolean {
  return text.slice(from, to).trim() === '';
}

/** Indents every line after the first of a multi-line rendering by `prefix`. */
export function indentLines(rendered: string, prefix: string, eol: string): string {
  return rendered
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : prefix + line))
    .join(eol);
}
