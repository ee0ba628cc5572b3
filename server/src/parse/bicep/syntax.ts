// The Bicep concrete syntax tree. Every node carries its exact [start, end) UTF-16 offsets (so a node is
// itself a Span); the token stream and the comments are kept next to the tree in BicepTree, so edits and
// suppressions can reach every character. Parts the parser could not read become `error` nodes.
import type { Comment, SyntaxProblem } from '../../model/document';
import type { Span } from '../../model/span';
import type { Token } from './lexer';

export interface Node extends Span {
  readonly kind: string;
}

/** A name as written: `account`, or the `name` of `param name string`. */
export interface Identifier extends Node {
  readonly kind: 'identifier';
  readonly name: string;
}

// ---------------------------------------------------------------------------------------------------------
// Expressions

export interface StringExpr extends Node {
  readonly kind: 'string';
  /** Decoded literal pieces; `segments.length === expressions.length + 1`. */
  readonly segments: readonly string[];
  readonly expressions: readonly Expr[];
  readonly multiline: boolean;
}

export interface IntegerExpr extends Node {
  readonly kind: 'integer';
  readonly value: number;
}

export interface BooleanExpr extends Node {
  readonly kind: 'boolean';
  readonly value: boolean;
}

export interface NullExpr extends Node {
  readonly kind: 'null';
}

/** A reference to a symbol: parameter, variable, resource, module, loop variable, lambda parameter … */
export interface VariableExpr extends Node {
  readonly kind: 'variable';
  readonly name: string;
}

/** `f(x)`, `sys.f(x)`, `az.getSecret(…)`, `account.listKeys()`: `target` is set for the dotted forms. */
export interface CallExpr extends Node {
  readonly kind: 'call';
  readonly target?: Expr;
  readonly name: Identifier;
  readonly args: readonly Expr[];
}

/** `a.b`, `a.?b` (safe). */
export interface MemberExpr extends Node {
  readonly kind: 'member';
  readonly object: Expr;
  readonly name: Identifier;
  readonly safe: boolean;
}

/** `a[i]`, `a[?i]` (safe). */
export interface IndexExpr extends Node {
  readonly kind: 'index';
  readonly object: Expr;
  readonly index: Expr;
  readonly safe: boolean;
}

/** `vnet::subnet` */
export interface ResourceAccessExpr extends Node {
  readonly kind: 'resourceAccess';
  readonly object: Expr;
  readonly name: Identifier;
}

/** `x!` */
export interface NonNullExpr extends Node {
  readonly kind: 'nonNull';
  readonly expression: Expr;
}

export type UnaryOperator = '!' | '-' | '+';

export interface UnaryExpr extends Node {
  readonly kind: 'unary';
  readonly operator: UnaryOperator;
  readonly operand: Expr;
}

export type BinaryOperator =
  '??' | '||' | '&&' | '==' | '!=' | '=~' | '!~' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryExpr extends Node {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
}

export interface TernaryExpr extends Node {
  readonly kind: 'ternary';
  readonly condition: Expr;
  readonly whenTrue: Expr;
  readonly whenFalse: Expr;
}

export interface ParenExpr extends Node {
  readonly kind: 'paren';
  readonly expression: Expr;
}

export interface ObjectProperty extends Node {
  readonly kind: 'property';
  readonly decorators: readonly Decorator[];
  /** The key as written: an identifier or a string (possibly interpolated). */
  readonly key: Identifier | StringExpr;
  readonly value: Expr;
}

export interface SpreadExpr extends Node {
  readonly kind: 'spread';
  readonly expression: Expr;
}

export interface ObjectExpr extends Node {
  readonly kind: 'object';
  /** Properties, spreads and, in resource bodies, nested child resource declarations. */
  readonly items: readonly (ObjectProperty | SpreadExpr | ResourceDecl | ErrorNode)[];
  /** False when the closing `}` is missing (the parser reported it and recovered). */
  readonly closed: boolean;
}

export interface ArrayExpr extends Node {
  readonly kind: 'array';
  readonly items: readonly (Expr | SpreadExpr)[];
  readonly closed: boolean;
}

/** `[for x in items: body]`, `[for (x, i) in items: body]`. */
export interface ForExpr extends Node {
  readonly kind: 'for';
  readonly itemVariable?: Identifier;
  readonly indexVariable?: Identifier;
  readonly iterable: Expr;
  readonly body: Expr;
}

/** `if (condition) { … }`: the body of a conditional resource or module (also inside loops). */
export interface IfExpr extends Node {
  readonly kind: 'if';
  readonly condition: Expr;
  readonly body: Expr;
}

