// Reading JSONC safely: comments (suppressions live there), syntax problems with spans, and a jsonc-parser
// tree of what still parses. jsonc-parser's parser recurses once per nesting level, so a pathological file
// (10,000 nested arrays) would overflow the stack: the visitor counts the nesting and stops reading beyond
// MAX_JSON_DEPTH, reporting a syntax problem instead. A well-formed text (nearly every template) is read by
// a faster single pass that gives the same tree and hands anything else to the visitor.
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
  /**
   * Documentation the reading checked but did not build (see readWellFormedJson): object nodes with their
   * spans and no children.
   */
  readonly documentation?: readonly Node[];
}

/** Thrown from the visitor to stop reading a file that nests too deeply, long before the stack runs out. */
class TooDeep {
  constructor(readonly offset: number) {}
}

/**
 * A jsonc-parser `Node` with every field present from the start: one hidden class for all nodes, so the
 * evaluator's reads of `type`, `value` and `children` stay monomorphic (object literals of five shapes made
 * every lookup in the tree polymorphic). Without `colonOffset`, which nothing here reads: the tree lives
 * through a file's whole analysis, and a field less on every node is 10% less for the young-generation
 * collector to copy.
 */
class MutableNode {
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
 * The tree of jsonc-parser's parseTree (same node shapes, but for property nodes' `colonOffset`, so jsonc-parser's
 * tree functions work on it), the comments, the syntax problems, and a guard on the nesting depth. A well-formed text (nearly every
 * template) is read in one pass over its characters; any other goes through jsonc-parser's visitor, which
 * recovers from errors and reports them.
 */
export function readJson(text: string): JsonReading {
  return readWellFormedJson(text, { skipDocumentation: true }) ?? readJsonWithRecovery(text);
}

/** What a template's `$schema` names (any host, version or case): ARM's deploymentTemplate schema. */
export const TEMPLATE_SCHEMA = /deploymentTemplate\.json/i;

/** Spaces, tabs and line breaks: the only whitespace jsonc-parser's scanner takes. */
const WHITESPACE_RUN = /[ \t\n\r]*/y;
/** Characters a string takes as they are: not a quote, a backslash or a control character. */
// eslint-disable-next-line no-control-regex -- control characters end the run: jsonc-parser reports them
const PLAIN_STRING_RUN = /[^"\\\u0000-\u001f]*/y;

const enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Quote = 34,
  Asterisk = 42,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  UpperE = 69,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  LowerE = 101,
  LowerF = 102,
  LowerN = 110,
  LowerT = 116,
  OpenBrace = 123,
  CloseBrace = 125,
}

/** What a template's documentation is made of: its `metadata` and its type `definitions`. */
const enum Role {
  /** Data, or a container whose role does not matter. */
  Other,
  /** The root object or a `template` object, until its first property tells whether it is a template. */
  MaybeTemplate,
  /** A template: its first property is `$schema`, a deploymentTemplate schema. */
  Template,
  /** A template's `parameters` or `outputs`. */
  Declarations,
  /** One parameter or output declaration. */
  Declaration,
}

export interface ReadOptions {
  /**
   * Check the templates' documentation but build no tree for it: the `metadata` and `definitions` of
   * templates (the root and nested `template` objects) and the `metadata` of their parameter and output
   * declarations. ARM evaluates none of it, and Bicep's generated templates are half documentation: on the
   * corpus, building it made reading a third slower and gave the garbage collector twice the work.
   */
  readonly skipDocumentation?: boolean;
}

/**
 * The reading of a well-formed text (JSON with comments, no trailing commas), read in one pass over its
 * characters: runs of whitespace and of plain string characters are skipped by sticky regular expressions,
 * and no token is made. Reading through jsonc-parser's scanner made a token, a token value and a call per
 * space run, line break and separator; on the corpus this reads twice as fast, and templates are most of
 * what a workspace scan reads. Undefined at the first character jsonc-parser would not read as the grammar
 * expects (a scan error, a trailing comma, a missing value, nesting beyond MAX_JSON_DEPTH, more text after
 * the value): the visitor then reads the text and reports what is wrong. Without `skipDocumentation`, gives
 * exactly what `readJsonWithRecovery` gives for the texts it reads (tested on the fixtures, the corpus and
 * mutated files); with it, the same but for the documentation's subtrees.
 */
