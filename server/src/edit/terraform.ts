// Writes model edits as Terraform (HCL), formatted as `terraform fmt` would: two-space indentation (or the
// file's own), `=` aligned within a run of single-line attributes, attributes before nested blocks.
//
// azurerm resources: each ARM path goes through the mapping's reverse direction (server/src/model/azurerm:
// `properties.disableLocalAuth = true` → `local_auth_enabled = false`), creating missing blocks. azapi
// resources: ARM paths are edited inside `body` (an HCL object, or `jsonencode({…})`), `identity` becomes the
// `identity` block, `name`/`location`/`tags` top-level attributes. A heredoc or string body, a path the
// mapping does not know, or a value behind a conditional: the writer refuses (CannotWrite).
import type { ParsedDocument } from '../model/document';
import type { Resource } from '../model/resource';
import type { EditValue, ModelEdit } from '../model/rule';
import type { Span } from '../model/span';
import { isKnown, type Origin, type Value } from '../model/value';
import { reverseLookup } from '../model/azurerm/reverse';
import type { ResourceMapping } from '../model/azurerm/types';
import { parseTerraformFile } from '../parse/terraform/index';
import type { HclAttribute, HclBlock, HclBody, HclExpr, HclFile, HclObjectItem } from '../parse/terraform/syntax';
import { removeItem } from './container';
import { isExpression, isNewHandle, patchAsValue, type Patch } from './patch';
import {
  baseName,
  CannotWrite,
  EditList,
  snakeCase,
  uniqueName,
  type DocumentWriter,
  type FixSession,
  type NewResource,
} from './session';
import {
  blankBetween,
  detectStyle,
  indentationAt,
  indentLines,
  lineEndAt,
  lineStartAt,
  nextLineStart,
  sameLine,
  type FileStyle,
  type TextEdit,
} from './text';

interface TerraformSyntax {
  readonly kind: 'terraform';
  readonly uri: string;
  readonly blockKind: 'resource' | 'data';
  readonly block: HclBlock;
  readonly sourceType: string;
  readonly mapping?: ResourceMapping;
  readonly azapiBody?: { readonly attribute: HclAttribute; readonly jsonencode: boolean };
  readonly patches: readonly { readonly uri: string; readonly block: HclBlock }[];
}

/** Other files of the workspace, for counting uses of a variable across its module. */
export type WorkspaceUris = () => readonly string[];

export function createTerraformWriter(
  document: ParsedDocument,
  session: FixSession,
  documents: (uri: string) => ParsedDocument | undefined,
  uris?: WorkspaceUris,
): DocumentWriter {
  return new TerraformWriter(document, session, documents, uris);
}

/** An attribute (or nested block) to write into one HCL block or object, built from the patch. */
interface HclPatch {
  readonly attributes: Map<
    string,
    { aliases: readonly string[]; value: EditValue; remove?: boolean; armPath?: string }
  >;
  readonly blocks: Map<string, HclPatch>;
}

const newHclPatch = (): HclPatch => ({ attributes: new Map(), blocks: new Map() });

interface PendingEndpoint {
  readonly handle: string;
  readonly near: Resource;
  readonly symbol: string;
  readonly body: Record<string, EditValue>;
  zoneIds?: EditValue[];
  readonly at: number;
}

class TerraformWriter implements DocumentWriter {
  private readonly file: HclFile;
  private readonly style: FileStyle;
  private readonly list = new EditList();
  private readonly others = new Map<string, EditList>();
  private readonly endpoints: PendingEndpoint[] = [];
  private readonly addedVariables = new Set<string>();

  constructor(
    private readonly document: ParsedDocument,
    private readonly session: FixSession,
    private readonly documents: (uri: string) => ParsedDocument | undefined,
    private readonly uris?: WorkspaceUris,
  ) {
    this.file = parseTerraformFile(document.text);
    this.style = detectStyle(document.text, '  ');
  }

  private get text(): string {
    return this.document.text;
  }

  edits(): TextEdit[] {
    for (const endpoint of this.endpoints.splice(0)) this.writeEndpoint(endpoint);
    return this.list.all();
  }

  /** Edits for other files (a variable default in variables.tf). */
  otherEdits(): Map<string, TextEdit[]> {
    return new Map([...this.others].map(([uri, list]) => [uri, list.all()]));
  }

  // -------------------------------------------------------------------------------------------------------
  // Variables and resources

  addParameter(edit: Extract<ModelEdit, { kind: 'addParameter' }>): void {
    const name = snakeCase(edit.name);
    if (this.addedVariables.has(name) || this.variableExists(name)) return;
    this.addedVariables.add(name);
    const type = { string: 'string', bool: 'bool', int: 'number', object: 'any', array: 'list(any)' }[edit.type];
    const attributes: [string, string][] = [
      ['type', type],
      ['description', hclString(edit.description)],
    ];
    if (edit.defaultValue !== undefined) attributes.push(['default', this.render(edit.defaultValue, 'multiline')]);
    const body = alignAttributes(attributes, this.style.indent);
    const declaration = `variable "${name}" {\n${body}\n}`;
    const variables = this.file.body.blocks.filter((b) => b.type === 'variable');
    const eol = this.style.eol;
    const last = variables[variables.length - 1];
    const at = last ? lineEndAt(this.text, last.span.end) : this.text.length;
    const prefix = last ? eol + eol : this.text.length === 0 ? '' : this.text.endsWith('\n') ? eol : eol + eol;
    this.list.insert(at, prefix + indentLines(declaration, '', eol) + (last ? '' : eol));
  }

