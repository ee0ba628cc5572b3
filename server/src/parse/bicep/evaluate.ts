// Evaluates Bicep expressions to model Values: literals are known; parameters resolve through the shared
// resolveParameter rule (defaults, `@allowed`, suppliers); variables resolve to their value with an origin;
// ternaries on known conditions pick a branch; common functions are computed; references to resources
// become unknown values that carry a `reference` for the workspace index; everything that exists only at
// deployment time is unknown with a reason a user can act on.
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
import type { ParameterSupplier } from '../../model/frontend';
import type { Span } from '../../model/span';
import {
  isKnown,
  make,
  withOrigin,
  type Origin,
  type Property,
  type ResourceReference,
  type UnknownValue,
  type Value,
  withSpanAndOrigins,
} from '../../model/value';
import {
  BUILTIN_FUNCTIONS,
  DEPLOYMENT_TIME_FUNCTIONS,
  RESOURCE_ID_FUNCTIONS,
  renderAsString,
  valuesEqual,
} from './functions';
import type {
  BicepTree,
  BinaryExpr,
  CallExpr,
  Decorator,
  Expr,
  ForExpr,
  FuncDecl,
  ModuleDecl,
  ParamDecl,
  ResourceDecl,
  TernaryExpr,
  VarDecl,
} from './syntax';

/** Values of loop variables, lambda and function parameters, by name. */
export type Locals = ReadonlyMap<string, Value>;

const NO_LOCALS: Locals = new Map();
/** Items of a known array a `[for …]` expression is expanded over. */
const MAX_LOOP_ITEMS = 200;
const MAX_EVALUATION_DEPTH = 200;

/** A resource symbol: its declaration and its key (`parent::child` for nested ones). */
export interface ResourceSymbol {
  readonly key: string;
  readonly declaration: ResourceDecl;
}

interface ResourceChain {
  readonly symbol: ResourceSymbol;
  readonly path: readonly string[];
  /** After a method call (`account.listKeys()`) the attribute stops growing. */
  readonly called: boolean;
}

export class BicepEvaluator {
  private readonly params = new Map<string, ParamDecl>();
  private readonly vars = new Map<string, VarDecl>();
  private readonly modules = new Map<string, ModuleDecl>();
  private readonly funcs = new Map<string, FuncDecl>();
  /** Symbols brought in by `import` (items, aliases, `* as ns`) and extension aliases: not evaluated. */
  private readonly imported = new Map<string, string>();
  /** Every resource declaration, top-level and nested, by key. */
  readonly resources = new Map<string, ResourceSymbol>();
  private readonly parameterDeclarations = new Map<string, ParameterDeclaration | 'pending'>();
  private readonly variableValues = new Map<string, Value | 'pending'>();
  private depth = 0;

  constructor(
    private readonly tree: BicepTree,
    private readonly uri: string,
    private readonly suppliers: readonly ParameterSupplier[],
  ) {
    for (const statement of tree.statements) {
      switch (statement.kind) {
        case 'param':
          if (statement.name.name) this.params.set(statement.name.name, statement);
          break;
        case 'var':
          if (statement.name.name) this.vars.set(statement.name.name, statement);
          break;
        case 'module':
          if (statement.name.name) this.modules.set(statement.name.name, statement);
          break;
        case 'func':
          if (statement.name.name) this.funcs.set(statement.name.name, statement);
          break;
        case 'resource':
          this.collectResource(statement, undefined);
          break;
        case 'import': {
          const from = statement.from?.segments.join('') ?? statement.provider?.segments.join('') ?? 'an import';
          for (const item of statement.items) this.imported.set((item.alias ?? item.name).name, from);
          if (statement.wildcardAlias) this.imported.set(statement.wildcardAlias.name, from);
          if (statement.alias) this.imported.set(statement.alias.name, from);
          break;
        }
        case 'extension':
          if (statement.alias) this.imported.set(statement.alias.name, 'an extension');
          else if (statement.specification.kind === 'identifier')
            this.imported.set(statement.specification.name, 'an extension');
          break;
      }
    }
  }

