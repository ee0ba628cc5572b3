// The forward direction of the mapping: an azurerm block (seen through `BlockView`, so this file knows no
// parser) becomes an ARM-shaped body. Also the mutable `ObjectBuilder` the front end uses to assemble
// bodies and merge patches (azapi_update_resource, azurerm_*_customer_managed_key …).
import type { Span } from '../span';
import {
  make,
  withOrigin,
  withSpanAndOrigins,
  type ObjectValue,
  type Origin,
  type Property,
  type UnknownValue,
  type Value,
} from '../value';
import { transformValue } from './transforms';
import type { AttributeMapping, BlockMapping, ImpliedValue, ResourceMapping } from './types';

/** An evaluated attribute of an HCL block. */
export interface AttributeView {
  readonly name: string;
  readonly nameSpan: Span;
  readonly span: Span;
  readonly value: Value;
}

/** A `dynamic "<type>" { for_each = …; content { … } }` block. */
export interface DynamicBlockView {
  readonly type: string;
  readonly span: Span;
  readonly forEach: Value;
  /** The `content` block, evaluated with the iterator unknown. */
  readonly content?: BlockView;
}

/** An HCL block as the mapping sees it: evaluated attributes, nested blocks, dynamic blocks. */
export interface BlockView {
  readonly type: string;
  readonly span: Span;
  /** Where a value implied by the block (not written) is reported: the block type token. */
  readonly typeSpan: Span;
  attribute(name: string): AttributeView | undefined;
  attributes(): readonly AttributeView[];
  blocks(type: string): readonly BlockView[];
  dynamicBlocks(type: string): readonly DynamicBlockView[];
}

// ---------------------------------------------------------------------------------------------------------
// A mutable object tree that freezes into a Value.
// ---------------------------------------------------------------------------------------------------------

type Slot = { name: string; nameSpan: Span; span: Span; node: Node };
type Node = ObjectBuilder | ArrayBuilder | Value;

export class ObjectBuilder {
  private readonly slots = new Map<string, Slot>();
  private openEnded?: UnknownValue;

  constructor(readonly span: Span) {}

  /** Sets `value` at `path` (segments `x[]` append an array item, `x[0]` address item 0). */
  set(path: string, value: Value, nameSpan: Span, span: Span): void {
    const segments = path.split('.');
    const target = segments
      .slice(0, -1)
      .reduce<ObjectBuilder>((object, segment) => object.child(segment, nameSpan, span), this);
    const last = segments[segments.length - 1];
    const arrayStep = /^(.*)\[(\d*)\]$/.exec(last);
    if (arrayStep) {
      const array = target.array(arrayStep[1], nameSpan, span);
      if (arrayStep[2] === '') array.items.push(value);
      else array.items[Number(arrayStep[2])] = value;
      return;
    }
    target.slots.set(last.toLowerCase(), { name: last, nameSpan, span, node: value });
  }

  /** The object at `path`, created when absent (an existing literal is replaced). */
  object(path: string, nameSpan: Span, span: Span): ObjectBuilder {
    return path.split('.').reduce<ObjectBuilder>((object, segment) => object.child(segment, nameSpan, span), this);
  }

  has(path: string): boolean {
    let target: Node | undefined = this as ObjectBuilder;
    for (const segment of path.split('.')) {
      if (!(target instanceof ObjectBuilder)) return false;
      target = target.slots.get(segment.replace(/\[\d*\]$/, '').toLowerCase())?.node;
    }
    return target !== undefined;
  }

  markOpenEnded(reason: UnknownValue): void {
    this.openEnded ??= reason;
  }

