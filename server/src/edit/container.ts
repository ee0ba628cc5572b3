// Inserting and removing items of a bracketed container (`{…}`, `[…]`, an HCL block body) in the style of
// the surrounding code: one item per line in multi-line containers (at the indentation of the existing
// items), `, item` in single-line ones, and commas only where the syntax wants them.
import type { Span } from '../model/span';
import { CannotWrite } from './session';
import {
  blankBetween,
  indentationAt,
  indentLines,
  lineEndAt,
  lineStartAt,
  nextLineStart,
  sameLine,
  type FileStyle,
  type TextEdit,
} from './text';

export interface Container {
  /** Offset of the opening bracket. */
  readonly open: number;
  /** Offset of the closing bracket. */
  readonly close: number;
  readonly items: readonly Span[];
}

/**
 * 'always': JSON (every item but the last is followed by a comma).
 * 'inline': Bicep and HCL objects (commas separate items on one line, newlines separate them otherwise).
 * 'never': HCL block bodies (one attribute or block per line, never on the brace's line).
 */
export type CommaStyle = 'always' | 'inline' | 'never';

/** Renders an item: multi-line text with '\n' breaks and indentation relative to the item's own column. */
export type RenderItem = (mode: 'multiline' | 'inline') => string | undefined;

/** Inserts one or more items at the end of a container (one edit per position, so several never collide). */
export function insertItem(
  text: string,
  style: FileStyle,
  container: Container,
  render: RenderItem | readonly RenderItem[],
  commas: CommaStyle,
): TextEdit[] | undefined {
  const renders = typeof render === 'function' ? [render] : render;
  if (renders.length === 0) return [];
  const { open, close, items } = container;
  // Half-typed input: a container whose closing bracket is missing is not edited.
  if (!closed(text, container)) return undefined;
  const outer = indentationAt(text, open);
  const multiline = !sameLine(text, open, close);
  const separator = commas === 'always' ? ',' : '';
  const block = (indent: string): string | undefined => {
    const parts: string[] = [];
    for (const r of renders) {
      const rendered = r('multiline');
      if (rendered === undefined) return undefined;
      parts.push(indent + indentLines(rendered, indent, style.eol));
    }
    return parts.join(separator + style.eol);
  };
  if (items.length === 0 && multiline && text.slice(open + 1, close).trim() !== '') {
    // No items, but comments (or nested declarations, or members being removed) inside: keep them and add
    // the new items on lines of their own before the closing bracket.
    const inner = outer + style.indent;
    const rendered = block(inner);
    if (rendered === undefined) return undefined;
    const closeLine = lineStartAt(text, close);
    if (blankBetween(text, closeLine, close))
      return [{ span: { start: closeLine, end: closeLine }, newText: rendered + style.eol }];
    return [{ span: { start: close, end: close }, newText: style.eol + rendered + style.eol + outer }];
  }
  if (items.length === 0 || (!multiline && commas === 'never')) {
    // Empty (`{}`, `{\n}`) or a single-line block body: lay the container out one item per line.
    const inner = outer + style.indent;
    const rendered = block(inner);
    if (rendered === undefined) return undefined;
    const existing = items.map((item) => inner + text.slice(item.start, item.end) + separator + style.eol).join('');
    return [{ span: { start: open + 1, end: close }, newText: style.eol + existing + rendered + style.eol + outer }];
  }
  const last = items[items.length - 1];
  if (!multiline) {
    const inline: string[] = [];
    for (const r of renders) {
      const rendered = r('inline');
      if (rendered === undefined || rendered.includes('\n')) return undefined;
      inline.push(rendered);
    }
    return [{ span: { start: last.end, end: last.end }, newText: `, ${inline.join(', ')}` }];
  }
  const startsLine = blankBetween(text, lineStartAt(text, last.start), last.start);
  const itemIndent = startsLine ? indentationAt(text, last.start) : outer + style.indent;
  const rendered = block(itemIndent);
  if (rendered === undefined) return undefined;
  const edits: TextEdit[] = [];
  const afterLast = /^[ \t]*,/.exec(text.slice(last.end));
  if (commas === 'always' && !afterLast) edits.push({ span: { start: last.end, end: last.end }, newText: ',' });
  if (sameLine(text, last.end, close)) {
    // `  last: 1 }`: the closing bracket shares the last item's line; put it on a line of its own.
    edits.push({ span: { start: close, end: close }, newText: style.eol + rendered + style.eol + outer });
    return edits;
  }
  const at = lineEndAt(text, last.end);
  edits.push({ span: { start: at, end: at }, newText: style.eol + rendered });
  return edits;
}

/** Removes item `index`, with its line when it has one of its own, and the comma that separated it. */
export function removeItem(text: string, container: Container, index: number, commas: CommaStyle): TextEdit[] {
  const { open, close, items } = container;
  if (!closed(text, container)) throw new CannotWrite('an unclosed container');
  const item = items[index];
  const lineStart = lineStartAt(text, item.start);
  const lineAfter = nextLineStart(text, item.end);
  const restOfLine = text.slice(item.end, lineEndAt(text, item.end));
  const ownLine =
    blankBetween(text, lineStart, item.start) && /^[ \t]*,?[ \t]*(\/\/.*|#.*)?$/.test(restOfLine) && lineAfter <= close;
  const edits: TextEdit[] = [];
  if (ownLine && !sameLine(text, open, close)) {
    edits.push({ span: { start: lineStart, end: lineAfter }, newText: '' });
    if (commas === 'always' && index === items.length - 1 && index > 0) {
      // The previous item loses its comma, now that it is the last.
      const previous = items[index - 1];
      const comma = /^[ \t]*,/.exec(text.slice(previous.end));
      if (comma) edits.push({ span: { start: previous.end, end: previous.end + comma[0].length }, newText: '' });
    }
    return edits;
  }
  if (items.length === 1) return [{ span: { start: open + 1, end: close }, newText: '' }];
  if (index < items.length - 1) return [{ span: { start: item.start, end: items[index + 1].start }, newText: '' }];
  return [{ span: { start: items[index - 1].end, end: item.end }, newText: '' }];
}

/** Both brackets present and every item between them (half-typed input may lack the closing one). */
function closed(text: string, { open, close, items }: Container): boolean {
  if (close <= open || !'{['.includes(text[open] ?? ' ') || !'}]'.includes(text[close] ?? ' ')) return false;
  return items.every((item) => item.start > open && item.end <= close);
}
