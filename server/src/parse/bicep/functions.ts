// Bicep's built-in functions over known Values (the ARM template functions Bicep compiles to). The evaluator
// calls these only with known arguments; unknown arguments are handled there (lifted over candidates or
// turned into an unknown). A function that returns undefined could not compute a result (wrong argument
// types, unsupported form): the evaluator then reports the call as unknown.
//
// Kept local to the Bicep front end: no shared ARM function library existed in server/src/model when this
// was written.
import type { Span } from '../../model/span';
import {
  getProperty,
  indexOfProperty,
  make,
  toJson,
  type ArrayValue,
  type ObjectValue,
  type Property,
  type Value,
} from '../../model/value';

type KnownValue = Exclude<Value, { kind: 'unknown' }>;

export type BuiltinFunction = (args: readonly KnownValue[], span: Span) => Value | undefined;

function str(value: KnownValue | undefined): string | undefined {
  return value?.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
}

function num(value: KnownValue | undefined): number | undefined {
  return value?.kind === 'literal' && typeof value.value === 'number' ? value.value : undefined;
}

const lit = (value: string | number | boolean | null, span: Span): Value => make.literal(value, span);

/** Text of a value as ARM's string()/format()/interpolation render it ('True' for booleans, JSON for objects). */
export function renderAsString(value: KnownValue): string {
  if (value.kind === 'literal') {
    if (value.value === null) return '';
    if (typeof value.value === 'boolean') return value.value ? 'True' : 'False';
    return String(value.value);
  }
  return JSON.stringify(toJson(value));
}

/** A Value tree for plain JSON (results computed from scratch, e.g. `split`), all at one span. */
export function fromJson(json: unknown, span: Span): Value {
  if (json === null || typeof json === 'string' || typeof json === 'number' || typeof json === 'boolean')
    return make.literal(json, span);
  if (Array.isArray(json))
    return make.array(
      json.map((item) => fromJson(item, span)),
      span,
    );
  if (typeof json === 'object') {
    return make.object(
      Object.entries(json as Record<string, unknown>).map(([name, value]) =>
        make.property(name, span, fromJson(value, span), span),
      ),
      span,
    );
  }
  return make.literal(null, span);
}

/** Deep equality as Bicep's `==` (case-sensitive) or `=~` (case-insensitive strings). */
/** Deep equality of two values; undefined (unknown) when either holds an unknown part or is open-ended. */
export function valuesEqual(a: KnownValue, b: KnownValue, ignoreCase: boolean): boolean | undefined {
  const left = toJson(a);
  const right = toJson(b);
  if (left === undefined || right === undefined) return undefined;
  return jsonEqual(left, right, ignoreCase);
}

function jsonEqual(a: unknown, b: unknown, ignoreCase: boolean): boolean {
  if (typeof a === 'string' && typeof b === 'string') return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i], ignoreCase));
  const aKeys = Object.keys(a as object);
  const bObject = b as Record<string, unknown>;
  if (aKeys.length !== Object.keys(bObject).length) return false;
  return aKeys.every(
    (key) => key in bObject && jsonEqual((a as Record<string, unknown>)[key], bObject[key], ignoreCase),
  );
}

/** Undefined (unknown) for an open-ended array or object with no listed members: it may hold more. */
function isEmpty(value: KnownValue): boolean | undefined {
  if (value.kind === 'literal') return value.value === null || value.value === '';
  const count = value.kind === 'array' ? value.items.length : value.properties.length;
  if (count > 0) return false;
  return value.openEnded ? undefined : true;
}

function litOrUnknown(value: boolean | undefined, span: Span): Value | undefined {
  return value === undefined ? undefined : lit(value, span);
}

