// Reading JSONC safely: comments (suppressions live there), syntax problems with spans, and a jsonc-parser
// tree of what still parses. jsonc-parser's parser recurses once per nesting level, so a pathological file
// (10,000 nested arrays) would overflow the stack: the visitor counts the nesting and stops reading beyond
// MAX_JSON_DEPTH, reporting a syntax problem instead.
import {
  createScanner,
  printParseErrorCode,
  ScanError,
  SyntaxKind,
  visit,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import type { Comment, SyntaxProblem } from '../../model/document';

/** Far beyond any real template (the deepest corpus file nests ~30 levels), far below the stack limit. */
export const MAX_JSON_DEPTH = 512;

export interface JsonReading {
  readonly root: Node | undefined;
  readonly comments: readonly Comment[];
  readonly problems: readonly SyntaxProblem[];
  /** Set when the tree was not built because the nesting is too deep. */
  readonly tooDeep?: boolean;
  /** String nodes (values and property names) starting with `[`, in document order: the expression candidates. */
  readonly bracketStrings?: readonly Node[];
}

/** Thrown from the visitor to stop reading a file that nests too deeply, long before the stack runs out. */
class TooDeep {
  constructor(readonly offset: number) {}
}

/**
 * A jsonc-parser `Node` with every field present from the start: one hidden class for all nodes, so the
 * evaluator's reads of `type`, `value` and `children` stay monomorphic (object literals of five shapes,
 * with `colonOffset` added later, made every lookup in the tree polymorphic).
 */
class MutableNode {
  colonOffset: number | undefined = undefined;
  constructor(
    public type: Node['type'],
    public offset: number,
    public length: number,
    public parent: MutableNode | undefined,
    public value: unknown,
    public children: MutableNode[] | undefined,
  ) {}
}

/**
 * The tree of jsonc-parser's parseTree (same node shapes, so `edit/` can use jsonc-parser's tree functions on
 * it), the comments, the syntax problems, and a guard on the nesting depth. A well-formed text (nearly every
 * template) is read straight from jsonc-parser's scanner; any other goes through its visitor, which recovers
 * from errors and reports them.
 */
export function readJson(text: string): JsonReading {
  return readWellFormedJson(text) ?? readJsonWithRecovery(text);
}

/**
 * The reading of a well-formed text (JSON with comments, no trailing commas), built from jsonc-parser's
 * scanner tokens with no visitor between: the visitor calls back through closures for every token, keeps the
 * JSON path of every value and hands each callback a new path closure, which made reading twice as slow as
 * scanning. Undefined at the first token the grammar does not expect (a scan error, a trailing comma, a
 * missing value, nesting beyond MAX_JSON_DEPTH, more text after the value): the visitor reads that text.
 * Gives exactly what `readJsonWithRecovery` gives for the texts it reads (tested on the fixtures, the corpus
 * and mutated files).
 */
export function readWellFormedJson(text: string): JsonReading | undefined {
  const scanner = createScanner(text, false);
  const comments: Comment[] = [];
  const bracketStrings: MutableNode[] = [];
  // Children of the open containers, innermost last, each container's from its start on (as in the visitor
  // path: every children array is made at its exact size when its container closes).
  const pending: MutableNode[] = [];
  let pendingLength = 0;
  let depth = 0;

  /** Moves to the next token that is not trivia, recording comments; false at a scan error. */
  const advance = (): boolean => {
    for (;;) {
      const token = scanner.scan();
      if (scanner.getTokenError() !== ScanError.None) return false;
      switch (token) {
        case SyntaxKind.LineCommentTrivia:
        case SyntaxKind.BlockCommentTrivia:
          comments.push(commentOf(text, scanner.getTokenOffset(), scanner.getTokenLength()));
          break;
        case SyntaxKind.Trivia:
        case SyntaxKind.LineBreakTrivia:
          break;
        case SyntaxKind.Unknown:
          return false;
        default:
          return true;
      }
    }
  };

  /** The value at the current token (then the token after it is current); undefined if not well-formed. */
  const value = (parent: MutableNode | undefined): MutableNode | undefined => {
    const offset = scanner.getTokenOffset();
    let node: MutableNode;
    switch (scanner.getToken()) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken: {
        if (++depth > MAX_JSON_DEPTH) return undefined;
        const isObject = scanner.getToken() === SyntaxKind.OpenBraceToken;
        const close = isObject ? SyntaxKind.CloseBraceToken : SyntaxKind.CloseBracketToken;
        node = new MutableNode(isObject ? 'object' : 'array', offset, -1, parent, undefined, undefined);
        const start = pendingLength;
        if (!advance()) return undefined;
        if (scanner.getToken() !== close) {
          for (;;) {
            const item = isObject ? property(node) : value(node);
            if (!item) return undefined;
            pending[pendingLength++] = item;
            if (scanner.getToken() === close) break;
            if (scanner.getToken() !== SyntaxKind.CommaToken || !advance() || scanner.getToken() === close)
              return undefined;
          }
        }
        node.length = scanner.getTokenOffset() + scanner.getTokenLength() - offset;
        node.children = pending.slice(start, pendingLength);
        pendingLength = start;
        depth--;
        break;
      }
      case SyntaxKind.StringLiteral: {
        const string = scanner.getTokenValue();
        node = new MutableNode('string', offset, scanner.getTokenLength(), parent, string, undefined);
        if (isExpressionCandidate(string)) bracketStrings.push(node);
        break;
      }
      case SyntaxKind.NumericLiteral: {
        const number = Number(scanner.getTokenValue());
        if (Number.isNaN(number)) return undefined;
        node = new MutableNode('number', offset, scanner.getTokenLength(), parent, number, undefined);
        break;
      }
      case SyntaxKind.TrueKeyword:
      case SyntaxKind.FalseKeyword:
        node = new MutableNode(
          'boolean',
          offset,
          scanner.getTokenLength(),
          parent,
          scanner.getToken() === SyntaxKind.TrueKeyword,
          undefined,
        );
        break;
      case SyntaxKind.NullKeyword:
        node = new MutableNode('null', offset, scanner.getTokenLength(), parent, null, undefined);
        break;
      default:
        return undefined;
    }
    return advance() ? node : undefined;
  };

  /** `"name": value` at the current token. */
  const property = (object: MutableNode): MutableNode | undefined => {
    if (scanner.getToken() !== SyntaxKind.StringLiteral) return undefined;
    const offset = scanner.getTokenOffset();
    const name = scanner.getTokenValue();
    const node = new MutableNode('property', offset, -1, object, undefined, undefined);
    const key = new MutableNode('string', offset, scanner.getTokenLength(), node, name, undefined);
    if (isExpressionCandidate(name)) bracketStrings.push(key);
    if (!advance() || scanner.getToken() !== SyntaxKind.ColonToken) return undefined;
    node.colonOffset = scanner.getTokenOffset();
    if (!advance()) return undefined;
    const inner = value(node);
    if (!inner) return undefined;
    node.length = inner.offset + inner.length - offset;
    node.children = [key, inner];
    return node;
  };

  if (!advance()) return undefined;
  const root = value(undefined);
  if (!root || scanner.getToken() !== SyntaxKind.EOF) return undefined;
  return { root: root as Node, comments, problems: [], bracketStrings: bracketStrings as Node[] };
}

