// A plain-JavaScript HCL syntax tree, converted from tree-sitter's concrete tree so that the tree-sitter
// tree (which lives on the WebAssembly heap) can be freed right after parsing. Everything downstream (the
// evaluator, the model adapter, `edit/` through `Resource.syntax`) reads only these objects.
import type { Language, Tree, TreeCursor } from 'web-tree-sitter';
import type { Comment, SyntaxProblem } from '../../model/document';
import type { Span } from '../../model/span';

export type HclExpr =
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null; readonly span: Span }
  /** A string with interpolations or directives; `parts` alternate literal text and expressions. */
  | {
      readonly kind: 'template';
      readonly parts: readonly (string | HclExpr)[];
      readonly heredoc: boolean;
      readonly span: Span;
    }
  | { readonly kind: 'tuple'; readonly items: readonly HclExpr[]; readonly span: Span }
  | { readonly kind: 'object'; readonly items: readonly HclObjectItem[]; readonly span: Span }
  | { readonly kind: 'variable'; readonly name: string; readonly span: Span }
  | {
      readonly kind: 'getAttr';
      readonly object: HclExpr;
      readonly name: string;
      readonly nameSpan: Span;
      readonly span: Span;
    }
  | { readonly kind: 'index'; readonly object: HclExpr; readonly index: HclExpr; readonly span: Span }
  /** `x[*].y`, `x.*.y`: a list built at plan time. */
  | { readonly kind: 'splat'; readonly object: HclExpr; readonly span: Span }
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly nameSpan: Span;
      readonly args: readonly HclExpr[];
      /** `f(list...)`: the last argument is expanded. */
      readonly expandLast: boolean;
      readonly span: Span;
    }
  /**
   * `[for v in c : e if f]`, `{for k, v in c : ke => ve... if f}`. The parts are optional so that a
   * half-typed loop stays a `for` (evaluated as unknown).
   */
  | {
      readonly kind: 'for';
      /** `{ for … }` builds an object, `[ for … ]` a tuple. */
      readonly object?: boolean;
      /** The first variable when two are given (`k, v`): the key or index. */
      readonly keyVar?: string;
      readonly valueVar?: string;
      readonly collection?: HclExpr;
      /** Object form: the key expression (before `=>`). */
      readonly keyExpr?: HclExpr;
      readonly valueExpr?: HclExpr;
      /** `...` after the value: entries with equal keys are grouped into lists. */
      readonly grouping?: boolean;
      readonly condition?: HclExpr;
      readonly span: Span;
    }
  /** A `%{ if }` / `%{ for }` template directive. */
  | { readonly kind: 'directive'; readonly span: Span }
  | {
      readonly kind: 'conditional';
      readonly condition: HclExpr;
      readonly then: HclExpr;
      readonly otherwise: HclExpr;
      readonly span: Span;
    }
  | { readonly kind: 'unary'; readonly operator: string; readonly operand: HclExpr; readonly span: Span }
  | {
      readonly kind: 'binary';
      readonly operator: string;
      readonly left: HclExpr;
      readonly right: HclExpr;
      readonly span: Span;
    }
  | { readonly kind: 'paren'; readonly inner: HclExpr; readonly span: Span }
  /** Input the grammar could not read (half-typed code). */
  | { readonly kind: 'error'; readonly span: Span };

export interface HclObjectItem {
  readonly key: HclExpr;
  /** The key as a name when it is a bare word or a plain string (`a = 1`, `"a" = 1`); undefined when computed. */
  readonly keyName?: string;
  readonly value: HclExpr;
  readonly span: Span;
}

export interface HclAttribute {
  readonly name: string;
  readonly nameSpan: Span;
  readonly value: HclExpr;
  /** From the name to the end of the value. */
  readonly span: Span;
}

export interface HclLabel {
  readonly value: string;
  readonly span: Span;
}

export interface HclBlock {
  readonly type: string;
  readonly typeSpan: Span;
  readonly labels: readonly HclLabel[];
  /** From the block type to the closing brace. */
  readonly span: Span;
  readonly openBrace: Span;
  /** Zero-length at the end of the block when the brace is missing (half-typed input). */
  readonly closeBrace: Span;
  readonly body: HclBody;
}

export interface HclBody {
  readonly attributes: readonly HclAttribute[];
  readonly blocks: readonly HclBlock[];
}

export interface HclFile {
  readonly body: HclBody;
  readonly comments: readonly Comment[];
  readonly problems: readonly SyntaxProblem[];
}

const BINARY_OPERATORS = new Set(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);

/**
 * Converts a tree-sitter tree of the Terraform grammar. The caller still owns (and frees) the tree.
 * `original` maps the tree's positions to `text` when the tree was parsed from a packed text (packed-text.ts).
 */