export function readWellFormedJson(text: string, options: ReadOptions = {}): JsonReading | undefined {
  return new WellFormedReading(text, options.skipDocumentation === true).read();
}

/**
 * One readWellFormedJson: the text, what is collected, and the steps of the reading as methods. Methods, not
 * closures made on each call: V8 holds a closure's optimized code only weakly, so each full garbage
 * collection that found no reading in progress threw it away, and the scan worker (a full collection every
 * few hundred milliseconds) compiled these steps again ~20 times each on 10,000 files.
 */
class WellFormedReading {
  private readonly length: number;
  private readonly comments: Comment[] = [];
  private readonly bracketStrings: MutableNode[] = [];
  private readonly documentation: MutableNode[] = [];
  /** The value of the string scanString read last. */
  private stringValue = '';
  /** The property whose value is read next, and its key node (set by readPropertyName). */
  private property: MutableNode | undefined;
  private key: MutableNode | undefined;

  constructor(
    private readonly text: string,
    private readonly skipDocumentation: boolean,
  ) {
    this.length = text.length;
  }

  read(): JsonReading | undefined {
    const { text, length, skipDocumentation, bracketStrings } = this;
    // Children of the open containers, innermost last, each container's from its start on: every children
    // array is made at its exact size when its container closes (as in the visitor path).
    const pending: MutableNode[] = [];
    let pendingLength = 0;
    // The open containers, innermost last, with the property each is the value of (and its key node), where
    // its children start in `pending`, and its role.
    const outerContainers: (MutableNode | undefined)[] = [];
    const outerProperties: (MutableNode | undefined)[] = [];
    const outerKeys: (MutableNode | undefined)[] = [];
    const outerRoles: Role[] = [];
    const childrenStarts: number[] = [];
    let container: MutableNode | undefined;
    let role = Role.Other;

    let at = this.skipTrivia(0);
    for (;;) {
      if (at < 0) return undefined;
      // A value starts at `at`.
      const parent = this.property ?? container;
      const name = this.key?.value as string | undefined;
      const c = text.charCodeAt(at);
      // A template object's first property is its `$schema` string (decided once the string is read, below).
      if (role === Role.MaybeTemplate && (name !== '$schema' || c !== Char.Quote)) role = Role.Other;
      /** The value read, or undefined for a container that closes at `end - 1`. */
      let node: MutableNode | undefined;
      let end: number;
      if (c === Char.OpenBrace && skipDocumentation && isDocumentation(role, name)) {
        end = this.skipValue(at, childrenStarts.length);
        if (end < 0) return undefined;
        node = new MutableNode('object', at, end - at, parent, undefined, []);
        this.documentation.push(node);
      } else if (c === Char.OpenBrace || c === Char.OpenBracket) {
        if (childrenStarts.length >= MAX_JSON_DEPTH) return undefined;
        const isObject = c === Char.OpenBrace;
        outerContainers.push(container);
        outerProperties.push(this.property);
        outerKeys.push(this.key);
        outerRoles.push(role);
        childrenStarts.push(pendingLength);
        role = isObject ? roleOf(container === undefined ? undefined : role, name) : Role.Other;
        container = new MutableNode(isObject ? 'object' : 'array', at, -1, parent, undefined, undefined);
        this.property = this.key = undefined;
        at = this.skipTrivia(at + 1);
        if (at < 0) return undefined;
        if (text.charCodeAt(at) !== (isObject ? Char.CloseBrace : Char.CloseBracket)) {
          if (isObject) at = this.readPropertyName(at, container);
          continue;
        }
        end = at + 1;
      } else {
        end = this.scalarEnd(at);
        if (end < 0) return undefined;
        if (c === Char.Quote) {
          const value = this.stringValue;
          node = new MutableNode('string', at, end - at, parent, value, undefined);
          if (isExpressionCandidate(value)) bracketStrings.push(node);
          if (role === Role.MaybeTemplate) role = TEMPLATE_SCHEMA.test(value) ? Role.Template : Role.Other;
        } else {
          node =
            c === Char.LowerT || c === Char.LowerF
              ? new MutableNode('boolean', at, end - at, parent, c === Char.LowerT, undefined)
              : c === Char.LowerN
                ? new MutableNode('null', at, end - at, parent, null, undefined)
                : new MutableNode('number', at, end - at, parent, Number(text.slice(at, end)), undefined);
        }
      }

      // A value is complete (or a container closes): attach it, then read separators and closing brackets
      // until another value is due.
      for (;;) {
        if (node === undefined) {
          node = container!;
          node.length = end - node.offset;
          const start = childrenStarts.pop()!;
          node.children = pending.slice(start, pendingLength);
          pendingLength = start;
          container = outerContainers.pop();
          this.property = outerProperties.pop();
          this.key = outerKeys.pop();
          role = outerRoles.pop()!;
        }
        let item = node;
        const property = this.property;
        if (property) {
          property.length = end - property.offset;
          property.children = [this.key!, node];
          item = property;
          this.property = this.key = undefined;
        }
        if (!container) {
          if (this.skipTrivia(end) !== length) return undefined;
          return {
            root: item as Node,
            comments: this.comments,
            problems: [],
            bracketStrings: bracketStrings as Node[],
            ...(skipDocumentation ? { documentation: this.documentation as Node[] } : {}),
          };
        }
        pending[pendingLength++] = item;
        at = this.skipTrivia(end);
        if (at < 0) return undefined;
        const isObject = container.type === 'object';
        const separator = text.charCodeAt(at);
        if (separator === Char.Comma) {
          at = this.skipTrivia(at + 1);
          if (at >= 0 && isObject) at = this.readPropertyName(at, container);
          else if (at >= 0 && text.charCodeAt(at) === Char.CloseBracket) return undefined; // a trailing comma
          break;
        }
        if (separator !== (isObject ? Char.CloseBrace : Char.CloseBracket)) return undefined;
        end = at + 1;
        node = undefined;
      }
    }
  }