/** ARM union(): objects merge (nested objects deeply, last wins); arrays keep distinct items in order. */
function union(args: readonly KnownValue[], span: Span): Value | undefined {
  if (args.every((a) => a.kind === 'object')) {
    return (args as readonly ObjectValue[]).reduce((merged, next) => mergeObjects(merged, next, span));
  }
  if (args.every((a) => a.kind === 'array')) {
    const items: Value[] = [];
    const seen = new Set<string>();
    for (const array of args as readonly ArrayValue[]) {
      for (const item of array.items) {
        const key = JSON.stringify(toJson(item));
        if (!seen.has(key)) {
          seen.add(key);
          items.push(item);
        }
      }
    }
    return make.array(items, span);
  }
  return undefined;
}

function mergeObjects(a: ObjectValue, b: ObjectValue, span: Span): ObjectValue {
  const properties: Property[] = [...a.properties];
  for (const property of b.properties) {
    const index = indexOfProperty(properties, property.name);
    if (index < 0) properties.push(property);
    else {
      const existing = properties[index].value;
      properties[index] =
        existing.kind === 'object' && property.value.kind === 'object'
          ? { ...property, value: mergeObjects(existing, property.value, property.value.span) }
          : property;
    }
  }
  return make.object(properties, span, { openEnded: b.openEnded ?? a.openEnded });
}

/** ARM format(): `{0}`, `{1}`; `{{`/`}}` escapes; numeric format specifiers are rendered without formatting. */
function format(args: readonly KnownValue[], span: Span): Value | undefined {
  const pattern = str(args[0]);
  if (pattern === undefined) return undefined;
  let failed = false;
  const text = pattern.replace(/\{\{|\}\}|\{(\d+)(?:[,:][^}]*)?\}/g, (match, index: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const value = args[Number(index) + 1];
    if (!value) {
      failed = true;
      return match;
    }
    return renderAsString(value);
  });
  return failed ? undefined : lit(text, span);
}

function sliceOf(value: KnownValue, start: number, end: number | undefined, span: Span): Value | undefined {
  if (value.kind === 'array') return make.array(value.items.slice(start, end), span);
  const text = str(value);
  return text === undefined ? undefined : lit(text.slice(start, end), span);
}

