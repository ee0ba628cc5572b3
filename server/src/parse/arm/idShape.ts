// The shape of a resource id or name as written, read from the expression text alone (nothing is
// evaluated): `format('Microsoft.Storage/storageAccounts/{0}/blobServices/{1}', parameters('a'), 'default')`,
// `concat(resourceId('Microsoft.Web/sites', parameters('s')), '/slots/', variables('slot'))`,
// `extensionResourceId(format('/subscriptions/{0}', …), 'Microsoft.Search/searchServices', parameters('n'))`,
// a literal `/subscriptions/…/providers/Microsoft.X/y/name`. The pieces are split at the `/` of the literal
// parts; the type segments must be literal, name segments may be any expression. Two writings of the same
// name compare equal through `canonicalName` (`format('{0}-pe', parameters('a'))` and
// `concat(parameters('a'), '-pe')` are one name), so an id built in a string finds the resource of this
// template declared with that name even when the name itself is not known.
import { expressionBody, literalText, ownCopy, parsedExpression, type ArmExpr } from './expression';

/** A piece of a string as written: literal text, or the normalised text of a sub-expression. */
type Piece = { readonly literal: string } | { readonly expression: string };

export interface IdShape {
  /** Full resource type: `Microsoft.Storage/storageAccounts/blobServices`. */
  readonly type: string;
  /** One entry per name segment (`acct`, `default`): the literal text, or undefined when not literal. */
  readonly names: readonly (string | undefined)[];
  /** The segments' canonical text joined with `/`, for comparison with declared names. */
  readonly canonicalName: string;
}

/** Functions whose result is an id: their pieces are the id's segments. */
const ID_FUNCTIONS = new Set([
  'resourceid',
  'subscriptionresourceid',
  'tenantresourceid',
  'extensionresourceid',
  'managementgroupresourceid',
]);

const NAMESPACE = /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+$/;
const TYPE_SEGMENT = /^[A-Za-z0-9][\w-]*$/;

/** Shapes by expression node: parsed expressions are cached per JSON string, and loops evaluate them often. */
const shapes = new WeakMap<ArmExpr, IdShape | null>();

/** The id shape of an expression (a sub-expression of `source`), when it reads as a resource id. */
export function idShapeOf(node: ArmExpr, source: string): IdShape | undefined {
  let shape = shapes.get(node);
  if (shape === undefined) {
    // Without a `/` in its text, no expression builds an id (resourceId() types contain one too).
    const slash = source.indexOf('/', node.start);
    const pieces = slash >= 0 && slash < node.end ? piecesOf(node, source, 0) : undefined;
    shape = (pieces && shapeOfSegments(segmentsOf(pieces))) ?? null;
    // The shape's strings are slices of `source`, a JSON string of one document: kept as copies of their own.
    if (shape)
      shape = { type: shape.type, names: shape.names.map(ownCopyOf), canonicalName: ownCopy(shape.canonicalName) };
    shapes.set(node, shape);
  }
  return shape ?? undefined;
}

/** The id shape of a literal id (`/subscriptions/…/providers/Ns/type/name` or `Ns/type/name`). */
export function idShapeOfLiteral(id: string): IdShape | undefined {
  return shapeOfSegments(segmentsOf([{ literal: id.trim() }]));
}

function ownCopyOf(text: string | undefined): string | undefined {
  return text === undefined ? undefined : ownCopy(text);
}

/** A declared resource name (the JSON string, `[…]` or literal) in canonical form. */
export function canonicalNameOfWritten(written: string): string {
  const body = expressionBody(written);
  if (!body) return canonicalSegments(segmentsOf([{ literal: literalText(written) }]));
  const ast = parsedExpression(written);
  return canonicalNameOf(ast, written);
}

/** Canonical names by expression node, as `shapes` (parsed trees are shared by all documents). */
const canonicalNames = new WeakMap<ArmExpr, string>();