export function convertTree(tree: Tree, text: string, original?: (offset: number) => number): HclFile {
  // One cursor walk copies the tree into plain objects (and collects comments and problems on the way):
  // far cheaper than asking the WebAssembly tree for each node's children and fields.
  const { root, comments, problems } = copyTree(tree.walk(), text, tree.rootNode.hasError, tree.language, original);
  const converter = new Converter(text);
  let body: HclBody = { attributes: [], blocks: [] };
  for (const child of root.namedChildren) {
    if (child.type === 'body') body = converter.body(child);
    else if (child.type === 'object') {
      // A JSON-shaped tfvars file (`{ "a": 1 }`): its entries are attributes.
      const object = converter.primary(child);
      if (object.kind === 'object') {
        body = {
          attributes: object.items.flatMap((item) =>
            item.keyName === undefined
              ? []
              : [{ name: item.keyName, nameSpan: item.key.span, value: item.value, span: item.span }],
          ),
          blocks: [],
        };
      }
    } else if (child.type !== 'comment') {
      const recovered = converter.recover(child);
      body = {
        attributes: [...body.attributes, ...recovered.attributes],
        blocks: [...body.blocks, ...recovered.blocks],
      };
    }
  }
  return { body, comments, problems: [...problems, ...converter.problems] };
}

/**
 * One top-level item of a file's body (an attribute, a block, an ERROR run or a comment) converted on its
 * own, so that a re-parse after an edit converts only the items that changed (see incremental.ts).
 */
export interface HclItem {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly attributes: readonly HclAttribute[];
  readonly blocks: readonly HclBlock[];
  readonly comments: readonly Comment[];
  /** ERROR / MISSING nodes inside the item. */
  readonly problems: readonly SyntaxProblem[];
  /** Problems the converter reported (expressions nested too deep). */
  readonly limits: readonly SyntaxProblem[];
}

/**
 * The file as its list of top-level items, each taken from `reuse` when it returns one (an unchanged item of
 * the previous version, positions already adjusted) or converted now. Undefined when the file is not a plain
 * body (a JSON-shaped tfvars, ERROR nodes at the root): the caller converts it whole.
 */
export function convertItems(
  tree: Tree,
  text: string,
  reuse: (type: string, start: number, end: number) => HclItem | undefined,
): HclItem[] | undefined {
  const hasError = tree.rootNode.hasError;
  const items: HclItem[] = [];
  const cursor = tree.walk();
  try {
    const visit = (): boolean => {
      const type = cursor.nodeType;
      const start = cursor.startIndex;
      const end = cursor.endIndex;
      if (type === 'comment') {
        const comment = commentOf(text, start, end);
        items.push({ type, start, end, attributes: [], blocks: [], comments: [comment], problems: [], limits: [] });
        return true;
      }
      if (type !== 'attribute' && type !== 'block' && type !== 'ERROR') return false;
      const kept = reuse(type, start, end);
      if (kept) {
        items.push(kept);
        return true;
      }
      const copy = copyTree(cursor.currentNode.walk(), text, hasError, tree.language);
      const converter = new Converter(text);
      let attributes: HclAttribute[] = [];
      let blocks: HclBlock[] = [];
      if (type === 'attribute') attributes = [converter.attribute(copy.root)].filter((a) => a !== undefined);
      else if (type === 'block') blocks = [converter.block(copy.root)].filter((b) => b !== undefined);
      else
        ({ attributes, blocks } = converter.recover(copy.root) as { attributes: HclAttribute[]; blocks: HclBlock[] });
      items.push({
        type,
        start,
        end,
        attributes,
        blocks,
        comments: copy.comments,
        problems: copy.problems,
        limits: converter.problems,
      });
      return true;
    };
    if (!cursor.gotoFirstChild()) return items;
    do {
      const type = cursor.nodeType;
      if (type === 'comment') visit();
      else if (type === 'body') {
        if (cursor.gotoFirstChild()) {
          do {
            if (!visit()) return undefined;
          } while (cursor.gotoNextSibling());
          cursor.gotoParent();
        }
      } else return undefined;
    } while (cursor.gotoNextSibling());
    return items;
  } finally {
    cursor.delete();
  }
}

/** The file a list of items makes: the same value `convertTree` gives for the whole tree. */
export function fileOfItems(items: readonly HclItem[]): HclFile {
  const attributes: HclAttribute[] = [];
  const blocks: HclBlock[] = [];
  const comments: Comment[] = [];
  const problems: SyntaxProblem[] = [];
  let limit: SyntaxProblem | undefined;
  for (const item of items) {
    attributes.push(...item.attributes);
    blocks.push(...item.blocks);
    comments.push(...item.comments);
    problems.push(...item.problems);
    limit ??= item.limits[0]; // the converter reports the depth limit once per file
  }
  return { body: { attributes, blocks }, comments, problems: limit ? [...problems, limit] : problems };
}

/** A plain copy of a tree-sitter node: what the converter reads, nothing more. */
class Node {
  readonly children: Node[] = [];
  private named?: Node[];