  private variableExists(name: string): boolean {
    const uris = this.moduleUris();
    for (const uri of uris) {
      const document = this.documents(uri);
      if (document?.parameters?.some((p) => p.name === name)) return true;
    }
    return this.file.body.blocks.some((b) => b.type === 'variable' && b.labels[0]?.value === name);
  }

  private moduleUris(): string[] {
    const dir = directoryOf(this.document.uri);
    const all = this.uris?.() ?? [this.document.uri];
    return all.filter((uri) => directoryOf(uri) === dir && /\.tf$/.test(uri));
  }

  addResource(edit: Extract<ModelEdit, { kind: 'addResource' }>): void {
    const near = this.syntaxOf(edit.near);
    const azapi = near.sourceType.startsWith('azapi_');
    const type = edit.type.toLowerCase();
    const parent = edit.body.parent;
    // A DNS zone group child of an endpoint this fix adds: azurerm writes it inside the endpoint's block.
    if (!azapi && type === 'microsoft.network/privateendpoints/privatednszonegroups') {
      if (!parent || !isExpression(parent) || parent.$expr !== 'reference' || !isNewHandle(parent.resource)) {
        throw new CannotWrite('a DNS zone group needs its endpoint');
      }
      const handleName = parent.resource.$new;
      const endpoint = this.endpoints.find((e) => e.handle === handleName);
      if (!endpoint) throw new CannotWrite('the endpoint of the DNS zone group is not new');
      endpoint.zoneIds = zoneIdsOf(edit.body);
      this.register(edit, 'azurerm_private_endpoint', endpoint.symbol, false);
      return;
    }
    const sourceType = azapi ? 'azapi_resource' : azurermTypeFor(type);
    if (!sourceType) throw new CannotWrite(`no azurerm resource for ${edit.type}`);
    const symbol = this.register(edit, sourceType, undefined, true);
    const at = lineEndAt(this.text, near.block.span.end);
    if (!azapi && type === 'microsoft.network/privateendpoints') {
      this.endpoints.push({ handle: edit.handle.$new, near: edit.near, symbol, body: edit.body, at });
      return;
    }
    const attributes: [string, string][] = [];
    if (azapi) {
      attributes.push(['type', hclString(`${edit.type}@${edit.apiVersion}`)]);
      const { parent: parentRef, name, location, ...rest } = edit.body as Record<string, EditValue>;
      if (name !== undefined) attributes.push(['name', this.render(name, 'multiline')]);
      if (parentRef !== undefined) {
        if (!isExpression(parentRef) || parentRef.$expr !== 'reference')
          throw new CannotWrite('parent must be a reference');
        attributes.push(['parent_id', this.render({ ...parentRef, attribute: 'id' }, 'multiline')]);
      } else attributes.push(['parent_id', this.copyAttribute(edit.near, 'parent_id')]);
      if (location !== undefined) attributes.push(['location', this.render(location, 'multiline')]);
      if (Object.keys(rest).length > 0) attributes.push(['body', this.render(rest, 'multiline')]);
    } else if (type === 'microsoft.managedidentity/userassignedidentities') {
      const { name, location } = edit.body as Record<string, EditValue>;
      if (name === undefined || location === undefined) throw new CannotWrite('an identity needs a name and location');
      attributes.push(['name', this.render(name, 'multiline')]);
      attributes.push(['location', this.render(location, 'multiline')]);
      attributes.push(['resource_group_name', this.copyAttribute(edit.near, 'resource_group_name')]);
    } else {
      throw new CannotWrite(`cannot write ${edit.type} in azurerm`);
    }
    const body = alignAttributes(attributes, this.style.indent);
    const declaration = `resource "${sourceType}" "${symbol}" {\n${body}\n}`;
    this.list.insert(at, this.style.eol + this.style.eol + indentLines(declaration, '', this.style.eol));
  }

  private register(
    edit: Extract<ModelEdit, { kind: 'addResource' }>,
    sourceType: string,
    symbol: string | undefined,
    fresh: boolean,
  ): string {
    let chosen = symbol;
    if (fresh) {
      const taken = new Set<string>(
        this.file.body.blocks
          .filter((b) => b.type === 'resource' && b.labels[0]?.value === sourceType)
          .map((b) => b.labels[1]?.value ?? ''),
      );
      for (const h of this.session.handles.values())
        if (h.symbol.startsWith(`${sourceType}.`)) taken.add(h.symbol.split('.')[1]);
      chosen = uniqueName(snakeCase(edit.name), taken);
    }
    const handle: NewResource = {
      uri: this.document.uri,
      symbol: `${sourceType}.${chosen}`,
      type: edit.type,
      apiVersion: edit.apiVersion,
      name: edit.body.name,
      near: edit.near,
    };
    this.session.handles.set(edit.handle.$new, handle);
    return chosen!;
  }