/** A name expression (a sub-expression of `source`) in canonical form. */
export function canonicalNameOf(node: ArmExpr, source: string): string {
  let canonical = canonicalNames.get(node);
  if (canonical === undefined) {
    const pieces = piecesOf(node, source, 0) ?? [
      { expression: normalizeExpressionText(source.slice(node.start, node.end)) },
    ];
    // A copy of its own: slices of `source` would keep its document alive (see ownCopy).
    canonical = ownCopy(canonicalSegments(segmentsOf(pieces)));
    canonicalNames.set(node, canonical);
  }
  return canonical;
}

/** Canonical names of several name arguments, as `resourceId(type, a, b)` takes them. */
export function canonicalNameOfArgs(nodes: readonly ArmExpr[], source: string): string {
  const pieces: Piece[] = [];
  nodes.forEach((node, index) => {
    if (index > 0) pieces.push({ literal: '/' });
    pieces.push(
      ...(piecesOf(node, source, 0) ?? [{ expression: normalizeExpressionText(source.slice(node.start, node.end)) }]),
    );
  });
  return canonicalSegments(segmentsOf(pieces));
}

const MAX_PIECE_DEPTH = 16;

/** The pieces of a string expression: literals, concat(), format() and id functions expanded. */
function piecesOf(node: ArmExpr, source: string, depth: number): Piece[] | undefined {
  if (depth > MAX_PIECE_DEPTH) return undefined;
  const pieces: Piece[] = [];
  appendPieces(node, source, depth, pieces);
  return pieces;
}

/** The text of an expression as one piece. */
function wholePiece(node: ArmExpr, source: string): Piece {
  return { expression: normalizeExpressionText(source.slice(node.start, node.end)) };
}

/**
 * Appends the pieces of `node` (nested `depth` deep, at most MAX_PIECE_DEPTH) to `out`; one list for the
 * whole expression rather than a list per sub-expression (this runs for every name and id of a template).
 */
function appendPieces(node: ArmExpr, source: string, depth: number, out: Piece[]): void {
  if (node.kind === 'string') {
    out.push({ literal: node.value });
    return;
  }
  if (node.kind !== 'call' || node.namespace) {
    out.push(wholePiece(node, source));
    return;
  }
  const lower = node.name.toLowerCase();
  if (lower === 'concat') {
    if (node.args.length === 0) out.push(wholePiece(node, source));
    else for (const arg of node.args) appendArgument(node, arg, source, depth, out);
    return;
  }
  if (lower === 'format') {
    const pattern = node.args[0];
    if (pattern?.kind !== 'string') {
      out.push(wholePiece(node, source));
      return;
    }
    const start = out.length;
    const placeholder = /\{(\d+)(?::[^}]*)?\}/g;
    let last = 0;
    for (let match = placeholder.exec(pattern.value); match; match = placeholder.exec(pattern.value)) {
      const arg = node.args[Number(match[1]) + 1];
      if (!arg || match[0].includes(':')) {
        // Not a plain placeholder: the format() as a whole, without what was appended for it so far.
        out.length = start;
        out.push(wholePiece(node, source));
        return;
      }
      if (match.index > last) out.push({ literal: unescapeBraces(pattern.value.slice(last, match.index)) });
      appendArgument(node, arg, source, depth, out);
      last = match.index + match[0].length;
    }
    if (last < pattern.value.length) out.push({ literal: unescapeBraces(pattern.value.slice(last)) });
    return;
  }
  if (ID_FUNCTIONS.has(lower)) {
    // [scope pieces…] '/providers/' type segments interleaved with the name arguments.
    const typeIndex = node.args.findIndex((a) => a.kind === 'string' && /^[\w.]+\/[\w/]+$/.test(a.value));
    if (typeIndex < 0) {
      out.push(wholePiece(node, source));
      return;
    }
    const typeSegments = (node.args[typeIndex] as { value: string }).value.split('/');
    const nameCount = node.args.length - typeIndex - 1;
    if (nameCount !== typeSegments.length - 1) {
      out.push(wholePiece(node, source));
      return;
    }
    // extensionResourceId's first argument is the id of the resource it extends.
    if (lower === 'extensionresourceid' && typeIndex > 0) appendArgument(node, node.args[0], source, depth, out);
    out.push({ literal: `/providers/${typeSegments[0]}` });
    for (let i = 0; i < nameCount; i++) {
      out.push({ literal: `/${typeSegments[i + 1]}/` });
      appendArgument(node, node.args[typeIndex + 1 + i], source, depth, out);
    }
    return;
  }
  out.push(wholePiece(node, source));
}