  /** Deep-merges a known object value (a patch) into this builder; the patch's values win. */
  merge(value: ObjectValue, origin?: Origin): void {
    for (const property of value.properties) {
      const existing = this.slots.get(property.name.toLowerCase());
      if (property.value.kind === 'object' && !(existing?.node instanceof ArrayBuilder)) {
        // Objects merge member by member, so each patched leaf carries the origin.
        const child = this.child(property.name, property.nameSpan, property.span);
        child.merge(property.value, origin);
        continue;
      }
      const patched = origin ? withOrigin(property.value, origin, property.value.span) : property.value;
      this.slots.set(property.name.toLowerCase(), {
        name: property.name,
        nameSpan: property.nameSpan,
        span: property.span,
        node: patched,
      });
    }
    if (value.openEnded) this.markOpenEnded(value.openEnded);
  }

  /**
   * Merges a patch that may or may not apply (a patch block with an unknown `count`, or in a loop): each
   * patched member becomes unknown, with the current value and the patch's as candidates when both are
   * known; a member the patch would add stays unknown (it may be absent).
   */
  mergePossible(value: ObjectValue, reason: UnknownValue, origin?: Origin): void {
    for (const property of value.properties) {
      const existing = this.slots.get(property.name.toLowerCase());
      if (property.value.kind === 'object' && existing?.node instanceof ObjectBuilder) {
        existing.node.mergePossible(property.value, reason, origin);
        continue;
      }
      const patched = origin ? withOrigin(property.value, origin, property.value.span) : property.value;
      const before = existing ? freeze(existing.node) : undefined;
      const alternatives = before ? [before, patched] : undefined;
      const candidates = alternatives?.flatMap((v): (Value | undefined)[] =>
        v.kind === 'unknown' ? [...(v.candidates ?? [undefined])] : [v],
      );
      const known = candidates?.every((v) => v !== undefined) ? (candidates as Value[]) : undefined;
      this.slots.set(property.name.toLowerCase(), {
        name: existing?.name ?? property.name,
        nameSpan: existing?.nameSpan ?? property.nameSpan,
        span: existing?.span ?? property.span,
        node: make.unknown(reason.text, reason.reason, property.span, {
          candidates: known,
          origins: origin ? [origin] : undefined,
        }),
      });
    }
    if (value.openEnded) this.markOpenEnded(value.openEnded);
  }

  private child(segment: string, nameSpan: Span, span: Span): ObjectBuilder {
    const arrayStep = /^(.*)\[(\d*)\]$/.exec(segment);
    if (arrayStep) {
      const array = this.array(arrayStep[1], nameSpan, span);
      const index = arrayStep[2] === '' ? array.items.length : Number(arrayStep[2]);
      const current = array.items[index];
      if (current instanceof ObjectBuilder) return current;
      const created = new ObjectBuilder(span);
      if (current?.kind === 'object') created.merge(current);
      array.items[index] = created;
      return created;
    }
    const key = segment.toLowerCase();
    const slot = this.slots.get(key);
    if (slot?.node instanceof ObjectBuilder) return slot.node;
    const created = new ObjectBuilder(span);
    if (slot && !(slot.node instanceof ArrayBuilder) && slot.node.kind === 'object') created.merge(slot.node);
    // Writing into a member that was unknown (`properties = var.props`), or that an open-ended object may
    // hold, keeps what we do not know: the other members of the new object are unknown, not absent.
    else if (slot && !(slot.node instanceof ArrayBuilder) && slot.node.kind === 'unknown')
      created.markOpenEnded(slot.node);
    else if (!slot && this.openEnded) created.markOpenEnded(this.openEnded);
    this.slots.set(key, {
      name: segment,
      nameSpan: slot?.nameSpan ?? nameSpan,
      span: slot?.span ?? span,
      node: created,
    });
    return created;
  }

  private array(name: string, nameSpan: Span, span: Span): ArrayBuilder {
    const key = name.toLowerCase();
    const slot = this.slots.get(key);
    if (slot?.node instanceof ArrayBuilder) return slot.node;
    const created = new ArrayBuilder(span);
    if (slot && !(slot.node instanceof ObjectBuilder) && slot.node.kind === 'array') {
      created.items.push(...slot.node.items);
      created.openEnded = slot.node.openEnded;
    } else if (slot && !(slot.node instanceof ObjectBuilder) && slot.node.kind === 'unknown')
      created.openEnded = slot.node;
    else if (!slot) created.openEnded = this.openEnded;
    this.slots.set(key, { name, nameSpan, span, node: created });
    return created;
  }

