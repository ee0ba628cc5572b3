// The value tree every front end produces and every rule reads. A value is either known (a literal, or an
// object/array of values) or unknown (an expression we could not resolve). "Absent" is not a value: a
// property that is not written is simply missing, and `getPath` returns undefined for it.
import type { Location, Span } from './span';

/** Where a resolved value came from: a parameter default, a tfvars line, a .bicepparam or parameter file. */
export interface Origin extends Location {
  /** Human text for related information, e.g. "default of parameter 'publicNetworkAccess'". */
  readonly description: string;
}

/** A symbolic pointer to a resource (or one of its attributes), resolved by the workspace index. */
export interface ResourceReference {
  /** Document that holds the referenced resource, when known (same document when omitted). */
  readonly uri?: string;
  /** `Resource.key` of the target: Bicep symbolic name, Terraform address, ARM symbolic name. */
  readonly key?: string;
  /** ARM type and name of the target, for references by id expression (`resourceId(...)`, ids in strings). */
  readonly type?: string;
  readonly name?: Value;
  /** What of the target is referenced: 'id', 'name', 'properties.endpoint', 'listKeys', … ('' = the resource). */
  readonly attribute: string;
}

interface ValueBase {
  /** Where the value is written in the document of the resource that holds it (the use site). */
  readonly span: Span;
  /** From the use back to the definition: each hop that produced the value (parameter default, tfvars…). */
  readonly origins?: readonly Origin[];
}

export type Literal = string | number | boolean | null;

export interface LiteralValue extends ValueBase {
  readonly kind: 'literal';
  readonly value: Literal;
}

export interface Property {
  readonly name: string;
  readonly nameSpan: Span;
  readonly value: Value;
  /** The whole entry, from the name to the end of the value. */
  readonly span: Span;
}

export interface ObjectValue extends ValueBase {
  readonly kind: 'object';
  readonly properties: readonly Property[];
  /**
   * Set when the object may hold more properties than those listed (a Bicep spread of an unknown value,
   * an ARM `union()` with an unknown side, a Terraform `dynamic` block): a missing property is then unknown,
   * not absent.
   */
  readonly openEnded?: UnknownValue;
}

export interface ArrayValue extends ValueBase {
  readonly kind: 'array';
  readonly items: readonly Value[];
  /** As for objects: the array may have more items than those listed (loops, concat with unknowns). */
  readonly openEnded?: UnknownValue;
}

export interface UnknownValue extends ValueBase {
  readonly kind: 'unknown';
  /** Why it is unknown, for "cannot verify" messages: "depends on parameter 'x', which has no default". */
  readonly reason: string;
  /** The source text of the expression. */
  readonly text: string;
  /**
   * The value is one of these when that is all we know (a parameter's `@allowed` list, a ternary on an
   * unknown condition, several parameter files): a rule reports when any candidate fails.
   */
  readonly candidates?: readonly Value[];
  /** Set when the expression refers to a resource or one of its attributes (`account.id`, `x.y.id`). */
  readonly reference?: ResourceReference;
}

export type Value = LiteralValue | ObjectValue | ArrayValue | UnknownValue;

export function isKnown(value: Value): value is LiteralValue | ObjectValue | ArrayValue {
  return value.kind !== 'unknown';
}

/** Where the first property of this name (any case) is in the list; -1 if none is. */
export function indexOfProperty(properties: readonly Property[], name: string): number {
  const lower = name.toLowerCase();
  for (let i = 0; i < properties.length; i++) if (properties[i].name.toLowerCase() === lower) return i;
  return -1;
}

/** Case-insensitive property lookup, as Azure treats ARM property names. */
export function getProperty(object: ObjectValue, name: string): Property | undefined {
  const lower = name.toLowerCase();
  // The last one wins, as with duplicate keys in JSON and Bicep object spreads.
  for (let i = object.properties.length - 1; i >= 0; i--) {
    if (object.properties[i].name.toLowerCase() === lower) return object.properties[i];
  }
  return undefined;
}

export function splitPath(path: string | readonly string[]): readonly string[] {
  return typeof path === 'string' ? (path === '' ? [] : path.split('.')) : path;
}

/**
 * Follows a property path ('properties.networkAcls.defaultAction'). Returns undefined when the property is
 * absent, and an UnknownValue when an unknown value (or an open-ended object) stands in the way, since the
 * property may then exist with any value.
 */
export function getPath(root: Value, path: string | readonly string[]): Value | undefined {
  let current: Value = root;
  for (const segment of splitPath(path)) {
    if (current.kind === 'object') {
      const property = getProperty(current, segment);
      if (property) {
        current = property.value;
        continue;
      }
      if (current.openEnded)
        return unknownBecause(current.openEnded, `'${segment}' may be set by ${excerpt(current.openEnded.text)}`);
      return undefined;
    }
    if (current.kind === 'unknown') {
      return unknownBecause(current, current.reason);
    }
    if (current.kind === 'array' && /^\d+$/.test(segment)) {
      const item: Value | undefined = current.items[Number(segment)];
      if (item) {
        current = item;
        continue;
      }
      return current.openEnded ? unknownBecause(current.openEnded, current.openEnded.reason) : undefined;
    }
    // A literal or array has no named members: the path does not exist.
    return undefined;
  }
  return current;
}

/** One short line of an expression for a message: a whole multi-line `for` or `union(...)` would drown it. */
function excerpt(text: string): string {
  // The head decides when it alone is longer than the excerpt (the text may be a whole large expression).
  const head = text.length > 240 ? text.slice(0, 240) : text;
  let line = head.replace(/\s+/g, ' ').trim();
  if (head !== text && line.length <= 60) line = text.replace(/\s+/g, ' ').trim();
  return line.length <= 60 ? line : `${line.slice(0, 57)}…`;
}

