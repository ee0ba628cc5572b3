// Evaluates HCL expressions into model Values within one module: literals, templates, collections,
// `var.*` (defaults, tfvars, module callers, validation candidates), `local.*`, conditionals, operators and a
// handful of functions. Anything decided at plan/apply time (resource attributes, `each.value`, data
// sources, module outputs) becomes an unknown value with a reason, and a `reference` when it names a
// resource, so rules can relate resources and the secret rules can see key attributes.
import type { Span } from '../../model/span';
import { resolveParameter, type ParameterDeclaration } from '../../model/parameters';
import type { ParameterSupplier } from '../../model/frontend';
import {
  isKnown,
  make,
  toJson,
  withOrigin,
  withSpan,
  getPath,
  type Origin,
  type Property,
  type UnknownValue,
  type Value,
  withSpanAndOrigins,
} from '../../model/value';
import type { HclExpr } from './syntax';

/** A `variable` block as the evaluator needs it. */
export interface VariableInfo {
  readonly name: string;
  readonly uri: string;
  readonly span: Span;
  readonly defaultExpr?: HclExpr;
  /** The `type` constraint: `optional(T, default)` attributes of object types fill in absent values. */
  readonly typeExpr?: HclExpr;
  /** `validation { condition = contains([...], var.x) }` values. */
  readonly allowedExprs?: readonly HclExpr[];
}

export interface LocalInfo {
  readonly name: string;
  readonly uri: string;
  readonly nameSpan: Span;
  readonly expr: HclExpr;
}

/** A value a tfvars file of the module gives a variable. */
export interface TfvarsValue {
  readonly uri: string;
  readonly fileName: string;
  readonly expr: HclExpr;
}

/** Where a resource (or data source) of the module is declared, for references. */
export interface DeclaredResource {
  readonly uri: string;
}

/** Names bound inside a block: `each`, `count`, dynamic iterators, for-expression variables. */
export type Bindings = ReadonlyMap<string, Value>;

const MAX_DEPTH = 64;

/**
 * Attribute names that expose secrets: a reference to one of them is a key being passed around
 * (AIS-SEC-KEY-PLUMBING, AIS-SEC-OUTPUT-SECRETS).
 */
export const KEY_ATTRIBUTES: ReadonlySet<string> = new Set([
  'primary_access_key',
  'secondary_access_key',
  'primary_connection_string',
  'secondary_connection_string',
  'primary_blob_connection_string',
  'secondary_blob_connection_string',
  'primary_key',
  'secondary_key',
  'primary_master_key',
  'secondary_master_key',
  'primary_readonly_master_key',
  'secondary_readonly_master_key',
  'primary_sql_connection_string',
  'connection_strings',
  'admin_password',
  'kube_config',
  'kube_config_raw',
  'kube_admin_config',
  'kube_admin_config_raw',
  'instrumentation_key',
  'connection_string',
  'query_keys',
  'primary_shared_key',
  'secondary_shared_key',
  'default_primary_key',
  'access_key',
]);

/** Values standing for an expression Terraform would reject at plan time: `try()` moves past them. */
const EVALUATION_ERRORS = new WeakSet<Value>();

/** Top-level names that are not resource types. */
const SCOPE_ROOTS = new Set(['var', 'local', 'module', 'data', 'each', 'count', 'self', 'path', 'terraform']);

export class ModuleEvaluator {
  private readonly localCache = new Map<string, Value>();
  private readonly localsInProgress = new Set<string>();
  private readonly variableCache = new Map<string, Value>();
  private depth = 0;

  constructor(
    /** Source text per uri (for expression text in unknown values). */
    private readonly texts: ReadonlyMap<string, string>,
    private readonly variables: ReadonlyMap<string, VariableInfo>,
    private readonly locals: ReadonlyMap<string, LocalInfo>,
    private readonly tfvars: ReadonlyMap<string, TfvarsValue>,
    private readonly suppliers: readonly ParameterSupplier[],
    private readonly resources: ReadonlyMap<string, DeclaredResource>,
  ) {}

  text(uri: string, span: Span): string {
    return (this.texts.get(uri) ?? '').slice(span.start, span.end);
  }

  evaluate(expr: HclExpr, uri: string, bindings: Bindings = new Map()): Value {
    if (this.depth > MAX_DEPTH) return this.unknown(expr, uri, 'is nested too deeply to evaluate');
    this.depth++;
    try {
      return this.evaluateInner(expr, uri, bindings);
    } finally {
      this.depth--;
    }
  }

  private unknown(expr: HclExpr, uri: string, reason: string, extra?: Partial<UnknownValue>): UnknownValue {
    return make.unknown(this.text(uri, expr.span), reason, expr.span, extra);
  }

