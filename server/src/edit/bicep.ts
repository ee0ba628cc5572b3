// Writes model edits as Bicep: one property per line in multi-line objects, single quotes, the file's own
// indentation and line endings. Resources are found in a fresh parse of the document's text by their span;
// a target that is not written as a plain object or literal (a spread may set it, a variable holds the
// object, a ternary on an unknown condition) makes the writer refuse with CannotWrite.
import type { ParsedDocument } from '../model/document';
import type { Resource } from '../model/resource';
import type { EditValue, ModelEdit } from '../model/rule';
import { isKnown, type Value } from '../model/value';
import { parseBicep } from '../parse/bicep/parser';
import type {
  ArrayExpr,
  BicepTree,
  Expr,
  ObjectExpr,
  ObjectProperty,
  ParamDecl,
  ResourceDecl,
  Statement,
  StringExpr,
  VarDecl,
} from '../parse/bicep/syntax';
import { insertItem, removeItem, type Container } from './container';
import { isExpression, isNewHandle, patchAsValue, type Patch } from './patch';
import {
  baseName,
  CannotWrite,
  EditList,
  foreignOrigin,
  uniqueName,
  type DocumentWriter,
  type FixSession,
} from './session';
import { detectStyle, indentationAt, indentLines, lineEndAt, lineStartAt, type FileStyle, type TextEdit } from './text';

const MAX_HOPS = 8;

export class BicepWriter implements DocumentWriter {
  private readonly tree: BicepTree;
  private readonly style: FileStyle;
  private readonly list = new EditList();
  private readonly params = new Map<string, ParamDecl>();
  private readonly vars = new Map<string, VarDecl>();
  private readonly symbols = new Set<string>();
  private useCounts?: Map<string, number>;

  constructor(
    private readonly document: ParsedDocument,
    private readonly session: FixSession,
  ) {
    this.tree = parseBicep(document.text);
    this.style = detectStyle(document.text);
    for (const statement of this.tree.statements) {
      const name = 'name' in statement && statement.name?.kind === 'identifier' ? statement.name.name : undefined;
      if (name) this.symbols.add(name);
      if (statement.kind === 'param' && name) this.params.set(name, statement);
      if (statement.kind === 'var' && name) this.vars.set(name, statement);
    }
  }

  private get text(): string {
    return this.document.text;
  }

  edits(): TextEdit[] {
    return this.list.all();
  }

  // -------------------------------------------------------------------------------------------------------
  // Parameters and resources

  addParameter(edit: Extract<ModelEdit, { kind: 'addParameter' }>): void {
    if (this.params.has(edit.name) || this.session.handles.has(`param:${this.document.uri}:${edit.name}`)) return;
    if (this.symbols.has(edit.name)) throw new CannotWrite(`'${edit.name}' is already declared`);
    this.symbols.add(edit.name);
    const lines = [`@description(${bicepString(edit.description)})`];
    const defaultText = edit.defaultValue === undefined ? '' : ` = ${this.render(edit.defaultValue, 'multiline')}`;
    lines.push(`param ${edit.name} ${edit.type}${defaultText}`);
    const eol = this.style.eol;
    const declaration = lines.join(eol);
    const lastParam = [...this.params.values()].pop();
    if (lastParam) {
      this.list.insert(lineEndAt(this.text, lastParam.end), eol + eol + declaration);
      return;
    }
    const first = this.tree.statements.find(
      (s) => !['targetScope', 'metadata', 'import', 'extension', 'using'].includes(s.kind),
    );
    if (first) this.list.insert(this.leadingCommentStart(first.start), declaration + eol + eol);
    else this.list.insert(this.text.length, (this.text.endsWith('\n') ? '' : eol) + declaration + eol);
  }

  /** Start of the comment lines directly above `offset` (no blank line between), which belong to it. */
  private leadingCommentStart(offset: number): number {
    let start = lineStartAt(this.text, offset);
    while (start > 0) {
      const above = lineStartAt(this.text, start - 1);
      const line = this.text.slice(above, start).trim();
      if (!line.startsWith('//')) break;
      start = above;
    }
    return start;
  }

