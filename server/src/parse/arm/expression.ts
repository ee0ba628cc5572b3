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

type TokenKind = 'identifier' | 'string' | 'number' | 'punct' | 'eof' | 'bad';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly value?: string | number;
  readonly start: number;
  readonly end: number;
}

const isIdentifierStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentifierPart = (c: number) => isIdentifierStart(c) || isDigit(c);

function tokenize(source: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 10) {
      i++;
      continue;
    }
    const start = i;
    if (isIdentifierStart(c)) {
      i++;
      while (i < to && isIdentifierPart(source.charCodeAt(i))) i++;
      tokens.push({ kind: 'identifier', text: source.slice(start, i), start, end: i });
    } else if (c === 39 /* ' */) {
      i++;
      let value = '';
      let closed = false;
      let chunk = i;
      while (i < to) {
        if (source.charCodeAt(i) === 39) {
          value += source.slice(chunk, i);
          if (i + 1 < to && source.charCodeAt(i + 1) === 39) {
            value += "'";
            i += 2;
            chunk = i;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        i++;
      }
      tokens.push(
        closed
          ? { kind: 'string', text: source.slice(start, i), value, start, end: i }
          : { kind: 'bad', text: 'unterminated string', start, end: i },
      );
    } else if (isDigit(c) || (c === 45 /* - */ && i + 1 < to && isDigit(source.charCodeAt(i + 1)))) {
      i++;
      while (i < to && (isDigit(source.charCodeAt(i)) || source.charCodeAt(i) === 46)) i++;
      const text = source.slice(start, i);
      tokens.push({ kind: 'number', text, value: Number(text), start, end: i });
    } else if (c === 40 || c === 41 || c === 46 || c === 44 || c === 91 || c === 93) {
      i++;
      tokens.push({ kind: 'punct', text: source[start], start, end: i });
    } else {
      i++;
      tokens.push({ kind: 'bad', text: `unexpected character '${source[start]}'`, start, end: i });
    }
  }
  tokens.push({ kind: 'eof', text: '', start: to, end: to });
  return tokens;
}

/** Thrown inside the parser only, caught at its entry. */
class ParseFailure {
  constructor(
    readonly message: string,
    readonly at: number,
  ) {}
}

/** Parses the body of an expression string (the text between `[` and `]`). */
export function parseExpression(source: string, from = 0, to = source.length): ArmExpr {
  const parser = new Parser(tokenize(source, from, to));
  try {
    const result = parser.expression();
    const rest = parser.peek();
    if (rest.kind !== 'eof') fail(`unexpected '${rest.text}' after the expression`, rest);
    return result;
  } catch (error) {
    if (error instanceof ParseFailure) return { kind: 'error', message: error.message, start: from, end: to };
    // RangeError from an unforeseen recursion path: still never throw out of the parser.
    return { kind: 'error', message: 'the expression could not be parsed', start: from, end: to };
  }
}

function fail(message: string, token: Token): never {
  throw new ParseFailure(message, token.start);
}

function isPunct(token: Token, text: string): boolean {
  return token.kind === 'punct' && token.text === text;
}

class Parser {
  private position = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.position + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    return this.tokens[Math.min(this.position++, this.tokens.length - 1)];
  }

  expression(): ArmExpr {
    if (++this.depth > MAX_EXPRESSION_DEPTH) fail(`nested deeper than ${MAX_EXPRESSION_DEPTH} levels`, this.peek());
    try {
      let node = this.primary();
      for (;;) {
        const token = this.peek();
        if (isPunct(token, '.')) {
          this.next();
          const name = this.next();
          if (name.kind !== 'identifier') fail('property name expected', name);
          node = { kind: 'member', object: node, name: name.text, start: node.start, end: name.end };
        } else if (isPunct(token, '[')) {
          this.next();
          const index = this.expression();
          const close = this.next();
          if (!isPunct(close, ']')) fail("']' expected", close);
          node = { kind: 'index', object: node, index, start: node.start, end: close.end };
        } else return node;
      }
    } finally {
      this.depth--;
    }
  }

  private primary(): ArmExpr {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.value as string, start: token.start, end: token.end };
      case 'number':
        if (Number.isNaN(token.value)) fail(`invalid number '${token.text}'`, token);
        return { kind: 'number', value: token.value as number, start: token.start, end: token.end };
      case 'identifier': {
        let name = token.text;
        let namespace: string | undefined;
        let nameStart = token.start;
        if (isPunct(this.peek(), '.') && this.peek(1).kind === 'identifier' && isPunct(this.peek(2), '(')) {
          this.next();
          const member = this.next();
          namespace = name;
          name = member.text;
          nameStart = member.start;
        }
        if (!isPunct(this.peek(), '(')) {
          // `true`, `false`, `null` written without parentheses.
          if (/^(true|false|null)$/i.test(name) && !namespace)
            return { kind: 'call', name, nameStart, args: [], start: token.start, end: token.end };
          fail(`'(' expected after '${name}'`, this.peek());
        }
        this.next();
        const args: ArmExpr[] = [];
        if (!isPunct(this.peek(), ')')) {
          for (;;) {
            args.push(this.expression());
            const separator = this.next();
            if (isPunct(separator, ')')) break;
            if (!isPunct(separator, ',')) fail("',' or ')' expected", separator);
          }
        } else this.next();
        const end = this.tokens[Math.min(this.position, this.tokens.length) - 1].end;
        return { kind: 'call', name, namespace, nameStart, args, start: token.start, end };
      }
      case 'punct':
        if (token.text === '(') {
          const inner = this.expression();
          const close = this.next();
          if (!isPunct(close, ')')) fail("')' expected", close);
          return { ...inner, start: token.start, end: close.end };
        }
        return fail(`unexpected '${token.text}'`, token);
      case 'bad':
        return fail(token.text, token);
      default:
        return fail('expression expected', token);
    }
  }
}