  private collectResource(declaration: ResourceDecl, parentKey: string | undefined): void {
    if (!declaration.name.name) return;
    const key = parentKey ? `${parentKey}::${declaration.name.name}` : declaration.name.name;
    this.resources.set(key, { key, declaration });
    const body = resourceBodyObject(declaration.body);
    if (!body) return;
    for (const item of body.items) if (item.kind === 'resource') this.collectResource(item, key);
  }

  text(node: Span): string {
    return this.tree.text.slice(node.start, node.end);
  }

  // -------------------------------------------------------------------------------------------------------

  evaluate(expr: Expr, locals: Locals = NO_LOCALS): Value {
    if (this.depth > MAX_EVALUATION_DEPTH) {
      return make.unknown(this.text(expr), 'too deeply nested to evaluate', spanOf(expr));
    }
    this.depth++;
    try {
      return this.evaluateNode(expr, locals);
    } finally {
      this.depth--;
    }
  }

  private evaluateNode(expr: Expr, locals: Locals): Value {
    // Each case makes its own span: the cases that hand the node to a helper would throw one away.
    switch (expr.kind) {
      case 'string':
        return this.evaluateString(expr, locals);
      case 'integer':
        return make.literal(expr.value, spanOf(expr));
      case 'boolean':
        return make.literal(expr.value, spanOf(expr));
      case 'null':
        return make.literal(null, spanOf(expr));
      case 'variable':
        return this.evaluateVariable(expr.name, spanOf(expr), locals);
      case 'paren':
      case 'nonNull':
        return { ...this.evaluate(expr.expression, locals), span: spanOf(expr) };
      case 'member':
      case 'index':
      case 'resourceAccess': {
        const chain = this.resourceChain(expr, locals);
        if (chain) return this.referenceValue(chain, expr);
        return this.evaluateAccess(expr, locals);
      }
      case 'call': {
        const chain = expr.target ? this.resourceChain(expr, locals) : undefined;
        if (chain) return this.referenceValue(chain, expr);
        return this.evaluateCall(expr, locals);
      }
      case 'unary': {
        const span = spanOf(expr);
        const operand = this.evaluate(expr.operand, locals);
        return this.lift([operand], expr, (values) => {
          const v = values[0];
          if (v.kind !== 'literal') return undefined;
          if (expr.operator === '!' && typeof v.value === 'boolean') return make.literal(!v.value, span);
          if (expr.operator === '-' && typeof v.value === 'number') return make.literal(-v.value, span);
          return undefined;
        });
      }
      case 'binary':
        return this.evaluateBinary(expr, locals);
      case 'ternary':
        return this.evaluateTernary(expr, locals);
      case 'object':
        return this.evaluateObject(expr, locals);
      case 'array': {
        const items: Value[] = [];
        let openEnded: UnknownValue | undefined;
        for (const item of expr.items) {
          if (item.kind === 'spread') {
            const spread = this.evaluate(item.expression, locals);
            if (spread.kind === 'array') {
              items.push(...spread.items);
              openEnded ??= spread.openEnded;
            } else openEnded ??= asUnknown(spread, this.text(item), 'spread of a value that is not a known array');
          } else items.push(this.evaluate(item, locals));
        }
        return make.array(items, spanOf(expr), openEnded ? { openEnded } : undefined);
      }
      case 'for':
        return this.evaluateFor(expr, locals);
      case 'if': {
        const span = spanOf(expr);
        const condition = this.evaluate(expr.condition, locals);
        const body = this.evaluate(expr.body, locals);
        if (condition.kind === 'literal' && condition.value === true) return { ...body, span };
        return make.unknown(this.text(expr), 'deployed only when its condition holds', span);
      }
      case 'lambda':
        return make.unknown(this.text(expr), 'a lambda function', spanOf(expr));
      case 'error':
        return make.unknown(this.text(expr), 'incomplete expression (syntax error)', spanOf(expr));
    }
  }