  addResource(edit: Extract<ModelEdit, { kind: 'addResource' }>): void {
    const anchor = this.topLevelDeclarationOf(edit.near);
    const symbol = uniqueName(edit.name, new Set([...this.symbols, ...this.session.handles.keys()]));
    this.symbols.add(symbol);
    this.session.handles.set(edit.handle.$new, {
      uri: this.document.uri,
      symbol,
      type: edit.type,
      apiVersion: edit.apiVersion,
      name: edit.body.name,
      near: edit.near,
    });
    const body = this.render(edit.body, 'multiline');
    const eol = this.style.eol;
    const declaration = `resource ${symbol} ${bicepString(`${edit.type}@${edit.apiVersion}`)} = ${body}`;
    this.list.insert(lineEndAt(this.text, anchor.end), eol + eol + indentLines(declaration, '', eol));
  }

  private topLevelDeclarationOf(resource: Resource): Statement {
    const found = this.tree.statements.find(
      (s) => s.start <= resource.span.start && resource.span.end <= s.end && s.kind === 'resource',
    );
    if (!found) throw new CannotWrite(`resource '${resource.key}' not found in ${baseName(this.document.uri)}`);
    return found;
  }

  private declarationOf(resource: Resource): ResourceDecl {
    const visit = (items: readonly { kind: string }[]): ResourceDecl | undefined => {
      for (const item of items) {
        if (item.kind !== 'resource') continue;
        const declaration = item as ResourceDecl;
        if (declaration.start === resource.span.start && declaration.end === resource.span.end) return declaration;
        if (declaration.start <= resource.span.start && resource.span.end <= declaration.end) {
          const body = bodyObject(declaration.body);
          if (body) return visit(body.items);
        }
      }
      return undefined;
    };
    const found = visit(this.tree.statements);
    if (!found) throw new CannotWrite(`resource '${resource.key}' not found in ${baseName(this.document.uri)}`);
    return found;
  }

  // -------------------------------------------------------------------------------------------------------
  // Property edits

  patchResource(resource: Resource, patch: Extract<Patch, { op: 'merge' }>): void {
    const declaration = this.declarationOf(resource);
    const body = bodyObject(declaration.body);
    if (!body) throw new CannotWrite('the resource body is not an object');
    this.patchObject(body, patch, resource, []);
  }

  private patchObject(object: ObjectExpr, patch: Extract<Patch, { op: 'merge' }>, resource: Resource, at: string[]) {
    if (!object.closed) throw new CannotWrite('unclosed object');
    const removed = new Set<ObjectProperty>();
    const removals: TextEdit[] = [];
    const hasSpread = object.items.some((i) => i.kind === 'spread');
    const missing: [string, EditValue][] = [];
    for (const [key, member] of patch.children) {
      const path = [...at, member.name];
      const index = lastIndexOfKey(object, key);
      if (index < 0) {
        // A spread may set the property: adding it would override the spread's value, unseen.
        if (hasSpread) throw new CannotWrite(`'${path.join('.')}' may come from a spread`);
        const value = patchAsValue(member.patch);
        if (value !== undefined) missing.push([member.name, value]);
        continue;
      }
      if (object.items.slice(index + 1).some((i) => i.kind === 'spread')) {
        throw new CannotWrite(`a spread after '${path.join('.')}' may override it`);
      }
      const property = object.items[index] as ObjectProperty;
      switch (member.patch.op) {
        case 'set':
          this.setValue(property.value, member.patch.value, resource, path.join('.'));
          break;
        case 'remove': {
          const container = containerOf(object);
          removals.push(...removeItem(this.text, container, container.items.indexOf(property), 'inline'));
          removed.add(property);
          break;
        }
        case 'append':
          this.appendTo(property.value, member.patch.values);
          break;
        case 'merge':
          if (property.value.kind === 'array') this.patchArray(property.value, member.patch, resource, path);
          else if (property.value.kind === 'object') this.patchObject(property.value, member.patch, resource, path);
          else throw new CannotWrite(`'${path.join('.')}' is not written as an object`);
          break;
      }
    }
    // Members go after the last property that stays (before nested child resources).
    const whole = containerOf(object);
    const container = { ...whole, items: whole.items.filter((i) => !removed.has(i as ObjectProperty)) };
    this.list.add(removals);
    if (missing.length === 0) return;
    const renders = missing.map(
      ([name, value]) =>
        (mode: 'multiline' | 'inline') =>
          `${bicepKey(name)}: ${this.render(value, mode)}`,
    );
    const edits = insertItem(this.text, this.style, container, renders, 'inline');
    if (!edits) throw new CannotWrite('cannot insert into this object');
    this.list.add(edits);
  }

