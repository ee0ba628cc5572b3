// A hand-written recursive-descent parser for Bicep and .bicepparam, modelled on the language as the Bicep
// compiler reads it (src/Bicep.Core/Parsing), written for a linter: it never throws, always returns a tree,
// and recovers at declaration and object-property boundaries so that a half-typed line or an unclosed brace
// costs only that part of the file.
//
// Newlines: statements and object/array items are separated by newlines; inside parentheses and brackets
// (call arguments, indexers, parenthesised expressions) newlines are insignificant, and a line may continue
// after a binary operator or before `?` / `:` of a multi-line ternary.
import type { SyntaxProblem } from '../../model/document';
import { LineIndex } from '../../model/span';
import { lex, type Token, type TokenKind } from './lexer';
import type {
  ArrayExpr,
  BicepTree,
  BinaryOperator,
  Decorator,
  ErrorNode,
  Expr,
  ExtensionDecl,
  FuncParameter,
  Identifier,
  ImportDecl,
  ObjectExpr,
  ObjectType,
  ObjectTypeProperty,
  ResourceDecl,
  SpreadExpr,
  Statement,
  StringExpr,
  TupleType,
  TypeExpr,
  UnaryOperator,
  UsingDecl,
} from './syntax';

/** Deeper nesting than this is reported ("nesting too deep") and skipped, so the call stack stays bounded. */
export const MAX_NESTING_DEPTH = 500;

const BINARY_PRECEDENCE: Partial<Record<TokenKind, number>> = {
  '??': 1,
  '||': 2,
  '&&': 3,
  '==': 4,
  '!=': 4,
  '=~': 4,
  '!~': 4,
  '<': 5,
  '<=': 5,
  '>': 5,
  '>=': 5,
  '+': 6,
  '-': 6,
  '*': 7,
  '/': 7,
  '%': 7,
};

/** Keywords that start a declaration, and what must follow them for a line to be read as one. */
const DECLARATION_KEYWORDS = new Set([
  'param',
  'var',
  'output',
  'type',
  'func',
  'resource',
  'module',
  'metadata',
  'targetScope',
  'import',
  'extension',
  'provider',
  'using',
  'extends',
  'assert',
  'test',
]);

/** The empty list of plain strings' interpolations and of object properties' decorators, shared (never written). */
const NONE: readonly never[] = Object.freeze([]);

const OPENERS = new Set<TokenKind>(['{', '[', '(']);
const CLOSERS = new Set<TokenKind>(['}', ']', ')']);

export function parseBicep(text: string): BicepTree {
  return new Parser(text).parseProgram();
}

/**
 * The tree's root. `tokens` is a getter that lexes the text again on first use: nothing on the analysis path
 * reads the tokens, and holding every token of a tree as long as the tree lives made them all outlive the
 * young generation. The getter sits on the prototype, so tree walkers (Object.entries) never trigger it.
 */
class Program implements BicepTree {
  // Declared in the order of the former object literal (the order of JSON and Object.entries).
  readonly kind = 'program';
  readonly start = 0;
  readonly end: number;
  readonly text: string;
  readonly statements: readonly Statement[];
  readonly comments: BicepTree['comments'];
  readonly directives: BicepTree['directives'];
  readonly errors: readonly SyntaxProblem[];
  #tokens: Token[] | undefined;

  constructor(
    text: string,
    statements: readonly Statement[],
    comments: BicepTree['comments'],
    directives: BicepTree['directives'],
    errors: readonly SyntaxProblem[],
  ) {
    this.end = text.length;
    this.text = text;
    this.statements = statements;
    this.comments = comments;
    this.directives = directives;
    this.errors = errors;
  }

  get tokens(): Token[] {
    this.#tokens ??= lex(this.text).tokens;
    return this.#tokens;
  }
}

class Parser {
  private readonly tokens: Token[];
  private readonly comments;
  private readonly directives;
  private readonly errors: SyntaxProblem[];
  private pos = 0;
  /** End of the last consumed token that was not a newline: the end of the node being built. */
  private prevEnd = 0;
  private depth = 0;
  /** True inside ( ) and [ ] of expressions, where line breaks do not end anything. */
  private newlinesInsignificant = false;
  private lineIndex: LineIndex | undefined;

  constructor(private readonly text: string) {
    const lexed = lex(text);
    this.tokens = lexed.tokens;
    this.comments = lexed.comments;
    this.directives = lexed.directives;
    this.errors = lexed.problems;
  }

  parseProgram(): BicepTree {
    const statements: Statement[] = [];
    try {
      this.skipNewlines();
      while (this.kind() !== 'EOF') {
        const before = this.pos;
        statements.push(this.parseStatement());
        this.expectEndOfLine();
        if (this.pos === before) this.advance(); // guarantee progress whatever happened
        this.skipNewlines();
      }
    } catch (error) {
      // Last line of defence: a stack overflow on pathological input must not escape as an exception.
      const at = this.tok().start;
      this.error(at, this.text.length, error instanceof RangeError ? 'nesting too deep' : 'internal parser error');
    }
    this.errors.sort((a, b) => a.span.start - b.span.start);
    return new Program(this.text, statements, this.comments, this.directives, this.errors);
  }

  // -------------------------------------------------------------------------------------------------------
  // Token helpers

  private tok(): Token {
    return this.tokens[this.pos];
  }

  private kind(): TokenKind {
    return this.tokens[this.pos].kind;
  }