  private evaluateInner(expr: HclExpr, uri: string, bindings: Bindings): Value {
    switch (expr.kind) {
      case 'literal':
        return make.literal(expr.value, expr.span);
      case 'template':
        return this.template(expr, uri, bindings);
      case 'tuple':
        return this.tuple(expr.items, expr.span, uri, bindings);
      case 'object':
        return this.object(expr, uri, bindings);
      case 'paren': {
        const inner = this.evaluate(expr.inner, uri, bindings);
        return withSpan(inner, expr.span);
      }
      case 'variable':
      case 'getAttr':
      case 'index':
      case 'splat':
        return this.traversal(expr, uri, bindings);
      case 'call':
        return this.call(expr, uri, bindings);
      case 'conditional':
        return this.conditional(expr, uri, bindings);
      case 'unary':
        return this.unary(expr, uri, bindings);
      case 'binary':
        return this.binary(expr, uri, bindings);
      case 'for':
        return this.forExpression(expr, uri, bindings);
      case 'directive':
        return this.unknown(expr, uri, 'uses a template directive');
      case 'error':
        return this.unknown(expr, uri, 'could not be read (syntax error)');
    }
  }

  private template(expr: Extract<HclExpr, { kind: 'template' }>, uri: string, bindings: Bindings): Value {
    // "${x}" alone is x itself (HCL keeps its type).
    if (expr.parts.length === 1 && typeof expr.parts[0] !== 'string' && !expr.heredoc) {
      const inner = this.evaluate(expr.parts[0], uri, bindings);
      return withSpan(inner, expr.span);
    }
    let text = '';
    for (const part of expr.parts) {
      if (typeof part === 'string') {
        text += part;
        continue;
      }
      const value = this.evaluate(part, uri, bindings);
      if (value.kind === 'literal' && value.value !== null) {
        text += String(value.value);
        continue;
      }
      const reason = value.kind === 'unknown' ? value.reason : 'interpolates a value that is not a string';
      return this.unknown(
        expr,
        uri,
        reason,
        value.kind === 'unknown' && value.reference ? { reference: value.reference } : {},
      );
    }
    return make.literal(text, expr.span);
  }

  private tuple(items: readonly HclExpr[], span: Span, uri: string, bindings: Bindings): Value {
    return make.array(
      items.map((item) => this.evaluate(item, uri, bindings)),
      span,
    );
  }

  private object(expr: Extract<HclExpr, { kind: 'object' }>, uri: string, bindings: Bindings): Value {
    const properties: Property[] = [];
    let openEnded: UnknownValue | undefined;
    for (const item of expr.items) {
      let name = item.keyName;
      if (name === undefined) {
        const key = this.evaluate(item.key, uri, bindings);
        if (key.kind === 'literal' && key.value !== null) name = String(key.value);
        else {
          openEnded ??= this.unknown(item.key, uri, key.kind === 'unknown' ? key.reason : 'has a computed key');
          continue;
        }
      }
      properties.push(make.property(name, item.key.span, this.evaluate(item.value, uri, bindings), item.span));
    }
    return make.object(properties, expr.span, openEnded ? { openEnded } : undefined);
  }

  /**
   * `[for …]` / `{for …}` over a known collection: each item is bound and evaluated; an `if` filter that is
   * known keeps or drops the item, one that is not (or a key that is not known) leaves the result open-ended:
   * the known members stay, a member not listed is unknown rather than absent.
   */
  private forExpression(expr: Extract<HclExpr, { kind: 'for' }>, uri: string, bindings: Bindings): Value {
    const { collection, valueVar, valueExpr } = expr;
    if (!collection || !valueVar || !valueExpr || (expr.object && !expr.keyExpr))
      return this.unknown(expr, uri, 'is a for expression that could not be read');
    const source = this.evaluate(collection, uri, bindings);
    let entries: { key: Value; value: Value; property?: Property }[];
    if (source.kind === 'object') {
      entries = source.properties.map((p) => ({ key: make.literal(p.name, p.nameSpan), value: p.value, property: p }));
    } else if (source.kind === 'array') {
      entries = source.items.map((item, index) => ({ key: make.literal(index, item.span), value: item }));
    } else if (source.kind === 'unknown') {
      return this.unknown(expr, uri, source.reason, source.reference ? { reference: source.reference } : {});
    } else {
      const error = this.unknown(
        expr,
        uri,
        source.value === null
          ? 'iterates over null, which Terraform rejects'
          : 'iterates over a value that is not a collection',
      );
      EVALUATION_ERRORS.add(error);
      return error;
    }
    // `for s in toset([...])` / a list: the single variable is the item; with two, the first is the index.
    let openEnded: UnknownValue | undefined = source.openEnded;
    const open = (value: Value | undefined, fallback: string) => {
      openEnded ??= this.unknown(expr, uri, value?.kind === 'unknown' ? value.reason : fallback);
    };
    const items: Value[] = [];
    const groups = new Map<string, { key: Value; values: Value[]; property?: Property }>();
    // `k => v` passes entries through: they keep the spans where they are written (findings and fixes
    // point there, not at the `v` of the loop).
    const isVariable = (e: HclExpr | undefined, name: string | undefined) => e?.kind === 'variable' && e.name === name;
    const passValue = isVariable(valueExpr, valueVar);
    const passKey = isVariable(expr.keyExpr, expr.keyVar);
    for (const entry of entries) {
      const scope = new Map(bindings);
      if (expr.keyVar) scope.set(expr.keyVar, entry.key);
      scope.set(valueVar, entry.value);
      if (expr.condition) {
        const keep = this.evaluate(expr.condition, uri, scope);
        if (keep.kind === 'literal' && keep.value === false) continue;
        if (keep.kind !== 'literal' || keep.value !== true) {
          open(keep, 'filters by a condition that is not a bool');
          continue;
        }
      }
      const value = passValue ? entry.value : this.evaluate(valueExpr, uri, scope);
      if (!expr.object) {
        items.push(value);
        continue;
      }
      const key = this.evaluate(expr.keyExpr!, uri, scope);
      if (key.kind !== 'literal' || key.value === null) {
        open(key, 'has a computed key');
        continue;
      }
      const name = String(key.value);
      const group = groups.get(name);
      if (group && expr.grouping) group.values.push(value);
      else groups.set(name, { key, values: [value], property: passKey && passValue ? entry.property : undefined });
    }
    if (!expr.object) return make.array(items, expr.span, openEnded ? { openEnded } : undefined);
    const properties = [...groups].map(([name, { key, values, property }]) =>
      property && !expr.grouping
        ? property
        : make.property(
            name,
            key.span,
            expr.grouping ? make.array(values, key.span) : values[values.length - 1],
            key.span,
          ),
    );
    return make.object(properties, expr.span, openEnded ? { openEnded } : undefined);
  }