  private writeEndpoint(endpoint: PendingEndpoint) {
    const body = endpoint.body as Record<string, EditValue>;
    const properties = (body.properties ?? {}) as Record<string, EditValue>;
    const subnet = (properties.subnet ?? {}) as Record<string, EditValue>;
    const connections = (properties.privateLinkServiceConnections ?? []) as readonly Record<string, EditValue>[];
    if (body.name === undefined || body.location === undefined || subnet.id === undefined || connections.length !== 1) {
      throw new CannotWrite('an endpoint needs a name, a location, a subnet and one connection');
    }
    const connection = connections[0];
    const connectionProperties = (connection.properties ?? {}) as Record<string, EditValue>;
    const attributes: [string, string][] = [
      ['name', this.render(body.name, 'multiline')],
      ['location', this.render(body.location, 'multiline')],
      ['resource_group_name', this.copyAttribute(endpoint.near, 'resource_group_name')],
      ['subnet_id', this.render(subnet.id, 'multiline')],
    ];
    const unit = this.style.indent;
    const blocks = [
      `private_service_connection {\n${alignAttributes(
        [
          ['name', this.render(connection.name ?? body.name, 'multiline')],
          ['private_connection_resource_id', this.render(connectionProperties.privateLinkServiceId, 'multiline')],
          ['subresource_names', this.render(connectionProperties.groupIds ?? [], 'inline')],
          ['is_manual_connection', 'false'],
        ],
        unit,
      )}\n}`,
    ];
    if (endpoint.zoneIds) {
      blocks.push(
        `private_dns_zone_group {\n${alignAttributes(
          [
            ['name', '"default"'],
            ['private_dns_zone_ids', this.render(endpoint.zoneIds, 'inline')],
          ],
          unit,
        )}\n}`,
      );
    }
    const inner = [alignAttributes(attributes, unit), ...blocks.map((b) => unit + indentLines(b, unit, '\n'))].join(
      '\n\n',
    );
    const declaration = `resource "azurerm_private_endpoint" "${endpoint.symbol}" {\n${inner}\n}`;
    this.list.insert(endpoint.at, this.style.eol + this.style.eol + indentLines(declaration, '', this.style.eol));
  }

  // -------------------------------------------------------------------------------------------------------
  // Property edits

  patchResource(resource: Resource, patch: Extract<Patch, { op: 'merge' }>): void {
    const syntax = this.syntaxOf(resource);
    if (syntax.blockKind !== 'resource') throw new CannotWrite('a data source is not deployed here');
    if (syntax.sourceType === 'azapi_resource') {
      this.patchAzapi(syntax, resource, patch);
      return;
    }
    if (!syntax.mapping) throw new CannotWrite(`${syntax.sourceType} has no mapping`);
    const hcl = newHclPatch();
    for (const [path, leaf] of leaves(patch)) {
      // A value another block sets (azapi_update_resource, *_network_rules, *_customer_managed_key) is not
      // edited here: the other block would still win.
      if (this.modelValueFor(resource, path)?.origins?.some((o) => o.description.startsWith('set by '))) {
        throw new CannotWrite(`'${path}' is set by another block`);
      }
      this.mapLeaf(syntax.mapping, resource, path, leaf, hcl);
    }
    this.applyToBlock(syntax.block, hcl, resource);
  }

  private mapLeaf(mapping: ResourceMapping, resource: Resource, path: string, leaf: Patch, into: HclPatch) {
    if (leaf.op === 'merge') throw new CannotWrite('unexpected merge');
    // identity.userAssignedIdentities from `entries`: the list of ids Terraform takes.
    if (leaf.op === 'set' && isExpression(leaf.value) && leaf.value.$expr === 'entries') {
      const target = reverseLookup(mapping, path);
      if (!target) throw new CannotWrite(`'${path}' has no azurerm attribute`);
      const ids = leaf.value.entries.map((e) => e.key);
      placeAttribute(into, target.blocks, target.attribute, target.aliases, ids);
      return;
    }
    if (leaf.op === 'remove') {
      const target = reverseLookup(mapping, path);
      if (!target) {
        if (resource.get(path) === undefined) return;
        // An ARM object spread over several top-level attributes (`authOptions` ← authentication_failure_mode).
        const prefix = `${path.toLowerCase()}.`;
        const under = mapping.attributes.filter((a) => a.path.toLowerCase().startsWith(prefix));
        if (under.length === 0) throw new CannotWrite(`'${path}' has no azurerm attribute`);
        for (const attribute of under) placeAttribute(into, [], attribute.names[0], attribute.names, null, true);
        return;
      }
      placeAttribute(into, target.blocks, target.attribute, target.aliases, null, true);
      return;
    }
    const armValue = leaf.op === 'set' ? leaf.value : leaf.values;
    const plainValue = isPlain(armValue) ? armValue : undefined;
    const target = reverseLookup(mapping, path, plainValue);
    if (!target) throw new CannotWrite(`'${path}' has no azurerm attribute`);
    let blocks = target.blocks;
    if (target.repeatedBlock) {
      // The n-th block of its type is item n of the ARM array (in source order).
      const indexes = path.split('.').filter((segment) => /^\d+$/.test(segment));
      const block = target.mapping as { pathWhen?: unknown };
      if (indexes.length !== 1 || target.blocks.length !== 1 || block.pathWhen) {
        throw new CannotWrite(`'${path}' lives in a repeated block`);
      }
      blocks = [`${target.blocks[0]}#${indexes[0]}`];
    }
    if (target.blockOnly) {
      let node = into;
      for (const name of target.blocks) {
        if (!node.blocks.has(name)) node.blocks.set(name, newHclPatch());
        node = node.blocks.get(name)!;
      }
      return;
    }
    let value: EditValue;
    if (plainValue !== undefined) {
      if (target.value === undefined)
        throw new CannotWrite(`'${path}' has no azurerm value for ${JSON.stringify(plainValue)}`);
      value = target.value as EditValue;
    } else {
      // An expression (a reference): only attributes written as is can take it.
      const mappingInfo = target.mapping as { transform?: unknown; convert?: unknown };
      if (mappingInfo.transform || mappingInfo.convert) throw new CannotWrite(`'${path}' needs a converted value`);
      value = armValue as EditValue;
    }
    placeAttribute(into, blocks, target.attribute, target.aliases, value, false, leaf.op === 'append', path);
  }