function unknownBecause(source: UnknownValue, reason: string): UnknownValue {
  return { kind: 'unknown', span: source.span, origins: source.origins, text: source.text, reason };
}

/** How deep `forEachValue` goes: far beyond any real template, far below the stack limit. */
const MAX_WALK_DEPTH = 64;

/**
 * Visits `root` and every value inside it, depth first: object properties, array items, the candidates of an
 * unknown value and open-ended parts. `path()` gives the ARM path of the value below `root` ('' for `root`;
 * candidates and open-ended parts have their holder's path), while `visit` runs: it is built only when asked
 * for (most visits never ask, and a path string for every value of every resource was most of the walk).
 * Returning false from `visit` skips what is inside that value.
 */
export function forEachValue(
  root: Value | undefined,
  visit: (value: Value, path: () => string) => boolean | void,
): void {
  const segments: (string | number)[] = [];
  walkValues(root, 0, segments, joinSegments.bind(undefined, segments), visit);
}

/**
 * forEachValue's walk. Module functions, not closures made on each call: V8 holds a closure's optimized code
 * only weakly, and the scan worker (a full collection every few hundred milliseconds) compiled a per-call
 * walk ~25 times on 10,000 files.
 */
function walkValues(
  value: Value | undefined,
  depth: number,
  segments: (string | number)[],
  path: () => string,
  visit: (value: Value, path: () => string) => boolean | void,
): void {
  if (!value || depth > MAX_WALK_DEPTH || visit(value, path) === false) return;
  if (value.kind === 'unknown') {
    if (value.candidates)
      for (const candidate of value.candidates) walkValues(candidate, depth + 1, segments, path, visit);
  } else if (value.kind === 'object') {
    for (const property of value.properties) {
      segments.push(property.name);
      walkValues(property.value, depth + 1, segments, path, visit);
      segments.pop();
    }
    walkValues(value.openEnded, depth + 1, segments, path, visit);
  } else if (value.kind === 'array') {
    for (let index = 0; index < value.items.length; index++) {
      segments.push(index);
      walkValues(value.items[index], depth + 1, segments, path, visit);
      segments.pop();
    }
    walkValues(value.openEnded, depth + 1, segments, path, visit);
  }
}

function joinSegments(segments: readonly (string | number)[]): string {
  return segments.join('.');
}

/** Plain JSON of a fully known value; undefined when any part is unknown. */
export function toJson(value: Value): unknown {
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'array': {
      if (value.openEnded) return undefined;
      const items: unknown[] = [];
      for (const item of value.items) {
        const json = toJson(item);
        if (json === undefined) return undefined;
        items.push(json);
      }
      return items;
    }
    case 'object': {
      if (value.openEnded) return undefined;
      const result: Record<string, unknown> = {};
      for (const property of value.properties) {
        const json = toJson(property.value);
        if (json === undefined) return undefined;
        result[property.name] = json;
      }
      return result;
    }
    case 'unknown':
      return undefined;
  }
}

/** Case-insensitive string equality for ARM enum values ('Disabled' = 'disabled'). */
export function sameText(a: unknown, b: string): boolean {
  return typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
}

/** Builders used by the front ends and tests. */
export const make = {
  literal(value: Literal, span: Span, origins?: readonly Origin[]): LiteralValue {
    return origins?.length ? { kind: 'literal', value, span, origins } : { kind: 'literal', value, span };
  },
  unknown(text: string, reason: string, span: Span, extra?: Partial<UnknownValue>): UnknownValue {
    return { kind: 'unknown', text, reason, span, ...extra };
  },
  object(properties: readonly Property[], span: Span, extra?: Partial<ObjectValue>): ObjectValue {
    return { kind: 'object', properties, span, ...extra };
  },
  array(items: readonly Value[], span: Span, extra?: Partial<ArrayValue>): ArrayValue {
    return { kind: 'array', items, span, ...extra };
  },
  property(name: string, nameSpan: Span, value: Value, span?: Span): Property {
    return { name, nameSpan, value, span: span ?? { start: nameSpan.start, end: value.span.end } };
  },
};

/**
 * A copy of `value` at another span (and, for an unknown, another text). Object.assign, not
 * `{ ...value, span, text }`: a spread followed by a key the spread object lacks (`text` on a literal,
 * `origins` on most values) takes V8's slow path, measured 40x slower than a plain copy at a call site
 * that sees one kind of value; where a site sees many kinds (as these helpers do) a spread and
 * Object.assign cost the same.
 */
export function withSpan<V extends Value>(value: V, span: Span, text?: string): V {
  const copy = Object.assign({}, value) as { -readonly [K in keyof V]: V[K] } & { span: Span; text?: string };
  copy.span = span;
  if (text !== undefined) copy.text = text;
  return copy as V;
}

/**
 * A copy of `value` at another span with these origins (none: as they were). Not `{ ...value, span, origins }`,
 * V8's slow path where `value` has no `origins` of its own (see withSpan); the evaluators re-span results so.
 */
export function withSpanAndOrigins<V extends Value>(value: V, span: Span, origins: readonly Origin[] | undefined): V {
  const copy = withSpan(value, span) as V & { origins?: readonly Origin[] };
  if (origins !== undefined) copy.origins = origins;
  return copy;
}

/** Copy of a value seen through one more hop (used when a parameter or variable is substituted). */
export function withOrigin<T extends Value>(value: T, origin: Origin, useSpan: Span): T {
  return withSpanAndOrigins(value, useSpan, value.origins === undefined ? [origin] : [origin, ...value.origins]);
}