  /** The array at a dotted path (parents created when absent). */
  arrayAt(path: string, nameSpan: Span, span: Span): ArrayBuilder {
    const segments = path.split('.');
    const parent = segments
      .slice(0, -1)
      .reduce<ObjectBuilder>((object, segment) => object.child(segment, nameSpan, span), this);
    return parent.array(segments[segments.length - 1], nameSpan, span);
  }

  build(): ObjectValue {
    const properties: Property[] = [];
    for (const slot of this.slots.values()) {
      const value = freeze(slot.node);
      properties.push({ name: slot.name, nameSpan: slot.nameSpan, value, span: slot.span });
    }
    return make.object(properties, this.span, this.openEnded ? { openEnded: this.openEnded } : undefined);
  }
}

export class ArrayBuilder {
  readonly items: (ObjectBuilder | Value)[] = [];
  openEnded?: UnknownValue;
  constructor(readonly span: Span) {}
}

function freeze(node: Node): Value {
  if (node instanceof ObjectBuilder) return node.build();
  if (node instanceof ArrayBuilder) {
    const items = node.items.filter((item) => item !== undefined).map((item) => freeze(item));
    return make.array(items, node.span, node.openEnded ? { openEnded: node.openEnded } : undefined);
  }
  return node;
}

// ---------------------------------------------------------------------------------------------------------
// Mapping an azurerm block to ARM
// ---------------------------------------------------------------------------------------------------------

export interface MappingResult {
  readonly body: ObjectBuilder;
  /** Attribute names (lower-case, relative to the resource block) the mapping consumed. */
  readonly mapped: ReadonlySet<string>;
  /** ARM paths written from provider defaults (absent attributes whose default differs from ARM's). */
  readonly defaults: readonly string[];
}

const COMMON: readonly AttributeMapping[] = [
  { names: ['name'], path: 'name' },
  { names: ['location'], path: 'location' },
  { names: ['tags'], path: 'tags' },
];

/** Maps an azurerm resource block to an ARM body. `headerSpan` is where defaults and implied values point. */
export function mapResource(mapping: ResourceMapping, view: BlockView, headerSpan: Span): MappingResult {
  const body = new ObjectBuilder(view.span);
  const mapped = new Set<string>();
  const defaults: string[] = [];
  if (mapping.kind) body.set('kind', make.literal(mapping.kind, headerSpan), headerSpan, headerSpan);
  applyImplied(body, mapping.implies, headerSpan);
  const attributes = mapping.commonAttributes === false ? mapping.attributes : [...COMMON, ...mapping.attributes];
  applyAttributes(body, attributes, view, mapped, defaults, headerSpan, '');
  for (const derived of mapping.derived ?? []) {
    const value = derived.compute((name) => view.attribute(name)?.value);
    if (value) body.set(derived.path, value, value.span, value.span);
    for (const name of derived.from) if (view.attribute(name)) mapped.add(name);
  }
  applyBlocks(body, mapping.blocks, view, mapped, defaults, '');
  return { body, mapped, defaults };
}

function applyImplied(target: ObjectBuilder, implied: readonly ImpliedValue[] | undefined, span: Span): void {
  for (const entry of implied ?? []) target.set(entry.path, make.literal(entry.value, span), span, span);
}

function applyAttributes(
  target: ObjectBuilder,
  attributes: readonly AttributeMapping[],
  view: BlockView,
  mapped: Set<string>,
  defaults: string[],
  defaultSpan: Span,
  prefix: string,
): void {
  for (const mapping of attributes) {
    const found = mapping.names.map((name) => view.attribute(name)).find((a) => a !== undefined);
    if (!found) {
      if (mapping.materializeDefault && mapping.providerDefault !== undefined) {
        const value = toArmValue(mapping, make.literal(mapping.providerDefault, defaultSpan));
        target.set(mapping.path, withDefaultOrigin(value, mapping, view), defaultSpan, defaultSpan);
        defaults.push(prefix + mapping.path);
      }
      continue;
    }
    mapped.add(prefix + found.name);
    target.set(mapping.path, toArmValue(mapping, found.value), found.nameSpan, found.span);
  }
}

