// Evaluates the JSON of an ARM template to model Values. Plain JSON is known; strings written `[…]` are
// template expressions: parameters resolve through the shared resolveParameter rule (defaults,
// `allowedValues`, parameter files, nested-deployment parameters); variables (with `copy`) resolve with an
// origin; the functions Bicep compiles to are computed (shared with the Bicep front end); resource ids,
// `reference()` and `list*()` become unknown values carrying a `reference` for the workspace index; what
// exists only at deployment time is unknown with a reason a user can act on.
import type { Node } from 'jsonc-parser';
import type { SyntaxProblem } from '../../model/document';
import type { ParameterSupplier } from '../../model/frontend';
import { resolveParameter, type ParameterDeclaration } from '../../model/parameters';
import {
  asUnknown,
  distinctValues,
  liftOver,
  MAX_COMBINATIONS,
  knownOptions,
  memberOf,
  mergeOrigins,
  soleOutcome,
  type KnownValue,
} from '../../model/lift';
import type { Span } from '../../model/span';
import {
  getProperty,
  indexOfProperty,
  isKnown,
  make,
  withOrigin,
  withSpan,
  type ObjectValue,
  type Origin,
  type Property,
  type ResourceReference,
  type UnknownValue,
  type Value,
  withSpanAndOrigins,
} from '../../model/value';
import { BUILTIN_FUNCTIONS, DEPLOYMENT_TIME_FUNCTIONS, renderAsString, valuesEqual } from '../bicep/functions';
import { isExpression, literalText, parsedExpression, parseExpression, type ArmExpr } from './expression';
import { child, entries, spanOfNode, stringOf } from './json';
import { canonicalNameOf, canonicalNameOfWritten, idShapeOf, idShapeOfLiteral, type IdShape } from './idShape';

/** copyIndex() values by loop name, lower-cased; '' is the innermost resource (or output) loop. */
export type Locals = ReadonlyMap<string, Value>;
export const NO_LOCALS: Locals = new Map();
const NOTHING_EXCLUDED: ReadonlySet<string> = new Set();

/** Iterations of a `copy` loop we expand into items (beyond: an open-ended array). */
export const MAX_COPY_ITEMS = 200;
const MAX_EVALUATION_DEPTH = 200;
const MAX_COPY_ITEMS_PER_DOCUMENT = 20_000;

const RESOURCE_ID_FUNCTIONS = new Set([
  'resourceid',
  'subscriptionresourceid',
  'tenantresourceid',
  'extensionresourceid',
  'managementgroupresourceid',
]);

/** Canonical spelling of the list* functions whose results are secrets (for `reference.attribute`). */
const LIST_FUNCTIONS = new Map(
  [
    'list',
    'listKeys',
    'listAdminKeys',
    'listQueryKeys',
    'listConnectionStrings',
    'listSecrets',
    'listCredentials',
    'listCredential',
    'listAccountSas',
    'listServiceSas',
    'listKeyValue',
    'listAuthKeys',
    'listPackage',
  ].map((name) => [name.toLowerCase(), name]),
);

/** `listKeys`, `listSecrets`, `list` … (ARM function names are case-insensitive). */
function isListFunction(lower: string): boolean {
  return lower.startsWith('list');
}

const LAMBDA_FUNCTIONS = new Set([
  'lambda',
  'lambdavariables',
  'map',
  'filter',
  'reduce',
  'sort',
  'tomap',
  'groupby',
  'mapvalues',
]);

/** Shared by every scope of one document: its text, uri, and the expression problems found. */
export class DocumentContext {
  readonly problems: SyntaxProblem[] = [];
  /**
   * JSON nodes not evaluated as values, with the reason: a nested deployment's inline template is analysed
   * as resources of its own (in its own scope), not as a property value of the deployment.
   */
  readonly opaque = new Map<Node, string>();
  private readonly reported = new Set<number>();

  constructor(
    readonly uri: string,
    readonly text: string,
  ) {}

  /**
   * Copy loops nested in copy loops multiply: all `copy` expansions of a document share one budget, beyond
   * which arrays stay open-ended instead of taking exponential time.
   */
  spendCopyItems(count: number): boolean {
    if (count > this.copyBudget) return false;
    this.copyBudget -= count;
    return true;
  }

  private copyBudget = MAX_COPY_ITEMS_PER_DOCUMENT;

  private readonly expressions = new Map<Node, ParsedString>();

  /** The parsed expression of a `[…]` string node, parsed once (copy loops evaluate the same node many times). */
  parsed(node: Node): ParsedString {
    let entry = this.expressions.get(node);
    if (!entry) {
      entry = { ast: parsedExpression(node.value as string), offsets: new StringOffsets(this.text, node) };
      this.expressions.set(node, entry);
    }
    return entry;
  }

  /**
   * Reports the `[…]` strings of the whole template that do not parse, evaluated or not (a variable nobody
   * uses, an output, a resource behind a false condition). Parses only. `strings` are the candidates the JSON
   * reader collected (no second walk over the tree). `metadata` sections are documentation, not evaluated by
   * ARM (`"description": "[Preview] …"`).
   */
  checkExpressionSyntax(strings: readonly Node[]): void {
    for (const node of strings) {
      const text = node.value;
      if (typeof text !== 'string' || !isExpression(text)) continue;
      // Parsed first, the walk up to the root for `metadata` only for the few that fail.
      const ast = parsedExpression(text);
      if (ast.kind === 'error' && !insideMetadata(node))
        this.problem(spanOfNode(node), `Invalid template expression: ${ast.message}`);
    }
  }

  problem(span: Span, message: string): void {
    if (this.reported.has(span.start)) return;
    this.reported.add(span.start);
    this.problems.push({ span, message });
  }
}

interface ParameterEntry {
  readonly name: string;
  readonly property: Node;
  readonly node: Node | undefined;
}

interface VariableEntry {
  readonly name: string;
  /** The value node, or the `copy` item (`{ name, count, input }`) for a copy variable. */
  readonly node: Node;
  readonly copy: boolean;
}