export const BUILTIN_FUNCTIONS: ReadonlyMap<string, BuiltinFunction> = new Map<string, BuiltinFunction>([
  ['tolower', ([s], span) => (str(s) === undefined ? undefined : lit(str(s)!.toLowerCase(), span))],
  ['toupper', ([s], span) => (str(s) === undefined ? undefined : lit(str(s)!.toUpperCase(), span))],
  ['trim', ([s], span) => (str(s) === undefined ? undefined : lit(str(s)!.trim(), span))],
  [
    'concat',
    (args, span) => {
      if (args.length > 0 && args.every((a) => a.kind === 'array'))
        return make.array(
          (args as readonly ArrayValue[]).flatMap((a) => a.items),
          span,
        );
      if (args.every((a) => a.kind === 'literal')) return lit(args.map(renderAsString).join(''), span);
      return undefined;
    },
  ],
  ['format', format],
  ['empty', ([v], span) => (v ? litOrUnknown(isEmpty(v), span) : undefined)],
  [
    'contains',
    ([container, item], span) => {
      if (!container || !item) return undefined;
      if (container.kind === 'array') {
        const matches = container.items.map((i) => (i.kind === 'unknown' ? undefined : valuesEqual(i, item, false)));
        if (matches.includes(true)) return lit(true, span);
        // An unknown item, or more items than listed, may be the one that matches.
        return matches.includes(undefined) || container.openEnded ? undefined : lit(false, span);
      }
      if (container.kind === 'object') {
        const key = str(item);
        return key === undefined ? undefined : lit(getProperty(container, key) !== undefined, span);
      }
      const text = str(container);
      const part = item.kind === 'literal' ? renderAsString(item) : undefined;
      return text === undefined || part === undefined ? undefined : lit(text.includes(part), span);
    },
  ],
  ['union', union],
  [
    'coalesce',
    (args, span) => {
      const first = args.find((a) => !(a.kind === 'literal' && a.value === null));
      return first ?? lit(null, span);
    },
  ],
  [
    'string',
    ([v], span) =>
      v ? lit(v.kind === 'literal' && typeof v.value === 'string' ? v.value : renderAsString(v), span) : undefined,
  ],
  [
    'bool',
    ([v], span) => {
      if (v?.kind !== 'literal') return undefined;
      if (typeof v.value === 'boolean') return v;
      if (typeof v.value === 'number') return lit(v.value !== 0, span);
      if (typeof v.value === 'string' && /^(true|false)$/i.test(v.value))
        return lit(v.value.toLowerCase() === 'true', span);
      return undefined;
    },
  ],
  [
    'int',
    ([v], span) => {
      if (num(v) !== undefined) return v;
      const text = str(v);
      return text !== undefined && /^\s*[-+]?\d+\s*$/.test(text) ? lit(parseInt(text, 10), span) : undefined;
    },
  ],
  [
    'length',
    ([v], span) => {
      if (!v) return undefined;
      if (v.kind === 'array') return v.openEnded ? undefined : lit(v.items.length, span);
      if (v.kind === 'object') return v.openEnded ? undefined : lit(v.properties.length, span);
      const text = str(v);
      return text === undefined ? undefined : lit(text.length, span);
    },
  ],
  [
    'replace',
    ([s, from, to], span) => {
      const [text, a, b] = [str(s), str(from), str(to)];
      return text === undefined || a === undefined || b === undefined || a === ''
        ? undefined
        : lit(text.split(a).join(b), span);
    },
  ],
  [
    'startswith',
    ([s, p], span) =>
      str(s) === undefined || str(p) === undefined
        ? undefined
        : lit(str(s)!.toLowerCase().startsWith(str(p)!.toLowerCase()), span),
  ],
  [
    'endswith',
    ([s, p], span) =>
      str(s) === undefined || str(p) === undefined
        ? undefined
        : lit(str(s)!.toLowerCase().endsWith(str(p)!.toLowerCase()), span),
  ],
  [
    'indexof',
    ([s, p], span) =>
      str(s) === undefined || str(p) === undefined
        ? undefined
        : lit(str(s)!.toLowerCase().indexOf(str(p)!.toLowerCase()), span),
  ],
  [
    'lastindexof',
    ([s, p], span) =>
      str(s) === undefined || str(p) === undefined
        ? undefined
        : lit(str(s)!.toLowerCase().lastIndexOf(str(p)!.toLowerCase()), span),
  ],
  [
    'first',
    ([v], span) => {
      if (v?.kind === 'array') return v.items[0] ?? (v.openEnded ? undefined : lit(null, span));
      const text = str(v);
      return text === undefined ? undefined : lit(text.slice(0, 1), span);
    },
  ],
  [
    'last',
    ([v], span) => {
      if (v?.kind === 'array') return v.openEnded ? undefined : (v.items[v.items.length - 1] ?? lit(null, span));
      const text = str(v);
      return text === undefined ? undefined : lit(text.slice(-1), span);
    },
  ],
  [
    'split',
    ([s, d], span) => {
      const text = str(s);
      if (text === undefined || !d) return undefined;
      const delimiters =
        d.kind === 'array' ? d.items.map((i) => (i.kind === 'literal' ? String(i.value) : '')) : [str(d)];
      if (delimiters.some((x) => x === undefined || x === '')) return undefined;
      const pattern = new RegExp(
        (delimiters as string[]).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
      );
      return fromJson(text.split(pattern), span);
    },
  ],
  [
    'join',
    ([a, d], span) => {
      const delimiter = str(d);
      if (a?.kind !== 'array' || a.openEnded || delimiter === undefined) return undefined;
      if (!a.items.every((i) => i.kind === 'literal')) return undefined;
      return lit(a.items.map((i) => renderAsString(i as KnownValue)).join(delimiter), span);
    },
  ],
  [
    'substring',
    ([s, start, length], span) => {
      const text = str(s);
      const from = num(start) ?? 0;
      if (text === undefined) return undefined;
      const count = length === undefined ? undefined : num(length);
      return lit(text.substring(from, count === undefined ? undefined : from + count), span);
    },
  ],
  ['take', ([v, n], span) => (v && num(n) !== undefined ? sliceOf(v, 0, Math.max(0, num(n)!), span) : undefined)],
  [
    'skip',
    ([v, n], span) => (v && num(n) !== undefined ? sliceOf(v, Math.max(0, num(n)!), undefined, span) : undefined),
  ],
  [
    'range',
    ([start, count], span) => {
      const [from, n] = [num(start), num(count)];
      if (from === undefined || n === undefined || n < 0 || n > 10000) return undefined;
      return make.array(
        Array.from({ length: n }, (_, i) => lit(from + i, span)),
        span,
      );
    },
  ],
  ['createarray', (args, span) => make.array(args, span)],
  [
    'min',
    (args, span) => {
      const numbers =
        args.length === 1 && args[0].kind === 'array' ? args[0].items.map((i) => num(i as KnownValue)) : args.map(num);
      return numbers.length && numbers.every((n) => n !== undefined)
        ? lit(Math.min(...(numbers as number[])), span)
        : undefined;
    },
  ],
  [
    'max',
    (args, span) => {
      const numbers =
        args.length === 1 && args[0].kind === 'array' ? args[0].items.map((i) => num(i as KnownValue)) : args.map(num);
      return numbers.length && numbers.every((n) => n !== undefined)
        ? lit(Math.max(...(numbers as number[])), span)
        : undefined;
    },
  ],
  [
    'json',
    ([s], span) => {
      const text = str(s);
      if (text === undefined) return undefined;
      try {
        return fromJson(JSON.parse(text), span);
      } catch {
        return undefined;
      }
    },
  ],
  ['not', ([b], span) => (b?.kind === 'literal' && typeof b.value === 'boolean' ? lit(!b.value, span) : undefined)],
  ['equals', ([a, b], span) => (a && b ? litOrUnknown(valuesEqual(a, b, false), span) : undefined)],
  [
    'objectkeys',
    ([o], span) =>
      o?.kind === 'object' && !o.openEnded
        ? fromJson(
            o.properties.map((p) => p.name),
            span,
          )
        : undefined,
  ],
]);