  /** Edits items of an array by index (`properties.contentFilters.3.blocking`); the items must be written out. */
  private patchArray(array: ArrayExpr, patch: Extract<Patch, { op: 'merge' }>, resource: Resource, at: string[]) {
    if (!array.closed || array.items.some((i) => i.kind === 'spread' || i.kind === 'for')) {
      throw new CannotWrite(`'${at.join('.')}' is not a plain list`);
    }
    const removed: number[] = [];
    for (const [key, member] of patch.children) {
      const index = /^\d+$/.test(key) ? Number(key) : -1;
      const item = array.items[index] as Expr | undefined;
      if (!item) throw new CannotWrite(`no item ${key} in '${at.join('.')}'`);
      const path = [...at, key];
      switch (member.patch.op) {
        case 'set':
          this.setValue(item, member.patch.value, resource, path.join('.'));
          break;
        case 'remove':
          removed.push(index);
          break;
        case 'append':
          this.appendTo(item, member.patch.values);
          break;
        case 'merge':
          if (item.kind === 'object') this.patchObject(item, member.patch, resource, path);
          else if (item.kind === 'array') this.patchArray(item, member.patch, resource, path);
          else throw new CannotWrite(`'${path.join('.')}' is not written as an object`);
          break;
      }
    }
    if (removed.length > 1) throw new CannotWrite('several items removed at once');
    for (const index of removed) this.list.add(removeItem(this.text, containerOf(array), index, 'inline'));
  }

  private appendTo(node: Expr, values: readonly EditValue[]) {
    if (node.kind !== 'array' || !node.closed) throw new CannotWrite('not written as an array');
    const container = containerOf(node);
    const renders = values.map((value) => (mode: 'multiline' | 'inline') => this.render(value, mode));
    const edits = insertItem(this.text, this.style, container, renders, 'inline');
    if (!edits) throw new CannotWrite('cannot append to this array');
    this.list.add(edits);
  }

  /**
   * Sets the value written at `node` (the use). Literals are replaced in place; a parameter used only here
   * gets a new default; a variable used only here has its value set the same way; anything else is replaced
   * at the use when its value is known and not supplied by another file, and the fix title says so.
   */
  private setValue(node: Expr, value: EditValue, resource: Resource, path: string, hops = 0): void {
    if (hops > MAX_HOPS) throw new CannotWrite('too many hops through variables');
    if (isLiteral(node)) {
      this.replaceNode(node, value);
      return;
    }
    const modelValue = resource.get(path);
    if (node.kind === 'variable') {
      const param = this.params.get(node.name);
      if (param) {
        this.setParameterUse(node, param, value, modelValue);
        return;
      }
      const variable = this.vars.get(node.name);
      if (variable) {
        if (this.uses(node.name) === 1 && !foreignOrigin(modelValue, this.document.uri)) {
          this.session.note(`in variable '${node.name}'`);
          this.setValue(variable.value, value, resource, path, hops + 1);
        } else {
          this.replaceNode(node, value);
          this.session.note(`replaces the use of variable '${node.name}', which has ${this.uses(node.name)} uses`);
        }
        return;
      }
      throw new CannotWrite(`'${node.name}' is not a parameter or variable`);
    }
    // An expression: replace it only when it stands for one known value (no loop item, no unknown branch)
    // and holds no condition (replacing a ternary would drop a branch the author wrote).
    if (!modelValue || !isKnown(modelValue) || foreignOrigin(modelValue, this.document.uri) || hasTernary(node)) {
      throw new CannotWrite(`'${path}' is an expression whose value is not one known value`);
    }
    this.replaceNode(node, value);
  }