  private patchAzapi(syntax: TerraformSyntax, resource: Resource, patch: Extract<Patch, { op: 'merge' }>) {
    const top = newHclPatch();
    const body = new Map(patch.children);
    for (const key of ['name', 'location', 'tags']) {
      const member = body.get(key);
      if (!member) continue;
      body.delete(key);
      for (const [path, leaf] of leaves({ op: 'merge', children: new Map([[key, member]]) })) {
        if (path.includes('.')) throw new CannotWrite(`cannot edit '${path}' of an azapi resource`);
        placeLeaf(top, [], key, leaf);
      }
    }
    const identity = body.get('identity');
    if (identity) {
      body.delete('identity');
      for (const [path, leaf] of leaves({ op: 'merge', children: new Map([['identity', identity]]) })) {
        const rest = path.slice('identity.'.length).toLowerCase();
        if (rest === 'type') placeLeaf(top, ['identity'], 'type', leaf);
        else if (
          rest === 'userassignedidentities' &&
          leaf.op === 'set' &&
          isExpression(leaf.value) &&
          leaf.value.$expr === 'entries'
        ) {
          placeAttribute(
            top,
            ['identity'],
            'identity_ids',
            ['identity_ids'],
            leaf.value.entries.map((e) => e.key),
          );
        } else throw new CannotWrite(`cannot edit '${path}' of an azapi identity`);
      }
    }
    if (body.size > 0) {
      const bodyPatch: Extract<Patch, { op: 'merge' }> = { op: 'merge', children: body };
      const attribute = syntax.azapiBody?.attribute ?? syntax.block.body.attributes.find((a) => a.name === 'body');
      if (!attribute) {
        const value = patchAsValue(bodyPatch);
        if (value !== undefined) placeAttribute(top, [], 'body', ['body'], value);
      } else {
        let object = attribute.value;
        if (object.kind === 'call' && object.name === 'jsonencode' && object.args.length === 1) object = object.args[0];
        if (object.kind !== 'object') throw new CannotWrite('the azapi body is not written as an HCL object');
        this.patchObject(object, bodyPatch, resource, []);
      }
    }
    this.applyToBlock(syntax.block, top, resource);
  }

  /** Edits an HCL object expression (azapi bodies) like a Bicep object: one member per line, `=` aligned. */
  private patchObject(
    object: Extract<HclExpr, { kind: 'object' }>,
    patch: Extract<Patch, { op: 'merge' }>,
    resource: Resource,
    at: string[],
  ) {
    const missing: [string, EditValue][] = [];
    for (const [key, member] of patch.children) {
      const path = [...at, member.name];
      const item = [...object.items].reverse().find((i) => i.keyName?.toLowerCase() === key);
      if (!item) {
        const value = patchAsValue(member.patch);
        if (value !== undefined) missing.push([member.name, value]);
        continue;
      }
      switch (member.patch.op) {
        case 'set':
          this.setValue(item.value, member.patch.value, resource, `body.${path.join('.')}`, path.join('.'));
          break;
        case 'remove':
          this.removeLine(
            item.span,
            object.items.map((i) => i.span),
          );
          break;
        case 'append':
          if (item.value.kind !== 'tuple') throw new CannotWrite('not written as a list');
          this.appendToTuple(item.value, member.patch.values);
          break;
        case 'merge':
          if (item.value.kind === 'tuple') this.patchTuple(item.value, member.patch, resource, path);
          else if (item.value.kind === 'object') this.patchObject(item.value, member.patch, resource, path);
          else throw new CannotWrite(`'${path.join('.')}' is not written as an object`);
          break;
      }
    }
    if (missing.length > 0) {
      this.insertMembers(
        object.span,
        object.items.map((i) => ({
          span: i.span,
          name: i.keyName,
          multiline: !sameLine(this.text, i.span.start, i.span.end),
        })),
        missing.map(([name, value]) => [hclKey(name), value]),
        [],
      );
    }
  }