  constructor(
    private readonly source: string,
    readonly type: string,
    /** Set after construction for nodes whose positions are taken from their children (see copyTree). */
    public startIndex: number,
    public endIndex: number,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    readonly field: string | null,
    /** The children were not copied: nobody reads them (see CHILDREN_NOT_READ). */
    readonly childrenOmitted: boolean,
  ) {}

  get namedChildren(): Node[] {
    this.named ??= this.children.filter((child) => child.isNamed);
    return this.named;
  }

  get childCount(): number {
    return this.children.length;
  }

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  childForFieldName(name: string): Node | null {
    return this.children.find((child) => child.field === name) ?? null;
  }
}

/**
 * Named node types that are tokens of the grammar (anonymous nodes are tokens too): they never have
 * children, so the walk does not ask tree-sitter for a first child.
 */
const TOKEN_TYPES = new Set([
  'identifier',
  'numeric_lit',
  'null_lit',
  'comment',
  'ellipsis',
  'template_literal',
  'quoted_template_start',
  'quoted_template_end',
  'template_interpolation_start',
  'template_interpolation_end',
  'template_directive_start',
  'template_directive_end',
  'heredoc_identifier',
]);

/**
 * Node types whose children the converter never reads (it reads their text or span only). In a tree without
 * errors their children are plain tokens (no comments, no ERROR or MISSING nodes to collect), so they are not
 * copied: about a quarter of all nodes, each several WebAssembly calls. A `string_lit` is `"…"` then: its
 * value lies between the first and the last character (see `stringLiteral`).
 */
const CHILDREN_NOT_READ = new Set([
  'variable_expr',
  'splat',
  'bool_lit',
  'string_lit',
  'block_start',
  'block_end',
  'object_start',
  'object_end',
  'tuple_start',
  'tuple_end',
  'heredoc_start',
]);

/**
 * Whether each node type id is named, per language: a property of the type, so it is asked from tree-sitter
 * once per type instead of once per node. 0 = not known yet, 1 = anonymous, 2 = named.
 */
const namedByLanguage = new WeakMap<Language, Uint8Array>();

function namedTypes(language: Language): Uint8Array {
  let named = namedByLanguage.get(language);
  if (!named) {
    named = new Uint8Array(0x10000); // type ids are 16-bit (ERROR is 0xffff)
    namedByLanguage.set(language, named);
  }
  return named;
}

/** Parents whose anonymous children (operators, parentheses) the converter reads the positions of. */
const PUNCTUATION_POSITIONS_READ = new Set(['binary_operation', 'unary_operation', 'expression']);

/** The position given to punctuation nobody reads the position of (never read: see make). */
const UNREAD = -1;

/** The position of a node not known yet: taken from its first and last child once they are copied. */
const PENDING = -2;

/**
 * Node types whose first and last children do not start and end where they do: the root (whitespace and
 * comments around the body) and `.0` (the old index form, one token in some trees). Every other type of
 * the grammar starts with its first child and ends with its last (hidden rules are only whitespace and the
 * chunks inside `template_literal`, a token here), so in a tree without errors its two positions cost no
 * WebAssembly calls of their own.
 */
const OWN_POSITIONS = new Set(['config_file', 'legacy_index']);

/**
 * Whether a named node of an error-free tree takes its positions from its children: those whose children
 * are copied, except a `get_attr` (its own text tells whether its children are copied at all).
 */
function positionsFromChildren(type: string): boolean {
  return !TOKEN_TYPES.has(type) && !CHILDREN_NOT_READ.has(type) && type !== 'get_attr' && !OWN_POSITIONS.has(type);
}

/**
 * Copies the tree with one cursor walk; comments (extras may sit anywhere) and ERROR/MISSING on the way.
 * Every node costs WebAssembly calls (type, start, end, moves), so in a tree without errors what the
 * converter never reads is not asked for: the children of CHILDREN_NOT_READ and of `.name` accessors, the
 * positions of most punctuation, the field names of object elements (key and value are the two expressions).
 */
