// The text tree-sitter parses, with the literal text of strings and heredocs packed: each run of plain
// characters inside a template becomes one character, and so does each run of spaces and tabs between the
// tokens of code; positions in the parsed text map back to the file.
//
// Why: the grammar's external scanner (tree-sitter-hcl's scanner.c) returns every character of a template as
// a token of its own, so a string costs the parser a token, a stack push and a reduce per character. Strings
// are most of a Terraform file (descriptions, heredocs), and the parse ran at about 2 MB/s. The parser only
// needs to know *that* there is literal text between two delimiters; the converter reads the text itself from
// the file, through `PackedText.original`. Blanks between tokens (indentation, the spaces `terraform fmt`
// aligns `=` with) are skipped by the lexer one character at a time: one space says as much to the grammar,
// and parsing the corpus took 28% less time with them packed too.
//
// The packing keeps every token boundary the scanner draws around literal text. It leaves verbatim
// everything but the inside of plain runs: delimiters, escapes, `$`/`%` sequences, interpolations and
// directives (code), whitespace at the ends of a run (the scanner skips whitespace before a token, so a
// template literal starts and ends on a non-space), line breaks, and every heredoc line that begins with
// the heredoc's identifier. Input it does not follow exactly (a line break in a quoted string, a heredoc
// line that starts with its identifier without ending it, an unterminated string or comment, non-ASCII
// heredoc identifiers, anything unbalanced) is not packed at all. The caller also parses the file itself
// when the packed text has any syntax error, so error recovery always sees the real text.

/** The packed text and the way back to the file's positions. */
export interface PackedText {
  readonly text: string;
  /** The file offset of an offset in `text` (a node's start or end: never inside a packed run). */
  readonly original: (offset: number) => number;
}

/** Plain runs shorter than this stay as they are: packing them would not save a token. */
const MIN_RUN = 2;

/** What a packed run becomes: a character no heredoc identifier starts with and no template treats specially. */
const PACKED = '.';
/** What a run of blanks in code becomes. */
const PACKED_BLANKS = ' ';

const enum Context {
  /** Top-level code, or the inside of `${…}` / `%{…}` (then `}` at depth 0 closes it). */
  Code,
  Quoted,
  Heredoc,
}

interface Frame {
  readonly kind: Context;
  /** Code: open braces of object constructors; a template interpolation closes at depth 0. */
  depth: number;
  /** Code inside a template: `}` at depth 0 returns to the template. */
  readonly closes: boolean;
  /** Heredoc: its identifier, and whether the next character starts a line. */
  readonly identifier: string;
  atLineStart: boolean;
}

const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const DOLLAR = 0x24;
const PERCENT = 0x25;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Packs `text`, or returns undefined when nothing was packed or the text is not followed exactly. */
export function packTemplateLiterals(text: string): PackedText | undefined {
  const runs = literalRuns(text);
  if (!runs || runs.length === 0) return undefined;
  // runs holds [start, end) pairs of the file; each becomes PACKED.
  const pieces: string[] = [];
  const packedStarts = new Int32Array(runs.length / 2);
  const shiftAfter = new Int32Array(runs.length / 2);
  let from = 0;
  let shift = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k];
    const end = runs[k + 1];
    pieces.push(text.slice(from, start), isBlank(text.charCodeAt(start)) ? PACKED_BLANKS : PACKED);
    packedStarts[k / 2] = start - shift;
    shift += end - start - 1;
    shiftAfter[k / 2] = shift;
    from = end;
  }
  pieces.push(text.slice(from));
  return {
    text: pieces.join(''),
    original: (offset: number): number => {
      // The last run whose packed character starts before `offset` (an offset just after it is that run's end).
      let low = 0;
      let high = packedStarts.length - 1;
      let found = -1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if (packedStarts[middle] < offset) {
          found = middle;
          low = middle + 1;
        } else high = middle - 1;
      }
      return found < 0 ? offset : offset + shiftAfter[found];
    },
  };
}

/**
 * The runs to pack, as a flat list of [start, end) pairs in file order, following the scanner's contexts:
 * code, quoted templates, heredoc templates, and the code of their interpolations. A run of blanks in code
 * starts with a blank; a template's run never does (see addRun). Undefined: do not pack.
 */