  /** Items of a list by index (`contentFilters.3.blocking` in an azapi body). */
  private patchTuple(
    tuple: Extract<HclExpr, { kind: 'tuple' }>,
    patch: Extract<Patch, { op: 'merge' }>,
    resource: Resource,
    at: string[],
  ) {
    const removed: number[] = [];
    for (const [key, member] of patch.children) {
      const index = /^\d+$/.test(key) ? Number(key) : -1;
      const item = tuple.items[index] as HclExpr | undefined;
      if (!item) throw new CannotWrite(`no item ${key} in '${at.join('.')}'`);
      const path = [...at, key];
      if (member.patch.op === 'set') this.setValue(item, member.patch.value, resource, '', `body.${path.join('.')}`);
      else if (member.patch.op === 'remove') removed.push(index);
      else if (member.patch.op === 'merge' && item.kind === 'object')
        this.patchObject(item, member.patch, resource, path);
      else throw new CannotWrite(`cannot edit item ${key} of '${at.join('.')}'`);
    }
    if (removed.length > 1) throw new CannotWrite('several items removed at once');
    const container = { open: tuple.span.start, close: tuple.span.end - 1, items: tuple.items.map((i) => i.span) };
    for (const index of removed) this.list.add(removeItem(this.text, container, index, 'inline'));
  }

  private applyToBlock(block: HclBlock, patch: HclPatch, resource: Resource) {
    const missingAttributes: [string, EditValue][] = [];
    for (const [name, change] of patch.attributes) {
      const existing = [...block.body.attributes]
        .reverse()
        .find((a) => change.aliases.includes(a.name) || a.name === name);
      if (change.remove) {
        if (existing) this.removeLine(existing.span, bodyItemSpans(block.body));
        continue;
      }
      if (!existing) {
        missingAttributes.push([name, change.value]);
        continue;
      }
      this.setValue(existing.value, change.value, resource, existing.name, change.armPath ?? existing.name);
    }
    const missingBlocks: [string, HclPatch][] = [];
    for (const [name, inner] of patch.blocks) {
      const [type, index] = name.split('#');
      if (index !== undefined) {
        if (block.body.blocks.some((b) => b.type === 'dynamic')) throw new CannotWrite('dynamic blocks');
        const nth = block.body.blocks.filter((b) => b.type === type)[Number(index)];
        if (!nth) throw new CannotWrite(`no '${type}' block number ${index}`);
        this.applyToBlock(nth, inner, resource);
        continue;
      }
      const existing = block.body.blocks.filter((b) => b.type === name);
      if (existing.length > 1) throw new CannotWrite(`several '${name}' blocks`);
      if (existing.length === 1) this.applyToBlock(existing[0], inner, resource);
      else missingBlocks.push([name, inner]);
    }
    if (missingAttributes.length === 0 && missingBlocks.length === 0) return;
    const span = { start: block.openBrace.start, end: block.closeBrace.end };
    const items = [
      ...block.body.attributes.map((a) => ({
        span: a.span,
        name: a.name as string | undefined,
        multiline: !sameLine(this.text, a.span.start, a.span.end),
      })),
      ...block.body.blocks.map((b) => ({ span: b.span, name: undefined, multiline: true, block: true })),
    ].sort((a, b) => a.span.start - b.span.start);
    this.insertMembers(
      span,
      items,
      missingAttributes,
      missingBlocks.map(([name, inner]) => `${name} {\n${this.renderBlockBody(inner)}\n}`),
    );
  }

  private renderBlockBody(patch: HclPatch): string {
    const unit = this.style.indent;
    const attributes: [string, string][] = [...patch.attributes]
      .filter(([, change]) => !change.remove)
      .map(([name, change]) => [name, this.render(change.value, 'multiline')]);
    const parts = [alignAttributes(attributes, unit)].filter((p) => p !== '');
    for (const [name, inner] of patch.blocks) {
      parts.push(indentLines(`${name} {\n${this.renderBlockBody(inner)}\n}`, unit, '\n').replace(/^/, unit));
    }
    return parts.join('\n\n');
  }