  private evaluateString(expr: Extract<Expr, { kind: 'string' }>, locals: Locals): Value {
    const span = spanOf(expr);
    if (expr.expressions.length === 0) return make.literal(expr.segments[0], span);
    const parts: Value[] = [];
    for (const part of expr.expressions) parts.push(this.evaluate(part, locals));
    return this.lift(parts, expr, interpolate.bind(undefined, expr.segments));
  }

  private evaluateVariable(name: string, span: Span, locals: Locals): Value {
    const local = locals.get(name);
    if (local) return { ...local, span };
    if (this.params.has(name)) {
      const text = this.text(span);
      const declaration = this.parameterDeclaration(name);
      if (!declaration) return make.unknown(text, `parameter '${name}' refers to itself`, span);
      return resolveParameter(declaration, this.suppliers, span, text);
    }
    const variable = this.vars.get(name);
    if (variable) {
      const value = this.variableValue(name, variable);
      const origin: Origin = { uri: this.uri, span: spanOf(variable.value), description: `variable '${name}'` };
      return withOrigin(value, origin, span);
    }
    const resource = this.resources.get(name);
    if (resource) return this.referenceValue({ symbol: resource, path: [], called: false }, span);
    const text = this.text(span);
    if (this.modules.has(name))
      return make.unknown(text, `an output of module '${name}', known only after deployment`, span);
    const imported = this.imported.get(name);
    if (imported !== undefined) return make.unknown(text, `'${name}' is imported from ${imported}`, span);
    if (this.funcs.has(name)) return make.unknown(text, `the function '${name}'`, span);
    return make.unknown(text, `'${name}' is not declared in this file`, span);
  }

  /** The parameter as resolveParameter sees it; undefined while its own default is being evaluated (a cycle). */
  private parameterDeclaration(name: string): ParameterDeclaration | undefined {
    const cached = this.parameterDeclarations.get(name);
    if (cached === 'pending') return undefined;
    if (cached) return cached;
    const declaration = this.params.get(name)!;
    this.parameterDeclarations.set(name, 'pending');
    let defaultValue: Value | undefined;
    if (declaration.value) defaultValue = this.evaluate(declaration.value);
    else if (declaration.type?.kind === 'nullableType') {
      // `param x string?` without a default is null when nobody supplies it.
      defaultValue = make.literal(null, spanOf(declaration.type));
    }
    const allowedArgument = decoratorArgument(declaration.decorators, 'allowed');
    const allowedValue = allowedArgument ? this.evaluate(allowedArgument) : undefined;
    const resolved: ParameterDeclaration = {
      name,
      uri: this.uri,
      span: spanOf(declaration),
      defaultValue,
      allowed: allowedValue?.kind === 'array' ? allowedValue.items.filter(isKnown) : undefined,
    };
    this.parameterDeclarations.set(name, resolved);
    return resolved;
  }

  private variableValue(name: string, declaration: VarDecl): Value {
    const cached = this.variableValues.get(name);
    if (cached === 'pending')
      return make.unknown(
        this.text(declaration.value),
        `variable '${name}' refers to itself`,
        spanOf(declaration.value),
      );
    if (cached) return cached;
    this.variableValues.set(name, 'pending');
    const value = this.evaluate(declaration.value);
    this.variableValues.set(name, value);
    return value;
  }

  // -------------------------------------------------------------------------------------------------------
  // Resource references

