// Writes model edits into ARM JSON templates (JSONC): the file's indentation and line endings, valid commas,
// expressions as `[…]` strings. References use `resourceId(…)` in classic templates and the symbolic names of
// languageVersion 2.0 templates (`resourceInfo('sym').id`, `dependsOn: ['sym']`). Resources are located in a
// fresh jsonc-parser tree by the span the ARM front end gave them.
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { ParsedDocument } from '../model/document';
import type { Resource } from '../model/resource';
import type { EditValue, ModelEdit } from '../model/rule';
import { isKnown, type Value } from '../model/value';
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
import {
  blankBetween,
  detectStyle,
  indentationAt,
  indentLines,
  lineEndAt,
  lineStartAt,
  type FileStyle,
  type TextEdit,
} from './text';

const MAX_HOPS = 8;

type Mode = 'multiline' | 'inline';

export class ArmWriter implements DocumentWriter {
  private readonly root: Node;
  private readonly style: FileStyle;
  private list = new EditList();
  private readonly symbolic: boolean;
  private readonly addedParameters = new Set<string>();
  /** Parameters for a template without a `parameters` object: written together when edits are collected. */
  private readonly pendingParameters: ((mode: Mode) => string)[] = [];

  constructor(
    private readonly document: ParsedDocument,
    private readonly session: FixSession,
  ) {
    const errors: ParseError[] = [];
    const root = parseTree(document.text, errors, { allowTrailingComma: true, disallowComments: false });
    if (!root || root.type !== 'object') throw new CannotWrite('not a JSON object');
    this.root = root;
    this.style = detectStyle(document.text);
    this.symbolic = member(root, 'languageVersion') !== undefined && member(root, 'resources')?.type === 'object';
  }

  private get text(): string {
    return this.document.text;
  }

  edits(): TextEdit[] {
    if (this.pendingParameters.length === 0) return this.list.all();
    const list = new EditList();
    list.add(this.list.all());
    const unit = this.style.indent;
    const members = this.pendingParameters.map((r) => unit + r('multiline').replace(/\n/g, `\n${unit}`)).join(',\n');
    const whole = `"parameters": {\n${members}\n}`;
    const anchor = propertyNode(this.root, 'contentVersion') ?? propertyNode(this.root, '$schema');
    const saved = this.list;
    this.list = list;
    try {
      if (anchor) this.insertAfter(anchor, this.root, whole);
      else this.insertInto(this.root, () => whole);
    } finally {
      this.list = saved;
    }
    return list.all();
  }

  // -------------------------------------------------------------------------------------------------------

  addParameter(edit: Extract<ModelEdit, { kind: 'addParameter' }>): void {
    if (this.inNestedTemplate(edit.near)) throw new CannotWrite('a resource of a nested template');
    const parameters = member(this.root, 'parameters');
    if (parameters && parameters.type !== 'object') throw new CannotWrite('parameters is not an object');
    if ((parameters && member(parameters, edit.name)) || this.addedParameters.has(edit.name.toLowerCase())) return;
    this.addedParameters.add(edit.name.toLowerCase());
    const declaration: Record<string, EditValue> = { type: edit.type };
    if (edit.defaultValue !== undefined) declaration.defaultValue = edit.defaultValue;
    declaration.metadata = { description: edit.description };
    const rendered = (mode: Mode) => `${JSON.stringify(edit.name)}: ${this.render(declaration, mode)}`;
    if (parameters) this.insertInto(parameters, rendered);
    else this.pendingParameters.push(rendered);
  }

