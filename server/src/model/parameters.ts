// One rule for every front end: what value does a template parameter (Bicep param, ARM parameter,
// Terraform variable) have at a given use?
//
// - No supplier (nothing deploys the template with values we can see): the default, or unknown when there
//   is none (with the `@allowed` values as candidates).
// - Suppliers: each supplier is one deployment; it gives its value or, when it omits the parameter, the
//   default. One distinct known value → that value; several → unknown with all of them as candidates, so a
//   rule can report the failing one.
import type { ParameterSupplier } from './frontend';
import type { Span } from './span';
import { isKnown, make, toJson, withOrigin, type Origin, type Value } from './value';

export interface ParameterDeclaration {
  readonly name: string;
  /** uri of the declaring template. */
  readonly uri: string;
  /** The declaration's span (used as the origin of "no default" messages). */
  readonly span: Span;
  /** The default value, already resolved in the template's own scope (spans in the template). */
  readonly defaultValue?: Value;
  /** `@allowed` values / ARM `allowedValues` / Terraform validation `contains([...], var.x)`. */
  readonly allowed?: readonly Value[];
  /** What a parameter is called in this language, for messages: 'parameter' or 'variable'. */
  readonly noun?: string;
}

export function resolveParameter(
  declaration: ParameterDeclaration,
  suppliers: readonly ParameterSupplier[],
  useSpan: Span,
  useText: string,
): Value {
  const noun = declaration.noun ?? 'parameter';
  if (suppliers.length === 0)
    return fromDefault(declaration, noun, useSpan) ?? noValue(declaration, noun, useSpan, useText);

  const perSupplier: Value[] = [];
  for (const supplier of suppliers) {
    const supplied = supplier.values.get(declaration.name.toLowerCase());
    if (supplied) {
      const origin: Origin = {
        uri: supplier.uri,
        span: supplied.span,
        description: `${noun} '${declaration.name}' in ${supplier.description}`,
      };
      perSupplier.push(withOrigin(supplied, origin, useSpan));
    } else {
      perSupplier.push(fromDefault(declaration, noun, useSpan) ?? noValue(declaration, noun, useSpan, useText));
    }
  }
  const distinct = dedupe(perSupplier);
  if (distinct.length === 1) return distinct[0];
  return make.unknown(useText, `${noun} '${declaration.name}' differs between deployments`, useSpan, {
    candidates: distinct.filter(isKnown),
  });
}

// Module functions, not closures in resolveParameter: V8 holds a closure's optimized code only weakly, and
// the scan worker (a full collection every few hundred milliseconds) compiled them again and again.

/** The declaration's default, used at `useSpan`; undefined without one. */
function fromDefault(declaration: ParameterDeclaration, noun: string, useSpan: Span): Value | undefined {
  if (!declaration.defaultValue) return undefined;
  const origin: Origin = {
    uri: declaration.uri,
    span: declaration.defaultValue.span,
    description: `default of ${noun} '${declaration.name}'`,
  };
  return withOrigin(declaration.defaultValue, origin, useSpan);
}

/** What a parameter nobody supplies and without a default stands for: unknown, its allowed values as candidates. */
function noValue(declaration: ParameterDeclaration, noun: string, useSpan: Span, useText: string): Value {
  return make.unknown(useText, `depends on ${noun} '${declaration.name}', which has no default`, useSpan, {
    candidates: declaration.allowed,
    origins: [{ uri: declaration.uri, span: declaration.span, description: `${noun} '${declaration.name}'` }],
  });
}

function dedupe(values: readonly Value[]): Value[] {
  const seen = new Map<string, Value>();
  const unknowns: Value[] = [];
  for (const value of values) {
    const json = toJson(value);
    if (json === undefined) unknowns.push(value);
    else {
      const key = JSON.stringify(json);
      if (!seen.has(key)) seen.set(key, value);
    }
  }
  return [...seen.values(), ...unknowns];
}
