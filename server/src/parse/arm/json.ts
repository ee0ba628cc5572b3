// Reading JSONC safely: comments (suppressions live there), syntax problems with spans, and a jsonc-parser
// tree of what still parses. jsonc-parser's parseTree recurses once per nesting level, so a pathological
// file (10,000 nested arrays) would overflow the stack: an iterative scanner pass measures the nesting
// first and refuses to build a tree deeper than MAX_JSON_DEPTH, reporting a syntax problem instead.
import { createScanner, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Comment, SyntaxProblem } from '../../model/document';

/** Far beyond any real template (the deepest corpus file nests ~30 levels), far below the stack limit. */
export const MAX_JSON_DEPTH = 512;

export interface JsonReading {
  readonly root: Node | undefined;
  readonly comments: readonly Comment[];
  readonly problems: readonly SyntaxProblem[];
  /** Set when the tree was not built because the nesting is too deep. */
  readonly tooDeep?: boolean;
}

// SyntaxKind / ScanError values of jsonc-parser (const enums are not importable under isolated modules).
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const EOF = 17;

export function readJson(text: string): JsonReading {
  const comments: Comment[] = [];
  const problems: SyntaxProblem[] = [];
  const scanner = createScanner(text, false);
  let depth = 0;
  let tooDeepAt: number | undefined;
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    switch (kind) {
      case OPEN_BRACE:
      case OPEN_BRACKET:
        depth++;
        if (depth > MAX_JSON_DEPTH && tooDeepAt === undefined) tooDeepAt = scanner.getTokenOffset();
        break;
      case CLOSE_BRACE:
      case CLOSE_BRACKET:
        if (depth > 0) depth--;
        break;
      case LINE_COMMENT: {
        const start = scanner.getTokenOffset();
        const end = start + scanner.getTokenLength();
        comments.push({ span: { start, end }, text: text.slice(start + 2, end) });
        break;
      }
      case BLOCK_COMMENT: {
        const start = scanner.getTokenOffset();
        const end = start + scanner.getTokenLength();
        const closed = text.startsWith('*/', end - 2) && end - start >= 4;
        comments.push({ span: { start, end }, text: text.slice(start + 2, closed ? end - 2 : end) });
        break;
      }
    }
  }
  if (tooDeepAt !== undefined) {
    problems.push({
      span: { start: tooDeepAt, end: tooDeepAt + 1 },
      message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels: the file is not analysed`,
    });
    return { root: undefined, comments, problems, tooDeep: true };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const error of errors) {
    // An empty span at the end of the text still has to be visible: widen it to the previous character.
    const start = Math.min(error.offset, Math.max(0, text.length - 1));
    const end = Math.max(start + error.length, Math.min(start + 1, text.length));
    problems.push({ span: { start, end }, message: describeError(printParseErrorCode(error.error)) });
  }
  return { root, comments, problems };
}

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Invalid symbol',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Property name expected',
  ValueExpected: 'Value expected',
  ColonExpected: "':' expected",
  CommaExpected: "',' expected",
  CloseBraceExpected: "'}' expected",
  CloseBracketExpected: "']' expected",
  EndOfFileExpected: 'End of file expected',
  InvalidCommentToken: 'Invalid comment',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in string',
};

function describeError(code: string): string {
  return MESSAGES[code] ?? code;
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers over jsonc-parser nodes.

/** The value node of property `name` of an object node (exact name first, then case-insensitive). */
export function child(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object' || !node.children) return undefined;
  let insensitive: Node | undefined;
  const lower = name.toLowerCase();
  for (const property of node.children) {
    const key = property.children?.[0];
    if (!key || typeof key.value !== 'string') continue;
    if (key.value === name) return property.children?.[1];
    if (insensitive === undefined && key.value.toLowerCase() === lower) insensitive = property.children?.[1];
  }
  return insensitive;
}

/** The property node (key + value) of `name`. */
export function propertyNode(node: Node | undefined, name: string): Node | undefined {
  const value = child(node, name);
  return value?.parent;
}

/** [name, key node, value node] of each property of an object node. */
export function entries(node: Node | undefined): [string, Node, Node | undefined][] {
  if (node?.type !== 'object' || !node.children) return [];
  const result: [string, Node, Node | undefined][] = [];
  for (const property of node.children) {
    const key = property.children?.[0];
    if (!key || typeof key.value !== 'string') continue;
    result.push([key.value, key, property.children?.[1]]);
  }
  return result;
}

export function stringOf(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

export function spanOfNode(node: Node): { start: number; end: number } {
  return { start: node.offset, end: node.offset + node.length };
}