  /** The offset past the whitespace and comments at `at`; -1 at a comment jsonc-parser reports. */
  private skipTrivia(at: number): number {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === Char.Space || c === Char.LineFeed || c === Char.CarriageReturn || c === Char.Tab) {
        WHITESPACE_RUN.lastIndex = at + 1;
        WHITESPACE_RUN.test(text);
        at = WHITESPACE_RUN.lastIndex;
      } else if (c === Char.Slash && text.charCodeAt(at + 1) === Char.Slash) {
        let end = at + 2;
        for (let d = text.charCodeAt(end); end < this.length && d !== Char.LineFeed && d !== Char.CarriageReturn;)
          d = text.charCodeAt(++end);
        this.comments.push(commentOf(text, at, end - at));
        at = end;
      } else if (c === Char.Slash && text.charCodeAt(at + 1) === Char.Asterisk) {
        const close = text.indexOf('*/', at + 2);
        if (close < 0) return -1;
        this.comments.push(commentOf(text, at, close + 2 - at));
        at = close + 2;
      } else {
        return c === Char.Slash ? -1 : at;
      }
    }
  }

  /** Reads the string whose opening quote is at `at` into stringValue: the offset past it, or -1. */
  private scanString(at: number): number {
    const text = this.text;
    PLAIN_STRING_RUN.lastIndex = at + 1;
    PLAIN_STRING_RUN.test(text);
    let end = PLAIN_STRING_RUN.lastIndex;
    if (text.charCodeAt(end) === Char.Quote) {
      this.stringValue = text.slice(at + 1, end);
      return end + 1;
    }
    let value = text.slice(at + 1, end);
    for (;;) {
      const c = text.charCodeAt(end);
      if (c === Char.Quote) {
        this.stringValue = value;
        return end + 1;
      }
      // A control character (a line break too) or the end of the text: jsonc-parser reports it.
      if (c !== Char.Backslash) return -1;
      const escaped = unescape(text, end + 1);
      if (escaped === undefined) return -1;
      value += escaped;
      end += text.charCodeAt(end + 1) === 117 /* u: four hex digits follow */ ? 6 : 2;
      PLAIN_STRING_RUN.lastIndex = end;
      PLAIN_STRING_RUN.test(text);
      value += text.slice(end, PLAIN_STRING_RUN.lastIndex);
      end = PLAIN_STRING_RUN.lastIndex;
    }
  }

  /**
   * The end of the string whose opening quote is at `at`, checked as scanString checks it but not read: the
   * strings of skipped documentation (descriptions, mostly) are never wanted. -1 where it is not well-formed.
   */
  private stringEnd(at: number): number {
    const text = this.text;
    let end = at + 1;
    for (;;) {
      PLAIN_STRING_RUN.lastIndex = end;
      PLAIN_STRING_RUN.test(text);
      end = PLAIN_STRING_RUN.lastIndex;
      const c = text.charCodeAt(end);
      if (c === Char.Quote) return end + 1;
      if (c !== Char.Backslash || unescape(text, end + 1) === undefined) return -1;
      end += text.charCodeAt(end + 1) === 117 /* u: four hex digits follow */ ? 6 : 2;
    }
  }

  /** The end of the string, number or keyword at `at` (a string's value in stringValue); -1 if none is. */
  private scalarEnd(at: number): number {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === Char.Quote) return this.scanString(at);
    if (c === Char.Minus || (c >= Char.Zero && c <= Char.Nine)) return numberEnd(text, at);
    if (c === Char.LowerT) return text.startsWith('true', at) ? at + 4 : -1;
    if (c === Char.LowerF) return text.startsWith('false', at) ? at + 5 : -1;
    if (c === Char.LowerN) return text.startsWith('null', at) ? at + 4 : -1;
    return -1;
  }

  /** Past the trivia, the colon and the trivia after a property name that ends at `end`; -1 if no colon. */
  private afterColon(end: number): number {
    const colon = this.skipTrivia(end);
    return colon < 0 || this.text.charCodeAt(colon) !== Char.Colon ? -1 : this.skipTrivia(colon + 1);
  }

  /** Past `"name":` and the trivia after it (the name not read); -1 if that is not at `at`. */
  private nameEnd(at: number): number {
    const end = this.text.charCodeAt(at) === Char.Quote ? this.stringEnd(at) : -1;
    return end < 0 ? -1 : this.afterColon(end);
  }

  /**
   * The end of the value at `at`, checked as the tree is but not built (its comments are kept); -1 where
   * the text is not well-formed. `depth`: the containers open around it.
   */
  private skipValue(at: number, depth: number): number {
    const text = this.text;
    const closers: number[] = [];
    for (;;) {
      if (at < 0) return -1;
      const c = text.charCodeAt(at);
      let end: number;
      if (c === Char.OpenBrace || c === Char.OpenBracket) {
        if (depth + closers.length >= MAX_JSON_DEPTH) return -1;
        const closer = c === Char.OpenBrace ? Char.CloseBrace : Char.CloseBracket;
        closers.push(closer);
        at = this.skipTrivia(at + 1);
        if (at < 0) return -1;
        if (text.charCodeAt(at) !== closer) {
          if (closer === Char.CloseBrace) at = this.nameEnd(at);
          continue;
        }
        closers.pop();
        end = at + 1;
      } else {
        end = c === Char.Quote ? this.stringEnd(at) : this.scalarEnd(at);
        if (end < 0) return -1;
      }
      // After a value: separators and closing brackets until another value is due.
      for (;;) {
        if (closers.length === 0) return end;
        at = this.skipTrivia(end);
        if (at < 0) return -1;
        const closer = closers[closers.length - 1];
        const separator = text.charCodeAt(at);
        if (separator === Char.Comma) {
          at = this.skipTrivia(at + 1);
          if (at >= 0 && closer === Char.CloseBrace) at = this.nameEnd(at);
          else if (at >= 0 && text.charCodeAt(at) === Char.CloseBracket) return -1; // a trailing comma
          break;
        }
        if (separator !== closer) return -1;
        closers.pop();
        end = at + 1;
      }
    }
  }

  /** Reads `"name":` at `at` in `container` into property and key: the offset of the value, or -1. */
  private readPropertyName(at: number, container: MutableNode): number {
    if (this.text.charCodeAt(at) !== Char.Quote) return -1;
    const end = this.scanString(at);
    if (end < 0) return -1;
    const name = this.stringValue;
    const property = new MutableNode('property', at, -1, container, undefined, undefined);
    const key = new MutableNode('string', at, end - at, property, name, undefined);
    this.property = property;
    this.key = key;
    if (isExpressionCandidate(name)) this.bracketStrings.push(key);
    return this.afterColon(end);
  }
}

