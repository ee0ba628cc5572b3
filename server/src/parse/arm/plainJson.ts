// The fast path of readJson (json.ts) for the common case: a document that jsonc-parser reads without a
// single error (comments and trailing commas are fine, they are not errors). jsonc-parser's visitor builds a
// path array and a closure per callback and concatenates white space one character at a time; this reader
// scans the text once and builds the same nodes directly, about four times faster on large templates.
//
// It accepts only what it is sure jsonc-parser reads without an error, and gives up (returns undefined)
// at the first thing it does not expect: a syntax error, a byte-order mark, an unusual white-space
// character, nesting beyond MAX_JSON_DEPTH. The caller then reads the file with jsonc-parser, which
// reports the problem exactly as before. So the result, when there is one, is identical to jsonc-parser's:
// same nodes (type, offset, length, value, colonOffset, parent, children, in the same property order),
// same comments, same `[`-strings; test/unit/arm/plain-json.test.ts compares both on the corpus and on
// damaged copies of it.
import type { Node } from 'jsonc-parser';
import type { Comment } from '../../model/document';
import type { JsonReading } from './json';

/** Thrown inside the reader only: the text needs jsonc-parser (an error to report, or something unusual). */
const NOT_PLAIN = new Error('not plain JSONC');

interface MutableNode {
  type: Node['type'];
  offset: number;
  length: number;
  value?: unknown;
  colonOffset?: number;
  parent?: MutableNode;
  children?: MutableNode[];
}

/** A comment as readJson reports it: the text without `//`, or without `/*` and a closing `*\/`. */
export function commentAt(text: string, offset: number, end: number): Comment {
  const block = text.startsWith('/*', offset);
  const closed = block && end - offset >= 4 && text.startsWith('*/', end - 2);
  return { span: { start: offset, end }, text: text.slice(offset + 2, closed ? end - 2 : end) };
}