  /** Follows `a.b.c`, `a::child.x`, `a[i].id`, `a.listKeys()` down to a resource symbol, if that is the root. */
  private resourceChain(expr: Expr, locals: Locals): ResourceChain | undefined {
    switch (expr.kind) {
      case 'variable': {
        if (locals.has(expr.name)) return undefined;
        const symbol = this.resources.get(expr.name);
        return symbol && { symbol, path: [], called: false };
      }
      case 'paren':
      case 'nonNull':
        return this.resourceChain(expr.expression, locals);
      case 'resourceAccess': {
        const base = this.resourceChain(expr.object, locals);
        if (!base || base.path.length > 0) return undefined;
        const symbol = this.resources.get(`${base.symbol.key}::${expr.name.name}`);
        return symbol && { symbol, path: [], called: false };
      }
      case 'index':
        // `accounts[i]` picks one of a looped resource's instances; `x.properties.list[0]` keeps the path.
        return this.resourceChain(expr.object, locals);
      case 'member': {
        const base = this.resourceChain(expr.object, locals);
        if (!base) return undefined;
        return base.called ? base : { ...base, path: [...base.path, expr.name.name] };
      }
      case 'call': {
        if (!expr.target) return undefined;
        const base = this.resourceChain(expr.target, locals);
        if (!base) return undefined;
        return base.called ? base : { ...base, path: [...base.path, expr.name.name], called: true };
      }
      default:
        return undefined;
    }
  }

  private referenceValue(chain: ResourceChain, node: Span): UnknownValue {
    const span = spanOf(node);
    const key = chain.symbol.key;
    const attribute = chain.path.join('.');
    const reference: ResourceReference = { uri: this.uri, key, attribute };
    let reason: string;
    let candidates: Value[] | undefined;
    if (attribute === '') reason = `refers to resource '${key}'`;
    else if (attribute === 'name') {
      reason = `the name of resource '${key}'`;
      // The name is written in the declaration: offer it, keeping the reference for the workspace index.
      const name = this.resourceName(chain.symbol);
      if (name && isKnown(name)) candidates = [name];
    } else if (chain.called) reason = `'${attribute}()' of resource '${key}', known only after deployment`;
    else reason = `'${attribute}' of resource '${key}', known only after deployment`;
    return make.unknown(this.text(span), reason, span, candidates ? { reference, candidates } : { reference });
  }

  private resourceName(symbol: ResourceSymbol): Value | undefined {
    const body = resourceBodyObject(symbol.declaration.body);
    const nameProperty = body?.items.find(
      (item): item is Extract<typeof item, { kind: 'property' }> =>
        item.kind === 'property' && item.key.kind === 'identifier' && item.key.name === 'name',
    );
    return nameProperty ? this.evaluate(nameProperty.value) : undefined;
  }

  // -------------------------------------------------------------------------------------------------------
  // Access, calls, operators

  private evaluateAccess(expr: Extract<Expr, { kind: 'member' | 'index' | 'resourceAccess' }>, locals: Locals): Value {
    const span = spanOf(expr);
    const base = this.evaluate(expr.object, locals);
    if (expr.kind === 'resourceAccess')
      return make.unknown(this.text(expr), `'${expr.name.name}' is not a child resource of a known resource`, span);
    const index = expr.kind === 'index' ? this.evaluate(expr.index, locals) : undefined;
    const safe = expr.safe;
    const text = this.text(expr);
    const key: KnownValue | string | undefined =
      expr.kind === 'member' ? expr.name.name : index && isKnown(index) ? index : undefined;
    if (safe && base.kind === 'literal' && base.value === null) return make.literal(null, span, base.origins);
    // `a.?b` is null where `b` does not exist.
    const missing = safe ? make.literal(null, span) : undefined;
    if (isKnown(base) && key !== undefined) {
      return (
        memberOf(base, key, span, text) ??
        missing ??
        make.unknown(text, `'${typeof key === 'string' ? key : text}' does not exist in the value`, span)
      );
    }
    if (base.kind === 'unknown' && key !== undefined && base.candidates?.length && base.candidates.every(isKnown)) {
      const known: Value[] = [];
      for (const candidate of base.candidates) {
        const result = memberOf(candidate as KnownValue, key, span, text) ?? missing;
        if (result && isKnown(result)) known.push(result);
      }
      return make.unknown(text, base.reason, span, {
        origins: base.origins,
        candidates: known.length ? distinctValues(known) : undefined,
      });
    }
    const unknownSide = base.kind === 'unknown' ? base : (index as UnknownValue);
    return make.unknown(text, unknownSide.reason, span, { origins: unknownSide.origins });
  }