/** A 2.0 symbolic resource: its document key and declaration. */
export interface SymbolEntry {
  readonly key: string;
  readonly node: Node;
}

/**
 * One evaluation scope: a template's parameters, variables and symbolic resource names, with the suppliers
 * that deploy it. The top-level template is one scope; a nested deployment with `scope: 'inner'` is another.
 */
export class ArmScope {
  private readonly params = new Map<string, ParameterEntry>();
  private readonly vars = new Map<string, VariableEntry>();
  readonly symbols = new Map<string, SymbolEntry>();
  private readonly declarations = new Map<string, ParameterDeclaration | 'pending'>();
  private readonly variableValues = new Map<string, Value | 'pending'>();
  private readonly variableOrigins = new Map<string, Origin>();
  private readonly resolvedParameters = new Map<string, Value>();
  private readonly resourceNames = new Map<string, string | null>();
  private readonly canonicalNames = new Map<string, string>();
  private readonly userFunctions = new Set<string>();
  private depth = 0;

  constructor(
    readonly document: DocumentContext,
    readonly template: Node,
    readonly suppliers: readonly ParameterSupplier[],
    /** Prefix of resource keys in this scope (nested deployments: `deployment > `). */
    readonly keyPrefix: string,
  ) {
    for (const [name, key, node] of entries(child(template, 'parameters'))) {
      this.params.set(name.toLowerCase(), { name, property: key.parent!, node });
    }
    for (const [name, , node] of entries(child(template, 'variables'))) {
      if (!node) continue;
      if (name.toLowerCase() === 'copy' && node.type === 'array') {
        for (const item of node.children ?? []) {
          const copyName = stringOf(child(item, 'name'));
          if (copyName) this.vars.set(copyName.toLowerCase(), { name: copyName, node: item, copy: true });
        }
      } else this.vars.set(name.toLowerCase(), { name, node, copy: false });
    }
    const resources = child(template, 'resources');
    if (resources?.type === 'object') {
      for (const [name, , node] of entries(resources)) {
        if (node) this.symbols.set(name.toLowerCase(), { key: keyPrefix + name, node });
      }
    }
    const functions = child(template, 'functions');
    for (const namespace of functions?.children ?? []) {
      const prefix = stringOf(child(namespace, 'namespace'));
      for (const [member] of entries(child(namespace, 'members'))) {
        if (prefix) this.userFunctions.add(`${prefix}.${member}`.toLowerCase());
      }
    }
  }

  get uri(): string {
    return this.document.uri;
  }

  // -------------------------------------------------------------------------------------------------------
  // JSON nodes

  /** The value of a JSON node: literals, objects and arrays as written, `[…]` strings evaluated. */
  evaluateNode(node: Node, locals: Locals = NO_LOCALS): Value {
    // Spans are made where needed: this runs for every JSON node of every template.
    const opaque = this.document.opaque.size === 0 ? undefined : this.document.opaque.get(node);
    if (opaque !== undefined)
      return make.unknown(this.document.text.slice(node.offset, node.offset + 1) + '…', opaque, spanOfNode(node));
    switch (node.type) {
      case 'string': {
        const text = node.value as string;
        if (isExpression(text)) return this.evaluateExpressionString(node, locals);
        return make.literal(literalText(text), spanOfNode(node));
      }
      case 'number':
      case 'boolean':
      case 'null':
        return make.literal((node.value ?? null) as string | number | boolean | null, spanOfNode(node));
      case 'array': {
        const children = node.children ?? [];
        const items = new Array<Value>(children.length);
        for (let i = 0; i < children.length; i++) items[i] = this.evaluateNode(children[i], locals);
        return make.array(items, spanOfNode(node));
      }
      case 'object':
        return this.evaluateObject(node, locals, NOTHING_EXCLUDED);
      default:
        // A property node: its value.
        return node.children?.[1]
          ? this.evaluateNode(node.children[1], locals)
          : make.unknown('', 'missing value', spanOfNode(node));
    }
  }

  /** An object node, leaving out the given property names (lower-case); property-level `copy` expanded. */
  evaluateObject(node: Node, locals: Locals, exclude: ReadonlySet<string>): ObjectValue {
    const properties: Property[] = [];
    let openEnded: UnknownValue | undefined;
    // Excluded names and `copy` are short: longer names need no lower-casing (a hot spot on large templates).
    let longest = 4;
    for (const excluded of exclude) longest = Math.max(longest, excluded.length);
    // The properties as entries() gives them, without building the list.
    for (const property of node.type === 'object' ? (node.children ?? []) : []) {
      const keyNode = property.children?.[0];
      if (!keyNode || typeof keyNode.value !== 'string') continue;
      const name = keyNode.value;
      const valueNode = property.children?.[1];
      // Lower-cased only when it may be excluded or be `copy` (most objects exclude nothing).
      const lower = exclude.size > 0 && name.length <= longest ? name.toLowerCase() : '';
      if (exclude.has(lower)) continue;
      const propertySpan = spanOfNode(keyNode.parent!);
      if (name.length === 4 && (lower || name.toLowerCase()) === 'copy' && isPropertyCopy(valueNode)) {
        for (const item of valueNode!.children ?? []) {
          const copyName = stringOf(child(item, 'name'))!;
          const value = this.evaluateCopy(item, copyName, locals, 'input');
          properties.push(make.property(copyName, spanOfNode(child(item, 'name')!), value, spanOfNode(item)));
        }
        continue;
      }
      let propertyName = name;
      if (isExpression(name)) {
        const key = this.evaluateExpressionString(keyNode, locals);
        if (key.kind === 'literal' && typeof key.value === 'string') propertyName = key.value;
        else {
          openEnded ??= asUnknown(key, name, 'a property whose name is computed at deployment time');
          continue;
        }
      } else propertyName = literalText(name);
      const value = valueNode ? this.evaluateNode(valueNode, locals) : make.unknown('', 'missing value', propertySpan);
      properties.push(make.property(propertyName, spanOfNode(keyNode), value, propertySpan));
    }
    return make.object(properties, spanOfNode(node), openEnded ? { openEnded } : undefined);
  }