function copyTree(
  cursor: TreeCursor,
  text: string,
  hasError: boolean,
  language: Language,
  original?: (offset: number) => number,
): { root: Node; comments: Comment[]; problems: SyntaxProblem[] } {
  const comments: Comment[] = [];
  // The cursor's positions, in `text`.
  const startHere = original ? () => original(cursor.startIndex) : () => cursor.startIndex;
  const endHere = original ? () => original(cursor.endIndex) : () => cursor.endIndex;
  const problems: SyntaxProblem[] = [];
  const types = language.types;
  const named = namedTypes(language);
  const make = (parent: Node | undefined): Node => {
    const typeId = cursor.nodeTypeId;
    const type = types[typeId] || 'ERROR'; // what cursor.nodeType gives, without asking twice
    if (named[typeId] === 0) named[typeId] = cursor.nodeIsNamed ? 2 : 1;
    const isNamed = named[typeId] === 2;
    if (!hasError && !isNamed && parent && !PUNCTUATION_POSITIONS_READ.has(parent.type)) {
      return new Node(text, type, UNREAD, UNREAD, false, false, null, false);
    }
    if (!hasError && parent && isNamed && positionsFromChildren(type)) {
      // Its children are copied next: its start and end are theirs (see the walk below).
      return new Node(text, type, PENDING, PENDING, true, false, fieldIn(parent, type), false);
    }
    const start = startHere();
    const end = endHere();
    const missing = hasError && cursor.nodeIsMissing;
    if (type === 'comment') comments.push(commentOf(text, start, end));
    else if (hasError && type === 'ERROR')
      problems.push({ span: { start, end }, message: unexpectedText(text.slice(start, end)) });
    else if (missing) problems.push({ span: { start, end: start }, message: `Missing '${missingName(type)}'.` });
    const omitted =
      !hasError && (CHILDREN_NOT_READ.has(type) || (type === 'get_attr' && isPlainGetAttr(text, start, end)));
    return new Node(text, type, start, end, isNamed, missing, fieldIn(parent, type), omitted);
  };
  // Field names matter only inside object elements (key / val).
  const fieldIn = (parent: Node | undefined, type: string): string | null => {
    if (parent?.type !== 'object_elem') return null;
    if (hasError) return cursor.currentFieldName;
    if (type !== 'expression') return null;
    return parent.children.some((child) => child.type === 'expression') ? 'val' : 'key';
  };
  const hasChildren = (node: Node): boolean => node.isNamed && !node.childrenOmitted && !TOKEN_TYPES.has(node.type);
  // The nodes whose start is pending are the top of the stack down from the node just copied: they begin
  // with it, so they start where it does (`unread`: the position of punctuation, asked only now).
  const startPending = (stack: readonly Node[], unread: number): void => {
    const top = stack[stack.length - 1];
    const start = top.startIndex === UNREAD ? unread : top.startIndex;
    for (let i = stack.length - 2; i >= 0 && stack[i].startIndex === PENDING; i--) stack[i].startIndex = start;
  };
  // The cursor is back on `node` and its children are all copied: it ends where its last child does.
  const endPending = (node: Node): void => {
    if (node.endIndex !== PENDING) return;
    const last = node.children[node.children.length - 1];
    node.endIndex = last.endIndex >= 0 ? last.endIndex : endHere();
  };
  try {
    const root = make(undefined);
    const stack: Node[] = [root];
    for (;;) {
      const current = stack[stack.length - 1];
      if (hasChildren(current) && cursor.gotoFirstChild()) {
        const node = make(current);
        current.children.push(node);
        stack.push(node);
        if (node.startIndex !== PENDING) startPending(stack, node.startIndex === UNREAD ? startHere() : -1);
        continue;
      }
      if (current.startIndex === PENDING) {
        // No children after all: the cursor is still on the node.
        current.startIndex = startHere();
        current.endIndex = endHere();
        startPending(stack, -1);
      }
      let moved = false;
      while (stack.length > 1) {
        if (cursor.gotoNextSibling()) {
          stack.pop();
          const parent = stack[stack.length - 1];
          const node = make(parent);
          parent.children.push(node);
          stack.push(node);
          moved = true;
          break;
        }
        cursor.gotoParent();
        stack.pop();
        endPending(stack[stack.length - 1]);
      }
      if (!moved) break;
    }
    return { root, comments, problems };
  } finally {
    cursor.delete();
  }
}

/**
 * A `get_attr` (`.name`, in a tree without errors) written without space or comment after the dot: the name
 * is the rest of its text, no need to copy its two children.
 */