  private evaluateCall(expr: CallExpr, locals: Locals): Value {
    const span = spanOf(expr);
    const text = this.text(expr);
    const name = expr.name.name;
    let namespace: string | undefined;
    if (expr.target) {
      if (expr.target.kind === 'variable' && !locals.has(expr.target.name) && !this.isDeclared(expr.target.name)) {
        namespace = expr.target.name;
      } else if (expr.target.kind === 'variable' && this.imported.has(expr.target.name)) {
        return make.unknown(text, `'${name}' is imported from ${this.imported.get(expr.target.name)}`, span);
      } else {
        const target = this.evaluate(expr.target, locals);
        return make.unknown(
          text,
          target.kind === 'unknown' ? target.reason : `the method '${name}' is not evaluated`,
          span,
          { origins: target.origins },
        );
      }
    }
    if (!namespace) {
      const func = this.funcs.get(name);
      if (func) return this.callUserFunction(func, expr, locals);
      const imported = this.imported.get(name);
      if (imported !== undefined) return make.unknown(text, `'${name}' is imported from ${imported}`, span);
    }
    const lower = name.toLowerCase();
    const args = expr.args.map((arg) => this.evaluate(arg, locals));
    const deploymentTime = DEPLOYMENT_TIME_FUNCTIONS.get(lower);
    if (deploymentTime) return make.unknown(text, `${deploymentTime}: ${text}`, span, { origins: mergeOrigins(args) });
    if (lower === 'readenvironmentvariable') {
      const variable = args[0]?.kind === 'literal' ? String(args[0].value) : text;
      const fallback = args[1];
      return make.unknown(text, `environment variable '${variable}', read at deployment time`, span, {
        candidates: fallback && isKnown(fallback) ? [fallback] : undefined,
      });
    }
    if (RESOURCE_ID_FUNCTIONS.has(lower)) return this.resourceIdReference(lower, args, expr);
    const builtin = BUILTIN_FUNCTIONS.get(lower);
    if (builtin) {
      // Short-circuit functions that do not need every argument known.
      if (lower === 'coalesce') {
        const firstNonNull = args.find((a) => !(a.kind === 'literal' && a.value === null));
        if (firstNonNull && isKnown(firstNonNull)) return { ...firstNonNull, span };
      }
      return this.lift(args, expr, builtin);
    }
    return make.unknown(text, `the function '${name}' is not evaluated by aisec`, span, {
      origins: mergeOrigins(args),
    });
  }

  private isDeclared(name: string): boolean {
    return (
      this.params.has(name) ||
      this.vars.has(name) ||
      this.resources.has(name) ||
      this.modules.has(name) ||
      this.funcs.has(name) ||
      this.imported.has(name)
    );
  }

  private resourceIdReference(lower: string, args: readonly Value[], expr: CallExpr): Value {
    const span = spanOf(expr);
    // The type is the first string argument that looks like `Namespace.Provider/type` (scope args come first).
    const typeIndex = args.findIndex(
      (a) => a.kind === 'literal' && typeof a.value === 'string' && /^[\w.]+\/[\w/]+$/.test(a.value),
    );
    const type = typeIndex >= 0 ? String((args[typeIndex] as { value: unknown }).value) : undefined;
    const nameArgs = typeIndex >= 0 ? args.slice(typeIndex + 1) : [];
    let name: Value | undefined;
    if (nameArgs.length === 1) name = nameArgs[0];
    else if (nameArgs.length > 1) {
      name = nameArgs.every(isKnown)
        ? make.literal(nameArgs.map((a) => renderAsString(a as KnownValue)).join('/'), span)
        : make.unknown(this.text(expr), 'a resource name built from unknown parts', span);
    }
    return make.unknown(this.text(expr), `the id of a resource (${lower}), known only after deployment`, span, {
      reference: { type, name, attribute: 'id' },
      origins: mergeOrigins(args),
    });
  }