  private conditional(expr: Extract<HclExpr, { kind: 'conditional' }>, uri: string, bindings: Bindings): Value {
    const condition = this.evaluate(expr.condition, uri, bindings);
    if (condition.kind === 'literal' && typeof condition.value === 'boolean') {
      const chosen = this.evaluate(condition.value ? expr.then : expr.otherwise, uri, bindings);
      return withSpanAndOrigins(chosen, expr.span, [...(chosen.origins ?? []), ...(condition.origins ?? [])]);
    }
    const branches = [this.evaluate(expr.then, uri, bindings), this.evaluate(expr.otherwise, uri, bindings)];
    const reason =
      condition.kind === 'unknown'
        ? `depends on a condition that ${condition.reason}`
        : 'depends on a condition that is not a bool';
    return this.unknown(expr, uri, reason, {
      candidates: candidatesOf(branches),
      origins: condition.origins,
    });
  }

  private unary(expr: Extract<HclExpr, { kind: 'unary' }>, uri: string, bindings: Bindings): Value {
    const operand = this.evaluate(expr.operand, uri, bindings);
    if (operand.kind === 'literal') {
      if (expr.operator === '!' && typeof operand.value === 'boolean')
        return make.literal(!operand.value, expr.span, operand.origins);
      if (expr.operator === '-' && typeof operand.value === 'number')
        return make.literal(-operand.value, expr.span, operand.origins);
    }
    if (operand.kind === 'unknown' && operand.candidates) {
      const mapped = operand.candidates.map((candidate) =>
        candidate.kind === 'literal' && typeof candidate.value === 'boolean' && expr.operator === '!'
          ? { ...candidate, value: !candidate.value }
          : undefined,
      );
      if (mapped.every((m) => m !== undefined)) {
        return this.unknown(expr, uri, operand.reason, { candidates: mapped as Value[], origins: operand.origins });
      }
    }
    return this.unknown(
      expr,
      uri,
      operand.kind === 'unknown' ? operand.reason : `applies '${expr.operator}' to a value of the wrong type`,
      {
        origins: operand.origins,
      },
    );
  }

  private binary(expr: Extract<HclExpr, { kind: 'binary' }>, uri: string, bindings: Bindings): Value {
    const left = this.evaluate(expr.left, uri, bindings);
    const op = expr.operator;
    // Short-circuit on a known side, as the outcome does not depend on the other.
    if (op === '&&' || op === '||') {
      const right = this.evaluate(expr.right, uri, bindings);
      const decisive = op === '&&' ? false : true;
      for (const side of [left, right]) {
        if (side.kind === 'literal' && side.value === decisive) return make.literal(decisive, expr.span, side.origins);
      }
      if (left.kind === 'literal' && right.kind === 'literal') {
        return make.literal(
          op === '&&' ? left.value === true && right.value === true : left.value === true || right.value === true,
          expr.span,
        );
      }
      return this.unknown(expr, uri, firstReason([left, right]));
    }
    const right = this.evaluate(expr.right, uri, bindings);
    if (op === '==' || op === '!=') {
      const a = toJson(left);
      const b = toJson(right);
      if (a === undefined || b === undefined) {
        // An object or list (even with unknown members) is never equal to a literal: `v != null` is known.
        const differ = left.kind !== 'unknown' && right.kind !== 'unknown' && left.kind !== right.kind;
        if (differ) return make.literal(op === '!=', expr.span);
        return this.unknown(expr, uri, firstReason([left, right]));
      }
      const equal = JSON.stringify(a) === JSON.stringify(b);
      return make.literal(op === '==' ? equal : !equal, expr.span);
    }
    if (left.kind === 'literal' && right.kind === 'literal') {
      const a = typeof left.value === 'string' ? Number(left.value) : left.value;
      const b = typeof right.value === 'string' ? Number(right.value) : right.value;
      if (typeof a === 'number' && typeof b === 'number' && !Number.isNaN(a) && !Number.isNaN(b)) {
        const result = arithmetic(op, a, b);
        if (result !== undefined) return make.literal(result, expr.span);
      }
    }
    return this.unknown(expr, uri, firstReason([left, right]));
  }