  /** `{ name, count, input }`: the array of `input` evaluated for each index (copyIndex('name')). */
  evaluateCopy(copyNode: Node, copyName: string, locals: Locals, inputName: string): Value {
    const span = spanOfNode(copyNode);
    const countNode = child(copyNode, 'count');
    const inputNode = child(copyNode, inputName);
    const count = countNode ? this.evaluateNode(countNode, locals) : undefined;
    const text = this.document.text.slice(span.start, span.end);
    if (!inputNode) return make.unknown(text, `copy '${copyName}' has no ${inputName}`, span);
    if (count?.kind === 'literal' && typeof count.value === 'number' && count.value >= 0) {
      if (count.value <= MAX_COPY_ITEMS && this.document.spendCopyItems(count.value)) {
        const items: Value[] = [];
        for (let index = 0; index < count.value; index++) {
          const scope = new Map(locals);
          scope.set(copyName.toLowerCase(), make.literal(index, spanOfNode(countNode!)));
          items.push(this.evaluateNode(inputNode, scope));
        }
        return make.array(items, span);
      }
    }
    const reason =
      count?.kind === 'unknown'
        ? `built by copy '${copyName}': ${count.reason}`
        : `built by copy '${copyName}' over many items`;
    return make.array([], span, { openEnded: make.unknown(text, reason, span, { origins: count?.origins }) });
  }

  // -------------------------------------------------------------------------------------------------------
  // Expressions

  /** A `[…]` string node. The value's span is the whole string; sub-expressions keep their own spans. */
  evaluateExpressionString(node: Node, locals: Locals): Value {
    const text = node.value as string;
    const { ast, offsets } = this.document.parsed(node);
    const evaluator = new ExpressionEvaluation(this, text, offsets, locals);
    const value = evaluator.evaluate(ast);
    const span = spanOfNode(node);
    if (ast.kind === 'error') this.document.problem(span, `Invalid template expression: ${ast.message}`);
    return withSpan(value, span);
  }

  enter(): boolean {
    if (this.depth >= MAX_EVALUATION_DEPTH) return false;
    this.depth++;
    return true;
  }

  leave(): void {
    this.depth--;
  }

  // -------------------------------------------------------------------------------------------------------
  // Parameters and variables

  hasParameter(name: string): boolean {
    return this.params.has(name.toLowerCase());
  }

  parameter(name: string, useSpan: Span, useText: string): Value {
    const declaration = this.parameterDeclaration(name);
    if (declaration === 'missing')
      return make.unknown(useText, `parameter '${name}' is not declared in this template`, useSpan);
    if (!declaration) return make.unknown(useText, `parameter '${name}' refers to itself`, useSpan);
    // Resolved once per parameter: with suppliers, resolveParameter compares the supplied values as JSON,
    // which is costly for large objects used many times. Uses differ only in their span and text.
    const lower = name.toLowerCase();
    let resolved = this.resolvedParameters.get(lower);
    if (!resolved) {
      resolved = resolveParameter(declaration, this.suppliers, useSpan, useText);
      this.resolvedParameters.set(lower, resolved);
    }
    return resolved.kind === 'unknown' ? withSpan(resolved, useSpan, useText) : withSpan(resolved, useSpan);
  }

  /** The parameter as resolveParameter sees it; undefined while its own default is being evaluated. */
  parameterDeclaration(name: string): ParameterDeclaration | 'missing' | undefined {
    const lower = name.toLowerCase();
    const entry = this.params.get(lower);
    if (!entry) return 'missing';
    const cached = this.declarations.get(lower);
    if (cached === 'pending') return undefined;
    if (cached) return cached;
    this.declarations.set(lower, 'pending');
    const defaultNode = child(entry.node, 'defaultValue');
    let defaultValue = defaultNode ? this.evaluateNode(defaultNode) : undefined;
    const nullable = child(entry.node, 'nullable');
    if (!defaultValue && nullable?.type === 'boolean' && nullable.value === true) {
      // A nullable parameter nobody supplies is null (Bicep `param x string?`).
      defaultValue = make.literal(null, spanOfNode(nullable));
    }
    const allowedNode = child(entry.node, 'allowedValues');
    const allowed = allowedNode ? this.evaluateNode(allowedNode) : undefined;
    const declaration: ParameterDeclaration = {
      name: entry.name,
      uri: this.uri,
      span: spanOfNode(entry.property),
      defaultValue,
      allowed: allowed?.kind === 'array' ? allowed.items.filter(isKnown) : undefined,
    };
    this.declarations.set(lower, declaration);
    return declaration;
  }

  variable(name: string, useSpan: Span, useText: string): Value {
    const lower = name.toLowerCase();
    const entry = this.vars.get(lower);
    if (!entry) return make.unknown(useText, `variable '${name}' is not declared in this template`, useSpan);
    const cached = this.variableValues.get(lower);
    if (cached === 'pending') return make.unknown(useText, `variable '${name}' refers to itself`, useSpan);
    let value = cached;
    if (!value) {
      this.variableValues.set(lower, 'pending');
      value = entry.copy
        ? this.evaluateCopy(entry.node, entry.name, NO_LOCALS, 'input')
        : this.evaluateNode(entry.node);
      this.variableValues.set(lower, value);
    }
    // One origin per variable, shared by its uses (values are never modified).
    let origin = this.variableOrigins.get(lower);
    if (!origin) {
      origin = { uri: this.uri, span: spanOfNode(entry.node), description: `variable '${entry.name}'` };
      this.variableOrigins.set(lower, origin);
    }
    return withOrigin(value, origin, useSpan);
  }

  /** Registers a resource of this scope by type and name as written (see resourceKeyByName). */
  registerResource(type: string, nameText: string, key: string): void {
    this.registerResourceByCanonicalName(type, canonicalNameOfWritten(nameText), key);
  }