  private callUserFunction(func: FuncDecl, expr: CallExpr, locals: Locals): Value {
    const span = spanOf(expr);
    const args = expr.args.map((arg) => this.evaluate(arg, locals));
    const scope = new Map<string, Value>();
    func.parameters.forEach((parameter, i) => {
      scope.set(
        parameter.name.name,
        args[i] ?? make.unknown(this.text(expr), `missing argument '${parameter.name.name}'`, span),
      );
    });
    const result = this.evaluate(func.body, scope);
    return withSpanAndOrigins(result, span, mergeOrigins([...args, result]));
  }

  private evaluateBinary(expr: BinaryExpr, locals: Locals): Value {
    const span = spanOf(expr);
    const left = this.evaluate(expr.left, locals);
    switch (expr.operator) {
      case '&&':
      case '||': {
        const decisive = expr.operator === '||';
        if (left.kind === 'literal' && left.value === decisive) return { ...left, span };
        const right = this.evaluate(expr.right, locals);
        if (left.kind === 'literal' && left.value === !decisive)
          return withSpanAndOrigins(right, span, mergeOrigins([left, right]));
        if (right.kind === 'literal' && right.value === decisive) return { ...right, span };
        return this.lift([left, right], expr, ([a, b]) =>
          a.kind === 'literal' && b.kind === 'literal' && typeof a.value === 'boolean' && typeof b.value === 'boolean'
            ? make.literal(decisive ? a.value || b.value : a.value && b.value, span)
            : undefined,
        );
      }
      case '??': {
        if (left.kind === 'literal' && left.value === null) {
          const right = this.evaluate(expr.right, locals);
          return withSpanAndOrigins(right, span, mergeOrigins([left, right]));
        }
        if (isKnown(left)) return { ...left, span };
        const right = this.evaluate(expr.right, locals);
        const candidates = [
          ...(left.candidates ?? []).filter((c) => isKnown(c) && !(c.kind === 'literal' && c.value === null)),
          ...(isKnown(right) ? [right] : (right.candidates ?? []).filter(isKnown)),
        ];
        return make.unknown(this.text(expr), left.reason, span, {
          origins: left.origins,
          candidates: candidates.length ? distinctValues(candidates) : undefined,
        });
      }
    }
    const right = this.evaluate(expr.right, locals);
    const operator = expr.operator;
    return this.lift([left, right], expr, ([a, b]) => {
      switch (operator) {
        case '==':
        case '!=':
        case '=~':
        case '!~': {
          const equal = valuesEqual(a, b, operator === '=~' || operator === '!~');
          if (equal === undefined) return undefined;
          return make.literal(operator === '==' || operator === '=~' ? equal : !equal, span);
        }
      }
      if (a.kind !== 'literal' || b.kind !== 'literal') return undefined;
      const x = a.value;
      const y = b.value;
      if (operator === '<' || operator === '<=' || operator === '>' || operator === '>=') {
        if (!((typeof x === 'number' && typeof y === 'number') || (typeof x === 'string' && typeof y === 'string')))
          return undefined;
        const result = operator === '<' ? x < y : operator === '<=' ? x <= y : operator === '>' ? x > y : x >= y;
        return make.literal(result, span);
      }
      if (typeof x !== 'number' || typeof y !== 'number') return undefined;
      switch (operator) {
        case '+':
          return make.literal(x + y, span);
        case '-':
          return make.literal(x - y, span);
        case '*':
          return make.literal(x * y, span);
        case '/':
          return y === 0 ? undefined : make.literal(Math.trunc(x / y), span);
        case '%':
          return y === 0 ? undefined : make.literal(x % y, span);
      }
      return undefined;
    });
  }