  // -------------------------------------------------------------------------------------------------------
  // Traversals: var.x, local.x, each.value, azurerm_x.y.id, data.t.n.attr, module.m.out …
  // -------------------------------------------------------------------------------------------------------

  private traversal(expr: HclExpr, uri: string, bindings: Bindings): Value {
    const chain = flatten(expr);
    if (!chain.root) {
      // `(expr).x`, `[for …][0]`, `{…}["k"]`: evaluate the base, then follow the accessors.
      const base = this.evaluate(chain.base, uri, bindings);
      if (chain.splat)
        return this.unknown(expr, uri, base.kind === 'unknown' ? base.reason : 'is a list built at plan time');
      return this.follow(base, chain.steps, expr, uri, bindings);
    }
    const { root, steps, splat } = chain;
    const bound = bindings.get(root);
    if (bound) {
      const followed = this.follow(bound, steps, expr, uri, bindings);
      // Name the use in the reason: "depends on the for_each item (each.value.sku)".
      return followed.kind === 'unknown' && bound.kind === 'unknown' && followed.reason === bound.reason
        ? { ...followed, reason: `${bound.reason} (${this.text(uri, expr.span)})` }
        : followed;
    }
    switch (root) {
      case 'var': {
        const name = stepName(steps[0]);
        if (name === undefined) return this.unknown(expr, uri, 'refers to a variable by a computed name');
        const value = this.variable(name, expr.span, this.text(uri, expr.span));
        return this.follow(value, steps.slice(1), expr, uri, bindings);
      }
      case 'local': {
        const name = stepName(steps[0]);
        if (name === undefined) return this.unknown(expr, uri, 'refers to a local by a computed name');
        const value = this.local(name, expr.span);
        return this.follow(value, steps.slice(1), expr, uri, bindings);
      }
      case 'each':
        return this.unknown(expr, uri, `depends on the for_each item (${this.text(uri, expr.span)})`);
      case 'count':
        return this.unknown(expr, uri, 'depends on count.index');
      case 'self':
        return this.unknown(expr, uri, 'refers to the resource itself (self)');
      case 'path':
        return this.unknown(expr, uri, `depends on ${this.text(uri, expr.span)}`);
      case 'terraform':
        return this.unknown(expr, uri, 'depends on the Terraform workspace');
      case 'module': {
        const name = stepName(steps[0]) ?? '?';
        const output = stepName(steps[1]);
        return this.unknown(
          expr,
          uri,
          output ? `is output '${output}' of module '${name}'` : `is an output of module '${name}'`,
        );
      }
      case 'data': {
        const type = stepName(steps[0]);
        const name = stepName(steps[1]);
        if (type === undefined || name === undefined) return this.unknown(expr, uri, 'refers to a data source');
        const key = `data.${type}.${name}`;
        const attribute = firstAttribute(steps.slice(2));
        return this.unknown(expr, uri, `is read from data source ${key} at plan time`, {
          reference: this.reference(key, attribute),
        });
      }
    }
    if (SCOPE_ROOTS.has(root)) return this.unknown(expr, uri, 'is not known before apply');
    const name = stepName(steps[0]);
    if (name !== undefined && root.includes('_')) {
      // `azurerm_x.y.attr`, `azurerm_x.y[0].attr`, `azurerm_x.y["k"].attr`, `azurerm_x.y[*].attr`
      const key = `${root}.${name}`;
      const attribute = firstAttribute(steps.slice(1));
      const what = attribute ? `the ${attribute} of ${key}` : key;
      const reason = KEY_ATTRIBUTES.has(attribute)
        ? `is ${what}, a secret known only after apply`
        : `is ${what}, known only after apply`;
      return this.unknown(expr, uri, splat ? `is a list of ${what}, known only after apply` : reason, {
        reference: this.reference(key, attribute),
      });
    }
    return this.unknown(expr, uri, `refers to '${root}', which is not defined here`);
  }

  private reference(key: string, attribute: string): { key: string; attribute: string; uri?: string } {
    const declared = this.resources.get(key);
    return declared ? { key, attribute, uri: declared.uri } : { key, attribute };
  }