/** Functions whose result exists only at deployment time: always unknown, with this reason. */
export const DEPLOYMENT_TIME_FUNCTIONS: ReadonlyMap<string, string> = new Map([
  ['resourcegroup', 'resolved at deployment time'],
  ['subscription', 'resolved at deployment time'],
  ['tenant', 'resolved at deployment time'],
  ['managementgroup', 'resolved at deployment time'],
  ['deployment', 'resolved at deployment time'],
  ['environment', 'resolved at deployment time'],
  ['deployer', 'resolved at deployment time'],
  ['uniquestring', 'a hash computed at deployment time'],
  ['guid', 'a GUID computed at deployment time'],
  ['newguid', 'a new GUID generated at each deployment'],
  ['utcnow', 'the deployment time'],
  ['reference', 'a runtime property of a deployed resource'],
  ['list', 'a runtime value of a deployed resource'],
  ['listkeys', 'a secret of a deployed resource'],
  ['listaccountsas', 'a secret of a deployed resource'],
  ['listservicesas', 'a secret of a deployed resource'],
  ['pickzones', 'resolved at deployment time'],
  ['getsecret', 'a secret read from Key Vault at deployment time'],
  ['externalinput', 'an external input supplied at deployment time'],
  ['loadtextcontent', 'loaded from a file at compile time'],
  ['loadjsoncontent', 'loaded from a file at compile time'],
  ['loadyamlcontent', 'loaded from a file at compile time'],
  ['loadfileasbase64', 'loaded from a file at compile time'],
  ['loaddirectoryfileinfo', 'loaded from a directory at compile time'],
]);

/** `resourceId('Microsoft.X/y', 'a', 'b')` and friends: a reference to a resource by type and name. */
export const RESOURCE_ID_FUNCTIONS: ReadonlySet<string> = new Set([
  'resourceid',
  'subscriptionresourceid',
  'tenantresourceid',
  'extensionresourceid',
  'managementgroupresourceid',
]);