export function literalRuns(text: string): number[] | undefined {
  const runs: number[] = [];
  const stack: Frame[] = [frame(Context.Code, false, '')];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const top = stack[stack.length - 1];
    const c = text.charCodeAt(i);
    if (top.kind === Context.Code) {
      if (c === QUOTE) {
        stack.push(frame(Context.Quoted, false, ''));
        i++;
      } else if (c === 0x23 /* # */ || (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f)) {
        const end = text.indexOf('\n', i);
        i = end < 0 ? length : end;
      } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) return undefined;
        i = end + 2;
      } else if (c === 0x3c /* < */ && text.charCodeAt(i + 1) === 0x3c) {
        const header = /<<-?([A-Za-z0-9_-]+)\r?\n/y;
        header.lastIndex = i;
        const match = header.exec(text);
        if (!match) return undefined;
        stack.push(frame(Context.Heredoc, false, match[1]));
        i = header.lastIndex;
      } else if (isBlank(c)) {
        let end = i + 1;
        while (isBlank(text.charCodeAt(end))) end++;
        if (end - i >= MIN_RUN) runs.push(i, end);
        i = end;
      } else if (c === OPEN_BRACE) {
        top.depth++;
        i++;
      } else if (c === CLOSE_BRACE) {
        if (top.depth === 0 && top.closes) stack.pop();
        else if (top.depth === 0) return undefined;
        else top.depth--;
        i++;
      } else i++;
      continue;
    }
    if (top.kind === Context.Heredoc && top.atLineStart) {
      const next = heredocLine(text, i, top.identifier);
      if (next === undefined) return undefined;
      if (next.terminated) stack.pop();
      else top.atLineStart = false;
      i = next.at;
      continue;
    }
    // Inside a template (quoted, or a heredoc line after its start).
    if (c === DOLLAR || c === PERCENT) {
      // As the scanner reads it: `${` opens, `$${` is literal, `$$` (then anything else) is a literal token.
      const after = text.charCodeAt(i + 1);
      if (after === OPEN_BRACE) {
        stack.push(frame(Context.Code, true, ''));
        i += 2;
      } else if (after === c) i += text.charCodeAt(i + 2) === OPEN_BRACE ? 3 : 2;
      else i++;
      continue;
    }
    if (top.kind === Context.Quoted) {
      if (c === QUOTE) {
        stack.pop();
        i++;
        continue;
      }
      if (c === NEWLINE) return undefined; // not a quoted string the scanner and HCL agree on
      if (c === BACKSLASH) {
        // An escape stays as it is: `\n`, `\"`, `\\`, `\uXXXX`, `\UXXXXXXXX`.
        const kind = text.charCodeAt(i + 1);
        i += kind === 0x75 /* u */ ? 6 : kind === 0x55 /* U */ ? 10 : 2;
        continue;
      }
    } else if (c === NEWLINE) {
      top.atLineStart = true;
      i++;
      continue;
    }
    if (c === BACKSLASH || c === QUOTE || c === CARRIAGE_RETURN) {
      i++; // plain to a heredoc, but not worth the risk: kept
      continue;
    }
    const end = runEnd(text, i);
    addRun(runs, text, i, end);
    i = end;
  }
  // Unterminated strings, heredocs, interpolations or braces: leave the file to the parser as it is.
  return stack.length === 1 && stack[0].depth === 0 ? runs : undefined;
}

function frame(kind: Context, closes: boolean, identifier: string): Frame {
  return { kind, depth: 0, closes, identifier, atLineStart: kind === Context.Heredoc };
}

/** Where the plain characters starting at `i` end: at a delimiter, an escape, `$`, `%` or a line end. */
function runEnd(text: string, i: number): number {
  const plain = /[^"\\$%\r\n]*/y;
  plain.lastIndex = i;
  plain.exec(text);
  return Math.max(plain.lastIndex, i + 1);
}

/**
 * Records [start, end) without the whitespace (and non-ASCII characters) at its ends: the scanner skips
 * whitespace before each token, so the literal's tokens start and end on the run's first and last printable
 * ASCII characters, and so must the packed character.
 */
function addRun(runs: number[], text: string, start: number, end: number): void {
  while (start < end && !isPrintableAscii(text.charCodeAt(start))) start++;
  while (end > start && !isPrintableAscii(text.charCodeAt(end - 1))) end--;
  if (end - start >= MIN_RUN) runs.push(start, end);
}

/** A space or a tab: the blanks packed in code (line breaks are tokens of the grammar, and stay). */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

function isPrintableAscii(c: number): boolean {
  return c > 0x20 && c < 0x7f;
}

/**
 * A heredoc line from its start: skips the leading whitespace (kept), then either the terminator (the
 * identifier alone on its line) or nothing (the line's text is read as template). A line that starts with the
 * identifier but is not the terminator, or whose leading whitespace the scanner may read differently
 * (non-ASCII spaces), is not followed: the file is not packed.
 */
function heredocLine(text: string, i: number, identifier: string): { at: number; terminated: boolean } | undefined {
  let j = i;
  for (;;) {
    const c = text.charCodeAt(j);
    if (c === NEWLINE || c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === CARRIAGE_RETURN) j++;
    else break;
  }
  if (j >= text.length) return undefined; // unterminated heredoc
  const first = text.charCodeAt(j);
  if (first > 0x7e) return undefined;
  if (!text.startsWith(identifier, j)) return { at: j, terminated: false };
  let k = j + identifier.length;
  while (k < text.length && /[ \t\v\f\r]/.test(text[k])) k++;
  if (text.charCodeAt(k) !== NEWLINE) return undefined;
  return { at: j + identifier.length, terminated: true };
}