  /**
   * Follows `.x` / `[i]` steps into a value (known objects and arrays). Through an unknown value with
   * candidates (a for_each item, a variable with validation values) each candidate is followed.
   */
  private follow(value: Value, steps: readonly Step[], expr: HclExpr, uri: string, bindings: Bindings): Value {
    let current = value;
    for (let i = 0; i < steps.length; i++) {
      if (current.kind === 'unknown') {
        const rest = steps.slice(i);
        const candidates =
          current.candidates && current.candidates.length > 0
            ? candidatesOf(current.candidates.map((c) => this.follow(c, rest, expr, uri, bindings)))
            : undefined;
        return this.unknown(expr, uri, current.reason, {
          origins: current.origins,
          reference: current.reference,
          candidates,
        });
      }
      const step = steps[i];
      let segment: string | undefined;
      if (step.kind === 'name') segment = step.name;
      else {
        const index = this.evaluate(step.index, uri, bindings);
        if (index.kind === 'literal' && index.value !== null) segment = String(index.value);
      }
      if (segment === undefined) {
        return this.unknown(expr, uri, 'is indexed by a value that is not known', { origins: current.origins });
      }
      const next = getPath(current, [segment]);
      if (next === undefined) {
        return this.unknown(expr, uri, `reads '${segment}', which the value does not have`, {
          origins: current.origins,
        });
      }
      current = next;
    }
    if (current === value) return withSpan(value, expr.span);
    return withSpanAndOrigins(current, expr.span, [...(current.origins ?? []), ...(value.origins ?? [])]);
  }

  /** The value of `var.<name>` at a use: tfvars of the module, then callers / default (parameters.ts). */
  variable(name: string, useSpan: Span, useText: string): Value {
    const declaration = this.variables.get(name);
    if (!declaration) return make.unknown(useText, `refers to variable '${name}', which is not declared`, useSpan);
    let resolved = this.variableCache.get(name);
    if (!resolved) {
      resolved = this.resolveVariable(declaration);
      this.variableCache.set(name, resolved);
    }
    if (resolved.kind === 'unknown') return withSpan(resolved, useSpan, useText);
    return withSpan(resolved, useSpan);
  }

  private resolveVariable(declaration: VariableInfo): Value {
    const parameter: ParameterDeclaration = {
      name: declaration.name,
      uri: declaration.uri,
      span: declaration.span,
      noun: 'variable',
      defaultValue: declaration.defaultExpr ? this.evaluate(declaration.defaultExpr, declaration.uri) : undefined,
      allowed: declaration.allowedExprs?.map((expr) => this.evaluate(expr, declaration.uri)),
    };
    const resolved = this.resolveVariableValue(declaration, parameter);
    return declaration.typeExpr ? this.applyTypeDefaults(resolved, declaration.typeExpr, declaration.uri, 0) : resolved;
  }

  /**
   * Terraform fills absent attributes of object-typed values from the type constraint: `optional(T, d)`
   * gives `d`, `optional(T)` gives null. Applied to known values (and to the candidates of unknown ones).
   */
  private applyTypeDefaults(value: Value, typeExpr: HclExpr, uri: string, depth: number): Value {
    if (depth > 20) return value;
    let type = typeExpr;
    if (type.kind === 'call' && type.name === 'optional' && type.args[0]) type = type.args[0];
    if (value.kind === 'unknown') {
      if (!value.candidates) return value;
      return { ...value, candidates: value.candidates.map((c) => this.applyTypeDefaults(c, type, uri, depth + 1)) };
    }
    if (type.kind !== 'call' || type.args.length === 0) return value;
    const inner = type.args[0];
    if ((type.name === 'list' || type.name === 'set') && value.kind === 'array') {
      return { ...value, items: value.items.map((item) => this.applyTypeDefaults(item, inner, uri, depth + 1)) };
    }
    if (type.name === 'map' && value.kind === 'object') {
      return {
        ...value,
        properties: value.properties.map((p) => ({
          ...p,
          value: this.applyTypeDefaults(p.value, inner, uri, depth + 1),
        })),
      };
    }
    if (type.name !== 'object' || value.kind !== 'object' || inner.kind !== 'object') return value;
    const properties = value.properties.map((property) => {
      const attributeType = inner.items.find((item) => item.keyName === property.name)?.value;
      return attributeType
        ? { ...property, value: this.applyTypeDefaults(property.value, attributeType, uri, depth + 1) }
        : property;
    });
    for (const item of inner.items) {
      if (item.keyName === undefined || properties.some((p) => p.name === item.keyName)) continue;
      const attributeType = item.value;
      if (attributeType.kind !== 'call' || attributeType.name !== 'optional') continue;
      const fallback = attributeType.args[1];
      const filled = fallback
        ? this.applyTypeDefaults(this.evaluate(fallback, uri), attributeType, uri, depth + 1)
        : make.literal(null, attributeType.span);
      const origin: Origin = { uri, span: attributeType.span, description: `optional default of '${item.keyName}'` };
      properties.push(make.property(item.keyName, item.key.span, withOrigin(filled, origin, filled.span)));
    }
    return { ...value, properties };
  }