/** The pieces of an argument of `call`; nested too deeply, the call's own text as a whole. */
function appendArgument(call: ArmExpr, arg: ArmExpr, source: string, depth: number, out: Piece[]): void {
  if (depth + 1 > MAX_PIECE_DEPTH) out.push(wholePiece(call, source));
  else appendPieces(arg, source, depth + 1, out);
}

function unescapeBraces(text: string): string {
  return text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
}

/** Pieces split at the `/` of their literal parts: one list of pieces per segment. */
function segmentsOf(pieces: readonly Piece[]): Piece[][] {
  const segments: Piece[][] = [[]];
  for (const piece of pieces) {
    if ('expression' in piece) {
      segments[segments.length - 1].push(piece);
      continue;
    }
    const parts = piece.literal.split('/');
    parts.forEach((part, i) => {
      if (i > 0) segments.push([]);
      if (part) segments[segments.length - 1].push({ literal: part });
    });
  }
  return segments;
}

function literalOf(segment: readonly Piece[]): string | undefined {
  if (segment.some((p) => 'expression' in p)) return undefined;
  return segment.map((p) => (p as { literal: string }).literal).join('');
}

function canonicalSegment(segment: readonly Piece[]): string {
  const literal = literalOf(segment);
  if (literal !== undefined) return `'${literal.replace(/'/g, "''")}'`;
  // Adjacent literals merged, so `'a' + 'b'` and `'ab'` compare equal.
  const merged: string[] = [];
  let text: string | undefined;
  for (const piece of segment) {
    if ('literal' in piece) text = (text ?? '') + piece.literal;
    else {
      if (text !== undefined) merged.push(`'${text.replace(/'/g, "''")}'`);
      text = undefined;
      merged.push(piece.expression);
    }
  }
  if (text !== undefined) merged.push(`'${text.replace(/'/g, "''")}'`);
  return merged.join('+');
}

function canonicalSegments(segments: readonly Piece[][]): string {
  return segments.map(canonicalSegment).join('/');
}

/**
 * Segments → type and names. A full id has a `providers` segment (the last one: extension resources have
 * several) followed by the namespace; a relative id (Bicep's `scope:`) starts with the namespace.
 */
function shapeOfSegments(segments: readonly Piece[][]): IdShape | undefined {
  let start = -1;
  if (segments.length > 0 && segments[0].length === 0) {
    for (let i = segments.length - 2; i >= 0; i--) {
      if (literalOf(segments[i])?.toLowerCase() === 'providers') {
        start = i + 1;
        break;
      }
    }
  } else start = 0;
  if (start < 0) return undefined;
  const rest = segments.slice(start);
  const namespace = literalOf(rest[0] ?? []);
  if (!namespace || !NAMESPACE.test(namespace) || rest.length < 3 || rest.length % 2 === 0) return undefined;
  const types = [namespace];
  const nameSegments: Piece[][] = [];
  for (let i = 1; i < rest.length; i += 2) {
    const type = literalOf(rest[i]);
    if (!type || !TYPE_SEGMENT.test(type) || rest[i + 1].length === 0) return undefined;
    types.push(type);
    nameSegments.push(rest[i + 1]);
  }
  return {
    type: types.join('/'),
    names: nameSegments.map(literalOf),
    canonicalName: canonicalSegments(nameSegments),
  };
}

/** Expression text without insignificant white space, to compare two writings of the same expression. */
export function normalizeExpressionText(text: string): string {
  if (!/\s/.test(text)) return text;
  let result = '';
  let quoted = false;
  for (const c of text) {
    if (c === "'") quoted = !quoted;
    if (quoted || !/\s/.test(c)) result += c;
  }
  return result;
}