export interface LambdaExpr extends Node {
  readonly kind: 'lambda';
  readonly parameters: readonly Identifier[];
  readonly body: Expr;
}

export interface ErrorNode extends Node {
  readonly kind: 'error';
  readonly message: string;
}

export type Expr =
  | StringExpr
  | IntegerExpr
  | BooleanExpr
  | NullExpr
  | VariableExpr
  | CallExpr
  | MemberExpr
  | IndexExpr
  | ResourceAccessExpr
  | NonNullExpr
  | UnaryExpr
  | BinaryExpr
  | TernaryExpr
  | ParenExpr
  | ObjectExpr
  | ArrayExpr
  | ForExpr
  | IfExpr
  | LambdaExpr
  | ErrorNode;

// ---------------------------------------------------------------------------------------------------------
// Types

/** `string`, `myType`, `types.myType` (as a member type). */
export interface TypeReference extends Node {
  readonly kind: 'typeReference';
  readonly name: string;
}

/** `'a'`, `1`, `-1`, `true`, `null` used as a type. */
export interface LiteralType extends Node {
  readonly kind: 'literalType';
  readonly value: string | number | boolean | null;
}

export interface UnionType extends Node {
  readonly kind: 'unionType';
  readonly members: readonly TypeExpr[];
}

/** `T[]` */
export interface ArrayType extends Node {
  readonly kind: 'arrayType';
  readonly element: TypeExpr;
}

/** `T?` */
export interface NullableType extends Node {
  readonly kind: 'nullableType';
  readonly base: TypeExpr;
}

export interface ObjectTypeProperty extends Node {
  readonly kind: 'typeProperty';
  readonly decorators: readonly Decorator[];
  /** `*` for the additional-properties entry. */
  readonly key: Identifier | StringExpr;
  readonly additional: boolean;
  readonly type: TypeExpr;
}

export interface ObjectType extends Node {
  readonly kind: 'objectType';
  readonly properties: readonly (ObjectTypeProperty | ErrorNode)[];
}

export interface TupleType extends Node {
  readonly kind: 'tupleType';
  readonly items: readonly { readonly decorators: readonly Decorator[]; readonly type: TypeExpr }[];
}

/** `resourceInput<'Microsoft.X/y@v'>`, `resourceOutput<…>`, `resource<…>`. */
export interface ParameterizedType extends Node {
  readonly kind: 'parameterizedType';
  readonly name: Identifier;
  readonly args: readonly TypeExpr[];
}

/** Legacy `resource 'Microsoft.X/y@v'` in param and output declarations. */
export interface ResourceType extends Node {
  readonly kind: 'resourceType';
  readonly resourceType: StringExpr;
}

/** `T.properties` (`a.b` for namespaced types too) */
export interface TypeMemberAccess extends Node {
  readonly kind: 'typeMember';
  readonly base: TypeExpr;
  readonly name: Identifier;
}

/** `T[*]` (element type) or `T[0]` (tuple item type). */
export interface TypeIndexAccess extends Node {
  readonly kind: 'typeIndex';
  readonly base: TypeExpr;
  /** null for `[*]`. */
  readonly index: number | null;
}

export interface ParenType extends Node {
  readonly kind: 'parenType';
  readonly type: TypeExpr;
}

export type TypeExpr =
  | TypeReference
  | LiteralType
  | UnionType
  | ArrayType
  | NullableType
  | ObjectType
  | TupleType
  | ParameterizedType
  | ResourceType
  | TypeMemberAccess
  | TypeIndexAccess
  | ParenType
  | ErrorNode;

// ---------------------------------------------------------------------------------------------------------
// Statements

export interface Decorator extends Node {
  readonly kind: 'decorator';
  /** The call after `@`: `description('x')`, `sys.description('x')`, `export()`. */
  readonly expression: Expr;
}

interface DeclarationBase extends Node {
  readonly decorators: readonly Decorator[];
  /** Offset of the declaration keyword (the span starts at the first decorator). */
  readonly keywordStart: number;
}

export interface TargetScopeDecl extends DeclarationBase {
  readonly kind: 'targetScope';
  readonly value: Expr;
}

export interface MetadataDecl extends DeclarationBase {
  readonly kind: 'metadata';
  readonly name: Identifier;
  readonly value: Expr;
}

/** `param x string = 'a'` in .bicep; `param x = 'a'` (no type) in .bicepparam. */
export interface ParamDecl extends DeclarationBase {
  readonly kind: 'param';
  readonly name: Identifier;
  readonly type?: TypeExpr;
  readonly value?: Expr;
}