  private resolveVariableValue(declaration: VariableInfo, parameter: ParameterDeclaration): Value {
    const placeholderSpan = declaration.span;
    const fromSuppliers = resolveParameter(parameter, this.suppliers, placeholderSpan, `var.${declaration.name}`);
    const tfvars = this.tfvars.get(declaration.name.toLowerCase());
    if (!tfvars) return fromSuppliers;
    const supplied = this.evaluate(tfvars.expr, tfvars.uri);
    const origin: Origin = {
      uri: tfvars.uri,
      span: supplied.span,
      description: `variable '${declaration.name}' in ${tfvars.fileName}`,
    };
    const local = withOrigin(supplied, origin, placeholderSpan);
    // tfvars are one deployment of this directory (a root module); module callers are others.
    if (this.suppliers.length === 0) return local;
    const values = [local, fromSuppliers];
    const a = toJson(local);
    const b = toJson(fromSuppliers);
    if (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b)) return local;
    return make.unknown(
      `var.${declaration.name}`,
      `variable '${declaration.name}' differs between deployments`,
      placeholderSpan,
      {
        candidates: candidatesOf(values),
      },
    );
  }

  private local(name: string, useSpan: Span): Value {
    const info = this.locals.get(name);
    const useText = `local.${name}`;
    if (!info) return make.unknown(useText, `refers to local '${name}', which is not defined`, useSpan);
    let value = this.localCache.get(name);
    if (!value) {
      if (this.localsInProgress.has(name))
        return make.unknown(useText, `refers to local '${name}' in a cycle`, useSpan);
      this.localsInProgress.add(name);
      try {
        value = this.evaluate(info.expr, info.uri);
      } finally {
        this.localsInProgress.delete(name);
      }
      this.localCache.set(name, value);
    }
    const origin: Origin = { uri: info.uri, span: info.nameSpan, description: `local '${name}'` };
    const seen = withOrigin(value, origin, useSpan);
    return seen.kind === 'unknown' ? { ...seen, text: useText } : seen;
  }

  // -------------------------------------------------------------------------------------------------------
  // Functions
  // -------------------------------------------------------------------------------------------------------

  private call(expr: Extract<HclExpr, { kind: 'call' }>, uri: string, bindings: Bindings): Value {
    const name = expr.name.replace(/^provider::[^:]+::/, '');
    const args = () => expr.args.map((arg) => this.evaluate(arg, uri, bindings));
    const literalArgs = (values: Value[]) =>
      values.map((value) => (value.kind === 'literal' ? value.value : undefined));
    const unknownArg = (values: Value[]) =>
      values.find((value) => value.kind === 'unknown') as UnknownValue | undefined;
    const notKnown = (values: Value[], fallback: string) => {
      const unknown = unknownArg(values);
      return this.unknown(
        expr,
        uri,
        unknown ? unknown.reason : fallback,
        unknown?.reference ? { reference: unknown.reference } : {},
      );
    };
    switch (name) {
      case 'jsonencode': {
        const [value] = args();
        const json = value ? toJson(value) : undefined;
        return json === undefined
          ? notKnown(value ? [value] : [], 'encodes a value that is not fully known')
          : make.literal(JSON.stringify(json), expr.span);
      }
      case 'tostring':
      case 'tonumber':
      case 'tobool': {
        const [value] = args();
        if (value?.kind !== 'literal')
          return value ? withSpan(value, expr.span) : this.unknown(expr, uri, 'has no argument');
        const v = value.value;
        if (v === null) return value;
        if (name === 'tostring') return make.literal(String(v), expr.span, value.origins);
        if (name === 'tonumber') return make.literal(Number(v), expr.span, value.origins);
        return make.literal(v === true || v === 'true', expr.span, value.origins);
      }
      case 'lower':
      case 'upper':
      case 'trimspace': {
        const [value] = args();
        if (value?.kind === 'literal' && typeof value.value === 'string') {
          const text =
            name === 'lower'
              ? value.value.toLowerCase()
              : name === 'upper'
                ? value.value.toUpperCase()
                : value.value.trim();
          return make.literal(text, expr.span, value.origins);
        }
        return notKnown(value ? [value] : [], `calls ${name} on a value that is not a string`);
      }
      case 'normalise_resource_id':
      case 'tolist':
      case 'toset':
      case 'tomap':
      case 'sensitive':
      case 'nonsensitive': {
        const [value] = args();
        return value ? withSpan(value, expr.span) : this.unknown(expr, uri, 'has no argument');
      }
      case 'merge':
        return this.merge(expr, args());
      case 'concat': {
        const values = args();
        const items: Value[] = [];
        let openEnded: UnknownValue | undefined;
        for (const value of values) {
          if (value.kind === 'array') {
            items.push(...value.items);
            openEnded ??= value.openEnded;
          } else
            openEnded ??= this.unknown(
              expr,
              uri,
              value.kind === 'unknown' ? value.reason : 'concatenates a value that is not a list',
            );
        }
        return make.array(items, expr.span, openEnded ? { openEnded } : undefined);
      }
      case 'try': {
        // Best effort: the first argument when it is known; otherwise we cannot tell which one applies.
        const values = args();
        // Arguments that are Terraform errors (a `for` over null) fall through to the next one.
        const first = values.find((value) => !EVALUATION_ERRORS.has(value));
        if (first && isKnown(first)) return withSpan(first, expr.span);
        return this.unknown(expr, uri, first?.kind === 'unknown' ? first.reason : 'depends on try()');
      }
      case 'coalesce': {
        for (const value of args()) {
          if (value.kind === 'unknown') return this.unknown(expr, uri, value.reason);
          if (value.kind === 'literal' && (value.value === null || value.value === '')) continue;
          return withSpan(value, expr.span);
        }
        return this.unknown(expr, uri, 'has no non-empty argument');
      }
      case 'contains': {
        const [list, item] = args();
        const json = list ? toJson(list) : undefined;
        const needle = item ? toJson(item) : undefined;
        if (Array.isArray(json) && needle !== undefined) {
          return make.literal(
            json.some((entry) => JSON.stringify(entry) === JSON.stringify(needle)),
            expr.span,
          );
        }
        return notKnown(
          [list, item].filter((v): v is Value => v !== undefined),
          'checks a list that is not known',
        );
      }
      case 'length': {
        const [value] = args();
        if (value?.kind === 'array' && !value.openEnded) return make.literal(value.items.length, expr.span);
        if (value?.kind === 'object' && !value.openEnded) return make.literal(value.properties.length, expr.span);
        if (value?.kind === 'literal' && typeof value.value === 'string')
          return make.literal(value.value.length, expr.span);
        return notKnown(value ? [value] : [], 'measures a value that is not known');
      }
      case 'lookup': {
        const [map, key, fallback] = args();
        if (map?.kind === 'object' && key?.kind === 'literal' && key.value !== null) {
          const found = getPath(map, [String(key.value)]);
          if (found) return withSpan(found, expr.span);
          if (fallback) return withSpan(fallback, expr.span);
        }
        return notKnown(
          [map, key].filter((v): v is Value => v !== undefined),
          'looks up a key that is not known',
        );
      }
      case 'join': {
        const [separator, list] = args();
        const json = list ? toJson(list) : undefined;
        if (separator?.kind === 'literal' && typeof separator.value === 'string' && Array.isArray(json)) {
          return make.literal(json.map(String).join(separator.value), expr.span);
        }
        return notKnown(
          [separator, list].filter((v): v is Value => v !== undefined),
          'joins values that are not known',
        );
      }
      case 'format': {
        const values = args();
        const literals = literalArgs(values);
        if (literals.every((v) => v !== undefined && v !== null) && typeof literals[0] === 'string') {
          let index = 1;
          const text = literals[0].replace(/%%|%[-+ #0]*\d*(?:\.\d+)?[sdvfqtb]/g, (spec) =>
            spec === '%%' ? '%' : String(literals[index++]),
          );
          return make.literal(text, expr.span);
        }
        return notKnown(values, 'formats values that are not known');
      }
      case 'replace': {
        const [text, search, replacement] = literalArgs(args());
        if (
          typeof text === 'string' &&
          typeof search === 'string' &&
          typeof replacement === 'string' &&
          !search.startsWith('/')
        ) {
          return make.literal(text.split(search).join(replacement), expr.span);
        }
        return this.unknown(expr, uri, 'replaces text in a value that is not known');
      }
      case 'substr': {
        const [text, offset, length] = literalArgs(args());
        if (typeof text === 'string' && typeof offset === 'number' && typeof length === 'number') {
          return make.literal(length < 0 ? text.slice(offset) : text.substr(offset, length), expr.span);
        }
        return this.unknown(expr, uri, 'takes part of a value that is not known');
      }
      case 'file':
      case 'templatefile':
      case 'filebase64':
        return this.unknown(expr, uri, `reads a file with ${name}() at plan time`);
      case 'timestamp':
      case 'uuid':
        return this.unknown(expr, uri, `is generated by ${name}() at plan time`);
      default:
        return this.unknown(expr, uri, `calls ${name}(), which aisec does not evaluate`);
    }
  }

  private merge(expr: Extract<HclExpr, { kind: 'call' }>, values: Value[]): Value {
    const byName = new Map<string, Property>();
    let openEnded: UnknownValue | undefined;
    for (const value of values) {
      // A later argument that may hold more keys than it lists may override any earlier key: those become
      // unknown, for their value is then whatever the later argument holds.
      const later = value.kind === 'object' ? value.openEnded : value.kind === 'unknown' ? value : undefined;
      if (later) {
        for (const [name, property] of byName) {
          const overridden = make.unknown(later.text, later.reason, property.value.span, {
            reference: later.reference,
            origins: property.value.origins,
          });
          byName.set(name, { ...property, value: overridden });
        }
      }
      if (value.kind === 'object') {
        for (const property of value.properties) byName.set(property.name, property);
        openEnded ??= value.openEnded;
      } else if (value.kind === 'unknown') {
        openEnded ??= value;
      }
    }
    return make.object([...byName.values()], expr.span, openEnded ? { openEnded } : undefined);
  }

  /**
   * An azapi `body`: an HCL object, `jsonencode({...})` (azapi 1.x), or a JSON string / heredoc.
   * Returns the object value with spans in the HCL source where it was written as HCL.
   */
  evaluateBody(expr: HclExpr, uri: string, bindings: Bindings = new Map()): Value {
    if (expr.kind === 'call' && expr.name === 'jsonencode' && expr.args.length === 1) {
      return this.evaluate(expr.args[0], uri, bindings);
    }
    const value = this.evaluate(expr, uri, bindings);
    if (value.kind === 'literal' && typeof value.value === 'string') {
      try {
        return fromJson(JSON.parse(value.value), value.span);
      } catch {
        return make.unknown(this.text(uri, expr.span), 'is a string that is not valid JSON', expr.span);
      }
    }
    return value;
  }
}

