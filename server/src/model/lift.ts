// Evaluation over values that may be unknown, shared by the Bicep and ARM evaluators: a function applied to
// known arguments gives a known result; applied to unknown arguments that each have a few known candidates
// (a parameter's @allowed values, both branches of a ternary), it gives an unknown whose candidates are the
// results, so a rule can still report the failing one (`sku == 'S0' ? a : b` keeps both outcomes).
import type { Span } from './span';
import {
  getProperty,
  isKnown,
  make,
  toJson,
  withSpanAndOrigins,
  type Origin,
  type UnknownValue,
  type Value,
} from './value';

export type KnownValue = Exclude<Value, { kind: 'unknown' }>;

/** Combinations of candidate values we are willing to enumerate when lifting a function over them. */
export const MAX_COMBINATIONS = 32;

/**
 * Applies `compute` to the arguments at the expression `span` (source `text`): to the known values, or to
 * every combination of candidates. Returns an unknown with the reason of the first unknown argument when a
 * combination cannot be computed or there are too many.
 */
export function liftOver(
  args: readonly Value[],
  span: Span,
  text: string,
  compute: (values: KnownValue[], span: Span) => Value | undefined,
): Value {
  const origins = mergeOrigins(args);
  if (args.every(isKnown)) {
    const result = compute(args as KnownValue[], span);
    if (result) return withSpanAndOrigins(result, span, origins);
    return make.unknown(text, `cannot be evaluated: ${text}`, span, { origins });
  }
  const firstUnknown = args.find((a): a is UnknownValue => a.kind === 'unknown')!;
  const choices: KnownValue[][] = [];
  let combinations = 1;
  for (const arg of args) {
    const options: readonly Value[] = isKnown(arg) ? [arg] : (arg.candidates ?? []);
    if (options.length === 0 || !options.every(isKnown)) {
      combinations = Infinity;
      break;
    }
    choices.push(options as KnownValue[]);
    combinations *= options.length;
  }
  const base = { origins: firstUnknown.origins ?? origins, reference: firstUnknown.reference };
  if (combinations > MAX_COMBINATIONS) return make.unknown(text, firstUnknown.reason, span, base);
  const results: Value[] = [];
  for (const combination of cartesian(choices)) {
    const result = compute(combination, span);
    if (!result) return make.unknown(text, firstUnknown.reason, span, base);
    results.push(result);
  }
  return make.unknown(text, firstUnknown.reason, span, {
    origins: base.origins,
    reference: base.reference,
    candidates: distinctValues(results),
  });
}

/**
 * Both conditions hold (a nested resource under its parent's `if`, a resource inside a conditional nested
 * deployment): known when either is known false or both are known, else unknown with both reasons.
 */
export function combineConditions(outer: Value | undefined, inner: Value | undefined): Value | undefined {
  if (!outer) return inner;
  if (!inner) return outer;
  if (outer.kind === 'literal' && outer.value === true) return inner;
  if (inner.kind === 'literal' && inner.value === true) return outer;
  if ((outer.kind === 'literal' && outer.value === false) || (inner.kind === 'literal' && inner.value === false))
    return make.literal(false, inner.span);
  const reason = [outer, inner]
    .map((c) => (c.kind === 'unknown' ? c.reason : ''))
    .filter(Boolean)
    .join('; ');
  const text = (v: Value) => (v.kind === 'unknown' ? v.text : JSON.stringify(v.kind === 'literal' ? v.value : '…'));
  return make.unknown(`${text(outer)} && ${text(inner)}`, reason || 'depends on two conditions', inner.span);
}

/**
 * `object.key` or `object[key]` of a known value, as both evaluators read it: the member at the access's
 * span with the origins of both, unknown when an open-ended part may hold it (`text`: the access's text),
 * undefined when it does not exist. A module function, not a closure in each evaluation: V8 holds a
 * closure's optimized code only weakly, and the scan worker compiled a per-access closure ~10 times.
 */
export function memberOf(object: KnownValue, key: KnownValue | string, span: Span, text: string): Value | undefined {
  let result: Value | undefined;
  if (typeof key === 'string' || (key.kind === 'literal' && typeof key.value === 'string')) {
    const name = typeof key === 'string' ? key : (key.value as string);
    if (object.kind === 'object') {
      result = getProperty(object, name)?.value;
      if (!result && object.openEnded) return asUnknown(object.openEnded, text, object.openEnded.reason);
    }
  } else if (key.kind === 'literal' && typeof key.value === 'number' && object.kind === 'array') {
    result = object.items[key.value];
    if (!result && object.openEnded) return asUnknown(object.openEnded, text, object.openEnded.reason);
  }
  return result ? withSpanAndOrigins(result, span, mergeOrigins([object, result])) : undefined;
}

/**
 * The one boolean an unknown condition can take (its candidates all agree: one allowed value, one candidate),
 * as both evaluators decide a choice; undefined when it may go either way.
 */
export function soleOutcome(condition: Value): boolean | undefined {
  const candidates = condition.kind === 'unknown' ? condition.candidates : undefined;
  if (!candidates?.length) return undefined;
  const possible = new Set(candidates.map((c) => (c.kind === 'literal' ? c.value : undefined)));
  if (possible.size !== 1) return undefined;
  const [only] = possible;
  return typeof only === 'boolean' ? only : undefined;
}

/** The known values among these and among their candidates, in order (the possible results of a choice). */
export function knownOptions(values: readonly Value[]): KnownValue[] {
  const known: KnownValue[] = [];
  for (const value of values) {
    if (isKnown(value)) known.push(value);
    else for (const candidate of value.candidates ?? []) if (isKnown(candidate)) known.push(candidate);
  }
  return known;
}

/** The value as an unknown with the given source text (kept as is when already unknown). */
export function asUnknown(value: Value, text: string, reason: string): UnknownValue {
  return value.kind === 'unknown'
    ? { ...value, text }
    : make.unknown(text, reason, value.span, value.origins ? { origins: value.origins } : undefined);
}

/** The origins of all values, each once, in order. */
export function mergeOrigins(values: readonly (Value | undefined)[]): Origin[] | undefined {
  let result: Origin[] | undefined;
  for (const value of values) {
    for (const origin of value?.origins ?? []) {
      result ??= [];
      if (
        !result.some(
          (o) =>
            o.uri === origin.uri &&
            o.span.start === origin.span.start &&
            o.span.end === origin.span.end &&
            o.description === origin.description,
        )
      )
        result.push(origin);
    }
  }
  return result;
}

/** Values without repeats of the same known JSON (unknowns are all kept). */
export function distinctValues(values: readonly Value[]): Value[] {
  const seen = new Set<string>();
  const result: Value[] = [];
  for (const value of values) {
    const json = toJson(value);
    const key = json === undefined ? undefined : JSON.stringify(json);
    if (key !== undefined && seen.has(key)) continue;
    if (key !== undefined) seen.add(key);
    result.push(value);
  }
  return result;
}

function* cartesian(choices: readonly KnownValue[][]): Generator<KnownValue[]> {
  if (choices.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = choices;
  for (const value of first) for (const tail of cartesian(rest)) yield [value, ...tail];
}