function isPlainGetAttr(text: string, start: number, end: number): boolean {
  return text.charCodeAt(start) === 0x2e /* . */ && end > start + 1 && !/[\s#/]/.test(text.slice(start + 1, end));
}

/** The name and its span of a `get_attr` node (see isPlainGetAttr). */
function getAttrName(node: Node): { name: string; span: Span } | undefined {
  if (node.childrenOmitted) {
    return { name: node.text.slice(1), span: { start: node.startIndex + 1, end: node.endIndex } };
  }
  const identifier = node.namedChildren.find((c) => c.type === 'identifier');
  return identifier && { name: identifier.text, span: spanOf(identifier) };
}

function missingName(type: string): string {
  const names: Record<string, string> = {
    block_end: '}',
    object_end: '}',
    tuple_end: ']',
    quoted_template_end: '"',
    template_interpolation_end: '}',
  };
  return names[type] ?? type;
}

function unexpectedText(text: string): string {
  const firstLine = text.trim().split(/\r?\n/)[0] ?? '';
  const shown = firstLine.length > 40 ? `${firstLine.slice(0, 40)}…` : firstLine;
  return shown ? `Unexpected '${shown}'.` : 'Unexpected input.';
}

function commentOf(text: string, start: number, end: number): Comment {
  const raw = text.slice(start, end);
  let inner: string;
  if (raw.startsWith('#')) inner = raw.slice(1);
  else if (raw.startsWith('//')) inner = raw.slice(2);
  else inner = raw.slice(2, raw.endsWith('*/') ? -2 : undefined);
  return { span: { start, end }, text: inner.replace(/\r$/, '') };
}

function spanOf(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}

/** Deeper expressions are cut off (reported once): keeps every later recursion bounded. */
export const MAX_EXPRESSION_DEPTH = 100;

class Converter {
  private depth = 0;
  readonly problems: SyntaxProblem[] = [];

  constructor(private readonly text: string) {}

  body(node: Node): HclBody {
    const attributes: HclAttribute[] = [];
    const blocks: HclBlock[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'attribute') {
        const attribute = this.attribute(child);
        if (attribute) attributes.push(attribute);
      } else if (child.type === 'block') {
        const block = this.block(child);
        if (block) blocks.push(block);
      } else if (child.type === 'ERROR') {
        const recovered = this.recover(child);
        attributes.push(...recovered.attributes);
        blocks.push(...recovered.blocks);
      }
    }
    return { attributes, blocks };
  }

  /** Well-formed attributes and blocks inside an ERROR node (tree-sitter keeps intact subtrees there). */
  recover(node: Node, depth = 0): HclBody {
    const attributes: HclAttribute[] = [];
    const blocks: HclBlock[] = [];
    if (depth > 50) return { attributes, blocks };
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'attribute') {
        const attribute = this.attribute(child);
        if (attribute) attributes.push(attribute);
      } else if (child.type === 'block') {
        const block = this.block(child);
        if (block) blocks.push(block);
      } else if (child.type === 'body' || child.type === 'ERROR') {
        const inner = child.type === 'body' ? this.body(child) : this.recover(child, depth + 1);
        attributes.push(...inner.attributes);
        blocks.push(...inner.blocks);
      }
    }
    return { attributes, blocks };
  }

  attribute(node: Node): HclAttribute | undefined {
    const nameNode = node.namedChildren.find((c) => c.type === 'identifier');
    if (!nameNode) return undefined;
    const valueNode = node.namedChildren.find((c) => c.type === 'expression');
    const value: HclExpr = valueNode
      ? this.expression(valueNode)
      : { kind: 'error', span: { start: node.endIndex, end: node.endIndex } };
    return { name: nameNode.text, nameSpan: spanOf(nameNode), value, span: spanOf(node) };
  }

  block(node: Node): HclBlock | undefined {
    let typeNode: Node | undefined;
    const labels: HclLabel[] = [];
    let openBrace: Span | undefined;
    let closeBrace: Span | undefined;
    let body: HclBody = { attributes: [], blocks: [] };
    for (const child of node.children) {
      if (!child) continue;
      switch (child.type) {
        case 'identifier':
          if (!typeNode) typeNode = child;
          else labels.push({ value: child.text, span: spanOf(child) });
          break;
        case 'string_lit':
          labels.push({ value: this.stringLiteral(child), span: spanOf(child) });
          break;
        case 'block_start':
          openBrace = spanOf(child);
          break;
        case 'block_end':
          closeBrace = child.isMissing ? { start: child.startIndex, end: child.startIndex } : spanOf(child);
          break;
        case 'body':
          body = this.body(child);
          break;
        case 'ERROR': {
          const recovered = this.recover(child);
          body = {
            attributes: [...body.attributes, ...recovered.attributes],
            blocks: [...body.blocks, ...recovered.blocks],
          };
          break;
        }
      }
    }
    if (!typeNode) return undefined;
    const span = spanOf(node);
    return {
      type: typeNode.text,
      typeSpan: spanOf(typeNode),
      labels,
      span,
      openBrace: openBrace ?? { start: span.end, end: span.end },
      closeBrace: closeBrace ?? { start: span.end, end: span.end },
      body,
    };
  }

  /** An `expression` node: a conditional or a flattened term (primary followed by accessors). */
  expression(node: Node): HclExpr {
    if (this.depth >= MAX_EXPRESSION_DEPTH) {
      if (this.problems.length === 0) {
        this.problems.push({
          span: spanOf(node),
          message: `Expressions nested deeper than ${MAX_EXPRESSION_DEPTH} levels are not analysed.`,
        });
      }
      return { kind: 'error', span: spanOf(node) };
    }
    this.depth++;
    try {
      return this.expressionInner(node);
    } finally {
      this.depth--;
    }
  }

  private expressionInner(node: Node): HclExpr {
    const children = node.children.filter((c) => c.type !== 'comment');
    if (children.length === 1 && children[0].type === 'conditional') return this.conditional(children[0]);
    return this.term(children, spanOf(node));
  }

  /** A flattened `_expr_term`: `(expr)` or a primary, then `.attr`, `[index]`, splats. */
  term(children: readonly Node[], span: Span): HclExpr {
    if (children.length === 0) return { kind: 'error', span };
    let current: HclExpr;
    let i: number;
    if (children[0].type === '(') {
      const innerNode = children.find((c) => c.type === 'expression');
      const close = children.findIndex((c) => c.type === ')');
      const end = close >= 0 ? children[close].endIndex : span.end;
      current = {
        kind: 'paren',
        inner: innerNode ? this.expression(innerNode) : { kind: 'error', span },
        span: { start: children[0].startIndex, end },
      };
      i = close >= 0 ? close + 1 : children.length;
    } else {
      current = this.primary(children[0]);
      i = 1;
    }
    for (; i < children.length; i++) {
      const child = children[i];
      const start = current.span.start;
      if (child.type === 'get_attr') {
        const name = getAttrName(child);
        current = {
          kind: 'getAttr',
          object: current,
          name: name?.name ?? '',
          nameSpan: name ? name.span : spanOf(child),
          span: { start, end: child.endIndex },
        };
      } else if (child.type === 'index') {
        const inner = child.namedChildren[0];
        let index: HclExpr;
        if (inner?.type === 'new_index') {
          const expression = inner.namedChildren.find((c) => c.type === 'expression');
          index = expression ? this.expression(expression) : { kind: 'error', span: spanOf(inner) };
        } else {
          // legacy `.0`
          const digits = (inner?.text ?? '').replace(/^\./, '');
          index = { kind: 'literal', value: Number(digits), span: inner ? spanOf(inner) : spanOf(child) };
        }
        current = { kind: 'index', object: current, index, span: { start, end: child.endIndex } };
      } else if (child.type === 'splat') {
        current = { kind: 'splat', object: current, span: { start, end: child.endIndex } };
      } else if (child.type === 'ERROR' || child.isMissing) {
        current = { kind: 'error', span: { start, end: child.endIndex } };
      }
    }
    return current;
  }

  primary(node: Node): HclExpr {
    const span = spanOf(node);
    switch (node.type) {
      case 'literal_value':
        return node.namedChildren[0] ? this.primary(node.namedChildren[0]) : { kind: 'error', span };
      case 'numeric_lit': {
        const text = node.text;
        const value = /^0x/i.test(text) ? parseInt(text, 16) : Number(text);
        return { kind: 'literal', value, span };
      }
      case 'bool_lit':
        return { kind: 'literal', value: node.text === 'true', span };
      case 'null_lit':
        return { kind: 'literal', value: null, span };
      case 'string_lit':
        return { kind: 'literal', value: this.stringLiteral(node), span };
      case 'template_expr':
        return node.namedChildren[0] ? this.primary(node.namedChildren[0]) : { kind: 'error', span };
      case 'quoted_template':
        return this.quotedTemplate(node);
      case 'heredoc_template':
        return this.heredoc(node);
      case 'collection_value':
        return node.namedChildren[0] ? this.primary(node.namedChildren[0]) : { kind: 'error', span };
      case 'tuple':
        return {
          kind: 'tuple',
          items: node.namedChildren.filter((c) => c.type === 'expression').map((c) => this.expression(c)),
          span,
        };
      case 'object':
        return { kind: 'object', items: this.objectItems(node), span };
      case 'variable_expr':
        return { kind: 'variable', name: node.text, span };
      case 'function_call':
        return this.call(node);
      case 'for_expr':
        return this.forExpression(node);
      case 'operation':
        return node.namedChildren[0] ? this.primary(node.namedChildren[0]) : { kind: 'error', span };
      case 'unary_operation': {
        const children = node.children.filter((c) => c.type !== 'comment');
        return { kind: 'unary', operator: children[0].type, operand: this.term(children.slice(1), span), span };
      }
      case 'binary_operation':
        return this.binary(node);
      case 'conditional':
        return this.conditional(node);
      case 'expression':
        return this.expression(node);
      default:
        return { kind: 'error', span };
    }
  }

  private binary(node: Node): HclExpr {
    const span = spanOf(node);
    const children = node.children.filter((c) => c.type !== 'comment');
    const at = children.findIndex((c, i) => i > 0 && !c.isNamed && BINARY_OPERATORS.has(c.type));
    if (at < 0) return { kind: 'error', span };
    const left = children.slice(0, at);
    const right = children.slice(at + 1);
    return {
      kind: 'binary',
      operator: children[at].type,
      left: this.term(left, { start: span.start, end: children[at].startIndex }),
      right: this.term(right, { start: children[at].endIndex, end: span.end }),
      span,
    };
  }

  private conditional(node: Node): HclExpr {
    const parts = node.namedChildren.filter((c) => c.type === 'expression');
    const span = spanOf(node);
    const error: HclExpr = { kind: 'error', span: { start: span.end, end: span.end } };
    const condition = parts[0] ? this.expression(parts[0]) : error;
    const then = parts[1] ? this.expression(parts[1]) : error;
    const otherwise = parts[2] ? this.expression(parts[2]) : error;
    // The grammar reads `a ? b : c ? d : e` as `(a ? b : c) ? d : e`; HCL's conditional is right-associative
    // (`a ? b : (c ? d : e)`). A bare (unparenthesised) conditional as the condition is that misreading.
    if (condition.kind === 'conditional') return reassociate(condition, then, otherwise, span.end);
    return { kind: 'conditional', condition, then, otherwise, span };
  }

  private forExpression(node: Node): HclExpr {
    const span = spanOf(node);
    const inner = node.namedChildren.find((c) => c.type === 'for_tuple_expr' || c.type === 'for_object_expr');
    if (!inner) return { kind: 'for', span };
    const intro = inner.namedChildren.find((c) => c.type === 'for_intro');
    const names = intro?.namedChildren.filter((c) => c.type === 'identifier').map((c) => c.text) ?? [];
    const collectionNode = intro?.namedChildren.find((c) => c.type === 'expression');
    const bodies = inner.namedChildren.filter((c) => c.type === 'expression');
    const conditionNode = inner.namedChildren
      .find((c) => c.type === 'for_cond')
      ?.namedChildren.find((c) => c.type === 'expression');
    const object = inner.type === 'for_object_expr';
    const expected = object ? 2 : 1;
    if (names.length === 0 || names.length > 2 || !collectionNode || bodies.length !== expected)
      return { kind: 'for', object, span };
    return {
      kind: 'for',
      object,
      keyVar: names.length === 2 ? names[0] : undefined,
      valueVar: names[names.length - 1],
      collection: this.expression(collectionNode),
      keyExpr: object ? this.expression(bodies[0]) : undefined,
      valueExpr: this.expression(bodies[bodies.length - 1]),
      grouping: object && inner.children.some((c) => c.type === 'ellipsis'),
      condition: conditionNode ? this.expression(conditionNode) : undefined,
      span,
    };
  }

  private call(node: Node): HclExpr {
    const nameNode = node.namedChildren.find((c) => c.type === 'identifier');
    const argsNode = node.namedChildren.find((c) => c.type === 'function_arguments');
    const args = argsNode
      ? argsNode.namedChildren.filter((c) => c.type === 'expression').map((c) => this.expression(c))
      : [];
    const expandLast = argsNode ? argsNode.namedChildren.some((c) => c.type === 'ellipsis') : false;
    return {
      kind: 'call',
      name: nameNode?.text ?? '',
      nameSpan: nameNode ? spanOf(nameNode) : spanOf(node),
      args,
      expandLast,
      span: spanOf(node),
    };
  }

  private objectItems(node: Node): HclObjectItem[] {
    const items: HclObjectItem[] = [];
    for (const element of node.namedChildren) {
      if (element?.type !== 'object_elem') continue;
      const keyNode = element.childForFieldName('key');
      const valueNode = element.childForFieldName('val');
      if (!keyNode) continue;
      const key = this.expression(keyNode);
      const value: HclExpr = valueNode
        ? this.expression(valueNode)
        : { kind: 'error', span: { start: element.endIndex, end: element.endIndex } };
      let keyName: string | undefined;
      if (key.kind === 'variable') keyName = key.name;
      else if (key.kind === 'literal' && typeof key.value === 'string') keyName = key.value;
      items.push({ key, keyName, value, span: spanOf(element) });
    }
    return items;
  }

  /** A plain quoted string: its text between the quotes with HCL escapes decoded. */
  stringLiteral(node: Node): string {
    if (node.childrenOmitted) return decodeQuoted(this.text.slice(node.startIndex + 1, node.endIndex - 1));
    const start = node.children[0];
    const end = node.children[node.childCount - 1];
    const from = start?.type === 'quoted_template_start' ? start.endIndex : node.startIndex;
    const to = end?.type === 'quoted_template_end' && !end.isMissing ? end.startIndex : node.endIndex;
    return decodeQuoted(this.text.slice(from, to));
  }

  private quotedTemplate(node: Node): HclExpr {
    const children = node.children;
    const first = children[0];
    const last = children[children.length - 1];
    const from = first?.type === 'quoted_template_start' ? first.endIndex : node.startIndex;
    const to = last?.type === 'quoted_template_end' && !last.isMissing ? last.startIndex : node.endIndex;
    return this.templateParts(children, from, to, spanOf(node), false, decodeQuoted);
  }

  private heredoc(node: Node): HclExpr {
    const children = node.children;
    const span = spanOf(node);
    const marker = children.find((c) => c.type === 'heredoc_start');
    const identifiers = children.filter((c) => c.type === 'heredoc_identifier');
    const opening = identifiers[0];
    if (!opening) return { kind: 'error', span };
    const newline = this.text.indexOf('\n', opening.endIndex);
    const from = newline < 0 ? opening.endIndex : newline + 1;
    const closing = identifiers.length > 1 ? identifiers[identifiers.length - 1] : undefined;
    let to = closing && !closing.isMissing ? closing.startIndex : span.end;
    // The content ends at the start of the closing identifier's line.
    while (to > from && this.text[to - 1] !== '\n') to--;
    const strip = marker?.text === '<<-';
    const template = this.templateParts(
      children.filter((c) => c !== opening && c !== closing),
      from,
      to,
      span,
      true,
      decodeHeredoc,
    );
    return strip ? stripIndent(template) : template;
  }

  /** Literal text is taken from the source between interpolations (the grammar drops some whitespace). */
  private templateParts(
    children: readonly Node[],
    from: number,
    to: number,
    span: Span,
    heredoc: boolean,
    decode: (raw: string) => string,
  ): HclExpr {
    const parts: (string | HclExpr)[] = [];
    let position = from;
    for (const child of children) {
      if (child.type !== 'template_interpolation' && child.type !== 'template_directive') continue;
      if (child.startIndex < from || child.endIndex > to) continue;
      if (child.startIndex > position) parts.push(decode(this.text.slice(position, child.startIndex)));
      if (child.type === 'template_interpolation') {
        const expression = child.namedChildren.find((c) => c.type === 'expression');
        parts.push(expression ? this.expression(expression) : { kind: 'error', span: spanOf(child) });
      } else {
        parts.push({ kind: 'directive', span: spanOf(child) });
      }
      position = child.endIndex;
    }
    if (to > position) parts.push(decode(this.text.slice(position, to)));
    const merged = mergeStrings(parts);
    if (merged.length === 0) return { kind: 'literal', value: '', span };
    if (merged.length === 1 && typeof merged[0] === 'string') return { kind: 'literal', value: merged[0], span };
    return { kind: 'template', parts: merged, heredoc, span };
  }
}

