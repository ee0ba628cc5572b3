// The ARM template expression language: `[concat(parameters('a'), '-x')]`, `[reference(x).properties.y]`,
// `[variables('o')['key'][0]]`. A small tokenizer and recursive-descent parser; offsets are relative to
// the decoded JSON string (the caller maps them to the document). Never throws: malformed input yields an
// `error` node that the evaluator turns into an unknown value.
//
// Grammar (after the outer `[` … `]`):
//   expression := primary accessor*
//   primary    := call | string | number | '(' expression ')'
//   call       := identifier ('.' identifier)? '(' (expression (',' expression)*)? ')'
//   accessor   := '.' identifier | '[' expression ']'
// `true`/`false`/`null` are functions in ARM (`true()`); bare words are accepted as the same.

export type ArmExpr =
  | { readonly kind: 'string'; readonly value: string; readonly start: number; readonly end: number }
  | { readonly kind: 'number'; readonly value: number; readonly start: number; readonly end: number }
  | {
      readonly kind: 'call';
      readonly name: string;
      /** The name lower-cased (ARM function names are case-insensitive), once per parsed expression. */
      readonly lower: string;
      /** User-defined functions are called as `namespace.name(…)`. */
      readonly namespace?: string;
      readonly nameStart: number;
      readonly args: readonly ArmExpr[];
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'member';
      readonly object: ArmExpr;
      readonly name: string;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: 'index';
      readonly object: ArmExpr;
      readonly index: ArmExpr;
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'error'; readonly message: string; readonly start: number; readonly end: number };

/** Expressions nested deeper than this (`not(not(…))` ten thousand times) are not parsed. */
export const MAX_EXPRESSION_DEPTH = 128;

/**
 * Whether a JSON string is an ARM expression, and its body range: `[…]`, not `[[…` (an escaped literal
 * bracket). Returns the offsets of the text between the brackets, or undefined for a literal string.
 */
export function expressionBody(text: string): { start: number; end: number } | undefined {
  const end = closingBracket(text);
  return end < 0 ? undefined : { start: 1, end };
}

/** Whether a JSON string is an ARM expression (see expressionBody), without allocating its range. */
export function isExpression(text: string): boolean {
  return closingBracket(text) >= 0;
}

/** The offset of the closing `]` of an expression string, or -1 for a literal string. */
function closingBracket(text: string): number {
  if (text.length < 2 || text.charCodeAt(0) !== 91 /* [ */ || text.charCodeAt(1) === 91) return -1;
  let end = text.length;
  // Trailing white space (space, tab, CR, LF) is allowed after the closing bracket.
  while (end > 0 && isTrailingSpace(text.charCodeAt(end - 1))) end--;
  return text.charCodeAt(end - 1) === 93 /* ] */ ? end - 1 : -1;
}

function isTrailingSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff;
}

/** The literal value of a non-expression string: `[[x]` means the text `[x]`. */
export function literalText(text: string): string {
  return text.startsWith('[[') ? text.slice(1) : text;
}

/**
 * Parsed expressions by their text, shared by all documents: half the `[…]` strings of a template repeat
 * another one (`[parameters('location')]`), and compiled Bicep modules repeat whole templates across files
 * (the corpus has 9,700 distinct strings per file but 4,500 in all). Offsets in an expression are relative to
 * its string, so equal strings have equal trees, and trees are never modified. Bounded: emptied when full,
 * so a long-running language server does not keep every string it ever saw.
 */
const expressionsByText = new Map<string, ArmExpr>();
const MAX_CACHED_EXPRESSIONS = 20_000;

/** The parsed body of a `[…]` string (which must be an expression: see expressionBody), from the cache. */
export function parsedExpression(text: string): ArmExpr {
  let ast = expressionsByText.get(text);
  if (!ast) {
    // A JSON string is a slice of its document's text, and so are the strings of a tree parsed from it: the
    // cache keeps a copy of its own, or it would keep every document it saw alive.
    const own = ownCopy(text);
    const body = expressionBody(own)!;
    ast = parseExpression(own, body.start, body.end);
    if (expressionsByText.size >= MAX_CACHED_EXPRESSIONS) expressionsByText.clear();
    expressionsByText.set(own, ast);
  }
  return ast;
}

/**
 * A copy of `text` that refers to no other string (UTF-16 code units as they are, lone surrogates too). V8
 * makes a slice of a long string a view into it: a slice kept in a cache shared by all documents (the
 * expressions, the id shapes and names of idShape.ts) would keep its whole document alive.
 */