  /**
   * Inserts attributes (after the last attribute, `=` aligned with the run they join) and blocks (at the end,
   * after a blank line) into a block body or object whose braces span `span`.
   */
  private insertMembers(
    span: Span,
    items: readonly { span: Span; name?: string; multiline: boolean; block?: boolean }[],
    attributes: readonly [string, EditValue][],
    blocks: readonly string[],
  ) {
    const open = span.start;
    const close = span.end - 1;
    if (this.text[open] !== '{' || this.text[close] !== '}') throw new CannotWrite('an unclosed block or object');
    const outer = indentationAt(this.text, open);
    const eol = this.style.eol;
    const inner = outer + this.style.indent;
    const rendered = attributes.map(([name, value]): [string, string] => [name, this.render(value, 'multiline')]);
    if (items.length === 0 || sameLine(this.text, open, close)) {
      if (items.length > 0) throw new CannotWrite('a single-line block or object');
      const parts = [alignAttributes(rendered, ''), ...blocks].filter((p) => p !== '');
      const text = parts.map((p) => inner + indentLines(p, inner, eol)).join(eol + eol);
      this.list.replace(open + 1, close, eol + text + eol + outer);
      return;
    }
    const attributeItems = items.filter((i) => !i.block);
    if (rendered.length > 0) {
      const last = attributeItems[attributeItems.length - 1];
      // The run of single-line attributes the new ones join (terraform fmt aligns `=` within it).
      const run: typeof attributeItems = [];
      if (last && !last.multiline) {
        for (let i = attributeItems.length - 1; i >= 0; i--) {
          const item = attributeItems[i];
          if (item.multiline || item.name === undefined) break;
          const next = run[0];
          if (next && lineStartAt(this.text, next.span.start) !== nextLineStart(this.text, item.span.end)) break;
          run.unshift(item);
        }
      }
      const width = Math.max(
        ...run.map((i) => i.name!.length),
        ...rendered.filter(([, v]) => !v.includes('\n')).map(([n]) => n.length),
      );
      for (const item of run) {
        const nameEnd = item.span.start + item.name!.length + (this.text[item.span.start] === '"' ? 2 : 0);
        const equals = this.text.indexOf('=', nameEnd);
        const want = ' '.repeat(width - (nameEnd - item.span.start) + 1);
        if (equals > nameEnd && this.text.slice(nameEnd, equals) !== want && blankBetween(this.text, nameEnd, equals)) {
          this.list.replace(nameEnd, equals, want);
        }
      }
      const lines = rendered.map(([name, value]) => {
        const pad = value.includes('\n') ? ' ' : ' '.repeat(width - name.length + 1);
        return `${name}${pad}= ${value}`;
      });
      const text = lines.map((l) => inner + indentLines(l, inner, eol)).join(eol);
      if (last) this.list.insert(lineEndAt(this.text, last.span.end), eol + text);
      else this.list.insert(lineEndAt(this.text, open), eol + text + eol);
    }
    if (blocks.length > 0) {
      const lastItem = items[items.length - 1];
      const text = blocks.map((b) => inner + indentLines(b, inner, eol)).join(eol + eol);
      this.list.insert(lineEndAt(this.text, lastItem.span.end), eol + eol + text);
    }
  }

  private appendToTuple(tuple: Extract<HclExpr, { kind: 'tuple' }>, values: readonly EditValue[]) {
    const rendered = values.map((v) => this.render(v, 'inline'));
    if (tuple.items.length === 0) {
      this.list.replace(tuple.span.start + 1, tuple.span.end - 1, rendered.join(', '));
      return;
    }
    const last = tuple.items[tuple.items.length - 1];
    if (sameLine(this.text, tuple.span.start, tuple.span.end)) {
      this.list.insert(last.span.end, `, ${rendered.join(', ')}`);
      return;
    }
    const indent = indentationAt(this.text, last.span.start);
    const hasComma = /^\s*,/.test(this.text.slice(last.span.end));
    const lines = rendered.map((r) => `${this.style.eol}${indent}${r},`).join('');
    if (!hasComma) this.list.insert(last.span.end, ',');
    this.list.insert(lineEndAt(this.text, last.span.end), lines);
  }