type Conditional = Extract<HclExpr, { kind: 'conditional' }>;

/**
 * `first ? d : e` where `first` is the bare conditional `a ? b : c` read by the grammar: the text is
 * `a ? b : c ? d : e`, which means `a ? b : (c ? d : e)`. The new conditional attaches at the end of the
 * `otherwise` chain of `first` (itself already right-associated).
 */
function reassociate(first: Conditional, then: HclExpr, otherwise: HclExpr, end: number): HclExpr {
  const tail: HclExpr =
    first.otherwise.kind === 'conditional'
      ? reassociate(first.otherwise, then, otherwise, end)
      : {
          kind: 'conditional',
          condition: first.otherwise,
          then,
          otherwise,
          span: { start: first.otherwise.span.start, end },
        };
  return { ...first, otherwise: tail, span: { start: first.span.start, end } };
}

function mergeStrings(parts: readonly (string | HclExpr)[]): (string | HclExpr)[] {
  const out: (string | HclExpr)[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
    else if (part !== '') out.push(part);
  }
  return out;
}

/** `<<-EOT`: removes the smallest common leading whitespace of the literal lines. */
function stripIndent(expr: HclExpr): HclExpr {
  if (expr.kind === 'literal' && typeof expr.value === 'string') {
    return { ...expr, value: dedent(expr.value) };
  }
  // With interpolations we keep the text as is: only literal heredocs are compared as values.
  return expr;
}