  addResource(edit: Extract<ModelEdit, { kind: 'addResource' }>): void {
    if (this.inNestedTemplate(edit.near)) throw new CannotWrite('a resource of a nested template');
    const resources = member(this.root, 'resources');
    if (!resources || (resources.type !== 'array' && resources.type !== 'object')) {
      throw new CannotWrite('no resources to add to');
    }
    const taken = new Set<string>([
      ...(resources.type === 'object' ? (resources.children ?? []).map((p) => String(p.children?.[0]?.value)) : []),
      ...[...this.session.handles.values()].filter((h) => h.uri === this.document.uri).map((h) => h.symbol),
    ]);
    const symbol = uniqueName(edit.name, taken);
    this.session.handles.set(edit.handle.$new, {
      uri: this.document.uri,
      symbol,
      type: edit.type,
      apiVersion: edit.apiVersion,
      name: edit.body.name,
      near: edit.near,
    });
    const { parent, ...rest } = edit.body as Record<string, EditValue>;
    const dependsOn = new Set<string>();
    const resource: Record<string, EditValue> = { type: edit.type, apiVersion: edit.apiVersion };
    if (parent !== undefined) {
      // ARM has no `parent`: a child is named `<parent>/<child>` and depends on its parent.
      if (!isExpression(parent) || parent.$expr !== 'reference') throw new CannotWrite('parent must be a reference');
      if (rest.name === undefined) throw new CannotWrite('a child resource needs a name');
      const parentName = this.nameExpressionOf(parent.resource);
      const childName = this.expression(rest.name);
      const both = [parentName, childName].map((e) => /^'((?:[^']|'')*)'$/.exec(e)?.[1].replace(/''/g, "'"));
      const joined =
        both[0] !== undefined && both[1] !== undefined
          ? JSON.stringify(`${both[0]}/${both[1]}`.startsWith('[') ? `[${both[0]}/${both[1]}` : `${both[0]}/${both[1]}`)
          : JSON.stringify(`[format('{0}/{1}', ${parentName}, ${childName})]`);
      resource.name = { $raw: joined } as unknown as EditValue;
      dependsOn.add(this.dependencyOf(parent.resource));
    } else if (rest.name !== undefined) resource.name = rest.name;
    this.collectDependencies(rest, dependsOn);
    for (const [key, value] of Object.entries(rest)) if (key !== 'name') resource[key] = value;
    if (dependsOn.size > 0)
      resource.dependsOn = [...dependsOn].map((d) => ({ $raw: JSON.stringify(d) }) as unknown as EditValue);
    const rendered = this.render(resource, 'multiline');
    const top = this.topLevelItemOf(edit.near, resources);
    const text = this.symbolic ? `${JSON.stringify(symbol)}: ${rendered}` : rendered;
    if (top) this.insertAfter(top, resources, text);
    else this.insertInto(resources, () => text);
  }

  /** The item of the top-level `resources` that holds `resource` (itself or its parent). */
  private topLevelItemOf(resource: Resource, resources: Node): Node | undefined {
    return (resources.children ?? []).find(
      (item) => item.offset <= resource.span.start && resource.span.end <= item.offset + item.length,
    );
  }

  private dependencyOf(target: Resource | { readonly $new: string }): string {
    if (this.symbolic) return isNewHandle(target) ? this.session.handle(target.$new).symbol : this.symbolOf(target);
    return `[${this.resourceIdOf(target)}]`;
  }

  private collectDependencies(value: EditValue, into: Set<string>, depth = 0): void {
    if (depth > 50 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value as readonly EditValue[]) this.collectDependencies(item, into, depth + 1);
      return;
    }
    if (isExpression(value)) {
      if (value.$expr === 'reference') {
        const target = value.resource;
        if (isNewHandle(target) || target.uri === this.document.uri) into.add(this.dependencyOf(target));
      } else if (value.$expr === 'concat') {
        for (const part of value.parts) this.collectDependencies(part, into, depth + 1);
      } else if (value.$expr === 'entries') {
        for (const entry of value.entries) {
          this.collectDependencies(entry.key, into, depth + 1);
          this.collectDependencies(entry.value, into, depth + 1);
        }
      }
      return;
    }
    for (const item of Object.values(value)) this.collectDependencies(item as EditValue, into, depth + 1);
  }

  // -------------------------------------------------------------------------------------------------------

  patchResource(resource: Resource, patch: Extract<Patch, { op: 'merge' }>): void {
    const node = this.resourceNode(resource);
    // ARM orders deployments only by dependsOn (and reference()): a resource that now refers to another of
    // this template (a new identity, say) must depend on it.
    const dependencies = new Set<string>();
    const collect = (p: Patch) => {
      if (p.op === 'set') this.collectDependencies(p.value, dependencies);
      else if (p.op === 'append') for (const v of p.values) this.collectDependencies(v, dependencies);
      else if (p.op === 'merge') for (const m of p.children.values()) collect(m.patch);
    };
    collect(patch);
    const existing = member(node, 'dependsOn');
    const written = existing ? this.text.slice(existing.offset, existing.offset + existing.length) : '';
    let missing = [...dependencies].filter((d) => !written.includes(JSON.stringify(d).slice(1, -1)));
    if (missing.length > 0) {
      if (this.inNestedTemplate(resource)) throw new CannotWrite('a reference from a nested template');
      let self: string | undefined;
      try {
        self = this.dependencyOf(resource);
      } catch (error) {
        // A nested child has no resourceId() of its own here; it cannot depend on itself anyway.
        if (!(error instanceof CannotWrite)) throw error;
      }
      missing = missing.filter((d) => d !== self);
    }
    if (missing.length > 0 && !patch.children.has('dependson')) {
      patch.children.set('dependson', {
        name: 'dependsOn',
        patch: { op: 'append', values: missing.map((d) => ({ $raw: JSON.stringify(d) }) as unknown as EditValue) },
      });
    }
    this.patchObject(node, patch, resource, []);
  }

  /** Declared in a nested deployment's inline template (the ARM front end's handle says so). */
  private inNestedTemplate(resource: Resource): boolean {
    const syntax = resource.syntax as { kind?: string; template?: Node } | undefined;
    return syntax?.kind === 'arm' && syntax.template !== undefined && syntax.template.offset !== this.root.offset;
  }

  private resourceNode(resource: Resource): Node {
    let best: Node | undefined;
    const visit = (node: Node, depth: number) => {
      if (depth > 200) return;
      if (node.offset > resource.span.start || node.offset + node.length < resource.span.end) return;
      if (node.type === 'object' && member(node, 'type') && member(node, 'apiVersion')) best = node;
      for (const child of node.children ?? []) visit(child, depth + 1);
    };
    visit(this.root, 0);
    if (!best) throw new CannotWrite(`resource '${resource.key}' not found in ${baseName(this.document.uri)}`);
    return best;
  }

  private patchObject(object: Node, patch: Extract<Patch, { op: 'merge' }>, resource: Resource, at: string[]) {
    const missing: [string, EditValue][] = [];
    const removed = new Set<Node>();
    for (const [key, child] of patch.children) {
      const path = [...at, child.name];
      // Arrays are edited by index (`properties.contentFilters.3.blocking`): the item must exist.
      const property =
        object.type === 'array' ? object.children?.[/^\d+$/.test(key) ? Number(key) : -1] : propertyNode(object, key);
      const value = object.type === 'array' ? property : property?.children?.[1];
      if (object.type === 'array' && !property) throw new CannotWrite(`no item ${key} in '${at.join('.')}'`);
      if (!property || !value) {
        const written = patchAsValue(child.patch);
        if (written !== undefined) missing.push([child.name, written]);
        continue;
      }
      switch (child.patch.op) {
        case 'set':
          this.setValue(value, child.patch.value, resource, path.join('.'));
          break;
        case 'remove': {
          const items = object.children ?? [];
          this.list.add(removeItem(this.text, containerOf(object), items.indexOf(property), 'always'));
          removed.add(property);
          break;
        }
        case 'append':
          if (value.type !== 'array') throw new CannotWrite(`'${path.join('.')}' is not written as an array`);
          this.insertInto(
            value,
            child.patch.values.map((item) => (mode: Mode) => this.render(item, mode)),
          );
          break;
        case 'merge':
          if (value.type !== 'object' && value.type !== 'array') {
            throw new CannotWrite(`'${path.join('.')}' is not written as an object`);
          }
          this.patchObject(value, child.patch, resource, path);
          break;
      }
    }
    if (missing.length > 0) {
      if (removed.size > 0) throw new CannotWrite('inserting next to a removed member');
      this.insertInto(
        object,
        missing.map(
          ([name, value]) =>
            (mode: Mode) =>
              `${JSON.stringify(name)}: ${this.render(value, mode)}`,
        ),
      );
    }
  }

  private setValue(node: Node, value: EditValue, resource: Resource, path: string, hops = 0): void {
    if (hops > MAX_HOPS) throw new CannotWrite('too many hops through variables');
    const expression = node.type === 'string' ? armExpressionOf(String(node.value)) : undefined;
    if (expression === undefined) {
      this.replaceNode(node, value);
      return;
    }
    const modelValue = resource.get(path);
    const param = /^\s*parameters\(\s*'([^']+)'\s*\)\s*$/i.exec(expression);
    if ((param || /^\s*variables\(/i.test(expression)) && this.inNestedTemplate(resource)) {
      // A nested deployment's template: its parameters come from the deployment; replace the use.
      this.replaceNode(node, value);
      this.session.note(`replaces the use of ${param ? `parameter '${param[1]}'` : 'a variable'} in a nested template`);
      return;
    }
    if (param) {
      this.setParameterUse(node, param[1], value, modelValue);
      return;
    }
    const variable = /^\s*variables\(\s*'([^']+)'\s*\)\s*$/i.exec(expression);
    const declared = variable ? propertyNode(member(this.root, 'variables'), variable[1].toLowerCase()) : undefined;
    if (variable && declared?.children?.[1]) {
      if (this.uses('variables', variable[1]) === 1 && !foreignOrigin(modelValue, this.document.uri)) {
        this.session.note(`in variable '${variable[1]}'`);
        this.setValue(declared.children[1], value, resource, path, hops + 1);
      } else {
        this.replaceNode(node, value);
        this.session.note(
          `replaces the use of variable '${variable[1]}', which has ${this.uses('variables', variable[1])} uses`,
        );
      }
      return;
    }
    // No `if(…)`: replacing a condition would drop a branch the author wrote.
    if (
      !modelValue ||
      !isKnown(modelValue) ||
      foreignOrigin(modelValue, this.document.uri) ||
      /\bif\s*\(/i.test(expression)
    ) {
      throw new CannotWrite(`'${path}' is an expression whose value is not one known value`);
    }
    this.replaceNode(node, value);
  }

  private setParameterUse(node: Node, name: string, value: EditValue, modelValue?: Value) {
    const supplied = foreignOrigin(modelValue, this.document.uri);
    if (supplied) {
      this.replaceNode(node, value);
      this.session.note(`replaces the use of parameter '${name}', which ${baseName(supplied.uri)} sets`);
      return;
    }
    const declaration = propertyNode(member(this.root, 'parameters'), name.toLowerCase())?.children?.[1];
    const defaultValue = declaration ? member(declaration, 'defaultValue') : undefined;
    const uses = this.uses('parameters', name);
    if (defaultValue && declaration && uses === 1 && allowedValuesAccept(declaration, value)) {
      this.replaceNode(defaultValue, value);
      this.session.note(`in the default of parameter '${name}'`);
      return;
    }
    this.replaceNode(node, value);
    const why = defaultValue ? `has ${uses} uses` : 'has no default';
    this.session.note(`replaces the use of parameter '${name}', which ${why}`);
  }

  /** Occurrences of `parameters('name')` / `variables('name')` in the whole template. */
  private uses(kind: 'parameters' | 'variables', name: string): number {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return (this.text.match(new RegExp(`${kind}\\(\\s*'${escaped}'\\s*\\)`, 'gi')) ?? []).length;
  }

  private replaceNode(node: Node, value: EditValue) {
    const indent = indentationAt(this.text, node.offset);
    const rendered = indentLines(this.render(value, 'multiline'), indent, this.style.eol);
    this.list.replace(node.offset, node.offset + node.length, rendered);
  }

  private insertInto(container: Node, render: ((mode: Mode) => string) | readonly ((mode: Mode) => string)[]) {
    const edits = insertItem(this.text, this.style, containerOf(container), render, 'always');
    if (!edits) throw new CannotWrite('cannot insert here');
    this.list.add(edits);
  }

  /** Inserts `rendered` as a new item right after `item` of `container`, keeping trailing comments in place. */
  private insertAfter(item: Node, container: Node, rendered: string) {
    const end = item.offset + item.length;
    const startsLine = blankBetween(this.text, lineStartAt(this.text, item.offset), item.offset);
    const indent = startsLine
      ? indentationAt(this.text, item.offset)
      : indentationAt(this.text, container.offset) + this.style.indent;
    const body = indent + indentLines(rendered, indent, this.style.eol);
    const rest = this.text.slice(end, lineEndAt(this.text, end));
    const isLast = container.children?.[container.children.length - 1] === item;
    if (/^\s*,\s*(\/\/.*)?$/.test(rest)) {
      this.list.insert(lineEndAt(this.text, end), this.style.eol + body + ',');
    } else if (isLast && /^\s*(\/\/.*)?$/.test(rest)) {
      this.list.insert(end, ',');
      this.list.insert(lineEndAt(this.text, end), this.style.eol + body);
    } else {
      this.list.insert(end, ',' + this.style.eol + body + (isLast ? '' : ''));
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Rendering: JSON values, and ARM template expressions inside `[…]` strings.

  render(value: EditValue, mode: Mode): string {
    if (value === null || typeof value === 'boolean' || typeof value === 'number') return JSON.stringify(value);
    if (typeof value === 'string') return JSON.stringify(value.startsWith('[') ? `[${value}` : value);
    if (typeof value === 'object' && '$raw' in value) return String((value as { $raw: string }).$raw);
    const unit = this.style.indent;
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      const items = (value as readonly EditValue[]).map((item) => this.render(item, mode));
      if (mode === 'inline') return `[${items.join(', ')}]`;
      return `[\n${items.map((i) => unit + i.replace(/\n/g, `\n${unit}`)).join(',\n')}\n]`;
    }
    if (isExpression(value)) {
      if (value.$expr === 'copy') return this.copyNode(value.resource, value.path, true);
      if (value.$expr === 'entries') {
        return this.renderObject(
          value.entries.map(({ key, value: v }) => [typeof key === 'string' ? key : `[${this.expression(key)}]`, v]),
          mode,
        );
      }
      const expression = this.expression(value);
      const literal = /^'((?:[^']|'')*)'$/.exec(expression);
      if (literal) return this.render(literal[1].replace(/''/g, "'"), mode);
      return JSON.stringify(`[${expression}]`);
    }
    return this.renderObject(Object.entries(value as Record<string, EditValue>), mode);
  }

  private renderObject(entries: readonly (readonly [string, EditValue])[], mode: Mode): string {
    if (entries.length === 0) return '{}';
    const members = entries.map(([k, v]) => `${JSON.stringify(k)}: ${this.render(v, mode)}`);
    if (mode === 'inline') return `{ ${members.join(', ')} }`;
    const unit = this.style.indent;
    return `{\n${members.map((m) => unit + m.replace(/\n/g, `\n${unit}`)).join(',\n')}\n}`;
  }

  /** The value as an ARM expression (the text inside `[…]`). */
  private expression(value: EditValue): string {
    if (value === null) return 'null()';
    if (typeof value === 'boolean' || typeof value === 'number') return String(value);
    if (typeof value === 'string') return armString(value);
    if (!isExpression(value)) {
      // Objects and arrays inside expressions: json('…') keeps them exact.
      return `json(${armString(JSON.stringify(value))})`;
    }
    switch (value.$expr) {
      case 'parameter':
        return `parameters(${armString(value.name)})`;
      case 'reference':
        return this.referenceExpression(value);
      case 'copy':
        return this.copyNode(value.resource, value.path, false);
      case 'concat': {
        let format = '';
        const args: string[] = [];
        for (const part of value.parts) {
          const expression = typeof part === 'string' ? armString(part) : this.expression(part);
          const literal = /^'((?:[^']|'')*)'$/.exec(expression);
          if (literal) format += literal[1].replace(/''/g, "'").replace(/\{/g, '{{').replace(/\}/g, '}}');
          else {
            format += `{${args.length}}`;
            args.push(expression);
          }
        }
        if (args.length === 0) return armString(format.replace(/\{\{/g, '{').replace(/\}\}/g, '}'));
        return `format(${[armString(format), ...args].join(', ')})`;
      }
      case 'entries':
        throw new CannotWrite('an object with computed keys inside an expression');
    }
  }

  private referenceExpression(value: Extract<EditValue, { $expr: 'reference' }>): string {
    const target = value.resource;
    const attribute = value.attribute;
    if (attribute === 'id') return this.resourceIdOf(target);
    if (attribute === 'name') return this.nameExpressionOf(target);
    if (attribute === '') throw new CannotWrite('a whole resource as a value');
    const [type, apiVersion] = isNewHandle(target)
      ? [this.session.handle(target.$new).type, this.session.handle(target.$new).apiVersion]
      : [target.type, target.apiVersion];
    void type;
    const reference = this.symbolic
      ? `reference(${armString(this.dependencyOf(target))}${attribute.startsWith('properties.') ? '' : ", 'full'"})`
      : `reference(${this.resourceIdOf(target)}, ${armString(apiVersion ?? '')}${
          attribute.startsWith('properties.') ? '' : ", 'full'"
        })`;
    const rest = attribute.startsWith('properties.') ? attribute.slice('properties.'.length) : attribute;
    return `${reference}.${rest}`;
  }

  private symbolOf(resource: Resource): string {
    if (resource.uri !== this.document.uri) throw new CannotWrite(`'${resource.key}' is declared in another file`);
    const resources = member(this.root, 'resources');
    const node = this.resourceNode(resource);
    const property = resources?.children?.find((p) => p.children?.[1] === node);
    if (!property) throw new CannotWrite(`'${resource.key}' has no symbolic name`);
    return String(property.children?.[0]?.value);
  }

  private resourceIdOf(target: Resource | { readonly $new: string }): string {
    const type = isNewHandle(target) ? this.session.handle(target.$new).type : target.type;
    const name = this.nameExpressionOf(target);
    const levels = type.split('/').length - 1;
    if (levels === 1) return `resourceId(${armString(type)}, ${name})`;
    const literal = /^'((?:[^']|'')*)'$/.exec(name);
    const segments = literal
      ? literal[1].split('/').map((s) => `'${s}'`)
      : Array.from({ length: levels }, (_, i) => `split(${name}, '/')[${i}]`);
    if (segments.length !== levels) throw new CannotWrite(`cannot tell the name segments of '${name}'`);
    return `resourceId(${[armString(type), ...segments].join(', ')})`;
  }

  private nameExpressionOf(target: Resource | { readonly $new: string }): string {
    if (isNewHandle(target)) {
      const created = this.session.handle(target.$new);
      if (created.name === undefined) throw new CannotWrite('the new resource has no name');
      return this.expression(created.name);
    }
    if (target.uri !== this.document.uri) throw new CannotWrite(`'${target.key}' is declared in another file`);
    const node = this.resourceNode(target);
    if (node.parent?.parent && node.parent.parent !== this.root && node.parent.type === 'array') {
      const grand = node.parent.parent;
      if (grand.parent?.parent?.type === 'object' && grand.parent.parent !== this.root) {
        throw new CannotWrite('a nested child resource');
      }
    }
    const name = member(node, 'name');
    if (!name || name.type !== 'string') throw new CannotWrite(`'${target.key}' has no name`);
    return armExpressionOf(String(name.value)) ?? armString(unescapeArm(String(name.value)));
  }

  /** The JSON of a property of a resource in this template, as JSON (`asJson`) or as an expression. */
  private copyNode(resource: Resource, path: string, asJson: boolean): string {
    if (resource.uri !== this.document.uri || resource.inLoop) throw new CannotWrite('cannot copy from there');
    let node: Node | undefined = this.resourceNode(resource);
    for (const segment of path.split('.')) node = node ? member(node, segment) : undefined;
    if (!node) throw new CannotWrite(`'${path}' is not set on '${resource.key}'`);
    const text = this.text.slice(node.offset, node.offset + node.length);
    if (asJson) return text;
    if (node.type === 'string') {
      return armExpressionOf(String(node.value)) ?? armString(unescapeArm(String(node.value)));
    }
    if (node.type === 'number' || node.type === 'boolean') return text;
    throw new CannotWrite(`'${path}' cannot be used inside an expression`);
  }
}