  /** Registers a resource by type and canonical name (idShape.ts: children join their parent's name). */
  registerResourceByCanonicalName(type: string, canonicalName: string, key: string): void {
    const id = `${type.toLowerCase()}|${canonicalName}`;
    // Two resources with the same type and name expression (conditional alternatives): refer to neither.
    this.resourceNames.set(id, this.resourceNames.has(id) ? null : key);
  }

  /** The key of the resource declared with this type and name expression (`parameters('name')`, `'acct'`). */
  resourceKeyByName(type: string, nameExpression: string): string | undefined {
    let canonical = this.canonicalNames.get(nameExpression);
    if (canonical === undefined) {
      canonical = canonicalNameOf(parseExpression(nameExpression), nameExpression);
      this.canonicalNames.set(nameExpression, canonical);
    }
    return this.resourceKeyByCanonicalName(type, canonical);
  }

  /** The key of the resource declared with this type and canonical name (see idShape.ts). */
  resourceKeyByCanonicalName(type: string, canonicalName: string): string | undefined {
    return this.resourceNames.get(`${type.toLowerCase()}|${canonicalName}`) ?? undefined;
  }

  isUserFunction(namespace: string, name: string): boolean {
    return this.userFunctions.has(`${namespace}.${name}`.toLowerCase());
  }
}

function isOpenEnded(value: Value): value is Extract<Value, { kind: 'object' | 'array' }> {
  return (value.kind === 'object' || value.kind === 'array') && value.openEnded !== undefined;
}

/**
 * The reference to `target`'s `attribute`. Not `{ ...target, attribute }`: a spread followed by a key the
 * spread object lacks takes V8's slow path (see withSpan in model/value.ts), here once for each
 * `reference()` evaluated.
 */
function withAttribute(target: Target, attribute: string): ResourceReference {
  return Object.assign({}, target, { attribute });
}

/** tryGet() of known arguments: the property or item at the keys, null where one is absent. */
function tryGet([base, ...keys]: readonly KnownValue[], span: Span): Value | undefined {
  let current: Value = base;
  for (const key of keys) {
    if (current.kind === 'literal' && current.value === null) return make.literal(null, span);
    if (current.kind === 'unknown') return undefined;
    if (key.kind !== 'literal') return undefined;
    if (current.kind === 'object' && typeof key.value === 'string') {
      const property = getProperty(current, key.value);
      if (!property) return current.openEnded ? undefined : make.literal(null, span);
      current = property.value;
    } else if (current.kind === 'array' && typeof key.value === 'number') {
      const item: Value | undefined = current.items[key.value];
      if (!item) return current.openEnded ? undefined : make.literal(null, span);
      current = item;
    } else return make.literal(null, span);
  }
  return isKnown(current) ? { ...current, span } : undefined;
}

/** The values an access may take from a value: itself when known, else its candidates (none when absent). */
function optionsOf(value: Value | undefined): readonly Value[] | undefined {
  return value === undefined ? [] : isKnown(value) ? [value] : value.candidates;
}

/** Whether a node lies in a `metadata` property's value (or is that property's name). */
function insideMetadata(node: Node): boolean {
  for (let current: Node | undefined = node; current; current = current.parent) {
    if (current.type !== 'property') continue;
    const name = current.children?.[0]?.value;
    if (typeof name === 'string' && name.length === 8 && name.toLowerCase() === 'metadata') return true;
  }
  return false;
}

/** A property-level copy: `"copy": [ { "name": …, "count": …, "input": … } ]`. */
function isPropertyCopy(node: Node | undefined): boolean {
  return (
    node?.type === 'array' &&
    (node.children?.length ?? 0) > 0 &&
    node.children!.every((item) => stringOf(child(item, 'name')) !== undefined && child(item, 'input') !== undefined)
  );
}

/** A `[…]` string node's expression, and where its characters are in the document. */
interface ParsedString {
  readonly ast: ArmExpr;
  readonly offsets: StringOffsets;
}

/**
 * Maps offsets in a JSON string's decoded value to document offsets. Without escapes the mapping is a
 * shift; with them (`\"`, `\\`, `\u0041`) each decoded character is located in the raw text. An object, not
 * a closure made for each string: V8 holds a closure's optimized code only weakly, and the scan worker
 * compiled the per-string closure again after most full collections.
 */
class StringOffsets {
  private readonly rawStart: number;
  /** The document offset of each decoded character, and of the end; undefined without escapes. */
  private readonly positions: number[] | undefined;

  constructor(text: string, node: Node) {
    const rawStart = node.offset + 1;
    const rawEnd = node.offset + node.length - 1;
    this.rawStart = rawStart;
    // Same length: no escapes (the raw text is read only when there are).
    if (Math.max(0, rawEnd - rawStart) === (node.value as string).length) return;
    const raw = text.slice(rawStart, rawEnd);
    const positions: number[] = [];
    for (let i = 0; i < raw.length;) {
      positions.push(rawStart + i);
      if (raw[i] === '\\') i += raw[i + 1] === 'u' ? 6 : 2;
      else i++;
    }
    positions.push(rawStart + raw.length);
    this.positions = positions;
  }

  toDocument(offset: number): number {
    const positions = this.positions;
    if (!positions) return this.rawStart + offset;
    return positions[Math.min(offset, positions.length - 1)] ?? this.rawStart + offset;
  }
}

/** The resource a `resourceId()`/`reference()`/`list*()` argument designates. */
type Target = Pick<ResourceReference, 'uri' | 'key' | 'type' | 'name'>;

/** One `[…]` string being evaluated. */
class ExpressionEvaluation {
  constructor(
    private readonly scope: ArmScope,
    private readonly source: string,
    private readonly offsets: StringOffsets,
    private readonly locals: Locals,
  ) {}

  private span(node: ArmExpr): Span {
    return { start: this.offsets.toDocument(node.start), end: this.offsets.toDocument(node.end) };
  }

  private text(node: ArmExpr): string {
    return this.source.slice(node.start, node.end);
  }