  private setParameterUse(node: Expr & { name: string }, param: ParamDecl, value: EditValue, modelValue?: Value) {
    const name = node.name;
    const supplied = foreignOrigin(modelValue, this.document.uri);
    if (supplied) {
      this.replaceNode(node, value);
      this.session.note(`replaces the use of parameter '${name}', which ${baseName(supplied.uri)} sets`);
      return;
    }
    if (param.value && this.uses(name) === 1 && allowedByDecorator(param, value)) {
      this.replaceNode(param.value, value);
      this.session.note(`in the default of parameter '${name}'`);
      return;
    }
    this.replaceNode(node, value);
    const why = param.value ? `has ${this.uses(name)} uses` : 'has no default';
    this.session.note(`replaces the use of parameter '${name}', which ${why}`);
  }

  private replaceNode(node: Expr, value: EditValue) {
    const indent = indentationAt(this.text, node.start);
    const rendered = indentLines(this.render(value, 'multiline'), indent, this.style.eol);
    this.list.replace(node.start, node.end, rendered);
  }

  /** How often an identifier is used as a value (parameter and variable references). */
  private uses(name: string): number {
    if (!this.useCounts) {
      const counts = new Map<string, number>();
      walk(this.tree, (node) => {
        if (node.kind === 'variable') {
          const n = (node as unknown as { name: string }).name;
          counts.set(n, (counts.get(n) ?? 0) + 1);
        }
      });
      this.useCounts = counts;
    }
    return this.useCounts.get(name) ?? 0;
  }

  // -------------------------------------------------------------------------------------------------------
  // Rendering

  render(value: EditValue, mode: 'multiline' | 'inline'): string {
    if (value === null) return 'null';
    if (typeof value === 'boolean' || typeof value === 'number') return String(value);
    if (typeof value === 'string') return bicepString(value);
    const unit = this.style.indent;
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      const items = value.map((item: EditValue) => this.render(item, mode));
      if (mode === 'inline') return `[${items.join(', ')}]`;
      return `[\n${items.map((i) => unit + i.replace(/\n/g, `\n${unit}`)).join('\n')}\n]`;
    }
    if (isExpression(value)) return this.renderExpression(value, mode);
    const entries = Object.entries(value as Record<string, EditValue>).map(([k, v]): [string, EditValue] => [
      bicepKey(k),
      v,
    ]);
    return this.renderObject(entries, mode);
  }

  private renderObject(entries: readonly [string, EditValue][], mode: 'multiline' | 'inline'): string {
    if (entries.length === 0) return '{}';
    const members = entries.map(([k, v]) => `${k}: ${this.render(v, mode)}`);
    if (mode === 'inline') return `{ ${members.join(', ')} }`;
    const unit = this.style.indent;
    return `{\n${members.map((m) => unit + m.replace(/\n/g, `\n${unit}`)).join('\n')}\n}`;
  }

  private renderExpression(value: Extract<EditValue, { $expr: string }>, mode: 'multiline' | 'inline'): string {
    switch (value.$expr) {
      case 'parameter':
        return value.name;
      case 'reference': {
        const symbol = this.symbolOf(value.resource);
        return value.attribute === '' ? symbol : `${symbol}.${value.attribute}`;
      }
      case 'copy':
        return this.copyText(value.resource, value.path);
      case 'concat': {
        let body = '';
        for (const part of value.parts) {
          if (typeof part === 'string') body += escapeBicep(part);
          else if (isExpression(part) && part.$expr === 'copy') {
            const node = this.nodeAt(part.resource, part.path);
            if (node.kind === 'string' && !node.multiline) body += this.text.slice(node.start + 1, node.end - 1);
            else body += '${' + this.text.slice(node.start, node.end) + '}';
          } else body += '${' + this.render(part, 'inline') + '}';
        }
        return `'${body}'`;
      }
      case 'entries': {
        const entries = value.entries.map(({ key, value: v }): [string, EditValue] => {
          if (typeof key === 'string') return [bicepKey(key), v];
          return [`'\${${this.render(key, 'inline')}}'`, v];
        });
        return this.renderObject(entries, mode);
      }
    }
  }

  private symbolOf(target: Resource | { readonly $new: string }): string {
    if (isNewHandle(target)) {
      const created = this.session.handle(target.$new);
      if (created.uri !== this.document.uri) throw new CannotWrite('a new resource in another file');
      return created.symbol;
    }
    if (target.uri !== this.document.uri) throw new CannotWrite(`'${target.key}' is declared in another file`);
    if (target.inLoop) throw new CannotWrite(`'${target.key}' is declared in a loop`);
    return target.key;
  }

  private nodeAt(resource: Resource, path: string): Expr {
    if (resource.uri !== this.document.uri || resource.inLoop) throw new CannotWrite('cannot copy from there');
    let node: Expr | undefined = bodyObject(this.declarationOf(resource).body);
    for (const segment of path.split('.')) {
      if (node?.kind !== 'object') throw new CannotWrite(`cannot copy '${path}'`);
      const index = lastIndexOfKey(node, segment.toLowerCase());
      node = index < 0 ? undefined : (node.items[index] as ObjectProperty).value;
    }
    if (!node) throw new CannotWrite(`'${path}' is not set on '${resource.key}'`);
    return node;
  }

  private copyText(resource: Resource, path: string): string {
    const node = this.nodeAt(resource, path);
    return this.text.slice(node.start, node.end);
  }
}

