// Reading JSONC safely: comments (suppressions live there), syntax problems with spans, and a jsonc-parser
// tree of what still parses. jsonc-parser's parser recurses once per nesting level, so a pathological file
// (10,000 nested arrays) would overflow the stack: the visitor counts the nesting and stops reading beyond
// MAX_JSON_DEPTH, reporting a syntax problem instead.
import { printParseErrorCode, visit, type Node, type ParseError } from 'jsonc-parser';
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
 * One pass of jsonc-parser's visitor builds the same tree as its parseTree (same node shapes, so `edit/`
 * can use jsonc-parser's tree functions on it) while collecting comments and guarding the nesting depth.
 */
export function readJson(text: string): JsonReading {
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
          if (name.charCodeAt(0) === 91 /* [ */) bracketStrings.push(key);
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
          if (type === 'string' && (value as string).charCodeAt(0) === 91 /* [ */) bracketStrings.push(node);
          completeProperty(offset + length);
        },
        onSeparator: (separator, offset) => {
          if (current.type !== 'property') return;
          if (separator === ':') current.colonOffset = offset;
          else if (separator === ',') completeProperty(offset);
        },
        onComment: (offset, length) => {
          const end = offset + length;
          const block = text.startsWith('/*', offset);
          const closed = block && length >= 4 && text.startsWith('*/', end - 2);
          comments.push({ span: { start: offset, end }, text: text.slice(offset + 2, closed ? end - 2 : end) });
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