/** The role of an object that is the value of `name` in a container of role `outer` (undefined: the root). */
function roleOf(outer: Role | undefined, name: string | undefined): Role {
  if (outer === undefined || (name !== undefined && isName(name, 'template'))) return Role.MaybeTemplate;
  if (outer === Role.Template && name !== undefined && (isName(name, 'parameters') || isName(name, 'outputs')))
    return Role.Declarations;
  return outer === Role.Declarations ? Role.Declaration : Role.Other;
}

/** Whether the value of `name` in a container of this role is documentation (see ReadOptions). */
function isDocumentation(role: Role, name: string | undefined): boolean {
  if (name === undefined) return false;
  if (role === Role.Template) return isName(name, 'metadata') || isName(name, 'definitions');
  return role === Role.Declaration && isName(name, 'metadata');
}

/** ARM property names are case-insensitive; `lower` is the name in lower case. */
function isName(name: string, lower: string): boolean {
  return name.length === lower.length && (name === lower || name.toLowerCase() === lower);
}

/** The end of the number at `at`, as jsonc-parser's scanner reads numbers; -1 where it reports an error. */
function numberEnd(text: string, at: number): number {
  let end = text.charCodeAt(at) === Char.Minus ? at + 1 : at;
  if (!isDigit(text.charCodeAt(end))) return -1;
  // A leading zero is a number of its own (`01` is two tokens, which the grammar then refuses).
  if (text.charCodeAt(end++) !== Char.Zero) while (isDigit(text.charCodeAt(end))) end++;
  if (text.charCodeAt(end) === Char.Dot) {
    if (!isDigit(text.charCodeAt(++end))) return -1;
    while (isDigit(text.charCodeAt(end))) end++;
  }
  const exponent = text.charCodeAt(end);
  if (exponent === Char.UpperE || exponent === Char.LowerE) {
    const sign = text.charCodeAt(++end);
    if (sign === 43 /* + */ || sign === Char.Minus) end++;
    if (!isDigit(text.charCodeAt(end))) return -1;
    while (isDigit(text.charCodeAt(end))) end++;
  }
  return end;
}

function isDigit(c: number): boolean {
  return c >= Char.Zero && c <= Char.Nine;
}

/** The character of the escape whose letter is at `at` (past the backslash); undefined for an invalid one. */
function unescape(text: string, at: number): string | undefined {
  switch (text.charCodeAt(at)) {
    case 34:
      return '"';
    case 92:
      return '\\';
    case 47:
      return '/';
    case 98:
      return '\b';
    case 102:
      return '\f';
    case 110:
      return '\n';
    case 114:
      return '\r';
    case 116:
      return '\t';
    case 117: {
      // Exactly four hex digits.
      const hex = text.slice(at + 1, at + 5);
      return /^[0-9a-fA-F]{4}$/.test(hex) ? String.fromCharCode(parseInt(hex, 16)) : undefined;
    }
    default:
      return undefined;
  }
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
          if (current.type === 'property' && separator === ',') completeProperty(offset);
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