  private removeLine(span: Span, siblings: readonly Span[]) {
    const start = lineStartAt(this.text, span.start);
    if (
      !blankBetween(this.text, start, span.start) ||
      !/^[ \t]*,?[ \t]*((#|\/\/).*)?$/.test(this.text.slice(span.end, lineEndAt(this.text, span.end)))
    ) {
      void siblings;
      throw new CannotWrite('the attribute shares its line');
    }
    this.list.replace(start, nextLineStart(this.text, span.end), '');
  }

  /**
   * Sets the value written at `node`. Literals in place; `var.x` whose value is the default and is used once
   * in the module: the default (possibly in variables.tf); otherwise the use, with a note in the title.
   */
  private setValue(node: HclExpr, value: EditValue, resource: Resource, _attribute: string, armPath: string) {
    if (
      node.kind === 'literal' ||
      (node.kind === 'template' && node.parts.every((p) => typeof p === 'string') && !node.heredoc)
    ) {
      this.replace(node.span, value);
      return;
    }
    const modelValue = this.modelValueFor(resource, armPath);
    const variable = variableName(node);
    if (variable) {
      const supplied = modelValue?.origins?.find(isSupplied);
      if (supplied) {
        this.replace(node.span, value);
        this.session.note(`replaces the use of variable '${variable}', which ${baseName(supplied.uri)} sets`);
        return;
      }
      const defaultOrigin = modelValue?.origins?.find((o) => o.description.startsWith('default of variable'));
      const uses = this.variableUses(variable);
      if (defaultOrigin && uses === 1) {
        const target = this.documents(defaultOrigin.uri);
        if (target) {
          const list = defaultOrigin.uri === this.document.uri ? this.list : this.listFor(defaultOrigin.uri);
          const indent = indentationAt(target.text, defaultOrigin.span.start);
          list.replace(
            defaultOrigin.span.start,
            defaultOrigin.span.end,
            indentLines(this.render(value, 'multiline'), indent, this.style.eol),
          );
          const where = defaultOrigin.uri === this.document.uri ? '' : ` in ${baseName(defaultOrigin.uri)}`;
          this.session.note(`in the default of variable '${variable}'${where}`);
          return;
        }
      }
      this.replace(node.span, value);
      const why = defaultOrigin ? (uses === undefined ? 'may have other uses' : `has ${uses} uses`) : 'has no default';
      this.session.note(`replaces the use of variable '${variable}', which ${why}`);
      return;
    }
    if (!modelValue || !isKnown(modelValue) || modelValue.origins?.some(isSupplied) || hasConditional(node)) {
      throw new CannotWrite('an expression whose value is not one known value');
    }
    this.replace(node.span, value);
  }

  private modelValueFor(resource: Resource, armPath: string): Value | undefined {
    try {
      return resource.get(armPath);
    } catch {
      return undefined;
    }
  }

  /** Uses of `var.name` in the module's files; undefined when the module's files are not known. */
  private variableUses(name: string): number | undefined {
    if (!this.uris) return undefined;
    const pattern = new RegExp(`\\bvar\\.${name.replace(/[^A-Za-z0-9_-]/g, '')}\\b`, 'g');
    let count = 0;
    for (const uri of this.moduleUris()) {
      const text = this.documents(uri)?.text ?? '';
      count += (text.match(pattern) ?? []).length;
    }
    return count;
  }

  private listFor(uri: string): EditList {
    let list = this.others.get(uri);
    if (!list) {
      list = new EditList();
      this.others.set(uri, list);
    }
    return list;
  }

  private replace(span: Span, value: EditValue) {
    const indent = indentationAt(this.text, span.start);
    this.list.replace(span.start, span.end, indentLines(this.render(value, 'multiline'), indent, this.style.eol));
  }

  private syntaxOf(resource: Resource): TerraformSyntax {
    const syntax = resource.syntax as TerraformSyntax | undefined;
    if (syntax?.kind !== 'terraform' || syntax.uri !== this.document.uri) {
      throw new CannotWrite(`no Terraform syntax for '${resource.key}'`);
    }
    return syntax;
  }

  private copyAttribute(resource: Resource, name: string): string {
    const syntax = resource.syntax as TerraformSyntax | undefined;
    if (syntax?.kind !== 'terraform') throw new CannotWrite('cannot copy from there');
    const attribute = syntax.block.body.attributes.find((a) => a.name === name);
    if (!attribute) throw new CannotWrite(`'${resource.key}' has no ${name}`);
    const text = this.documents(syntax.uri)?.text ?? '';
    return text.slice(attribute.value.span.start, attribute.value.span.end);
  }

  // -------------------------------------------------------------------------------------------------------
  // Rendering

  render(value: EditValue, mode: 'multiline' | 'inline'): string {
    if (value === null) return 'null';
    if (typeof value === 'boolean' || typeof value === 'number') return String(value);
    if (typeof value === 'string') return hclString(value);
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      const items = (value as readonly EditValue[]).map((item) => this.render(item, 'inline'));
      const inline = `[${items.join(', ')}]`;
      if (mode === 'inline' || inline.length <= 80) return inline;
      return `[\n${items.map((i) => `${this.style.indent}${i},`).join('\n')}\n]`;
    }
    if (isExpression(value)) {
      switch (value.$expr) {
        case 'parameter':
          return `var.${snakeCase(value.name)}`;
        case 'reference':
          return this.referenceText(value.resource, value.attribute);
        case 'copy':
          return this.copyValue(value.resource, value.path);
        case 'concat': {
          let body = '';
          for (const part of value.parts) {
            if (typeof part === 'string') body += escapeHcl(part);
            else {
              const text =
                isExpression(part) && part.$expr === 'copy'
                  ? this.copyValue(part.resource, part.path)
                  : this.render(part, 'inline');
              const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(text);
              body += quoted ? quoted[1] : '${' + text + '}';
            }
          }
          return `"${body}"`;
        }
        case 'entries': {
          const entries = value.entries.map(({ key, value: v }): [string, EditValue] => [
            typeof key === 'string' ? hclKey(key) : `(${this.render(key, 'inline')})`,
            v,
          ]);
          return this.renderObject(entries, mode);
        }
      }
    }
    return this.renderObject(
      Object.entries(value as Record<string, EditValue>).map(([k, v]) => [hclKey(k), v]),
      mode,
    );
  }

  private renderObject(entries: readonly [string, EditValue][], mode: 'multiline' | 'inline'): string {
    if (entries.length === 0) return '{}';
    if (mode === 'inline') return `{ ${entries.map(([k, v]) => `${k} = ${this.render(v, 'inline')}`).join(', ')} }`;
    const rendered = entries.map(([k, v]): [string, string] => [k, this.render(v, 'multiline')]);
    return `{\n${alignAttributes(rendered, this.style.indent)}\n}`;
  }

  private referenceText(target: Resource | { readonly $new: string }, attribute: string): string {
    let address: string;
    if (isNewHandle(target)) address = this.session.handle(target.$new).symbol;
    else {
      if (target.language !== 'terraform' || directoryOf(target.uri) !== directoryOf(this.document.uri)) {
        throw new CannotWrite(`'${target.key}' is not in this module`);
      }
      if (target.inLoop) throw new CannotWrite(`'${target.key}' uses count or for_each`);
      address = target.key;
    }
    if (attribute === '') return address;
    if (['id', 'name', 'location'].includes(attribute)) return `${address}.${attribute}`;
    throw new CannotWrite(`no Terraform attribute for '${attribute}'`);
  }

  /** The HCL text of a resource's ARM property (name, location, or an azapi body member). */
  private copyValue(resource: Resource, path: string): string {
    const syntax = resource.syntax as TerraformSyntax | undefined;
    if (syntax?.kind !== 'terraform' || resource.inLoop) throw new CannotWrite('cannot copy from there');
    if (['name', 'location'].includes(path)) return this.copyAttribute(resource, path);
    throw new CannotWrite(`cannot copy '${path}' in Terraform`);
  }
}

// ---------------------------------------------------------------------------------------------------------

/** The leaves of a patch as (ARM path, leaf patch). */
function leaves(patch: Patch, prefix = ''): [string, Patch][] {
  if (patch.op !== 'merge') return [[prefix, patch]];
  const result: [string, Patch][] = [];
  for (const member of patch.children.values()) {
    const path = prefix ? `${prefix}.${member.name}` : member.name;
    if (member.patch.op === 'set' && isPlainObject(member.patch.value)) {
      // A whole object: its members one by one (the mapping knows leaves, not objects).
      const children = new Map(
        Object.entries(member.patch.value as Record<string, EditValue>).map(([k, v]) => [
          k.toLowerCase(),
          { name: k, patch: { op: 'set', value: v } as Patch },
        ]),
      );
      result.push(...leaves({ op: 'merge', children }, path));
    } else result.push(...leaves(member.patch, path));
  }
  return result;
}

function placeLeaf(into: HclPatch, blocks: readonly string[], name: string, leaf: Patch) {
  if (leaf.op === 'set') placeAttribute(into, blocks, name, [name], leaf.value);
  else if (leaf.op === 'remove') placeAttribute(into, blocks, name, [name], null, true);
  else throw new CannotWrite(`cannot write '${name}' this way`);
}

function placeAttribute(
  into: HclPatch,
  blocks: readonly string[],
  name: string,
  aliases: readonly string[],
  value: EditValue,
  remove = false,
  append = false,
  armPath?: string,
) {
  if (append) throw new CannotWrite('appending to an azurerm list');
  let node = into;
  for (const block of blocks) {
    if (!node.blocks.has(block)) node.blocks.set(block, newHclPatch());
    node = node.blocks.get(block)!;
  }
  if (node.attributes.has(name)) throw new CannotWrite(`'${name}' set twice`);
  node.attributes.set(name, { aliases, value, remove, armPath });
}

function bodyItemSpans(body: HclBody): Span[] {
  return [...body.attributes.map((a) => a.span), ...body.blocks.map((b) => b.span)];
}

function isPlain(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(isPlain);
  if ('$expr' in (value as object)) return false;
  return Object.values(value as object).every(isPlain);
}

function isPlainObject(value: EditValue): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('$expr' in value);
}