function withDefaultOrigin(value: Value, mapping: AttributeMapping, view: BlockView): Value {
  const origin: Origin = {
    uri: '',
    span: view.typeSpan,
    description: `azurerm default of ${mapping.names[0]} (${JSON.stringify(mapping.providerDefault)})`,
  };
  return withSpanAndOrigins(value, value.span, [origin]);
}

export function toArmValue(mapping: AttributeMapping, value: Value): Value {
  let result = value;
  if (mapping.transform) result = transformValue(result, mapping.transform);
  if (mapping.convert) result = mapping.convert.toArm(result);
  return result;
}

function applyBlocks(
  target: ObjectBuilder,
  blocks: readonly BlockMapping[],
  view: BlockView,
  mapped: Set<string>,
  defaults: string[],
  prefix: string,
): void {
  for (const mapping of blocks) {
    for (const name of mapping.names) {
      for (const block of view.blocks(name)) {
        mapped.add(prefix + name);
        const object = objectForBlock(target, mapping, block);
        applyImplied(object, mapping.implies, block.typeSpan);
        applyAttributes(object, mapping.attributes, block, mapped, defaults, block.typeSpan, `${prefix}${name}.`);
        applyBlocks(object, mapping.blocks ?? [], block, mapped, defaults, `${prefix}${name}.`);
      }
      for (const dynamic of view.dynamicBlocks(name)) {
        mapped.add(prefix + name);
        applyDynamic(target, mapping, dynamic);
      }
    }
  }
}

function objectForBlock(target: ObjectBuilder, mapping: BlockMapping, block: BlockView): ObjectBuilder {
  let path = mapping.path;
  if (mapping.pathWhen) {
    const chooser = block.attribute(mapping.pathWhen.attribute)?.value;
    if (chooser?.kind === 'literal' && chooser.value === mapping.pathWhen.value) path = mapping.pathWhen.path;
  }
  return target.object(mapping.repeated ? `${path}[]` : path, block.typeSpan, block.span);
}

/**
 * A dynamic block may produce any number of blocks (zero included): a repeated block's array becomes
 * open-ended; a single block becomes unknown, with the content's mapping as the only candidate.
 */
function applyDynamic(target: ObjectBuilder, mapping: BlockMapping, dynamic: DynamicBlockView): void {
  const reason = make.unknown(
    `dynamic "${dynamic.type}"`,
    `is generated by dynamic block '${dynamic.type}' from its for_each`,
    dynamic.span,
  );
  if (dynamic.forEach.kind === 'array' && !dynamic.forEach.openEnded && dynamic.forEach.items.length === 0) return;
  if (dynamic.forEach.kind === 'object' && !dynamic.forEach.openEnded && dynamic.forEach.properties.length === 0)
    return;
  if (mapping.repeated) {
    const array = target.arrayAt(mapping.path, dynamic.span, dynamic.span);
    array.openEnded ??= reason;
    return;
  }
  const candidates: Value[] = [];
  if (dynamic.content) {
    const scratch = new ObjectBuilder(dynamic.span);
    const object = scratch.object('x', dynamic.content.typeSpan, dynamic.content.span);
    applyImplied(object, mapping.implies, dynamic.content.typeSpan);
    applyAttributes(object, mapping.attributes, dynamic.content, new Set(), [], dynamic.content.typeSpan, '');
    applyBlocks(object, mapping.blocks ?? [], dynamic.content, new Set(), [], '');
    candidates.push(object.build());
  }
  target.set(
    mapping.path,
    make.unknown(reason.text, reason.reason, dynamic.span, candidates.length > 0 ? { candidates } : undefined),
    dynamic.span,
    dynamic.span,
  );
}