// ---------------------------------------------------------------------------------------------------------

function bodyObject(body: Expr): ObjectExpr | undefined {
  let node = body;
  if (node.kind === 'for') node = node.body;
  if (node.kind === 'if') node = node.body;
  return node.kind === 'object' ? node : undefined;
}

function keyName(property: ObjectProperty): string | undefined {
  if (property.key.kind === 'identifier') return property.key.name;
  return property.key.expressions.length === 0 ? property.key.segments[0] : undefined;
}

function lastIndexOfKey(object: ObjectExpr, lowerKey: string): number {
  for (let i = object.items.length - 1; i >= 0; i--) {
    const item = object.items[i];
    if (item.kind === 'property' && keyName(item)?.toLowerCase() === lowerKey) return i;
  }
  return -1;
}

function containerOf(node: ObjectExpr | ArrayExpr): Container {
  const items =
    node.kind === 'object'
      ? node.items.filter((i) => i.kind === 'property' || i.kind === 'spread')
      : node.items.filter((i) => i.kind !== 'error');
  return { open: node.start, close: node.end - 1, items };
}

function isLiteral(node: Expr): boolean {
  if (node.kind === 'string') return node.expressions.length === 0;
  if (node.kind === 'unary') return node.operator === '-' && node.operand.kind === 'integer';
  return node.kind === 'integer' || node.kind === 'boolean' || node.kind === 'null';
}

/** When the parameter has `@allowed([...])` of literals, whether `value` is among them. */
function allowedByDecorator(param: ParamDecl, value: EditValue): boolean {
  for (const decorator of param.decorators) {
    const call = decorator.expression;
    if (call.kind !== 'call' || call.name.name !== 'allowed') continue;
    const list = call.args[0];
    if (list?.kind !== 'array') return false;
    return list.items.some((item) => {
      if (item.kind === 'boolean' || item.kind === 'integer') return item.value === value;
      if (item.kind === 'string' && item.expressions.length === 0) return item.segments[0] === value;
      return false;
    });
  }
  return true;
}

function hasTernary(node: Expr): boolean {
  let found = false;
  walk(node, (n) => {
    if (n.kind === 'ternary' || n.kind === 'if') found = true;
  });
  return found;
}

function walk(node: unknown, visit: (node: { kind: string }) => void, depth = 0): void {
  if (depth > 1000 || typeof node !== 'object' || node === null) return;
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  if (typeof record.kind === 'string') visit(record as { kind: string });
  for (const [key, child] of Object.entries(record)) {
    if (key === 'tokens' || key === 'comments' || key === 'directives' || key === 'errors' || key === 'text') continue;
    if (typeof child === 'object' && child !== null) walk(child, visit, depth + 1);
  }
}

export function escapeBicep(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, '\\${');
}

export function bicepString(text: string): string {
  return `'${escapeBicep(text)}'`;
}

export function bicepKey(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : bicepString(name);
}

export type { StringExpr };