// ---------------------------------------------------------------------------------------------------------

/** The property node (case-insensitive key, last wins) of an object node. */
function propertyNode(object: Node | undefined, key: string): Node | undefined {
  if (!object || object.type !== 'object') return undefined;
  const lower = key.toLowerCase();
  const children = object.children ?? [];
  for (let i = children.length - 1; i >= 0; i--) {
    if (String(children[i].children?.[0]?.value).toLowerCase() === lower) return children[i];
  }
  return undefined;
}

function member(object: Node | undefined, key: string): Node | undefined {
  return propertyNode(object, key)?.children?.[1];
}

function containerOf(node: Node): Container {
  return {
    open: node.offset,
    close: node.offset + node.length - 1,
    items: (node.children ?? []).map((child) => ({ start: child.offset, end: child.offset + child.length })),
  };
}

/** The expression inside an ARM `[…]` string; undefined for literals (including `[[` escapes). */
export function armExpressionOf(text: string): string | undefined {
  if (text.startsWith('[[') || !text.startsWith('[') || !text.endsWith(']')) return undefined;
  return text.slice(1, -1);
}

function unescapeArm(text: string): string {
  return text.startsWith('[[') ? text.slice(1) : text;
}

export function armString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function allowedValuesAccept(declaration: Node, value: EditValue): boolean {
  const allowed = member(declaration, 'allowedValues');
  if (!allowed) return true;
  if (allowed.type !== 'array') return false;
  return (allowed.children ?? []).some((item) => item.value === value);
}