  private evaluateTernary(expr: TernaryExpr, locals: Locals): Value {
    const span = spanOf(expr);
    const condition = this.evaluate(expr.condition, locals);
    if (condition.kind === 'literal' && typeof condition.value === 'boolean')
      return this.branchOf(expr, condition.value, condition, span, locals);
    // The condition is unknown but may only take one value (one allowed value, one candidate).
    const only = soleOutcome(condition);
    if (only !== undefined) {
      const branch = this.branchOf(expr, only, condition, span, locals);
      return isKnown(branch)
        ? make.unknown(this.text(expr), conditionReason(condition), span, {
            candidates: [branch],
            origins: condition.origins,
          })
        : branch;
    }
    const candidates = knownOptions([this.evaluate(expr.whenTrue, locals), this.evaluate(expr.whenFalse, locals)]);
    return make.unknown(this.text(expr), conditionReason(condition), span, {
      origins: condition.origins,
      candidates: candidates.length ? distinctValues(candidates) : undefined,
    });
  }

  /** The branch the condition picks, at the ternary's span with the origins of both. */
  private branchOf(expr: TernaryExpr, value: boolean, condition: Value, span: Span, locals: Locals): Value {
    const branch = this.evaluate(value ? expr.whenTrue : expr.whenFalse, locals);
    return withSpanAndOrigins(branch, span, mergeOrigins([branch, condition]));
  }

  private evaluateObject(expr: Extract<Expr, { kind: 'object' }>, locals: Locals): Value {
    const properties: Property[] = [];
    let openEnded: UnknownValue | undefined;
    for (const item of expr.items) {
      if (item.kind === 'property') {
        let name: string | undefined;
        if (item.key.kind === 'identifier') name = item.key.name;
        else {
          const key = this.evaluate(item.key, locals);
          if (key.kind === 'literal' && typeof key.value === 'string') name = key.value;
          else {
            openEnded ??= asUnknown(key, this.text(item.key), 'a property whose name is computed at deployment time');
            continue;
          }
        }
        if (name === '') continue;
        const value = this.evaluate(item.value, locals);
        properties.push(make.property(name, spanOf(item.key), value, spanOf(item)));
      } else if (item.kind === 'spread') {
        const spread = this.evaluate(item.expression, locals);
        if (spread.kind === 'object') {
          properties.push(...spread.properties);
          openEnded ??= spread.openEnded;
        } else if (!(spread.kind === 'literal' && spread.value === null)) {
          openEnded ??= asUnknown(spread, this.text(item), 'spread of a value that is not a known object');
        }
      }
      // Nested resources are resources of their own; error items carry nothing.
    }
    return make.object(properties, spanOf(expr), openEnded ? { openEnded } : undefined);
  }

  private evaluateFor(expr: ForExpr, locals: Locals): Value {
    const span = spanOf(expr);
    const iterable = this.evaluate(expr.iterable, locals);
    if (iterable.kind === 'array' && !iterable.openEnded && iterable.items.length <= MAX_LOOP_ITEMS) {
      const items: Value[] = [];
      let openEnded: UnknownValue | undefined;
      iterable.items.forEach((item, index) => {
        const scope = new Map(locals);
        if (expr.itemVariable?.name) scope.set(expr.itemVariable.name, item);
        if (expr.indexVariable?.name)
          scope.set(expr.indexVariable.name, make.literal(index, spanOf(expr.indexVariable)));
        if (expr.body.kind === 'if') {
          const condition = this.evaluate(expr.body.condition, scope);
          if (condition.kind === 'literal' && condition.value === false) return;
          if (condition.kind !== 'literal')
            openEnded ??= make.unknown(this.text(expr), conditionReason(condition), span);
          if (condition.kind === 'literal' && condition.value === true)
            items.push(this.evaluate(expr.body.body, scope));
          return;
        }
        items.push(this.evaluate(expr.body, scope));
      });
      return make.array(items, span, openEnded ? { openEnded } : undefined);
    }
    const reason =
      iterable.kind === 'unknown'
        ? `built by a loop over ${this.text(expr.iterable)}: ${iterable.reason}`
        : `built by a loop over ${this.text(expr.iterable)}`;
    return make.array([], span, {
      openEnded: make.unknown(this.text(expr), reason, span, { origins: iterable.origins }),
    });
  }