/**
 * The binding of a loop variable (`each`, a dynamic block's iterator) over a known collection: unknown,
 * with one `{ key, value }` candidate per item, so uses like `each.value.sku` carry every possibility.
 */
export function loopVariable(collection: Value, reason: string, span: Span, text: string): UnknownValue {
  const entries: Value[] = [];
  if (collection.kind === 'object' && !collection.openEnded) {
    for (const property of collection.properties) {
      entries.push(
        make.object(
          [
            make.property('key', property.nameSpan, make.literal(property.name, property.nameSpan)),
            make.property('value', property.nameSpan, property.value),
          ],
          property.span,
        ),
      );
    }
  } else if (collection.kind === 'array' && !collection.openEnded) {
    for (const item of collection.items) {
      entries.push(
        make.object([make.property('key', item.span, item), make.property('value', item.span, item)], item.span),
      );
    }
  }
  return make.unknown(text, reason, span, entries.length > 0 ? { candidates: entries } : undefined);
}

/** A JSON document as a Value; every part carries the span of the string it came from. */
function fromJson(json: unknown, span: Span): Value {
  if (Array.isArray(json))
    return make.array(
      json.map((item) => fromJson(item, span)),
      span,
    );
  if (json !== null && typeof json === 'object') {
    return make.object(
      Object.entries(json as Record<string, unknown>).map(([name, item]) =>
        make.property(name, span, fromJson(item, span), span),
      ),
      span,
    );
  }
  return make.literal(json as string | number | boolean | null, span);
}

