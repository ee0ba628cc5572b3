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
  const fromDefault = (): Value | undefined =>
    declaration.defaultValue &&
    withOrigin(
      declaration.defaultValue,
      {
        uri: declaration.uri,
        span: declaration.defaultValue.span,
        description: `default of ${noun} '${declaration.name}'`,
      },
      useSpan,
    );

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
      const fallback = fromDefault();
      if (fallback) perSupplier.push(fallback);
      else perSupplier.push(noValue());
    }
  }
  if (suppliers.length === 0) return fromDefault() ?? noValue();

  const distinct = dedupe(perSupplier);
  if (distinct.length === 1) return distinct[0];
  return make.unknown(useText, `${noun} '${declaration.name}' differs between deployments`, useSpan, {
    candidates: distinct.filter(isKnown),
  });

  function noValue(): Value {
    return make.unknown(useText, `depends on ${noun} '${declaration.name}', which has no default`, useSpan, {
      candidates: declaration.allowed,
      origins: [{ uri: declaration.uri, span: declaration.span, description: `${noun} '${declaration.name}'` }],
    });
  }
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