function dedent(text: string): string {
  const lines = text.split('\n');
  let common = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    common = Math.min(common, indent);
  }
  if (!Number.isFinite(common) || common === 0) return text;
  return lines.map((line) => line.slice(Math.min(common, /^[ \t]*/.exec(line)?.[0].length ?? 0))).join('\n');
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** HCL quoted-string escapes: \n \r \t \" \\ \uNNNN \UNNNNNNNN, and `$${` / `%%{` for literal `${` / `%{`. */
export function decodeQuoted(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1];
      if (next in SIMPLE_ESCAPES) {
        out += SIMPLE_ESCAPES[next];
        i++;
        continue;
      }
      if (next === 'u' || next === 'U') {
        const length = next === 'u' ? 4 : 8;
        const hex = raw.slice(i + 2, i + 2 + length);
        if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === length) {
          const code = parseInt(hex, 16);
          out += code <= 0x10ffff ? String.fromCodePoint(code) : '';
          i += 1 + length;
          continue;
        }
      }
    } else if ((c === '$' || c === '%') && raw[i + 1] === c && raw[i + 2] === '{') {
      out += `${c}{`;
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

/** Heredocs take no backslash escapes, only `$${` / `%%{`. */
function decodeHeredoc(raw: string): string {
  return raw.replace(/([$%])\1\{/g, '$1{').replace(/\r\n/g, '\n');
}