function arithmetic(op: string, a: number, b: number): number | boolean | undefined {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? undefined : a / b;
    case '%':
      return b === 0 ? undefined : a % b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
  return undefined;
}

function firstReason(values: readonly Value[]): string {
  const unknown = values.find((value): value is UnknownValue => value.kind === 'unknown');
  return unknown ? unknown.reason : 'combines values of the wrong type';
}

/** The known alternatives of several values; undefined when any alternative is open (unknown without candidates). */
function candidatesOf(values: readonly Value[]): Value[] | undefined {
  const out: Value[] = [];
  for (const value of values) {
    if (value.kind !== 'unknown') out.push(value);
    else if (value.candidates && value.candidates.length > 0) out.push(...value.candidates);
    else return undefined;
  }
  return out;
}

type Step = { readonly kind: 'name'; readonly name: string } | { readonly kind: 'index'; readonly index: HclExpr };

function stepName(step: Step | undefined): string | undefined {
  return step?.kind === 'name' ? step.name : undefined;
}

/** The first attribute name among steps, skipping `[0]` / `["key"]` instance selectors. */
function firstAttribute(steps: readonly Step[]): string {
  for (const step of steps) if (step.kind === 'name') return step.name;
  return '';
}

function flatten(expr: HclExpr): { root?: string; base: HclExpr; rootSpan: Span; steps: Step[]; splat: boolean } {
  const steps: Step[] = [];
  let current = expr;
  let splat = false;
  for (;;) {
    if (current.kind === 'getAttr') {
      steps.unshift({ kind: 'name', name: current.name });
      current = current.object;
    } else if (current.kind === 'index') {
      steps.unshift({ kind: 'index', index: current.index });
      current = current.object;
    } else if (current.kind === 'splat') {
      splat = true;
      current = current.object;
    } else break;
  }
  if (current.kind !== 'variable') return { base: current, rootSpan: current.span, steps, splat };
  return { root: current.name, base: current, rootSpan: current.span, steps, splat };
}