export interface VarDecl extends DeclarationBase {
  readonly kind: 'var';
  readonly name: Identifier;
  readonly type?: TypeExpr;
  readonly value: Expr;
}

export interface OutputDecl extends DeclarationBase {
  readonly kind: 'output';
  readonly name: Identifier;
  readonly type: TypeExpr;
  readonly value: Expr;
}

export interface TypeDecl extends DeclarationBase {
  readonly kind: 'type';
  readonly name: Identifier;
  readonly type: TypeExpr;
}

export interface FuncParameter extends Node {
  readonly kind: 'funcParameter';
  readonly name: Identifier;
  readonly type: TypeExpr;
}

export interface FuncDecl extends DeclarationBase {
  readonly kind: 'func';
  readonly name: Identifier;
  readonly parameters: readonly FuncParameter[];
  readonly returnType: TypeExpr;
  readonly body: Expr;
}

export interface ResourceDecl extends DeclarationBase {
  readonly kind: 'resource';
  readonly name: Identifier;
  /** `'Microsoft.X/y@2024-01-01'` (relative `'child@v'` or `'x/y@v'` when nested). */
  readonly resourceType: StringExpr | ErrorNode;
  readonly existing: boolean;
  /** An object, `if (…) {…}`, or `[for … : …]`. */
  readonly body: Expr;
}

export interface ModuleDecl extends DeclarationBase {
  readonly kind: 'module';
  readonly name: Identifier;
  readonly path: StringExpr | ErrorNode;
  readonly body: Expr;
}

/** `import 'az@1.0.0' as x`, `import {a, b as c} from 'p'`, `import * as ns from 'p'`. */
export interface ImportDecl extends DeclarationBase {
  readonly kind: 'import';
  /** `{ a as b }` items; `wildcardAlias` for `* as ns`; `provider` for the legacy `import 'x@v'` form. */
  readonly items: readonly { readonly name: Identifier; readonly alias?: Identifier }[];
  readonly wildcardAlias?: Identifier;
  readonly from?: StringExpr;
  readonly provider?: StringExpr;
  readonly config?: Expr;
  readonly alias?: Identifier;
}

/** `extension microsoftGraphV1`, `extension 'br:…' with {…} as x`, legacy `provider …`. */
export interface ExtensionDecl extends DeclarationBase {
  readonly kind: 'extension';
  readonly keyword: 'extension' | 'provider';
  readonly specification: Identifier | StringExpr | ErrorNode;
  readonly config?: Expr;
  readonly alias?: Identifier;
}

/** .bicepparam: `using './main.bicep'`, `using none`; `extends './base.bicepparam'`. */
export interface UsingDecl extends DeclarationBase {
  readonly kind: 'using';
  readonly keyword: 'using' | 'extends';
  /** Undefined for `using none`. */
  readonly path?: StringExpr;
  readonly config?: Expr;
}

/** `assert name = condition` (experimental). */
export interface AssertDecl extends DeclarationBase {
  readonly kind: 'assert';
  readonly name: Identifier;
  readonly value: Expr;
}

/** `test name 'path' = {…}` (experimental). */
export interface TestDecl extends DeclarationBase {
  readonly kind: 'test';
  readonly name: Identifier;
  readonly path: StringExpr | ErrorNode;
  readonly body: Expr;
}

export interface ErrorStatement extends DeclarationBase {
  readonly kind: 'errorStatement';
  readonly message: string;
}

export type Statement =
  | TargetScopeDecl
  | MetadataDecl
  | ParamDecl
  | VarDecl
  | OutputDecl
  | TypeDecl
  | FuncDecl
  | ResourceDecl
  | ModuleDecl
  | ImportDecl
  | ExtensionDecl
  | UsingDecl
  | AssertDecl
  | TestDecl
  | ErrorStatement;

export interface BicepTree extends Node {
  readonly kind: 'program';
  readonly text: string;
  readonly statements: readonly Statement[];
  readonly tokens: readonly Token[];
  readonly comments: readonly Comment[];
  /** `#disable-next-line` / `#disable-diagnostics` pragmas of the Bicep linter (text without the `#`). */
  readonly directives: readonly Comment[];
  /** Lexical and syntax errors, in source order. */
  readonly errors: readonly SyntaxProblem[];
}

/** A string written without interpolation (`'abc'`, `'''abc'''`): its decoded text; undefined otherwise. */
export function plainString(node: Expr | TypeExpr | undefined): string | undefined {
  return node?.kind === 'string' && node.expressions.length === 0 ? node.segments[0] : undefined;
}