/** A conditional anywhere in the expression: replacing it would drop a branch the author wrote. */
function hasConditional(node: HclExpr, depth = 0): boolean {
  if (depth > 100) return true;
  if (node.kind === 'conditional') return true;
  if (node.kind === 'paren') return hasConditional(node.inner, depth + 1);
  if (node.kind === 'unary') return hasConditional(node.operand, depth + 1);
  if (node.kind === 'binary') return hasConditional(node.left, depth + 1) || hasConditional(node.right, depth + 1);
  if (node.kind === 'call') return node.args.some((a) => hasConditional(a, depth + 1));
  return false;
}

/** `var.name` → 'name'. */
function variableName(node: HclExpr): string | undefined {
  if (node.kind === 'getAttr' && node.object.kind === 'variable' && node.object.name === 'var') return node.name;
  return undefined;
}

/** A value supplied from outside the module's own declarations: tfvars, a module call. */
function isSupplied(origin: Origin): boolean {
  return (
    /\.tfvars(\.json)?$/i.test(origin.uri) ||
    / in /.test(origin.description) ||
    origin.description.startsWith('module ')
  );
}

function directoryOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

const azurermTypes: Readonly<Record<string, string>> = {
  'microsoft.managedidentity/userassignedidentities': 'azurerm_user_assigned_identity',
  'microsoft.network/privateendpoints': 'azurerm_private_endpoint',
};

function azurermTypeFor(armType: string): string | undefined {
  return azurermTypes[armType];
}

function zoneIdsOf(body: Readonly<Record<string, EditValue>>): EditValue[] {
  const properties = (body.properties ?? {}) as Record<string, EditValue>;
  const configs = (properties.privateDnsZoneConfigs ?? []) as readonly Record<string, EditValue>[];
  return configs.map((c) => ((c.properties ?? {}) as Record<string, EditValue>).privateDnsZoneId);
}

/** `name = value` lines with `=` aligned as terraform fmt does (multi-line values end a run). */
export function alignAttributes(attributes: readonly [string, string][], indent: string): string {
  const lines: string[] = [];
  let run: [string, string][] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map(([n]) => n.length));
    for (const [name, value] of run) lines.push(`${indent}${name.padEnd(width)} = ${value}`);
    run = [];
  };
  for (const [name, value] of attributes) {
    if (value.includes('\n')) {
      flush();
      lines.push(`${indent}${name} = ${indentLines(value, indent, '\n')}`);
    } else run.push([name, value]);
  }
  flush();
  return lines.join('\n');
}

export function escapeHcl(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, '$${')
    .replace(/%\{/g, '%%{');
}

export function hclString(text: string): string {
  return `"${escapeHcl(text)}"`;
}

function hclKey(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) ? name : hclString(name);
}

export type { HclObjectItem };