  /** Loop variables of a resource or module `[for …]`: unknown, with the items as candidates when known. */
  loopLocals(expr: ForExpr, locals: Locals = NO_LOCALS): Map<string, Value> {
    const scope = new Map(locals);
    const iterable = this.evaluate(expr.iterable, locals);
    const iterableText = this.text(expr.iterable);
    const knownItems =
      iterable.kind === 'array' && !iterable.openEnded && iterable.items.length <= MAX_COMBINATIONS
        ? iterable.items.filter(isKnown)
        : undefined;
    if (expr.itemVariable?.name) {
      const name = expr.itemVariable.name;
      scope.set(
        name,
        make.unknown(name, `loop variable '${name}' (one item of ${iterableText})`, spanOf(expr.itemVariable), {
          candidates: knownItems?.length ? distinctValues(knownItems) : undefined,
          origins: iterable.origins,
        }),
      );
    }
    if (expr.indexVariable?.name) {
      const name = expr.indexVariable.name;
      const indexSpan = spanOf(expr.indexVariable);
      scope.set(
        name,
        make.unknown(name, `loop index '${name}'`, indexSpan, {
          candidates: knownItems ? knownItems.map((_, i) => make.literal(i, indexSpan)) : undefined,
        }),
      );
    }
    return scope;
  }

  /** `liftOver` at this expression: known arguments compute, candidates give candidate results. */
  private lift(
    args: readonly Value[],
    node: Span,
    compute: (values: KnownValue[], span: Span) => Value | undefined,
  ): Value {
    return liftOver(args, spanOf(node), this.text(node), compute);
  }
}

// ---------------------------------------------------------------------------------------------------------

/**
 * An interpolated string of known parts: the segments with the values between them. A module function bound
 * to the segments, not a closure made for each string: V8 holds a closure's optimized code only weakly, and
 * the scan worker compiled a per-string closure again after most full collections.
 */
function interpolate(segments: readonly string[], values: readonly KnownValue[], span: Span): Value {
  let text = segments[0];
  for (let i = 0; i < values.length; i++) text += renderAsString(values[i]) + segments[i + 1];
  return make.literal(text, span);
}

/** The object of a resource/module body: `{…}`, `if (…) {…}`, `[for …: {…}]`, `[for …: if (…) {…}]`. */
export function resourceBodyObject(body: Expr): Extract<Expr, { kind: 'object' }> | undefined {
  let node: Expr = body;
  if (node.kind === 'for') node = node.body;
  if (node.kind === 'if') node = node.body;
  return node.kind === 'object' ? node : undefined;
}

/** The first argument of `@name(…)` or `@sys.name(…)`. */
export function decoratorArgument(decorators: readonly Decorator[], name: string): Expr | undefined {
  for (const decorator of decorators) {
    const call = decorator.expression;
    if (call.kind !== 'call' || call.name.name !== name) continue;
    if (call.target && !(call.target.kind === 'variable' && call.target.name === 'sys')) continue;
    return call.args[0];
  }
  return undefined;
}

export function spanOf(node: Span): Span {
  return { start: node.start, end: node.end };
}

function conditionReason(condition: Value): string {
  return condition.kind === 'unknown' ? condition.reason : 'depends on a condition that is not a boolean';
}