  /** The arguments' values (a loop, not `map` with a closure: this runs for every call of every expression). */
  private evaluateAll(nodes: readonly ArmExpr[]): Value[] {
    const values: Value[] = new Array<Value>(nodes.length);
    for (let i = 0; i < nodes.length; i++) values[i] = this.evaluate(nodes[i]);
    return values;
  }

  evaluate(node: ArmExpr): Value {
    if (!this.scope.enter()) return make.unknown(this.text(node), 'too deeply nested to evaluate', this.span(node));
    try {
      return this.evaluateNode(node);
    } finally {
      this.scope.leave();
    }
  }

  private evaluateNode(node: ArmExpr): Value {
    switch (node.kind) {
      case 'string':
        return make.literal(node.value, this.span(node));
      case 'number':
        return make.literal(node.value, this.span(node));
      case 'error':
        return make.unknown(this.text(node), `invalid template expression: ${node.message}`, this.span(node));
      case 'member':
      case 'index': {
        const chain = this.referenceChain(node);
        if (chain) return chain;
        return this.evaluateAccess(node);
      }
      case 'call':
        return this.evaluateCall(node);
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Resource references

  /** `reference(x).a.b`, `listKeys(x, v).keys[0].value`: one unknown whose reference names the attribute. */
  private referenceChain(node: ArmExpr): Value | undefined {
    let root: ArmExpr = node;
    while (root.kind === 'member' || root.kind === 'index') root = root.object;
    if (root.kind !== 'call' || root.namespace) return undefined;
    const lower = root.lower;
    if (lower !== 'reference' && lower !== 'resourceinfo' && !isListFunction(lower)) return undefined;
    // Only now the path (most member chains read variables and parameters, not references).
    const path: string[] = [];
    for (let step: ArmExpr = node; step.kind === 'member' || step.kind === 'index'; step = step.object) {
      if (step.kind === 'member') path.unshift(step.name);
      else if (step.index.kind === 'string') path.unshift(step.index.value);
    }
    return this.referenceValue(root, path, node);
  }

  private referenceValue(call: Extract<ArmExpr, { kind: 'call' }>, path: readonly string[], whole: ArmExpr): Value {
    const span = this.span(whole);
    const text = this.text(whole);
    const lower = call.lower;
    const args = this.evaluateAll(call.args);
    const target = this.targetOf(args[0]);
    const described = describeTarget(target);
    if (lower === 'reference') {
      const full = args.some((a) => a.kind === 'literal' && typeof a.value === 'string' && /^full$/i.test(a.value));
      const attribute = full ? path.join('.') : ['properties', ...path].join('.');
      return make.unknown(text, `'${attribute}' of ${described}, known only after deployment`, span, {
        reference: withAttribute(target, attribute),
        origins: mergeOrigins(args),
      });
    }
    if (lower === 'resourceinfo') {
      // languageVersion 2.0: `resourceInfo('sym').id` (also .name, .type, .apiVersion), known only as a reference.
      const attribute = path.join('.');
      return make.unknown(
        text,
        `${attribute ? `'${attribute}' of ` : ''}${described}, known only after deployment`,
        span,
        {
          reference: withAttribute(target, attribute),
          origins: mergeOrigins(args),
        },
      );
    }
    const attribute = LIST_FUNCTIONS.get(lower) ?? call.name;
    return make.unknown(text, `'${attribute}()' of ${described}, a secret known only after deployment`, span, {
      reference: withAttribute(target, attribute),
      origins: mergeOrigins(args),
    });
  }

  /** What a resource id / symbolic name argument points at. */
  private targetOf(value: Value | undefined): Target {
    if (!value) return {};
    if (value.kind === 'unknown' && value.reference) {
      const { uri, key, type, name } = value.reference;
      return { uri, key, type, name };
    }
    if (value.kind === 'literal' && typeof value.value === 'string') {
      const symbol = this.scope.symbols.get(value.value.toLowerCase());
      if (symbol) return { uri: this.scope.uri, key: symbol.key };
      const shape = idShapeOfLiteral(value.value);
      if (shape) {
        const key = this.scope.resourceKeyByCanonicalName(shape.type, shape.canonicalName);
        const name = make.literal(shape.names.join('/'), value.span);
        return key ? { uri: this.scope.uri, key, type: shape.type, name } : { type: shape.type, name };
      }
    }
    return {};
  }

  private resourceIdReference(lower: string, args: readonly Value[], node: ArmExpr): Value {
    const span = this.span(node);
    // The type is the first string argument that looks like `Namespace.Provider/type` (scope args come first).
    const typeIndex = args.findIndex(
      (a) => a.kind === 'literal' && typeof a.value === 'string' && /^[\w.]+\/[\w/]+$/.test(a.value),
    );
    const type = typeIndex >= 0 ? String((args[typeIndex] as { value: unknown }).value) : undefined;
    const nameArgs = typeIndex >= 0 ? args.slice(typeIndex + 1) : [];
    let name: Value | undefined;
    if (nameArgs.length === 1) name = nameArgs[0];
    else if (nameArgs.length > 1) {
      const unknownPart = nameArgs.find((a): a is UnknownValue => a.kind === 'unknown');
      name = unknownPart
        ? make.unknown(this.text(node), `a resource name built from unknown parts: ${unknownPart.reason}`, span)
        : make.literal(nameArgs.map((a) => renderAsString(a as KnownValue)).join('/'), span);
    }
    // `resourceId('Microsoft.X/y', parameters('name'))` names the resource of this template declared with the
    // same type and the same name expression, even when that name is not known: refer to it by key.
    const shape = idShapeOf(node, this.source);
    const key = shape && type ? this.scope.resourceKeyByCanonicalName(type, shape.canonicalName) : undefined;
    return make.unknown(this.text(node), `the id of a resource (${lower}), known only after deployment`, span, {
      reference: key ? { uri: this.scope.uri, key, type, name, attribute: 'id' } : { type, name, attribute: 'id' },
      origins: mergeOrigins(args),
    });
  }

  /**
   * An id built in a string (`format('Microsoft.X/y/{0}', name)`: the relative id Bicep writes for
   * `scope: resource`; `concat('/subscriptions/', …, '/providers/Microsoft.X/y/', name)`;
   * `format('{0}/blobServices/{1}', resourceId(…), 'default')`) whose value is not known: a reference to the
   * resource of that type and name, by key when this template declares it with the same name as written.
   */
  private idReference(node: Extract<ArmExpr, { kind: 'call' }>, args: readonly Value[], result: Value): Value {
    if (result.kind !== 'unknown') return result;
    const shape: IdShape | undefined = idShapeOf(node, this.source);
    if (!shape) return result;
    const key = this.scope.resourceKeyByCanonicalName(shape.type, shape.canonicalName);
    // Candidates of the whole id (a name from allowedValues) decide more than an unresolved reference.
    if (!key && result.candidates?.length) return result;
    const span = this.span(node);
    const text = this.text(node);
    const unknownPart = args.find((a): a is UnknownValue => a.kind === 'unknown');
    const reason = unknownPart?.reason ?? result.reason;
    const name = shape.names.every((n) => n !== undefined)
      ? make.literal(shape.names.join('/'), span)
      : make.unknown(text, `a resource name built from unknown parts: ${reason}`, span, {
          origins: unknownPart?.origins,
        });
    return make.unknown(text, `the id of ${shape.type} '${text}': ${reason}`, span, {
      reference: key
        ? { uri: this.scope.uri, key, type: shape.type, name, attribute: 'id' }
        : { type: shape.type, name, attribute: 'id' },
      origins: result.origins ?? mergeOrigins(args),
      candidates: result.candidates,
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // Access and calls

  private evaluateAccess(node: Extract<ArmExpr, { kind: 'member' | 'index' }>): Value {
    const span = this.span(node);
    const text = this.text(node);
    const base = this.evaluate(node.object);
    const index = node.kind === 'index' ? this.evaluate(node.index) : undefined;
    const key: KnownValue | string | undefined =
      node.kind === 'member' ? node.name : index && isKnown(index) ? index : undefined;
    if (isKnown(base) && key !== undefined) {
      return (
        memberOf(base, key, span, text) ??
        make.unknown(text, `'${typeof key === 'string' ? key : renderAsString(key)}' does not exist in the value`, span)
      );
    }
    if (base.kind === 'unknown' && base.reference) {
      return make.unknown(text, base.reason, span, { origins: base.origins, reference: base.reference });
    }
    // An unknown index over known candidates (copyIndex() in a loop), or an unknown base with candidates.
    const bases = optionsOf(base);
    const keys = node.kind === 'member' ? [node.name] : optionsOf(index);
    if (bases?.length && keys?.length && bases.length * keys.length <= MAX_COMBINATIONS) {
      const results: Value[] = [];
      for (const b of bases)
        for (const k of keys) {
          if (!isKnown(b) || (typeof k !== 'string' && !isKnown(k))) continue;
          const result = memberOf(b, k as KnownValue | string, span, text);
          if (result && isKnown(result)) results.push(result);
        }
      const unknownSide = (base.kind === 'unknown' ? base : index) as UnknownValue;
      return make.unknown(text, unknownSide.reason, span, {
        origins: unknownSide.origins,
        candidates: results.length ? distinctValues(results) : undefined,
      });
    }
    const unknownSide = (base.kind === 'unknown' ? base : index) as UnknownValue;
    return make.unknown(text, unknownSide.reason, span, { origins: unknownSide.origins });
  }

  private evaluateCall(node: Extract<ArmExpr, { kind: 'call' }>): Value {
    // The span and text are made where needed: the functions with their own method make their own.
    const name = node.name;
    if (node.namespace) {
      const what = this.scope.isUserFunction(node.namespace, name) ? 'the user-defined function' : 'the function';
      return make.unknown(
        this.text(node),
        `${what} '${node.namespace}.${name}' is not evaluated by aisec`,
        this.span(node),
      );
    }
    const lower = node.lower;
    switch (lower) {
      case 'true':
        return make.literal(true, this.span(node));
      case 'false':
        return make.literal(false, this.span(node));
      case 'null':
        return make.literal(null, this.span(node));
      case 'parameters':
      case 'variables': {
        const argument = node.args[0] ? this.evaluate(node.args[0]) : undefined;
        const span = this.span(node);
        const text = this.text(node);
        if (argument?.kind !== 'literal' || typeof argument.value !== 'string') {
          return make.unknown(text, `the ${lower.slice(0, -1)} name is not known`, span, {
            origins: argument?.origins,
          });
        }
        return lower === 'parameters'
          ? this.scope.parameter(argument.value, span, text)
          : this.scope.variable(argument.value, span, text);
      }
      case 'copyindex':
        return this.copyIndex(node);
      case 'if':
        return this.evaluateIf(node);
      case 'and':
      case 'or':
        return this.evaluateLogical(node, lower === 'or');
      case 'coalesce':
        return this.evaluateCoalesce(node);
      case 'createobject':
        return this.createObject(node);
      case 'createarray':
        return make.array(this.evaluateAll(node.args), this.span(node));
      case 'union':
        return this.evaluateUnion(node);
      case 'tryget':
        return this.evaluateTryGet(node);
      case 'shallowmerge':
        return this.evaluateShallowMerge(node);
      case 'reference':
      case 'resourceinfo':
        return this.referenceValue(node, [], node);
    }
    if (isListFunction(lower)) return this.referenceValue(node, [], node);
    if (LAMBDA_FUNCTIONS.has(lower))
      return make.unknown(this.text(node), `a lambda expression (${name}) is not evaluated by aisec`, this.span(node));
    const args = this.evaluateAll(node.args);
    if (RESOURCE_ID_FUNCTIONS.has(lower)) return this.resourceIdReference(lower, args, node);
    const deploymentTime = DEPLOYMENT_TIME_FUNCTIONS.get(lower);
    if (deploymentTime) {
      const text = this.text(node);
      return make.unknown(text, `${deploymentTime}: ${text}`, this.span(node), { origins: mergeOrigins(args) });
    }
    // A value that may hold more than we see (an open-ended object or array) has no known length, emptiness,
    // equality or text: functions of it are unknown, except concat, which stays open-ended.
    const open = args.find(isOpenEnded);
    if (open?.openEnded) {
      const span = this.span(node);
      const text = this.text(node);
      if (lower === 'concat' && args.every((a) => a.kind === 'array')) {
        return make.array(
          args.flatMap((a) => (a.kind === 'array' ? a.items : [])),
          span,
          { openEnded: asUnknown(open.openEnded, text, open.openEnded.reason), origins: mergeOrigins(args) },
        );
      }
      return make.unknown(text, open.openEnded.reason, span, { origins: mergeOrigins(args) });
    }
    const arithmetic = ARITHMETIC.get(lower);
    if (arithmetic) return this.lift(args, node, arithmetic);
    const builtin = BUILTIN_FUNCTIONS.get(lower);
    if (builtin) {
      const result = this.lift(args, node, builtin);
      return lower === 'format' || lower === 'concat' ? this.idReference(node, args, result) : result;
    }
    return make.unknown(this.text(node), `the function '${name}' is not evaluated by aisec`, this.span(node), {
      origins: mergeOrigins(args),
    });
  }

  /** copyIndex(), copyIndex(offset), copyIndex('loop'), copyIndex('loop', offset). */
  private copyIndex(node: Extract<ArmExpr, { kind: 'call' }>): Value {
    const span = this.span(node);
    const args = this.evaluateAll(node.args);
    let loop = '';
    let offset: Value | undefined;
    if (args[0]?.kind === 'literal' && typeof args[0].value === 'string') {
      loop = args[0].value.toLowerCase();
      offset = args[1];
    } else offset = args[0];
    const index = this.locals.get(loop);
    if (!index) {
      return make.unknown(this.text(node), loop ? `index of copy loop '${loop}'` : 'a copy loop index', span);
    }
    if (!offset) return { ...index, span };
    return this.lift([index, offset], node, ([a, b]) =>
      a.kind === 'literal' && b.kind === 'literal' && typeof a.value === 'number' && typeof b.value === 'number'
        ? make.literal(a.value + b.value, span)
        : undefined,
    );
  }

  private evaluateIf(node: Extract<ArmExpr, { kind: 'call' }>): Value {
    const span = this.span(node);
    const text = this.text(node);
    if (node.args.length !== 3) return make.unknown(text, 'if() takes three arguments', span);
    const condition = this.evaluate(node.args[0]);
    if (condition.kind === 'literal' && typeof condition.value === 'boolean')
      return this.branchOf(node, condition.value, condition, span);
    const reason = condition.kind === 'unknown' ? condition.reason : 'depends on a condition that is not a boolean';
    const only = soleOutcome(condition);
    if (only !== undefined) {
      const branch = this.branchOf(node, only, condition, span);
      return isKnown(branch)
        ? make.unknown(text, reason, span, { candidates: [branch], origins: condition.origins })
        : branch;
    }
    const candidates = knownOptions([this.evaluate(node.args[1]), this.evaluate(node.args[2])]);
    return make.unknown(text, reason, span, {
      origins: condition.origins,
      candidates: candidates.length ? distinctValues(candidates) : undefined,
    });
  }

  /** The branch of if() the condition picks, at the call's span with the origins of both. */
  private branchOf(node: Extract<ArmExpr, { kind: 'call' }>, value: boolean, condition: Value, span: Span): Value {
    const branch = this.evaluate(node.args[value ? 1 : 2]);
    return withSpanAndOrigins(branch, span, mergeOrigins([branch, condition]));
  }

  private evaluateLogical(node: Extract<ArmExpr, { kind: 'call' }>, decisive: boolean): Value {
    const span = this.span(node);
    const values: Value[] = [];
    for (const arg of node.args) {
      const value = this.evaluate(arg);
      if (value.kind === 'literal' && value.value === decisive) return { ...value, span };
      values.push(value);
    }
    if (values.length === 0) return make.unknown(this.text(node), 'and()/or() without arguments', span);
    return this.lift(values, node, (known) =>
      known.every((v) => v.kind === 'literal' && typeof v.value === 'boolean')
        ? make.literal(
            decisive
              ? known.some((v) => (v as { value: boolean }).value)
              : known.every((v) => (v as { value: boolean }).value),
            span,
          )
        : undefined,
    );
  }

  private evaluateCoalesce(node: Extract<ArmExpr, { kind: 'call' }>): Value {
    const span = this.span(node);
    const candidates: Value[] = [];
    let firstUnknown: UnknownValue | undefined;
    const isNull = (v: Value) => v.kind === 'literal' && v.value === null;
    for (const arg of node.args) {
      const value = this.evaluate(arg);
      if (isNull(value)) continue;
      if (isKnown(value)) {
        if (!firstUnknown) return { ...value, span };
        candidates.push(value);
        break;
      }
      firstUnknown ??= value;
      candidates.push(...(value.candidates ?? []).filter((c) => isKnown(c) && !isNull(c)));
    }
    if (!firstUnknown) return make.literal(null, span);
    return make.unknown(this.text(node), firstUnknown.reason, span, {
      origins: firstUnknown.origins,
      reference: firstUnknown.reference,
      candidates: candidates.length ? distinctValues(candidates) : undefined,
    });
  }

  private createObject(node: Extract<ArmExpr, { kind: 'call' }>): Value {
    const span = this.span(node);
    const properties: Property[] = [];
    let openEnded: UnknownValue | undefined;
    for (let i = 0; i + 1 < node.args.length; i += 2) {
      const key = this.evaluate(node.args[i]);
      const value = this.evaluate(node.args[i + 1]);
      if (key.kind === 'literal' && typeof key.value === 'string') {
        properties.push(make.property(key.value, key.span, value, { start: key.span.start, end: value.span.end }));
      } else openEnded ??= asUnknown(key, this.text(node.args[i]), 'a property whose name is not known');
    }
    return make.object(properties, span, openEnded ? { openEnded } : undefined);
  }

  /** union(): known sides merge; an unknown side makes the result open-ended rather than unknown. */
  private evaluateUnion(node: Extract<ArmExpr, { kind: 'call' }>): Value {
    const span = this.span(node);
    const args = this.evaluateAll(node.args);
    const union = BUILTIN_FUNCTIONS.get('union')!;
    if (args.every(isKnown)) return this.lift(args, node, union);
    const known = args.filter(isKnown);
    const unknown = args.find((a): a is UnknownValue => a.kind === 'unknown')!;
    if (known.length > 0 && known.every((a) => a.kind === 'object')) {
      const merged = known.length > 1 ? union(known, span) : known[0];
      if (merged?.kind === 'object')
        return make.object(merged.properties, span, {
          openEnded: asUnknown(unknown, this.text(node), unknown.reason),
          origins: mergeOrigins(args),
        });
    }
    if (known.length > 0 && known.every((a) => a.kind === 'array')) {
      const merged = known.length > 1 ? union(known, span) : known[0];
      if (merged?.kind === 'array')
        return make.array(merged.items, span, {
          openEnded: asUnknown(unknown, this.text(node), unknown.reason),
          origins: mergeOrigins(args),
        });
    }
    return this.lift(args, node, union);
  }

  /**
   * shallowMerge([a, b, …]) (what Bicep's object spread compiles to): top-level properties, last wins; null
   * items are skipped; an unknown item makes the result open-ended, as a spread of an unknown value does.
   */
  private evaluateShallowMerge(node: Extract<ArmExpr, { kind: 'call' }>): Value {
    const span = this.span(node);
    const list = node.args[0] ? this.evaluate(node.args[0]) : undefined;
    if (list?.kind !== 'array') {
      return make.unknown(
        this.text(node),
        list?.kind === 'unknown' ? list.reason : 'shallowMerge() of a value that is not a list',
        span,
        {
          origins: list?.origins,
        },
      );
    }
    const properties: Property[] = [];
    let openEnded: UnknownValue | undefined = list.openEnded;
    for (const item of list.items) {
      if (item.kind === 'object') {
        for (const property of item.properties) {
          const at = indexOfProperty(properties, property.name);
          if (at >= 0) properties.splice(at, 1);
          properties.push(property);
        }
        openEnded ??= item.openEnded;
      } else if (!(item.kind === 'literal' && item.value === null)) {
        openEnded ??= asUnknown(item, this.text(node), 'merges a value that is not a known object');
      }
    }
    return make.object(properties, span, { openEnded, origins: list.origins });
  }

  /** tryGet(object, key, …): the property, or null when absent. */
  private evaluateTryGet(node: Extract<ArmExpr, { kind: 'call' }>): Value {
    return this.lift(this.evaluateAll(node.args), node, tryGet);
  }

  /** `liftOver` at this expression: known arguments compute, candidates give candidate results. */
  private lift(
    args: readonly Value[],
    node: ArmExpr,
    compute: (values: KnownValue[], span: Span) => Value | undefined,
  ): Value {
    const span = this.span(node);
    return liftOver(args, span, this.text(node), compute);
  }
}

type Arithmetic = (values: readonly KnownValue[], span: Span) => Value | undefined;

function numbers(values: readonly KnownValue[]): [number, number] | undefined {
  const [a, b] = values;
  return a?.kind === 'literal' && b?.kind === 'literal' && typeof a.value === 'number' && typeof b.value === 'number'
    ? [a.value, b.value]
    : undefined;
}

function comparable(values: readonly KnownValue[]): [number, number] | [string, string] | undefined {
  const pair = numbers(values);
  if (pair) return pair;
  const [a, b] = values;
  return a?.kind === 'literal' && b?.kind === 'literal' && typeof a.value === 'string' && typeof b.value === 'string'
    ? [a.value, b.value]
    : undefined;
}

/** ARM's operator functions (what Bicep's `+`, `<`, … compile to). */
const ARITHMETIC = new Map<string, Arithmetic>([
  ['add', (v, span) => (numbers(v) ? make.literal(numbers(v)![0] + numbers(v)![1], span) : undefined)],
  ['sub', (v, span) => (numbers(v) ? make.literal(numbers(v)![0] - numbers(v)![1], span) : undefined)],
  ['mul', (v, span) => (numbers(v) ? make.literal(numbers(v)![0] * numbers(v)![1], span) : undefined)],
  [
    'div',
    (v, span) =>
      numbers(v) && numbers(v)![1] !== 0 ? make.literal(Math.trunc(numbers(v)![0] / numbers(v)![1]), span) : undefined,
  ],
  [
    'mod',
    (v, span) => (numbers(v) && numbers(v)![1] !== 0 ? make.literal(numbers(v)![0] % numbers(v)![1], span) : undefined),
  ],
  ['less', (v, span) => (comparable(v) ? make.literal(comparable(v)![0] < comparable(v)![1], span) : undefined)],
  [
    'lessorequals',
    (v, span) => (comparable(v) ? make.literal(comparable(v)![0] <= comparable(v)![1], span) : undefined),
  ],
  ['greater', (v, span) => (comparable(v) ? make.literal(comparable(v)![0] > comparable(v)![1], span) : undefined)],
  [
    'greaterorequals',
    (v, span) => (comparable(v) ? make.literal(comparable(v)![0] >= comparable(v)![1], span) : undefined),
  ],
  // ARM equals() is case-sensitive for strings, as Bicep's `==`.
  [
    'equals',
    ([a, b], span) => {
      const equal = a && b ? valuesEqual(a, b, false) : undefined;
      return equal === undefined ? undefined : make.literal(equal, span);
    },
  ],
]);

function describeTarget(target: Target): string {
  if (target.key) return `resource '${target.key}'`;
  if (target.type) {
    const name = target.name?.kind === 'literal' ? ` '${String(target.name.value)}'` : '';
    return `${target.type}${name}`;
  }
  return 'a resource';
}