export function ownCopy(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

/** Empties the shared cache of parsed expressions (benchmarks: every round starts as a fresh scan). */
export function forgetParsedExpressions(): void {
  expressionsByText.clear();
}

type TokenKind = 'identifier' | 'string' | 'number' | 'punct' | 'eof' | 'bad';

const isIdentifierStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentifierPart = (c: number) => isIdentifierStart(c) || isDigit(c);

const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const COMMA = 44;
const DOT = 46;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/**
 * The tokens of an expression, one at a time: the current token is in the fields (no token objects, no
 * token list: templates hold tens of thousands of expressions). The token sequence does not depend on the
 * parser, so reading it lazily gives the tokens a full tokenization would.
 */
class Scanner {
  kind: TokenKind = 'eof';
  start = 0;
  end = 0;
  /** For a `bad` token: what is wrong. */
  problem = '';
  private pos: number;

  constructor(
    readonly source: string,
    from: number,
    private readonly to: number,
  ) {
    this.pos = from;
    this.advance();
  }

  /** The current token's text as written (a `bad` token's: its problem; the end: ''). */
  text(): string {
    return this.kind === 'bad' ? this.problem : this.source.slice(this.start, this.end);
  }

  /** Whether the current token is the punctuation character `c`. */
  isPunct(c: number): boolean {
    return this.kind === 'punct' && this.source.charCodeAt(this.start) === c;
  }

  /** The decoded value of the current `string` token: `'it''s'` is `it's`. */
  stringValue(): string {
    const raw = this.source.slice(this.start + 1, this.end - 1);
    return raw.includes("''") ? raw.replace(/''/g, "'") : raw;
  }

  /** Where the scanner is, to look ahead and come back. */
  mark(): number {
    return this.start;
  }

  /** Back to the token that started at `start` (a mark). */
  reset(start: number): void {
    this.pos = start;
    this.advance();
  }

  advance(): void {
    const source = this.source;
    const to = this.to;
    let i = this.pos;
    while (i < to) {
      const c = source.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 13 && c !== 10) break;
      i++;
    }
    this.start = i;
    if (i >= to) {
      this.kind = 'eof';
      this.start = to;
      this.end = to;
      this.pos = to;
      return;
    }
    const c = source.charCodeAt(i);
    if (isIdentifierStart(c)) {
      i++;
      while (i < to && isIdentifierPart(source.charCodeAt(i))) i++;
      this.kind = 'identifier';
    } else if (c === 39 /* ' */) {
      i++;
      let closed = false;
      while (i < to) {
        if (source.charCodeAt(i) === 39) {
          // `''` is a quote inside the string.
          if (i + 1 < to && source.charCodeAt(i + 1) === 39) {
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        i++;
      }
      this.kind = closed ? 'string' : 'bad';
      if (!closed) this.problem = 'unterminated string';
    } else if (isDigit(c) || (c === 45 /* - */ && i + 1 < to && isDigit(source.charCodeAt(i + 1)))) {
      i++;
      while (i < to && (isDigit(source.charCodeAt(i)) || source.charCodeAt(i) === DOT)) i++;
      this.kind = 'number';
    } else if (
      c === OPEN_PAREN ||
      c === CLOSE_PAREN ||
      c === DOT ||
      c === COMMA ||
      c === OPEN_BRACKET ||
      c === CLOSE_BRACKET
    ) {
      i++;
      this.kind = 'punct';
    } else {
      i++;
      this.kind = 'bad';
      this.problem = `unexpected character '${source[this.start]}'`;
    }
    this.end = i;
    this.pos = i;
  }
}

/** Thrown inside the parser only, caught at its entry. */
class ParseFailure {
  constructor(readonly message: string) {}
}

/** Parses the body of an expression string (the text between `[` and `]`). */
export function parseExpression(source: string, from = 0, to = source.length): ArmExpr {
  try {
    const parser = new Parser(new Scanner(source, from, to));
    const result = parser.expression();
    parser.expectEnd();
    return result;
  } catch (error) {
    if (error instanceof ParseFailure) return { kind: 'error', message: error.message, start: from, end: to };
    // RangeError from an unforeseen recursion path: still never throw out of the parser.
    return { kind: 'error', message: 'the expression could not be parsed', start: from, end: to };
  }
}

function fail(message: string): never {
  throw new ParseFailure(message);
}

class Parser {
  private depth = 0;
  /** Arguments of the calls being parsed (see call()). */
  private readonly stack: ArmExpr[] = [];

  constructor(private readonly tokens: Scanner) {}

  expectEnd(): void {
    if (this.tokens.kind !== 'eof') fail(`unexpected '${this.tokens.text()}' after the expression`);
  }

  expression(): ArmExpr {
    if (++this.depth > MAX_EXPRESSION_DEPTH) fail(`nested deeper than ${MAX_EXPRESSION_DEPTH} levels`);
    try {
      const tokens = this.tokens;
      let node = this.primary();
      for (;;) {
        if (tokens.isPunct(DOT)) {
          tokens.advance();
          if (tokens.kind !== 'identifier') fail('property name expected');
          node = { kind: 'member', object: node, name: tokens.text(), start: node.start, end: tokens.end };
          tokens.advance();
        } else if (tokens.isPunct(OPEN_BRACKET)) {
          tokens.advance();
          const index = this.expression();
          if (!tokens.isPunct(CLOSE_BRACKET)) fail("']' expected");
          node = { kind: 'index', object: node, index, start: node.start, end: tokens.end };
          tokens.advance();
        } else return node;
      }
    } finally {
      this.depth--;
    }
  }

  private primary(): ArmExpr {
    const tokens = this.tokens;
    const start = tokens.start;
    const end = tokens.end;
    switch (tokens.kind) {
      case 'string': {
        const value = tokens.stringValue();
        tokens.advance();
        return { kind: 'string', value, start, end };
      }
      case 'number': {
        const text = tokens.text();
        const value = Number(text);
        if (Number.isNaN(value)) fail(`invalid number '${text}'`);
        tokens.advance();
        return { kind: 'number', value, start, end };
      }
      case 'identifier':
        return this.call();
      case 'punct':
        if (tokens.isPunct(OPEN_PAREN)) {
          tokens.advance();
          const inner = this.expression();
          if (!tokens.isPunct(CLOSE_PAREN)) fail("')' expected");
          const closeEnd = tokens.end;
          tokens.advance();
          return { ...inner, start, end: closeEnd };
        }
        return fail(`unexpected '${tokens.text()}'`);
      case 'bad':
        return fail(tokens.problem);
      default:
        return fail('expression expected');
    }
  }

  /** `name(…)`, `namespace.name(…)`, or `true`/`false`/`null` without parentheses; at the first identifier. */
  private call(): ArmExpr {
    const tokens = this.tokens;
    const start = tokens.start;
    const firstEnd = tokens.end;
    let name = tokens.text();
    let namespace: string | undefined;
    let nameStart = start;
    tokens.advance();
    if (tokens.isPunct(DOT) && this.isNamespacedCall()) {
      tokens.advance();
      namespace = name;
      name = tokens.text();
      nameStart = tokens.start;
      tokens.advance();
    }
    if (!tokens.isPunct(OPEN_PAREN)) {
      // `true`, `false`, `null` written without parentheses.
      if (/^(true|false|null)$/i.test(name) && !namespace)
        return { kind: 'call', name, lower: name.toLowerCase(), nameStart, args: [], start, end: firstEnd };
      fail(`'(' expected after '${name}'`);
    }
    tokens.advance();
    // Arguments go on the parser's stack, then into an array of their exact size (the trees are kept for
    // the whole analysis of the file; an array grown by `push` keeps room for 16).
    const base = this.stack.length;
    let end: number;
    if (!tokens.isPunct(CLOSE_PAREN)) {
      for (;;) {
        this.stack.push(this.expression());
        const isClose = tokens.isPunct(CLOSE_PAREN);
        if (!isClose && !tokens.isPunct(COMMA)) fail("',' or ')' expected");
        end = tokens.end;
        tokens.advance();
        if (isClose) break;
      }
    } else {
      end = tokens.end;
      tokens.advance();
    }
    const args = this.stack.slice(base);
    this.stack.length = base;
    return { kind: 'call', name, lower: name.toLowerCase(), namespace, nameStart, args, start, end };
  }

  /** At the `.` after an identifier: whether an identifier and `(` follow (`ns.fn(`, not `obj.prop`). */
  private isNamespacedCall(): boolean {
    const tokens = this.tokens;
    const dot = tokens.mark();
    tokens.advance();
    let result = false;
    if (tokens.kind === 'identifier') {
      tokens.advance();
      result = tokens.isPunct(OPEN_PAREN);
    }
    tokens.reset(dot);
    return result;
  }
}