/** A string that may be an ARM expression (`[…]`): what JsonReading.bracketStrings collects. */
function isExpressionCandidate(string: string): boolean {
  return string.charCodeAt(0) === 91; /* [ */
}

/** A comment token as the model keeps it: its span, and its text without the delimiters. */
function commentOf(text: string, offset: number, length: number): Comment {
  const end = offset + length;
  const block = text.startsWith('/*', offset);
  const closed = block && length >= 4 && text.startsWith('*/', end - 2);
  return { span: { start: offset, end }, text: text.slice(offset + 2, closed ? end - 2 : end) };
}

/**
 * One pass of jsonc-parser's visitor builds the tree while collecting comments and syntax problems
 * (recovering from errors as jsonc-parser does) and guarding the nesting depth.
 */
export function readJsonWithRecovery(text: string): JsonReading {
  const comments: Comment[] = [];
  const problems: SyntaxProblem[] = [];
  const errors: ParseError[] = [];
  const bracketStrings: MutableNode[] = [];
  let depth = 0;
  // An artificial root, as in parseTree.
  const top = new MutableNode('array', -1, -1, undefined, undefined, undefined);
  let current = top;
  // The children of the open nodes (objects, arrays, properties), innermost last, from `starts` on: a
  // node's children array is made when it closes, at its exact size. Arrays grown by push() keep room for
  // 17 items, and most nodes (every property) have one or two; the tree lives through the whole analysis,
  // so the slack was copied by every young-generation GC.
  const pending: MutableNode[] = [];
  let pendingLength = 0;
  const starts: number[] = [];
  const add = (node: MutableNode): MutableNode => {
    pending[pendingLength++] = node;
    return node;
  };
  const open = (node: MutableNode): MutableNode => {
    add(node);
    starts.push(pendingLength);
    return node;
  };
  const close = () => {
    const start = starts.pop()!;
    current.children = pending.slice(start, pendingLength);
    pendingLength = start;
    current = current.parent!;
  };
  const completeProperty = (end: number) => {
    if (current.type === 'property') {
      current.length = end - current.offset;
      close();
    }
  };
  const enter = (offset: number) => {
    if (++depth > MAX_JSON_DEPTH) throw new TooDeep(offset);
  };
  try {
    visit(
      text,
      {
        onObjectBegin: (offset) => {
          enter(offset);
          current = open(new MutableNode('object', offset, -1, current, undefined, undefined));
        },
        onObjectProperty: (name, offset, length) => {
          current = open(new MutableNode('property', offset, -1, current, undefined, undefined));
          const key = add(new MutableNode('string', offset, length, current, name, undefined));
          if (isExpressionCandidate(name)) bracketStrings.push(key);
        },
        onObjectEnd: (offset, length) => {
          depth--;
          completeProperty(offset + length);
          current.length = offset + length - current.offset;
          close();
          completeProperty(offset + length);
        },
        onArrayBegin: (offset) => {
          enter(offset);
          current = open(new MutableNode('array', offset, -1, current, undefined, undefined));
        },
        onArrayEnd: (offset, length) => {
          depth--;
          current.length = offset + length - current.offset;
          close();
          completeProperty(offset + length);
        },
        onLiteralValue: (value, offset, length) => {
          const type = value === null ? 'null' : (typeof value as 'string' | 'number' | 'boolean');
          const node = add(new MutableNode(type, offset, length, current, value, undefined));
          if (type === 'string' && isExpressionCandidate(value as string)) bracketStrings.push(node);
          completeProperty(offset + length);
        },
        onSeparator: (separator, offset) => {
          if (current.type !== 'property') return;
          if (separator === ':') current.colonOffset = offset;
          else if (separator === ',') completeProperty(offset);
        },
        onComment: (offset, length) => {
          comments.push(commentOf(text, offset, length));
        },
        onError: (error, offset, length) => {
          errors.push({ error, offset, length });
        },
      },
      { allowTrailingComma: true, disallowComments: false },
    );
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    problems.push({
      span: { start: error.offset, end: error.offset + 1 },
      message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels: the file is not analysed`,
    });
    return { root: undefined, comments, problems, tooDeep: true };
  }
  // jsonc-parser ends every object and array it begins, even at the end of a broken text; nodes still open
  // (none expected) get their children all the same.
  while (current !== top) close();
  const root = pendingLength > 0 ? pending[0] : undefined;
  if (root) root.parent = undefined;
  for (const error of errors) {
    // A byte-order mark (files saved by Windows editors) is not an error; jsonc-parser reports it as one.
    if (error.offset === 0 && text.charCodeAt(0) === 0xfeff) continue;
    // An empty span at the end of the text still has to be visible: widen it to the previous character.
    const start = Math.min(error.offset, Math.max(0, text.length - 1));
    const end = Math.max(start + error.length, Math.min(start + 1, text.length));
    problems.push({ span: { start, end }, message: describeError(printParseErrorCode(error.error)) });
  }
  return { root: root as Node | undefined, comments, problems, bracketStrings: bracketStrings as Node[] };
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
  // Lower-cased only when a key of the same length is not the exact name (rare): this runs for every
  // property looked up on every resource.
  let lower: string | undefined;
  for (const property of node.children) {
    const key = property.children?.[0];
    if (!key || typeof key.value !== 'string') continue;
    if (key.value === name) return property.children?.[1];
    // Length first: lower-casing every key of every object looked up is a hot spot on large templates.
    if (
      insensitive === undefined &&
      key.value.length === name.length &&
      key.value.toLowerCase() === (lower ??= name.toLowerCase())
    )
      insensitive = property.children?.[1];
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