/** The reading of an error-free JSONC text, or undefined when jsonc-parser has to read it. */
export function readPlainJson(text: string, maxDepth: number): JsonReading | undefined {
  const reader = new PlainReader(text, maxDepth);
  try {
    return reader.read();
  } catch (error) {
    if (error === NOT_PLAIN) return undefined;
    throw error;
  }
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const ASTERISK = 42;

/** Placeholder until a node's children are known (replaced before the reader returns). */
const NO_CHILDREN: MutableNode[] = [];

const isDigit = (c: number) => c >= ZERO && c <= NINE;

/**
 * Whether a keyword (`true`) ends before `c`: jsonc-parser reads a word up to white space, a line break or
 * one of `{}[]":,/`; `truex` is one unknown word, an error.
 */
function endsWord(c: number): boolean {
  return (
    Number.isNaN(c) ||
    c === SPACE ||
    c === TAB ||
    c === LF ||
    c === CR ||
    c === CLOSE_BRACE ||
    c === CLOSE_BRACKET ||
    c === OPEN_BRACE ||
    c === OPEN_BRACKET ||
    c === QUOTE ||
    c === COLON ||
    c === COMMA ||
    c === SLASH
  );
}

class PlainReader {
  private pos = 0;
  private depth = 0;
  private readonly comments: Comment[] = [];
  private readonly bracketStrings: MutableNode[] = [];
  /** Children of the objects and arrays being read (see endChildren). */
  private readonly stack: MutableNode[] = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  read(): JsonReading {
    // An artificial root, as in readJson's visitor (and jsonc-parser's parseTree).
    const top: MutableNode = { type: 'array', offset: -1, length: -1, children: [] };
    this.skipTrivia();
    const root = this.value(top);
    this.skipTrivia();
    if (this.pos < this.text.length) throw NOT_PLAIN;
    delete root.parent;
    return {
      root: root as Node,
      comments: this.comments,
      problems: [],
      bracketStrings: this.bracketStrings as Node[],
    };
  }

  /** Skips white space and comments (collecting the comments). */
  private skipTrivia(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === SPACE || c === LF || c === CR || c === TAB) {
        pos++;
      } else if (c === SLASH) {
        pos = this.comment(pos);
      } else break;
    }
    this.pos = pos;
  }

  /** The comment starting at `start` (a slash) is collected; returns its end. */
  private comment(start: number): number {
    const text = this.text;
    const next = text.charCodeAt(start + 1);
    let end: number;
    if (next === SLASH) {
      end = start + 2;
      while (end < text.length) {
        const d = text.charCodeAt(end);
        if (d === LF || d === CR) break;
        end++;
      }
    } else if (next === ASTERISK) {
      const close = text.indexOf('*/', start + 2);
      if (close < 0) throw NOT_PLAIN;
      end = close + 2;
    } else throw NOT_PLAIN;
    this.comments.push(commentAt(text, start, end));
    return end;
  }

  /** One value at `pos` (no trivia before it), a child of `parent`. */
  private value(parent: MutableNode): MutableNode {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    if (c === OPEN_BRACE) return this.object(parent);
    if (c === OPEN_BRACKET) return this.array(parent);
    const offset = this.pos;
    if (c === QUOTE) {
      const value = this.string();
      const node: MutableNode = { type: 'string', offset, length: this.pos - offset, parent, value };
      if (value.charCodeAt(0) === OPEN_BRACKET) this.bracketStrings.push(node);
      return node;
    }
    if (c === MINUS || isDigit(c)) {
      this.number();
      const value = Number(text.slice(offset, this.pos));
      return { type: 'number', offset, length: this.pos - offset, parent, value };
    }
    if (text.startsWith('true', offset)) return this.keyword(parent, 'boolean', true, 4);
    if (text.startsWith('false', offset)) return this.keyword(parent, 'boolean', false, 5);
    if (text.startsWith('null', offset)) return this.keyword(parent, 'null', null, 4);
    throw NOT_PLAIN;
  }

  private keyword(parent: MutableNode, type: 'boolean' | 'null', value: boolean | null, length: number): MutableNode {
    const offset = this.pos;
    if (!endsWord(this.text.charCodeAt(offset + length))) throw NOT_PLAIN;
    this.pos = offset + length;
    return { type, offset, length, parent, value };
  }

  /**
   * The children of the object or array being read go on a stack shared by all levels, and are copied into
   * an array of their exact size at the end: arrays grown by `push` keep room for 16 or more, and a large
   * template has a hundred thousand of them alive during its analysis.
   */
  private endChildren(node: MutableNode, base: number): void {
    node.children = this.stack.slice(base);
    this.stack.length = base;
  }

  private object(parent: MutableNode): MutableNode {
    const text = this.text;
    if (++this.depth > this.maxDepth) throw NOT_PLAIN;
    const object: MutableNode = { type: 'object', offset: this.pos, length: -1, parent, children: NO_CHILDREN };
    const base = this.stack.length;
    this.pos++;
    this.skipTrivia();
    if (text.charCodeAt(this.pos) !== CLOSE_BRACE) {
      for (;;) {
        if (text.charCodeAt(this.pos) !== QUOTE) throw NOT_PLAIN;
        this.stack.push(this.property(object));
        this.skipTrivia();
        const c = text.charCodeAt(this.pos);
        if (c === CLOSE_BRACE) break;
        if (c !== COMMA) throw NOT_PLAIN;
        this.pos++;
        this.skipTrivia();
        // A trailing comma is allowed.
        if (text.charCodeAt(this.pos) === CLOSE_BRACE) break;
      }
    }
    this.pos++;
    object.length = this.pos - object.offset;
    this.endChildren(object, base);
    this.depth--;
    return object;
  }

  private property(object: MutableNode): MutableNode {
    const offset = this.pos;
    const property: MutableNode = { type: 'property', offset, length: -1, parent: object, children: NO_CHILDREN };
    const name = this.string();
    const key: MutableNode = { type: 'string', value: name, offset, length: this.pos - offset, parent: property };
    if (name.charCodeAt(0) === OPEN_BRACKET) this.bracketStrings.push(key);
    this.skipTrivia();
    if (this.text.charCodeAt(this.pos) !== COLON) throw NOT_PLAIN;
    property.colonOffset = this.pos;
    this.pos++;
    this.skipTrivia();
    const value = this.value(property);
    property.children = [key, value];
    property.length = this.pos - offset;
    return property;
  }

  private array(parent: MutableNode): MutableNode {
    const text = this.text;
    if (++this.depth > this.maxDepth) throw NOT_PLAIN;
    const array: MutableNode = { type: 'array', offset: this.pos, length: -1, parent, children: NO_CHILDREN };
    const base = this.stack.length;
    this.pos++;
    this.skipTrivia();
    if (text.charCodeAt(this.pos) !== CLOSE_BRACKET) {
      for (;;) {
        this.stack.push(this.value(array));
        this.skipTrivia();
        const c = text.charCodeAt(this.pos);
        if (c === CLOSE_BRACKET) break;
        if (c !== COMMA) throw NOT_PLAIN;
        this.pos++;
        this.skipTrivia();
        // A trailing comma is allowed.
        if (text.charCodeAt(this.pos) === CLOSE_BRACKET) break;
      }
    }
    this.pos++;
    array.length = this.pos - array.offset;
    this.endChildren(array, base);
    this.depth--;
    return array;
  }

  /** A string literal at `pos` (the opening quote): its decoded value; `pos` moves past the closing quote. */
  private string(): string {
    const text = this.text;
    let pos = this.pos + 1;
    let chunk = pos;
    let result = '';
    for (;;) {
      if (pos >= text.length) throw NOT_PLAIN;
      const c = text.charCodeAt(pos);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        result += text.slice(chunk, pos);
        result += this.escape(pos + 1);
        pos += text.charCodeAt(pos + 1) === 117 /* u */ ? 6 : 2;
        chunk = pos;
        continue;
      }
      // Control characters (line breaks included) are errors in a string.
      if (c < 0x20) throw NOT_PLAIN;
      pos++;
    }
    this.pos = pos + 1;
    return result + text.slice(chunk, pos);
  }

  /** The character an escape (`\n`, `\u0041`) stands for; `at` is the character after the backslash. */
  private escape(at: number): string {
    const text = this.text;
    switch (text.charCodeAt(at)) {
      case QUOTE:
        return '"';
      case BACKSLASH:
        return '\\';
      case SLASH:
        return '/';
      case 98 /* b */:
        return '\b';
      case 102 /* f */:
        return '\f';
      case 110 /* n */:
        return '\n';
      case 114 /* r */:
        return '\r';
      case 116 /* t */:
        return '\t';
      case 117 /* u */: {
        let code = 0;
        for (let i = at + 1; i < at + 5; i++) {
          const digit = hexValue(text.charCodeAt(i));
          if (digit < 0) throw NOT_PLAIN;
          code = code * 16 + digit;
        }
        return String.fromCharCode(code);
      }
      default:
        throw NOT_PLAIN;
    }
  }

  /** A number as JSON writes it (`-12.5e3`); anything jsonc-parser would flag gives up. */
  private number(): void {
    const text = this.text;
    let pos = this.pos;
    if (text.charCodeAt(pos) === MINUS) pos++;
    if (text.charCodeAt(pos) === ZERO) pos++;
    else if (isDigit(text.charCodeAt(pos))) {
      while (isDigit(text.charCodeAt(pos))) pos++;
    } else throw NOT_PLAIN;
    if (text.charCodeAt(pos) === DOT) {
      pos++;
      if (!isDigit(text.charCodeAt(pos))) throw NOT_PLAIN;
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    const e = text.charCodeAt(pos);
    if (e === 69 /* E */ || e === 101 /* e */) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 43 /* + */ || sign === MINUS) pos++;
      if (!isDigit(text.charCodeAt(pos))) throw NOT_PLAIN;
      while (isDigit(text.charCodeAt(pos))) pos++;
    }
    this.pos = pos;
  }
}

function hexValue(c: number): number {
  if (c >= ZERO && c <= NINE) return c - ZERO;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}