  private peek(offset: number): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }

  private advance(): Token {
    const token = this.tokens[this.pos];
    if (token.kind !== 'EOF') {
      this.pos++;
      if (token.kind !== 'NewLine') this.prevEnd = token.end;
    }
    return token;
  }

  private isKeyword(word: string): boolean {
    const token = this.tokens[this.pos];
    return token.kind === 'Identifier' && token.value === word;
  }

  private skipNewlines(): void {
    while (this.tokens[this.pos].kind === 'NewLine') this.pos++;
  }

  /** The first token from here that is not a newline. */
  private peekPastNewlines(): Token {
    let i = this.pos;
    while (this.tokens[i].kind === 'NewLine') i++;
    return this.tokens[i];
  }

  private error(start: number, end: number, message: string, alwaysReport = false): void {
    const last = this.errors[this.errors.length - 1];
    // One problem per position (a missing token often makes the next check fail at the same place), except
    // for unclosed blocks: each enclosing block that is left open is worth its own message.
    if (last && last.span.start === start && (!alwaysReport || last.message === message)) return;
    this.errors.push({ span: { start, end }, message });
  }

  private errorAtToken(message: string): void {
    const token = this.tok();
    if (token.kind === 'NewLine' || token.kind === 'EOF') this.error(this.prevEnd, this.prevEnd, message);
    else this.error(token.start, token.end, message);
  }

  private describe(token: Token): string {
    switch (token.kind) {
      case 'NewLine':
        return 'end of line';
      case 'EOF':
        return 'end of file';
      case 'Identifier':
        return `'${token.value}'`;
      case 'Integer':
        return `'${token.value}'`;
      case 'String':
      case 'StringLeft':
      case 'MultilineString':
        return 'a string';
      case 'StringMiddle':
      case 'StringRight':
        return "'}'";
      case 'Unrecognized':
        return `'${token.value}'`;
      default:
        return `'${token.kind}'`;
    }
  }

  private lineOf(offset: number): number {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex.positionAt(offset).line + 1;
  }

  private expect(kind: TokenKind, what: string): Token | undefined {
    if (this.kind() === kind) return this.advance();
    this.errorAtToken(`expected ${what} but found ${this.describe(this.tok())}`);
    return undefined;
  }

  private expectIdentifier(what: string): Identifier {
    const token = this.tok();
    if (token.kind === 'Identifier') {
      this.advance();
      return { kind: 'identifier', name: token.value, start: token.start, end: token.end };
    }
    this.errorAtToken(`expected ${what} but found ${this.describe(token)}`);
    return { kind: 'identifier', name: '', start: this.prevEnd, end: this.prevEnd };
  }

  private identifierFrom(token: Token): Identifier {
    return { kind: 'identifier', name: token.value, start: token.start, end: token.end };
  }

  private errorNode(start: number, message: string): ErrorNode {
    return { kind: 'error', start, end: Math.max(start, this.prevEnd), message };
  }

  /** Is the current token the start of a declaration on its own line (the recovery point of unclosed blocks)? */
  private atDeclarationStart(inObject: boolean): boolean {
    const token = this.tok();
    const previous = this.tokens[this.pos - 1];
    if (previous && previous.kind !== 'NewLine') return false;
    // Decorated nested resources are written inside resource bodies too (see `resource` below).
    if (token.kind === '@') return this.peek(1).kind === 'Identifier' && (!inObject || this.atColumnZero(token));
    if (token.kind !== 'Identifier' || !DECLARATION_KEYWORDS.has(token.value)) return false;
    const next = this.peek(1).kind;
    switch (token.value) {
      case 'targetScope':
        return next === '=';
      case 'import':
        return next === '{' || next === '*' || next === 'String';
      case 'using':
        return next === 'String' || (next === 'Identifier' && this.peek(1).value === 'none');
      case 'extends':
        return next === 'String';
      case 'extension':
      case 'provider':
        return next === 'Identifier' || next === 'String';
      case 'resource':
        // Nested child resources are written inside resource bodies; one at column 0 is taken as the next
        // top-level declaration after a body that was never closed.
        if (inObject && !this.atColumnZero(token)) return false;
        return next === 'Identifier';
      default:
        return next === 'Identifier';
    }
  }

  private atColumnZero(token: Token): boolean {
    const c = this.text.charCodeAt(token.start - 1);
    return token.start === 0 || c === 10 || c === 13;
  }

  /**
   * Error recovery: skips to the end of the line, also over bracketed groups that continue on later lines,
   * but never past a closer that belongs to an enclosing group or the start of another declaration.
   */
  private skipToLineEnd(): void {
    let depth = 0;
    for (;;) {
      const kind = this.kind();
      if (kind === 'EOF') return;
      if (kind === 'NewLine') {
        if (depth === 0) return;
        this.pos++;
        if (this.atDeclarationStart(false)) return;
        continue;
      }
      if (OPENERS.has(kind)) depth++;
      else if (CLOSERS.has(kind)) {
        if (depth === 0) return;
        depth--;
      }
      this.advance();
    }
  }

  /** After a statement or an object item: the line must end here. */
  private expectEndOfLine(): void {
    const kind = this.kind();
    // A declaration start right here means the previous one was cut short (and already reported).
    if (kind === 'NewLine' || kind === 'EOF' || this.atDeclarationStart(false)) return;
    const start = this.tok().start;
    this.errorAtToken(`unexpected ${this.describe(this.tok())}: expected a new line after the declaration`);
    this.skipToLineEnd();
    if (
      this.kind() !== 'NewLine' &&
      this.kind() !== 'EOF' &&
      this.pos < this.tokens.length - 1 &&
      this.tok().start === start
    )
      this.advance();
  }

  // -------------------------------------------------------------------------------------------------------
  // Statements

  private parseStatement(): Statement {
    const start = this.tok().start;
    const decorators = this.parseDecorators();
    const keywordToken = this.tok();
    const keywordStart = keywordToken.start;
    // The head fields are written out in every declaration below rather than spread from an object: a spread
    // followed by more fields builds each node property by property (it was the parser's costliest line).
    const base = { start, keywordStart, decorators };
    if (keywordToken.kind === 'Identifier') {
      switch (keywordToken.value) {
        case 'targetScope': {
          this.advance();
          this.expect('=', "'='");
          const value = this.parseExpression();
          return { start, keywordStart, decorators, kind: 'targetScope', value, end: this.prevEnd };
        }
        case 'metadata': {
          this.advance();
          const name = this.expectIdentifier('a metadata name');
          this.expect('=', "'='");
          const value = this.parseExpression();
          return { start, keywordStart, decorators, kind: 'metadata', name, value, end: this.prevEnd };
        }
        case 'param': {
          this.advance();
          const name = this.expectIdentifier('a parameter name');
          let type: TypeExpr | undefined;
          if (this.atLineEnd())
            this.errorAtToken(`expected the parameter type or '=' but found ${this.describe(this.tok())}`);
          else if (this.kind() !== '=') type = this.parseType();
          let value: Expr | undefined;
          if (this.kind() === '=') {
            this.advance();
            value = this.parseExpression();
          }
          return { start, keywordStart, decorators, kind: 'param', name, type, value, end: this.prevEnd };
        }
        case 'var': {
          this.advance();
          const name = this.expectIdentifier('a variable name');
          const type = this.kind() === '=' ? undefined : this.parseType();
          this.expect('=', "'='");
          const value = this.parseExpression();
          return { start, keywordStart, decorators, kind: 'var', name, type, value, end: this.prevEnd };
        }
        case 'output': {
          this.advance();
          const name = this.expectIdentifier('an output name');
          const type = this.parseType();
          this.expect('=', "'='");
          const value = this.parseExpression();
          return { start, keywordStart, decorators, kind: 'output', name, type, value, end: this.prevEnd };
        }
        case 'type': {
          this.advance();
          const name = this.expectIdentifier('a type name');
          this.expect('=', "'='");
          const type = this.parseType();
          return { start, keywordStart, decorators, kind: 'type', name, type, end: this.prevEnd };
        }
        case 'func':
          return this.parseFunc(base);
        case 'resource':
          return this.parseResource(base);
        case 'module': {
          this.advance();
          const name = this.expectIdentifier('a module name');
          const path = this.parseDeclarationString('the module path');
          this.expect('=', "'='");
          const body = this.parseDeclarationBody('module');
          return { start, keywordStart, decorators, kind: 'module', name, path, body, end: this.prevEnd };
        }
        case 'test': {
          this.advance();
          const name = this.expectIdentifier('a test name');
          const path = this.parseDeclarationString('the path of the file under test');
          this.expect('=', "'='");
          const body = this.parseDeclarationBody('test');
          return { start, keywordStart, decorators, kind: 'test', name, path, body, end: this.prevEnd };
        }
        case 'assert': {
          this.advance();
          const name = this.expectIdentifier('an assertion name');
          this.expect('=', "'='");
          const value = this.parseExpression();
          return { start, keywordStart, decorators, kind: 'assert', name, value, end: this.prevEnd };
        }
        case 'import':
          return this.parseImport(base);
        case 'extension':
        case 'provider':
          return this.parseExtension(base, keywordToken.value);
        case 'using':
        case 'extends':
          return this.parseUsing(base, keywordToken.value);
      }
    }
    const message =
      decorators.length > 0 && (keywordToken.kind === 'NewLine' || keywordToken.kind === 'EOF')
        ? 'expected a declaration after the decorator'
        : `expected a declaration (param, var, resource, module, output, type, func, import …) but found ${this.describe(keywordToken)}`;
    this.errorAtToken(message);
    this.skipToLineEnd();
    return { start, keywordStart, decorators, kind: 'errorStatement', message, end: Math.max(this.prevEnd, start) };
  }

  private atLineEnd(): boolean {
    const kind = this.kind();
    return kind === 'NewLine' || kind === 'EOF';
  }

  private parseDecorators(): Decorator[] {
    const decorators: Decorator[] = [];
    while (this.kind() === '@') {
      const start = this.advance().start;
      const expression = this.parsePostfix();
      decorators.push({ kind: 'decorator', expression, start, end: this.prevEnd });
      this.skipNewlines();
    }
    return decorators;
  }

  private parseDeclarationString(what: string): StringExpr | ErrorNode {
    const kind = this.kind();
    if (kind === 'String' || kind === 'StringLeft' || kind === 'MultilineString') return this.parseString();
    const start = this.tok().start;
    this.errorAtToken(`expected ${what} (a string) but found ${this.describe(this.tok())}`);
    return { kind: 'error', start, end: start, message: `missing ${what}` };
  }

  private parseResource(base: { start: number; keywordStart: number; decorators: Decorator[] }): ResourceDecl {
    this.advance();
    const name = this.expectIdentifier('a resource symbolic name');
    const resourceType = this.parseDeclarationString("the resource type ('Microsoft.X/y@version')");
    let existing = false;
    if (this.isKeyword('existing')) {
      this.advance();
      existing = true;
    }
    this.expect('=', "'='");
    const body = this.parseDeclarationBody('resource');
    return {
      start: base.start,
      keywordStart: base.keywordStart,
      decorators: base.decorators,
      kind: 'resource',
      name,
      resourceType,
      existing,
      body,
      end: this.prevEnd,
    };
  }

  /** The value of a resource or module: `{…}`, `if (…) {…}` or `[for … : …]`. */
  private parseDeclarationBody(what: string): Expr {
    const token = this.tok();
    if (token.kind === '{') return this.parseObject();
    if (token.kind === '[') return this.parseArray();
    if (token.kind === 'Identifier' && token.value === 'if') return this.parseIf();
    this.errorAtToken(`expected the ${what} body ('{', 'if (…)' or '[for …]') but found ${this.describe(token)}`);
    return { kind: 'error', start: token.start, end: token.start, message: `missing ${what} body` };
  }

  private parseIf(): Expr {
    const start = this.advance().start;
    const open = this.expect('(', "'(' after 'if'");
    const saved = this.newlinesInsignificant;
    this.newlinesInsignificant = true;
    this.skipNewlines();
    const condition = this.parseExpression();
    this.skipNewlines();
    this.newlinesInsignificant = saved;
    if (open) this.expect(')', "')' to close the condition");
    const body = this.kind() === '{' ? this.parseObject() : this.parseExpression();
    return { kind: 'if', condition, body, start, end: this.prevEnd };
  }

  private parseFunc(base: { start: number; keywordStart: number; decorators: Decorator[] }): Statement {
    this.advance();
    const name = this.expectIdentifier('a function name');
    const parameters: FuncParameter[] = [];
    if (this.expect('(', "'(' to start the parameter list")) {
      this.skipNewlines();
      while (this.kind() === 'Identifier') {
        const paramName = this.expectIdentifier('a parameter name');
        const type = this.parseType();
        parameters.push({ kind: 'funcParameter', name: paramName, type, start: paramName.start, end: this.prevEnd });
        this.skipNewlines();
        if (this.kind() !== ',') break;
        this.advance();
        this.skipNewlines();
      }
      this.expect(')', "')' to close the parameter list");
    }
    const returnType = this.parseType();
    this.expect('=>', "'=>'");
    this.skipNewlines();
    const body = this.parseExpression();
    return {
      start: base.start,
      keywordStart: base.keywordStart,
      decorators: base.decorators,
      kind: 'func',
      name,
      parameters,
      returnType,
      body,
      end: this.prevEnd,
    };
  }

  private parseImport(base: { start: number; keywordStart: number; decorators: Decorator[] }): ImportDecl {
    this.advance();
    const items: { name: Identifier; alias?: Identifier }[] = [];
    let wildcardAlias: Identifier | undefined;
    let from: StringExpr | undefined;
    let provider: StringExpr | undefined;
    let config: Expr | undefined;
    let alias: Identifier | undefined;
    const kind = this.kind();
    if (kind === '{' || kind === '*') {
      if (kind === '*') {
        this.advance();
        if (this.isKeyword('as')) this.advance();
        else this.errorAtToken("expected 'as' after '*'");
        wildcardAlias = this.expectIdentifier('a namespace name');
      } else {
        const open = this.advance();
        for (;;) {
          this.skipCommasAndNewlines();
          if (this.kind() !== 'Identifier' && this.kind() !== 'String') break;
          const nameToken = this.advance();
          const name = this.identifierFrom(nameToken);
          let itemAlias: Identifier | undefined;
          if (this.isKeyword('as')) {
            this.advance();
            itemAlias = this.expectIdentifier('an alias');
          }
          items.push({ name, alias: itemAlias });
        }
        if (this.kind() === '}') this.advance();
        else this.errorAtToken(`expected '}' to close the import list started on line ${this.lineOf(open.start)}`);
      }
      if (this.isKeyword('from')) {
        this.advance();
        const path = this.parseDeclarationString('the path to import from');
        if (path.kind === 'string') from = path;
      } else this.errorAtToken("expected 'from' and a path");
    } else {
      const spec = this.parseDeclarationString("the extension to import ('name@version')");
      if (spec.kind === 'string') provider = spec;
      if (this.isKeyword('with')) {
        this.advance();
        config = this.parseExpression();
      }
      if (this.isKeyword('as')) {
        this.advance();
        alias = this.expectIdentifier('an alias');
      }
    }
    return {
      start: base.start,
      keywordStart: base.keywordStart,
      decorators: base.decorators,
      kind: 'import',
      items,
      wildcardAlias,
      from,
      provider,
      config,
      alias,
      end: this.prevEnd,
    };
  }

  private skipCommasAndNewlines(): void {
    for (;;) {
      const kind = this.kind();
      if (kind === 'NewLine') this.pos++;
      else if (kind === ',') this.advance();
      else return;
    }
  }

  private parseExtension(
    base: { start: number; keywordStart: number; decorators: Decorator[] },
    keyword: string,
  ): ExtensionDecl {
    this.advance();
    let specification: ExtensionDecl['specification'];
    if (this.kind() === 'Identifier') specification = this.identifierFrom(this.advance());
    else specification = this.parseDeclarationString('the extension name or reference');
    let config: Expr | undefined;
    let alias: Identifier | undefined;
    if (this.isKeyword('with')) {
      this.advance();
      config = this.parseExpression();
    }
    if (this.isKeyword('as')) {
      this.advance();
      alias = this.expectIdentifier('an alias');
    }
    return {
      start: base.start,
      keywordStart: base.keywordStart,
      decorators: base.decorators,
      kind: 'extension',
      keyword: keyword === 'provider' ? 'provider' : 'extension',
      specification,
      config,
      alias,
      end: this.prevEnd,
    };
  }

  private parseUsing(
    base: { start: number; keywordStart: number; decorators: Decorator[] },
    keyword: string,
  ): UsingDecl {
    this.advance();
    let path: StringExpr | undefined;
    if (keyword === 'using' && this.isKeyword('none')) this.advance();
    else {
      const parsed = this.parseDeclarationString('the path of the template');
      if (parsed.kind === 'string') path = parsed;
    }
    let config: Expr | undefined;
    if (this.isKeyword('with')) {
      this.advance();
      config = this.parseExpression();
    }
    return {
      start: base.start,
      keywordStart: base.keywordStart,
      decorators: base.decorators,
      kind: 'using',
      keyword: keyword === 'extends' ? 'extends' : 'using',
      path,
      config,
      end: this.prevEnd,
    };
  }

  // -------------------------------------------------------------------------------------------------------
  // Expressions

  parseExpression(): Expr {
    if (++this.depth > MAX_NESTING_DEPTH) {
      const node = this.tooDeep();
      this.depth--;
      return node;
    }
    const result = this.parseTernary();
    this.depth--;
    return result;
  }

  /** Reports and skips a bracketed group nested beyond MAX_NESTING_DEPTH, without recursing into it. */
  private tooDeep(): ErrorNode {
    const start = this.tok().start;
    this.error(start, start, `nesting too deep (more than ${MAX_NESTING_DEPTH} levels)`);
    let depth = 0;
    for (;;) {
      const kind = this.kind();
      if (kind === 'EOF') break;
      if (OPENERS.has(kind)) depth++;
      else if (CLOSERS.has(kind)) {
        if (depth === 0) break;
        depth--;
      } else if (kind === 'NewLine') {
        if (depth === 0) break;
        this.pos++;
        if (this.atDeclarationStart(false)) break;
        continue;
      }
      this.advance();
    }
    return this.errorNode(start, 'nesting too deep');
  }

  private parseTernary(): Expr {
    const condition = this.parseBinary(0);
    if (this.peekPastNewlines().kind !== '?') return condition;
    this.skipNewlines();
    this.advance();
    this.skipNewlines();
    const whenTrue = this.parseExpression();
    let whenFalse: Expr;
    if (this.peekPastNewlines().kind === ':') {
      this.skipNewlines();
      this.advance();
      this.skipNewlines();
      whenFalse = this.parseExpression();
    } else {
      this.errorAtToken(`expected ':' in the conditional expression but found ${this.describe(this.tok())}`);
      whenFalse = this.errorNode(this.prevEnd, "missing ':' branch");
    }
    return { kind: 'ternary', condition, whenTrue, whenFalse, start: condition.start, end: this.prevEnd };
  }

  /** Precedence climbing over all binary operators (one stack frame per level, not per operator). */
  private parseBinary(minPrecedence: number): Expr {
    let left = this.parseUnary();
    for (;;) {
      let token = this.tok();
      if (token.kind === 'NewLine') {
        // A line may continue with an operator that cannot start an item or statement.
        const next = this.peekPastNewlines();
        const continues =
          BINARY_PRECEDENCE[next.kind] !== undefined &&
          (this.newlinesInsignificant || (next.kind !== '-' && next.kind !== '+'));
        if (!continues) return left;
        token = next;
      }
      const precedence = BINARY_PRECEDENCE[token.kind];
      if (precedence === undefined || precedence <= minPrecedence) return left;
      this.skipNewlines();
      this.advance();
      this.skipNewlines();
      const right = this.parseBinaryOperand(precedence);
      left = {
        kind: 'binary',
        operator: token.kind as BinaryOperator,
        left,
        right,
        start: left.start,
        end: this.prevEnd,
      };
    }
  }

  private parseBinaryOperand(precedence: number): Expr {
    if (++this.depth > MAX_NESTING_DEPTH) {
      const node = this.tooDeep();
      this.depth--;
      return node;
    }
    const right = this.parseBinary(precedence);
    this.depth--;
    return right;
  }

  private parseUnary(): Expr {
    // Prefix operators are collected in a loop (no recursion for `!!!!x`); most operands have none.
    if (this.kind() !== '!' && this.kind() !== '-') return this.parsePostfix();
    const operators: Token[] = [];
    while (this.kind() === '!' || this.kind() === '-') operators.push(this.advance());
    let operand = this.parsePostfix();
    for (let i = operators.length - 1; i >= 0; i--) {
      operand = {
        kind: 'unary',
        operator: operators[i].kind as UnaryOperator,
        operand,
        start: operators[i].start,
        end: operand.end,
      };
    }
    return operand;
  }

  private parsePostfix(): Expr {
    let expr = this.parsePrimary();
    for (;;) {
      const token = this.tok();
      switch (token.kind) {
        case '.': {
          this.advance();
          let safe = false;
          if (this.kind() === '?' && this.tok().start === token.end) {
            this.advance();
            safe = true;
          }
          const name = this.expectIdentifier("a property name after '.'");
          if (this.kind() === '(' && !safe) {
            const args = this.parseArguments();
            expr = { kind: 'call', target: expr, name, args, start: expr.start, end: this.prevEnd };
          } else {
            expr = { kind: 'member', object: expr, name, safe, start: expr.start, end: this.prevEnd };
          }
          if (name.name === '') return expr;
          continue;
        }
        case '[': {
          const open = this.advance();
          let safe = false;
          if (this.kind() === '?') {
            this.advance();
            safe = true;
          }
          const saved = this.newlinesInsignificant;
          this.newlinesInsignificant = true;
          this.skipNewlines();
          const index = this.parseExpression();
          this.skipNewlines();
          this.newlinesInsignificant = saved;
          if (this.kind() === ']') this.advance();
          else this.errorAtToken(`expected ']' to close the index started on line ${this.lineOf(open.start)}`);
          expr = { kind: 'index', object: expr, index, safe, start: expr.start, end: this.prevEnd };
          continue;
        }
        case '::': {
          this.advance();
          const name = this.expectIdentifier("a child resource name after '::'");
          expr = { kind: 'resourceAccess', object: expr, name, start: expr.start, end: this.prevEnd };
          if (name.name === '') return expr;
          continue;
        }
        case '!':
          this.advance();
          expr = { kind: 'nonNull', expression: expr, start: expr.start, end: this.prevEnd };
          continue;
        default:
          return expr;
      }
    }
  }

  private parseArguments(): Expr[] {
    const open = this.advance();
    const args: Expr[] = [];
    const saved = this.newlinesInsignificant;
    this.newlinesInsignificant = true;
    this.skipNewlines();
    while (this.kind() !== ')' && !this.atDeclarationStart(false)) {
      const before = this.pos;
      args.push(this.parseExpression());
      this.skipNewlines();
      if (this.kind() === ',') {
        this.advance();
        this.skipNewlines();
        continue;
      }
      if (this.kind() !== ')' || this.pos === before) break;
    }
    this.newlinesInsignificant = saved;
    if (this.kind() === ')') this.advance();
    else
      this.errorAtToken(
        `expected ',' or ')' to close the argument list started on line ${this.lineOf(open.start)} but found ${this.describe(this.tok())}`,
      );
    return args;
  }

  private parsePrimary(): Expr {
    const token = this.tok();
    if (this.atDeclarationStart(false)) {
      // An expression cut short (`var x = a &&`, an unclosed `(`) must not swallow the next declaration.
      this.error(this.prevEnd, this.prevEnd, `expected an expression before the next declaration`);
      return { kind: 'error', start: this.prevEnd, end: this.prevEnd, message: 'missing expression' };
    }
    switch (token.kind) {
      case 'Identifier': {
        const next = this.peek(1);
        if (next.kind === '=>') return this.parseLambda();
        this.advance();
        switch (token.value) {
          case 'true':
            return { kind: 'boolean', value: true, start: token.start, end: token.end };
          case 'false':
            return { kind: 'boolean', value: false, start: token.start, end: token.end };
          case 'null':
            return { kind: 'null', start: token.start, end: token.end };
        }
        if (next.kind === '(') {
          const args = this.parseArguments();
          return { kind: 'call', name: this.identifierFrom(token), args, start: token.start, end: this.prevEnd };
        }
        return { kind: 'variable', name: token.value, start: token.start, end: token.end };
      }
      case 'Integer':
        this.advance();
        return { kind: 'integer', value: Number(token.value), start: token.start, end: token.end };
      case 'String':
      case 'StringLeft':
      case 'MultilineString':
        return this.parseString();
      case '{':
        return this.parseObject();
      case '[':
        return this.parseArray();
      case '(':
        return this.looksLikeLambda() ? this.parseLambda() : this.parseParenthesized();
      default: {
        this.errorAtToken(`expected an expression but found ${this.describe(token)}`);
        // Consume a stray token so callers make progress, but leave structure (closers, line ends) alone.
        if (
          token.kind === 'NewLine' ||
          token.kind === 'EOF' ||
          CLOSERS.has(token.kind) ||
          token.kind === ',' ||
          token.kind === ':' ||
          token.kind === 'StringMiddle' ||
          token.kind === 'StringRight'
        ) {
          return { kind: 'error', start: token.start, end: token.start, message: 'missing expression' };
        }
        this.advance();
        return { kind: 'error', start: token.start, end: token.end, message: 'unexpected token' };
      }
    }
  }

  private parseString(): StringExpr {
    const first = this.advance();
    if (first.kind === 'String' || first.kind === 'MultilineString') {
      return {
        kind: 'string',
        segments: [first.value],
        expressions: NONE,
        multiline: first.kind === 'MultilineString',
        start: first.start,
        end: first.end,
      };
    }
    const segments = [first.value];
    const expressions: Expr[] = [];
    const saved = this.newlinesInsignificant;
    this.newlinesInsignificant = false;
    for (;;) {
      expressions.push(this.parseExpression());
      if (this.kind() !== 'StringMiddle' && this.kind() !== 'StringRight') {
        // Junk inside `${…}`: skip it up to the end of the interpolation (or the line).
        this.errorAtToken(`expected '}' to close the interpolation but found ${this.describe(this.tok())}`);
        while (!this.atLineEnd() && this.kind() !== 'StringMiddle' && this.kind() !== 'StringRight') this.advance();
      }
      const kind = this.kind();
      if (kind === 'StringMiddle') {
        segments.push(this.advance().value);
        continue;
      }
      if (kind === 'StringRight') segments.push(this.advance().value);
      else segments.push(''); // the line ended inside the interpolation (the lexer reported it)
      break;
    }
    this.newlinesInsignificant = saved;
    return { kind: 'string', segments, expressions, multiline: false, start: first.start, end: this.prevEnd };
  }

  private parseParenthesized(): Expr {
    const open = this.advance();
    const saved = this.newlinesInsignificant;
    this.newlinesInsignificant = true;
    this.skipNewlines();
    const expression = this.parseExpression();
    this.skipNewlines();
    this.newlinesInsignificant = saved;
    if (this.kind() === ')') this.advance();
    else
      this.errorAtToken(
        `expected ')' to close the parenthesis opened on line ${this.lineOf(open.start)} but found ${this.describe(this.tok())}`,
      );
    return { kind: 'paren', expression, start: open.start, end: this.prevEnd };
  }

  /** `(a, b) =>` / `() =>`: only identifiers, commas and newlines may stand between the parentheses. */
  private looksLikeLambda(): boolean {
    let i = this.pos + 1;
    let expectName = true;
    for (;;) {
      const kind = this.tokens[i].kind;
      if (kind === 'NewLine') i++;
      else if (kind === ')') return this.tokens[i + 1].kind === '=>';
      else if (expectName && kind === 'Identifier') {
        expectName = false;
        i++;
      } else if (!expectName && kind === ',') {
        expectName = true;
        i++;
      } else return false;
    }
  }

  private parseLambda(): Expr {
    const start = this.tok().start;
    const parameters: Identifier[] = [];
    if (this.kind() === 'Identifier') parameters.push(this.identifierFrom(this.advance()));
    else {
      this.advance(); // (
      for (;;) {
        this.skipNewlines();
        if (this.kind() === 'Identifier') parameters.push(this.identifierFrom(this.advance()));
        this.skipNewlines();
        if (this.kind() === ',') this.advance();
        else break;
      }
      this.expect(')', "')'");
    }
    this.expect('=>', "'=>'");
    this.skipNewlines();
    const body = this.parseExpression();
    return { kind: 'lambda', parameters, body, start, end: this.prevEnd };
  }

  private parseObject(): ObjectExpr {
    const open = this.advance();
    if (++this.depth > MAX_NESTING_DEPTH) {
      this.pos--;
      const node = this.tooDeep();
      this.depth--;
      return { kind: 'object', items: [node], closed: false, start: node.start, end: node.end };
    }
    const saved = this.newlinesInsignificant;
    this.newlinesInsignificant = false;
    const items: ObjectExpr['items'][number][] = [];
    let closed = false;
    for (;;) {
      this.skipCommasAndNewlines();
      const token = this.tok();
      if (token.kind === '}') {
        this.advance();
        closed = true;
        break;
      }
      if (token.kind === 'EOF' || token.kind === ']' || token.kind === ')' || this.atDeclarationStart(true)) {
        const where = token.kind === 'EOF' || this.atDeclarationStart(true) ? this.prevEnd : token.start;
        this.error(where, where, `expected '}' to close the object started on line ${this.lineOf(open.start)}`, true);
        break;
      }
      const before = this.pos;
      items.push(this.parseObjectItem());
      if (this.kind() !== 'NewLine' && this.kind() !== ',' && this.kind() !== '}' && !this.atDeclarationStart(true)) {
        const stray = this.tok();
        if (stray.kind !== 'EOF' && !CLOSERS.has(stray.kind)) {
          this.errorAtToken(`expected a new line or ',' after the property but found ${this.describe(stray)}`);
          this.skipToLineEnd();
        }
      }
      if (this.pos === before) this.advance();
    }
    this.depth--;
    this.newlinesInsignificant = saved;
    return { kind: 'object', items, closed, start: open.start, end: this.prevEnd };
  }

  private parseObjectItem(): ObjectExpr['items'][number] {
    const token = this.tok();
    const start = token.start;
    if (token.kind === '...') {
      this.advance();
      const expression = this.parseExpression();
      return { kind: 'spread', expression, start, end: this.prevEnd } satisfies SpreadExpr;
    }
    if (
      token.kind === '@' ||
      (token.kind === 'Identifier' && token.value === 'resource' && this.peek(1).kind === 'Identifier')
    ) {
      // A nested child resource (decorators allowed, e.g. @batchSize on a looped child).
      const decorators = this.parseDecorators();
      if (this.isKeyword('resource')) {
        return this.parseResource({ start, keywordStart: this.tok().start, decorators });
      }
      this.errorAtToken('expected a nested resource declaration after the decorator');
      this.skipToLineEnd();
      return this.errorNode(start, 'decorator without a resource');
    }
    let key: Identifier | StringExpr;
    if (token.kind === 'Identifier') key = this.identifierFrom(this.advance());
    else if (token.kind === 'String' || token.kind === 'StringLeft' || token.kind === 'MultilineString')
      key = this.parseString();
    else {
      this.errorAtToken(`expected a property name but found ${this.describe(token)}`);
      this.skipToLineEnd();
      return this.errorNode(start, 'invalid property');
    }
    let value: Expr;
    if (this.kind() === ':') {
      this.advance();
      value = this.parseExpression();
    } else {
      this.errorAtToken(`expected ':' after the property name but found ${this.describe(this.tok())}`);
      value = { kind: 'error', start: this.prevEnd, end: this.prevEnd, message: 'missing value' };
    }
    return { kind: 'property', decorators: NONE, key, value, start, end: this.prevEnd };
  }

  private parseArray(): ArrayExpr | Expr {
    const open = this.advance();
    if (++this.depth > MAX_NESTING_DEPTH) {
      this.pos--;
      const node = this.tooDeep();
      this.depth--;
      return node;
    }
    const saved = this.newlinesInsignificant;
    this.newlinesInsignificant = false;
    try {
      this.skipNewlines();
      if (this.isKeyword('for') && (this.peek(1).kind === 'Identifier' || this.peek(1).kind === '(')) {
        return this.parseFor(open);
      }
      const items: (Expr | SpreadExpr)[] = [];
      let closed = false;
      for (;;) {
        this.skipCommasAndNewlines();
        const token = this.tok();
        if (token.kind === ']') {
          this.advance();
          closed = true;
          break;
        }
        if (token.kind === 'EOF' || token.kind === '}' || token.kind === ')' || this.atDeclarationStart(false)) {
          const where = token.kind === 'EOF' || this.atDeclarationStart(false) ? this.prevEnd : token.start;
          this.error(where, where, `expected ']' to close the array started on line ${this.lineOf(open.start)}`, true);
          break;
        }
        const before = this.pos;
        if (token.kind === '...') {
          this.advance();
          const expression = this.parseExpression();
          items.push({ kind: 'spread', expression, start: token.start, end: this.prevEnd });
        } else items.push(this.parseExpression());
        if (
          this.kind() !== 'NewLine' &&
          this.kind() !== ',' &&
          this.kind() !== ']' &&
          !this.atDeclarationStart(false)
        ) {
          const stray = this.tok();
          if (stray.kind !== 'EOF' && !CLOSERS.has(stray.kind)) {
            this.errorAtToken(`expected a new line or ',' after the array item but found ${this.describe(stray)}`);
            this.skipToLineEnd();
          }
        }
        if (this.pos === before) this.advance();
      }
      return { kind: 'array', items, closed, start: open.start, end: this.prevEnd };
    } finally {
      this.depth--;
      this.newlinesInsignificant = saved;
    }
  }

  private parseFor(open: Token): Expr {
    this.advance(); // for
    let itemVariable: Identifier | undefined;
    let indexVariable: Identifier | undefined;
    if (this.kind() === '(') {
      this.advance();
      itemVariable = this.expectIdentifier('a loop variable');
      if (this.kind() === ',') {
        this.advance();
        indexVariable = this.expectIdentifier('an index variable');
      }
      this.expect(')', "')'");
    } else itemVariable = this.expectIdentifier('a loop variable');
    if (this.isKeyword('in')) this.advance();
    else this.errorAtToken(`expected 'in' but found ${this.describe(this.tok())}`);
    const iterable = this.parseExpression();
    this.expect(':', "':' after the loop source");
    this.skipNewlines();
    const body = this.isKeyword('if') ? this.parseIf() : this.parseExpression();
    this.skipNewlines();
    if (this.kind() === ']') this.advance();
    else this.errorAtToken(`expected ']' to close the loop started on line ${this.lineOf(open.start)}`);
    return { kind: 'for', itemVariable, indexVariable, iterable, body, start: open.start, end: this.prevEnd };
  }

  // -------------------------------------------------------------------------------------------------------
  // Types

  private parseType(): TypeExpr {
    if (++this.depth > MAX_NESTING_DEPTH) {
      const node = this.tooDeep();
      this.depth--;
      return node;
    }
    try {
      // A multi-line union may start on the next line, each member after a leading `|`.
      if (this.kind() === 'NewLine' && this.peekPastNewlines().kind === '|') this.skipNewlines();
      const start = this.tok().start;
      if (this.kind() === '|') this.advance(); // a leading `|` before the first member of a multi-line union
      const first = this.parseTypePostfix();
      if (this.peekPastNewlines().kind !== '|') return first;
      const members: TypeExpr[] = [first];
      while (this.peekPastNewlines().kind === '|') {
        this.skipNewlines();
        this.advance();
        this.skipNewlines();
        members.push(this.parseTypePostfix());
      }
      return { kind: 'unionType', members, start, end: this.prevEnd };
    } finally {
      this.depth--;
    }
  }

  private parseTypePostfix(): TypeExpr {
    let type = this.parseTypePrimary();
    for (;;) {
      const token = this.tok();
      if (token.kind === '?') {
        this.advance();
        type = { kind: 'nullableType', base: type, start: type.start, end: this.prevEnd };
      } else if (token.kind === '[') {
        const next = this.peek(1);
        if (next.kind === ']') {
          this.advance();
          this.advance();
          type = { kind: 'arrayType', element: type, start: type.start, end: this.prevEnd };
        } else if ((next.kind === '*' || next.kind === 'Integer') && this.peek(2).kind === ']') {
          this.advance();
          const index = this.advance();
          this.advance();
          type = {
            kind: 'typeIndex',
            base: type,
            index: index.kind === '*' ? null : Number(index.value),
            start: type.start,
            end: this.prevEnd,
          };
        } else return type;
      } else if (token.kind === '.') {
        this.advance();
        const name = this.expectIdentifier("a member name after '.'");
        type = { kind: 'typeMember', base: type, name, start: type.start, end: this.prevEnd };
        if (name.name === '') return type;
      } else return type;
    }
  }

  private parseTypePrimary(): TypeExpr {
    const token = this.tok();
    switch (token.kind) {
      case 'Identifier': {
        this.advance();
        if (token.value === 'resource' && (this.kind() === 'String' || this.kind() === 'StringLeft')) {
          const resourceType = this.parseString();
          return { kind: 'resourceType', resourceType, start: token.start, end: this.prevEnd };
        }
        if (this.kind() === '<' && this.tok().start === token.end) {
          this.advance();
          const args: TypeExpr[] = [];
          while (this.kind() !== '>' && !this.atLineEnd()) {
            const before = this.pos;
            args.push(this.parseType());
            if (this.kind() === ',') this.advance();
            else if (this.pos === before) break;
            else if (this.kind() !== '>') break;
          }
          this.expect('>', "'>' to close the type arguments");
          return {
            kind: 'parameterizedType',
            name: this.identifierFrom(token),
            args,
            start: token.start,
            end: this.prevEnd,
          };
        }
        if (token.value === 'true' || token.value === 'false')
          return { kind: 'literalType', value: token.value === 'true', start: token.start, end: token.end };
        if (token.value === 'null') return { kind: 'literalType', value: null, start: token.start, end: token.end };
        return { kind: 'typeReference', name: token.value, start: token.start, end: token.end };
      }
      case 'String':
      case 'StringLeft':
      case 'MultilineString': {
        const literal = this.parseString();
        return { kind: 'literalType', value: literal.segments.join(''), start: literal.start, end: literal.end };
      }
      case 'Integer':
        this.advance();
        return { kind: 'literalType', value: Number(token.value), start: token.start, end: token.end };
      case '-':
        if (this.peek(1).kind === 'Integer') {
          this.advance();
          const digits = this.advance();
          return { kind: 'literalType', value: -Number(digits.value), start: token.start, end: digits.end };
        }
        break;
      case '{':
        return this.parseObjectType();
      case '[':
        return this.parseTupleType();
      case '(': {
        this.advance();
        this.skipNewlines();
        const type = this.parseType();
        this.skipNewlines();
        this.expect(')', "')'");
        return { kind: 'parenType', type, start: token.start, end: this.prevEnd };
      }
    }
    this.errorAtToken(`expected a type but found ${this.describe(token)}`);
    if (!this.atLineEnd() && !CLOSERS.has(token.kind) && token.kind !== '=' && token.kind !== ',') {
      this.advance();
      return { kind: 'error', start: token.start, end: token.end, message: 'unexpected token' };
    }
    return { kind: 'error', start: token.start, end: token.start, message: 'missing type' };
  }

  /**
   * At the head of each item of an object or tuple type: true when the list ends here, either at its closing
   * bracket (consumed) or, unclosed, at a stray closer or the next declaration (a decorator still belongs to
   * the next item), which is reported at the end of the last item.
   */
  private typeListEnds(open: Token, close: '}' | ']', what: string): boolean {
    this.skipCommasAndNewlines();
    const token = this.tok();
    if (token.kind === close) {
      this.advance();
      return true;
    }
    const otherClosers = token.kind === '}' || token.kind === ']' || token.kind === ')';
    if (token.kind === 'EOF' || otherClosers || (token.kind !== '@' && this.atDeclarationStart(false))) {
      this.error(
        this.prevEnd,
        this.prevEnd,
        `expected '${close}' to close the ${what} started on line ${this.lineOf(open.start)}`,
      );
      return true;
    }
    return false;
  }

  private parseObjectType(): ObjectType {
    const open = this.advance();
    const properties: (ObjectTypeProperty | ErrorNode)[] = [];
    for (;;) {
      if (this.typeListEnds(open, '}', 'object type')) break;
      const before = this.pos;
      const start = this.tok().start;
      const decorators = this.parseDecorators();
      const keyToken = this.tok();
      let key: Identifier | StringExpr | undefined;
      let additional = false;
      if (keyToken.kind === 'Identifier') key = this.identifierFrom(this.advance());
      else if (keyToken.kind === 'String' || keyToken.kind === 'StringLeft') key = this.parseString();
      else if (keyToken.kind === '*') {
        this.advance();
        key = { kind: 'identifier', name: '*', start: keyToken.start, end: keyToken.end };
        additional = true;
      }
      if (!key) {
        this.errorAtToken(`expected a property name but found ${this.describe(keyToken)}`);
        this.skipToLineEnd();
        properties.push(this.errorNode(start, 'invalid property'));
      } else {
        this.expect(':', "':' after the property name");
        const type = this.parseType();
        properties.push({ kind: 'typeProperty', decorators, key, additional, type, start, end: this.prevEnd });
        if (
          this.kind() !== 'NewLine' &&
          this.kind() !== ',' &&
          this.kind() !== '}' &&
          this.kind() !== 'EOF' &&
          !this.atDeclarationStart(false)
        ) {
          this.errorAtToken(`expected a new line or ',' after the property but found ${this.describe(this.tok())}`);
          this.skipToLineEnd();
        }
      }
      if (this.pos === before) this.advance();
    }
    return { kind: 'objectType', properties, start: open.start, end: this.prevEnd };
  }

  private parseTupleType(): TupleType {
    const open = this.advance();
    const items: { decorators: Decorator[]; type: TypeExpr }[] = [];
    for (;;) {
      if (this.typeListEnds(open, ']', 'tuple type')) break;
      const before = this.pos;
      const decorators = this.parseDecorators();
      items.push({ decorators, type: this.parseType() });
      if (this.pos === before) this.advance();
    }
    return { kind: 'tupleType', items, start: open.start, end: this.prevEnd };
  }
}
