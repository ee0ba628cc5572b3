// From the HCL syntax of one module directory to the shared model: resources (azurerm through the mapping
// table, azapi directly, everything else under a `terraform/<type>` placeholder type so references still
// resolve), data sources (`existing`), variables (parameters), outputs, module links and tfvars.
import type { Comment, ParsedDocument, SyntaxProblem, TemplateOutput, TemplateParameter } from '../../model/document';
import type { FrontEndResult, ParameterSupplier, SourceFile, TemplateLink } from '../../model/frontend';
import { Resource } from '../../model/resource';
import { LineIndex, type Span } from '../../model/span';
import { make, type ObjectValue, type Origin, type UnknownValue, type Value } from '../../model/value';
import {
  azurermMapping,
  mapResource,
  ObjectBuilder,
  type AttributeView,
  type BlockView,
  type DynamicBlockView,
  type ResourceMapping,
} from '../../model/azurerm';
import {
  loopVariable,
  ModuleEvaluator,
  type Bindings,
  type DeclaredResource,
  type LocalInfo,
  type TfvarsValue,
  type VariableInfo,
} from './evaluate';
import type { HclAttribute, HclBlock, HclBody, HclExpr, HclFile } from './syntax';

/** What `Resource.syntax` holds for a Terraform resource; see the shape documented in index.ts. */
export interface TerraformResourceSyntax {
  readonly kind: 'terraform';
  readonly uri: string;
  /** `resource` or `data`. */
  readonly blockKind: 'resource' | 'data';
  readonly block: HclBlock;
  readonly sourceType: string;
  /** The azurerm mapping entry used (undefined for azapi and unmapped types). */
  readonly mapping?: ResourceMapping;
  /** azapi only: the `body` attribute, and whether it is wrapped in `jsonencode(...)`. */
  readonly azapiBody?: { readonly attribute: HclAttribute; readonly jsonencode: boolean };
  /** ARM paths whose values come from azurerm provider defaults, not from the text. */
  readonly defaultedPaths: readonly string[];
  /** Other blocks that merged values into this resource (azapi_update_resource, *_customer_managed_key…). */
  readonly patches: readonly PatchSyntax[];
  /** Attribute names (dotted through blocks) the mapping did not understand: not visible to rules. */
  readonly unmappedAttributes: readonly string[];
}

export interface PatchSyntax {
  readonly uri: string;
  readonly key: string;
  readonly sourceType: string;
  readonly block: HclBlock;
}

/** The placeholder ARM type of resources aisec does not map (`terraform/azurerm_subnet`). */
export const UNMAPPED_TYPE_PREFIX = 'terraform/';

/** Types whose `parent_id` (azapi) is the resource they apply to rather than their parent. */
const EXTENSION_TYPES = new Set(
  [
    'Microsoft.Insights/diagnosticSettings',
    'Microsoft.Authorization/roleAssignments',
    'Microsoft.Authorization/locks',
    'Microsoft.Authorization/policyAssignments',
    'Microsoft.Authorization/roleDefinitions',
    'Microsoft.Security/advancedThreatProtectionSettings',
  ].map((t) => t.toLowerCase()),
);

const MODULE_META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

export interface ParsedTerraformFile {
  readonly file: SourceFile;
  readonly hcl: HclFile;
}

function isTfvars(uri: string): boolean {
  return /\.tfvars(\.json)?$/i.test(uri.split(/[?#]/)[0]);
}

export function baseName(uri: string): string {
  const path = uri.split(/[?#]/)[0];
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return path.slice(path.lastIndexOf('/') + 1);
  }
}

interface Declared {
  readonly uri: string;
  readonly block: HclBlock;
}

/** Builds the model for one module directory from its parsed files. */
export function buildModule(
  parsed: readonly ParsedTerraformFile[],
  suppliers: readonly ParameterSupplier[],
): FrontEndResult {
  const texts = new Map(parsed.map((p) => [p.file.uri, p.file.text]));
  const templates = parsed.filter((p) => !isTfvars(p.file.uri));
  const tfvarsFiles = parsed.filter((p) => isTfvars(p.file.uri));
  const ownUris = new Set(parsed.map((p) => p.file.uri));
  // A tfvars of this directory is applied here; a supplier built from it elsewhere would count it twice.
  const externalSuppliers = suppliers.filter((supplier) => !ownUris.has(supplier.uri));

  const variables = new Map<string, VariableInfo>();
  const variableBlocks: Declared[] = [];
  const locals = new Map<string, LocalInfo>();
  const outputs: Declared[] = [];
  const modules: Declared[] = [];
  const resourceBlocks: Declared[] = [];
  const declared = new Map<string, DeclaredResource>();

  for (const { file, hcl } of templates) {
    for (const block of topLevelBlocks(hcl.body)) {
      switch (block.type) {
        case 'variable': {
          const name = block.labels[0]?.value;
          if (!name) break;
          variables.set(name, variableInfo(block, file.uri));
          variableBlocks.push({ uri: file.uri, block });
          break;
        }
        case 'locals':
          for (const attribute of block.body.attributes) {
            locals.set(attribute.name, {
              name: attribute.name,
              uri: file.uri,
              nameSpan: attribute.nameSpan,
              expr: attribute.value,
            });
          }
          break;
        case 'output':
          if (block.labels[0]) outputs.push({ uri: file.uri, block });
          break;
        case 'module':
          if (block.labels[0]) modules.push({ uri: file.uri, block });
          break;
        case 'resource':
        case 'data':
          if (block.labels.length >= 2) {
            resourceBlocks.push({ uri: file.uri, block });
            declared.set(keyOf(block), { uri: file.uri });
          }
          break;
      }
    }
  }

  // tfvars: terraform.tfvars first, then *.auto.tfvars in name order; later files win (Terraform's order).
  const tfvars = new Map<string, TfvarsValue>();
  const ordered = [...tfvarsFiles].sort(
    (a, b) =>
      tfvarsRank(a.file.uri) - tfvarsRank(b.file.uri) || baseName(a.file.uri).localeCompare(baseName(b.file.uri)),
  );
  for (const { file, hcl } of ordered) {
    if (tfvarsRank(file.uri) > 1) continue; // other .tfvars files apply only with -var-file
    for (const attribute of hcl.body.attributes) {
      tfvars.set(attribute.name.toLowerCase(), { uri: file.uri, fileName: baseName(file.uri), expr: attribute.value });
    }
  }

  const evaluator = new ModuleEvaluator(texts, variables, locals, tfvars, externalSuppliers, declared);

  // Resources: first every block's own body, then patches merge into their targets.
  const drafts = new Map<string, Draft>();
  const patches: PatchDraft[] = [];
  for (const { uri, block } of resourceBlocks) {
    const result = draftResource(block, uri, evaluator);
    if (result.kind === 'patch') patches.push(result.patch);
    else drafts.set(`${uri}\u0000${result.draft.key}`, result.draft);
  }
  const byKey = new Map<string, Draft>();
  for (const draft of drafts.values()) if (!byKey.has(draft.key)) byKey.set(draft.key, draft);
  for (const patch of patches) {
    const target = patch.targetKey ? byKey.get(patch.targetKey) : undefined;
    const applies = patchApplies(patch, evaluator);
    if (applies === false) continue; // `count = 0` / a known-false condition: the patch block is not deployed
    if (target && !target.existing) {
      const origin: Origin = { uri: patch.uri, span: patch.block.span, description: `set by ${patch.key}` };
      if (applies === true) target.body.merge(patch.body, origin);
      else target.body.mergePossible(patch.body, applies, origin);
      target.patches.push({ uri: patch.uri, key: patch.key, sourceType: patch.sourceType, block: patch.block });
    } else {
      // The target is outside this module (or not a resource we can see): keep the partial configuration
      // visible as an existing resource, never linted as a whole.
      drafts.set(`${patch.uri}\u0000${patch.key}`, patch.standalone);
    }
  }

  const resourcesByUri = new Map<string, Resource[]>();
  for (const draft of drafts.values()) {
    const list = resourcesByUri.get(draft.uri) ?? [];
    list.push(toResource(draft));
    resourcesByUri.set(draft.uri, list);
  }

  const outputsByUri = groupBy(
    outputs,
    (o) => o.uri,
    (o) => outputOf(o, evaluator),
  );
  const parametersByUri = groupBy(
    variableBlocks,
    (v) => v.uri,
    (v) => parameterOf(v, evaluator),
  );

  const documents: ParsedDocument[] = parsed.map(({ file, hcl }) => {
    const tfvarsDocument = isTfvars(file.uri);
    return {
      uri: file.uri,
      language: tfvarsDocument ? 'tfvars' : 'terraform',
      text: file.text,
      lines: new LineIndex(file.text),
      resources: resourcesByUri.get(file.uri) ?? [],
      syntaxProblems: hcl.problems,
      comments: hcl.comments,
      outputs: tfvarsDocument ? undefined : (outputsByUri.get(file.uri) ?? []),
      parameters: tfvarsDocument ? undefined : (parametersByUri.get(file.uri) ?? []),
    };
  });

  const links: TemplateLink[] = [];
  for (const module of modules) {
    const link = moduleLink(module, evaluator);
    if (link) links.push(link);
  }
  return { documents, links };
}

function tfvarsRank(uri: string): number {
  const name = baseName(uri).toLowerCase();
  if (name === 'terraform.tfvars' || name === 'terraform.tfvars.json') return 0;
  if (/\.auto\.tfvars(\.json)?$/.test(name)) return 1;
  return 2;
}

function groupBy<T, R>(items: readonly T[], keyOf: (item: T) => string, map: (item: T) => R): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const item of items) {
    const list = out.get(keyOf(item)) ?? [];
    list.push(map(item));
    out.set(keyOf(item), list);
  }
  return out;
}

/**
 * Top-level blocks, plus declarations that a missing `}` swallowed into the block above (tree-sitter then
 * nests `resource "a" "b" {…}` inside the previous block, which Terraform never allows).
 */
function topLevelBlocks(body: HclBody): HclBlock[] {
  const out: HclBlock[] = [];
  const visit = (blocks: readonly HclBlock[], nested: boolean, depth: number) => {
    for (const block of blocks) {
      const declaration = isDeclaration(block);
      if (!nested || declaration) out.push(block);
      if (depth < 8 && block.body.blocks.some(isDeclaration))
        visit(block.body.blocks.filter(isDeclaration), true, depth + 1);
    }
  };
  visit(body.blocks, false, 0);
  return out;
}

function isDeclaration(block: HclBlock): boolean {
  const labels = block.labels.length;
  switch (block.type) {
    case 'resource':
    case 'data':
      return labels === 2;
    case 'variable':
    case 'output':
    case 'module':
      return labels === 1;
    default:
      return false;
  }
}

function keyOf(block: HclBlock): string {
  const [type, name] = block.labels;
  return block.type === 'data' ? `data.${type.value}.${name.value}` : `${type.value}.${name.value}`;
}

function attributeOf(body: HclBody, name: string): HclAttribute | undefined {
  return body.attributes.find((attribute) => attribute.name === name);
}

// ---------------------------------------------------------------------------------------------------------
// Variables and outputs
// ---------------------------------------------------------------------------------------------------------

function variableInfo(block: HclBlock, uri: string): VariableInfo {
  const name = block.labels[0].value;
  const defaultExpr = attributeOf(block.body, 'default')?.value;
  const allowed: HclExpr[] = [];
  for (const validation of block.body.blocks.filter((b) => b.type === 'validation')) {
    const condition = attributeOf(validation.body, 'condition')?.value;
    const list = condition ? allowedList(condition, name) : undefined;
    if (list) allowed.push(...list);
  }
  return {
    name,
    uri,
    span: block.span,
    defaultExpr,
    typeExpr: attributeOf(block.body, 'type')?.value,
    allowedExprs: allowed.length > 0 ? allowed : undefined,
  };
}

/** `contains([..], var.x)` (optionally inside `alltrue`/`can`/parentheses) → the list items. */
function allowedList(condition: HclExpr, name: string): readonly HclExpr[] | undefined {
  let expr = condition;
  while (expr.kind === 'paren') expr = expr.inner;
  if (expr.kind !== 'call' || expr.name !== 'contains' || expr.args.length !== 2) return undefined;
  const [list, subject] = expr.args;
  const isVariable =
    subject.kind === 'getAttr' &&
    subject.name === name &&
    subject.object.kind === 'variable' &&
    subject.object.name === 'var';
  if (!isVariable || list.kind !== 'tuple') return undefined;
  return list.items;
}

function parameterOf({ uri, block }: Declared, evaluator: ModuleEvaluator): TemplateParameter {
  const typeExpr = attributeOf(block.body, 'type')?.value;
  const defaultExpr = attributeOf(block.body, 'default')?.value;
  return {
    name: block.labels[0].value,
    nameSpan: block.labels[0].span,
    span: block.span,
    type: typeExpr ? evaluator.text(uri, typeExpr.span).replace(/\s+/g, '').toLowerCase() : undefined,
    secure: isTrue(attributeOf(block.body, 'sensitive')?.value),
    defaultValue: defaultExpr ? evaluator.evaluate(defaultExpr, uri) : undefined,
  };
}

function outputOf({ uri, block }: Declared, evaluator: ModuleEvaluator): TemplateOutput {
  const valueExpr = attributeOf(block.body, 'value')?.value;
  return {
    name: block.labels[0].value,
    nameSpan: block.labels[0].span,
    span: block.span,
    value: valueExpr ? evaluator.evaluate(valueExpr, uri) : make.unknown('', 'has no value attribute', block.span),
    secure: isTrue(attributeOf(block.body, 'sensitive')?.value),
  };
}

function isTrue(expr: HclExpr | undefined): boolean {
  return expr?.kind === 'literal' && expr.value === true;
}

// ---------------------------------------------------------------------------------------------------------
// Module calls
// ---------------------------------------------------------------------------------------------------------

function moduleLink({ uri, block }: Declared, evaluator: ModuleEvaluator): TemplateLink | undefined {
  const source = attributeOf(block.body, 'source')?.value;
  if (source?.kind !== 'literal' || typeof source.value !== 'string') return undefined;
  // Only local paths link to a directory we can see; registry, git and http sources do not.
  if (!/^\.\.?(\/|$)/.test(source.value)) return undefined;
  const values = new Map<string, Value>();
  for (const attribute of block.body.attributes) {
    if (MODULE_META_ARGUMENTS.has(attribute.name)) continue;
    // `each.*` / `count.index` in a module call are reported unknown by the evaluator itself.
    values.set(attribute.name.toLowerCase(), evaluator.evaluate(attribute.value, uri));
  }
  let templateUri: string;
  try {
    templateUri = new URL(source.value.replace(/\/+$/, '') + '/', uri).href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
  return {
    templateUri,
    supplier: { uri, description: `module '${block.labels[0].value}' in ${baseName(uri)}`, values },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------------------

interface Draft {
  readonly key: string;
  readonly uri: string;
  readonly block: HclBlock;
  readonly blockKind: 'resource' | 'data';
  readonly sourceType: string;
  readonly type: string;
  readonly apiVersion?: string;
  readonly body: ObjectBuilder;
  readonly existing: boolean;
  readonly headerSpan: Span;
  readonly parentKey?: string;
  readonly scope?: Value;
  readonly condition?: Value;
  readonly inLoop: boolean;
  readonly mapping?: ResourceMapping;
  readonly azapiBody?: TerraformResourceSyntax['azapiBody'];
  readonly defaultedPaths: readonly string[];
  readonly unmappedAttributes: readonly string[];
  readonly patches: PatchSyntax[];
}

/** What every draft of a block shares (draftResource works it out before the kind of resource is known). */
type DraftCommon = Pick<
  Draft,
  'key' | 'uri' | 'block' | 'blockKind' | 'sourceType' | 'headerSpan' | 'condition' | 'inLoop' | 'existing'
>;

/**
 * `common` and the rest of a draft in one object. Not `{ ...common, type, … }`: a spread followed by keys
 * the spread object lacks takes V8's slow path (microseconds for each resource; see withSpan in
 * model/value.ts).
 */
function draftOf(common: DraftCommon, rest: Omit<Draft, keyof DraftCommon> & Partial<DraftCommon>): Draft {
  return Object.assign({}, common, rest);
}

interface PatchDraft {
  readonly key: string;
  readonly uri: string;
  readonly block: HclBlock;
  readonly sourceType: string;
  readonly targetKey?: string;
  readonly body: ObjectValue;
  /** The draft used when the target is not in this module. */
  readonly standalone: Draft;
}

type DraftResult = { kind: 'resource'; draft: Draft } | { kind: 'patch'; patch: PatchDraft };

function headerOf(block: HclBlock): Span {
  const last = block.labels[block.labels.length - 1];
  return { start: block.span.start, end: last ? last.span.end : block.typeSpan.end };
}

/** `count` / `for_each`: `count = cond ? 1 : 0` is a condition; other counts and for_each are loops. */
function loopShape(block: HclBlock, uri: string, evaluator: ModuleEvaluator): { condition?: Value; inLoop: boolean } {
  const count = attributeOf(block.body, 'count')?.value;
  const forEach = attributeOf(block.body, 'for_each')?.value;
  if (forEach) {
    const value = evaluator.evaluate(forEach, uri);
    const empty =
      (value.kind === 'array' && !value.openEnded && value.items.length === 0) ||
      (value.kind === 'object' && !value.openEnded && value.properties.length === 0);
    return empty ? { condition: make.literal(false, forEach.span), inLoop: true } : { inLoop: true };
  }
  if (!count) return { inLoop: false };
  let expr = count;
  while (expr.kind === 'paren') expr = expr.inner;
  if (expr.kind === 'conditional') {
    const zeroOrOne = (e: HclExpr) => e.kind === 'literal' && (e.value === 0 || e.value === 1);
    if (zeroOrOne(expr.then) && zeroOrOne(expr.otherwise)) {
      const thenOne = expr.then.kind === 'literal' && expr.then.value === 1;
      const condition = evaluator.evaluate(expr.condition, uri);
      return { condition: thenOne ? condition : negate(condition, expr.condition.span), inLoop: false };
    }
  }
  const value = evaluator.evaluate(count, uri);
  if (value.kind === 'literal' && typeof value.value === 'number') {
    if (value.value === 0) return { condition: make.literal(false, count.span), inLoop: false };
    if (value.value === 1) return { inLoop: false };
  }
  return { inLoop: true };
}

/**
 * Whether a patch block (azapi_update_resource, *_customer_managed_key …) is deployed: true, false, or the
 * reason it may or may not be (an unknown `count` condition, a loop over a collection that may be empty).
 */
function patchApplies(patch: PatchDraft, evaluator: ModuleEvaluator): boolean | UnknownValue {
  const { condition, inLoop, block, uri } = patch.standalone;
  if (condition?.kind === 'literal') return condition.value === true;
  if (condition) {
    const reason = condition.kind === 'unknown' ? condition.reason : 'has a condition that is not a bool';
    return make.unknown(
      condition.kind === 'unknown' ? condition.text : '',
      `may be set by ${patch.key}, whose count ${reason}`,
      condition.span,
    );
  }
  if (!inLoop) return true;
  const forEach = attributeOf(block.body, 'for_each')?.value;
  const count = attributeOf(block.body, 'count')?.value;
  const loop = forEach ?? count;
  if (!loop) return true;
  const value = evaluator.evaluate(loop, uri);
  const nonEmpty =
    (value.kind === 'array' && value.items.length > 0) ||
    (value.kind === 'object' && value.properties.length > 0) ||
    (value.kind === 'literal' && typeof value.value === 'number' && value.value > 0);
  if (nonEmpty) return true;
  const what = forEach ? 'for_each' : 'count';
  const reason = value.kind === 'unknown' ? value.reason : 'may be empty';
  return make.unknown(evaluator.text(uri, loop.span), `may be set by ${patch.key}, whose ${what} ${reason}`, loop.span);
}

function negate(value: Value, span: Span): Value {
  if (value.kind === 'literal' && typeof value.value === 'boolean')
    return make.literal(!value.value, span, value.origins);
  if (value.kind === 'unknown') return { ...value, text: `!(${value.text})`, candidates: undefined };
  return make.unknown('', 'is not a bool', span);
}

function draftResource(block: HclBlock, uri: string, evaluator: ModuleEvaluator): DraftResult {
  const sourceType = block.labels[0].value;
  const blockKind = block.type === 'data' ? 'data' : 'resource';
  const key = keyOf(block);
  const headerSpan = headerOf(block);
  const { condition, inLoop } = loopShape(block, uri, evaluator);
  // `each` over a known collection carries every item as a candidate; `count.index` and `self` need no
  // binding (the evaluator reports them unknown by name).
  const bindings = new Map<string, Value>();
  const forEach = attributeOf(block.body, 'for_each')?.value;
  if (forEach) {
    const collection = evaluator.evaluate(forEach, uri);
    bindings.set('each', loopVariable(collection, 'depends on the for_each item', forEach.span, 'each'));
  }
  const common = {
    key,
    uri,
    block,
    blockKind,
    sourceType,
    headerSpan,
    condition,
    inLoop,
    existing: blockKind === 'data',
  } as const;

  if (sourceType === 'azapi_resource' || sourceType === 'azapi_update_resource') {
    return draftAzapi(common, evaluator, bindings);
  }
  const mapping = azurermMapping(sourceType);
  const view = blockView(block, uri, evaluator, bindings);
  if (!mapping) {
    const body = new ObjectBuilder(block.span);
    for (const name of ['name', 'location', 'tags']) {
      const attribute = view.attribute(name);
      if (attribute) body.set(name, attribute.value, attribute.nameSpan, attribute.span);
    }
    const draft = draftOf(common, {
      type: `${UNMAPPED_TYPE_PREFIX}${sourceType}`,
      body,
      defaultedPaths: [],
      unmappedAttributes: block.body.attributes.map((a) => a.name),
      patches: [],
    });
    return { kind: 'resource', draft };
  }
  // Data sources read what exists: provider defaults say nothing about them.
  const result = mapResource(mapping, view, headerSpan);
  const unmapped = unmappedNames(block.body, result.mapped, '');
  const reference = (attribute: string | undefined) => {
    const value = attribute ? view.attribute(attribute)?.value : undefined;
    return value;
  };
  const scope = mapping.scopeAttribute ? reference(mapping.scopeAttribute) : undefined;
  const parentValue = mapping.parentAttribute ? reference(mapping.parentAttribute) : undefined;
  const parentKey = referencedKey(parentValue);
  const draft = draftOf(common, {
    type: mapping.armType,
    body: result.body,
    parentKey,
    scope,
    mapping,
    defaultedPaths: blockKind === 'data' ? [] : result.defaults,
    unmappedAttributes: unmapped,
    patches: [],
  });
  if (mapping.patchTargetAttribute && blockKind === 'resource') {
    const targetKey = referencedKey(view.attribute(mapping.patchTargetAttribute)?.value);
    return {
      kind: 'patch',
      patch: {
        key,
        uri,
        block,
        sourceType,
        targetKey,
        body: result.body.build(),
        standalone: { ...draft, existing: true },
      },
    };
  }
  return { kind: 'resource', draft };
}

function referencedKey(value: Value | undefined): string | undefined {
  return value?.kind === 'unknown' && value.reference?.key ? value.reference.key : undefined;
}

function unmappedNames(body: HclBody, mapped: ReadonlySet<string>, prefix: string): string[] {
  const meta = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'resource_group_name', 'timeouts']);
  const out: string[] = [];
  for (const attribute of body.attributes) {
    const name = prefix + attribute.name;
    if (!mapped.has(name) && !(prefix === '' && meta.has(attribute.name))) out.push(name);
  }
  for (const block of body.blocks) {
    if (prefix === '' && meta.has(block.type)) continue;
    if (block.type === 'dynamic') continue;
    if (!mapped.has(prefix + block.type)) out.push(prefix + block.type);
  }
  return out;
}

function draftAzapi(common: DraftCommon, evaluator: ModuleEvaluator, bindings: Bindings): DraftResult {
  const { block, uri } = common;
  const typeAttribute = attributeOf(block.body, 'type');
  const typeValue = typeAttribute ? evaluator.evaluate(typeAttribute.value, uri, bindings) : undefined;
  let type: string | undefined;
  let apiVersion: string | undefined;
  if (typeValue?.kind === 'literal' && typeof typeValue.value === 'string') {
    const at = typeValue.value.lastIndexOf('@');
    type = at >= 0 ? typeValue.value.slice(0, at) : typeValue.value;
    apiVersion = at >= 0 ? typeValue.value.slice(at + 1) : undefined;
  } else if (typeAttribute?.value.kind === 'template' && typeof typeAttribute.value.parts[0] === 'string') {
    // "Microsoft.X/y@${var.api_version}": the type is known even when the API version is not.
    const prefix = typeAttribute.value.parts[0];
    const at = prefix.indexOf('@');
    if (at > 0) type = prefix.slice(0, at);
  }
  const body = new ObjectBuilder(block.span);
  for (const name of ['name', 'location', 'tags']) {
    const attribute = attributeOf(block.body, name);
    if (attribute)
      body.set(name, evaluator.evaluate(attribute.value, uri, bindings), attribute.nameSpan, attribute.span);
  }
  const bodyAttribute = attributeOf(block.body, 'body');
  let azapiBody: TerraformResourceSyntax['azapiBody'];
  if (bodyAttribute) {
    azapiBody = {
      attribute: bodyAttribute,
      jsonencode: bodyAttribute.value.kind === 'call' && bodyAttribute.value.name === 'jsonencode',
    };
    const value = evaluator.evaluateBody(bodyAttribute.value, uri, bindings);
    if (value.kind === 'object') body.merge(value);
    else if (value.kind === 'unknown') body.markOpenEnded(value);
  }
  for (const identity of block.body.blocks.filter((b) => b.type === 'identity')) {
    const typeAttr = attributeOf(identity.body, 'type');
    if (typeAttr)
      body.set('identity.type', evaluator.evaluate(typeAttr.value, uri, bindings), typeAttr.nameSpan, typeAttr.span);
    const ids = attributeOf(identity.body, 'identity_ids');
    if (ids) {
      const list = evaluator.evaluate(ids.value, uri, bindings);
      const properties =
        list.kind === 'array'
          ? list.items.map((item) =>
              make.property(
                item.kind === 'literal' ? String(item.value) : item.kind === 'unknown' ? item.text : '',
                item.span,
                make.object([], item.span),
              ),
            )
          : [];
      body.set(
        'identity.userAssignedIdentities',
        list.kind === 'array' ? make.object(properties, list.span) : list,
        ids.nameSpan,
        ids.span,
      );
    }
  }
  for (const dynamic of block.body.blocks.filter((b) => b.type === 'dynamic' && b.labels[0]?.value === 'identity')) {
    body.set(
      'identity',
      make.unknown('dynamic "identity"', "is generated by dynamic block 'identity' from its for_each", dynamic.span),
      dynamic.typeSpan,
      dynamic.span,
    );
  }

  const parentAttribute = attributeOf(block.body, 'parent_id');
  const parentValue = parentAttribute ? evaluator.evaluate(parentAttribute.value, uri, bindings) : undefined;
  const extension = type !== undefined && EXTENSION_TYPES.has(type.toLowerCase());
  const isChild = type !== undefined && type.split('/').length > 2;
  const resolvedType = type ?? `${UNMAPPED_TYPE_PREFIX}${common.sourceType}`;

  if (common.sourceType === 'azapi_update_resource') {
    const targetValue = attributeOf(block.body, 'resource_id')
      ? evaluator.evaluate(attributeOf(block.body, 'resource_id')!.value, uri, bindings)
      : undefined;
    const built = body.build();
    // Only the body patches the target: name/location of the update block are addressing, not settings.
    const patchBody = make.object(
      built.properties.filter((p) => !['name', 'location', 'tags'].includes(p.name.toLowerCase())),
      built.span,
      built.openEnded ? { openEnded: built.openEnded } : undefined,
    );
    const standalone = draftOf(common, {
      existing: true,
      type: resolvedType,
      apiVersion,
      body,
      defaultedPaths: [],
      unmappedAttributes: [],
      patches: [],
      azapiBody,
    });
    return {
      kind: 'patch',
      patch: {
        key: common.key,
        uri,
        block,
        sourceType: common.sourceType,
        targetKey: referencedKey(targetValue),
        body: patchBody,
        standalone,
      },
    };
  }

  const draft = draftOf(common, {
    type: resolvedType,
    apiVersion,
    body,
    scope: extension ? parentValue : undefined,
    parentKey: !extension && isChild ? referencedKey(parentValue) : undefined,
    azapiBody,
    defaultedPaths: [],
    unmappedAttributes: [],
    patches: [],
  });
  return { kind: 'resource', draft };
}

function toResource(draft: Draft): Resource {
  const syntax: TerraformResourceSyntax = {
    kind: 'terraform',
    uri: draft.uri,
    blockKind: draft.blockKind,
    block: draft.block,
    sourceType: draft.sourceType,
    mapping: draft.mapping,
    azapiBody: draft.azapiBody,
    defaultedPaths: draft.defaultedPaths,
    patches: draft.patches,
    unmappedAttributes: draft.unmappedAttributes,
  };
  const body = fixDefaultOrigins(draft.body.build(), draft.uri);
  return new Resource({
    key: draft.key,
    type: draft.type,
    apiVersion: draft.apiVersion,
    uri: draft.uri,
    language: 'terraform',
    span: draft.block.span,
    headerSpan: draft.headerSpan,
    body,
    existing: draft.existing || undefined,
    parentKey: draft.parentKey,
    scope: draft.scope,
    condition: draft.condition,
    inLoop: draft.inLoop || undefined,
    sourceType: draft.sourceType,
    syntax,
  });
}

/** Provider-default origins are created without a uri (the mapping knows no files): fill it in. */
function fixDefaultOrigins(value: ObjectValue, uri: string): ObjectValue {
  const fix = (v: Value): Value => {
    let out = v;
    if (v.origins?.some((o) => o.uri === ''))
      out = { ...v, origins: v.origins.map((o) => (o.uri === '' ? { ...o, uri } : o)) };
    if (out.kind === 'object')
      return { ...out, properties: out.properties.map((p) => ({ ...p, value: fix(p.value) })) };
    if (out.kind === 'array') return { ...out, items: out.items.map(fix) };
    return out;
  };
  return fix(value) as ObjectValue;
}

// ---------------------------------------------------------------------------------------------------------
// BlockView over HCL syntax (what the mapping reads)
// ---------------------------------------------------------------------------------------------------------

function blockView(block: HclBlock, uri: string, evaluator: ModuleEvaluator, bindings: Bindings): BlockView {
  const cache = new Map<string, AttributeView | undefined>();
  const view: BlockView = {
    type: block.type,
    span: block.span,
    typeSpan: block.typeSpan,
    attribute(name) {
      if (cache.has(name)) return cache.get(name);
      const attribute = attributeOf(block.body, name);
      const result = attribute
        ? {
            name: attribute.name,
            nameSpan: attribute.nameSpan,
            span: attribute.span,
            value: evaluator.evaluate(attribute.value, uri, bindings),
          }
        : undefined;
      cache.set(name, result);
      return result;
    },
    attributes() {
      return block.body.attributes
        .map((a) => view.attribute(a.name))
        .filter((a): a is AttributeView => a !== undefined);
    },
    blocks(type) {
      return block.body.blocks.filter((b) => b.type === type).map((b) => blockView(b, uri, evaluator, bindings));
    },
    dynamicBlocks(type) {
      return block.body.blocks
        .filter((b) => b.type === 'dynamic' && b.labels[0]?.value === type)
        .map((dynamic): DynamicBlockView => {
          const forEachExpr = attributeOf(dynamic.body, 'for_each')?.value;
          const forEach: Value = forEachExpr
            ? evaluator.evaluate(forEachExpr, uri, bindings)
            : make.unknown('', 'has no for_each', dynamic.span);
          const iterator = iteratorName(dynamic, uri, evaluator) ?? type;
          const inner = new Map(bindings);
          inner.set(
            iterator,
            loopVariable(forEach, `depends on the dynamic block's ${iterator} iterator`, dynamic.span, iterator),
          );
          const content = dynamic.body.blocks.find((b) => b.type === 'content');
          return {
            type,
            span: dynamic.span,
            forEach,
            content: content ? blockView(content, uri, evaluator, inner) : undefined,
          };
        });
    },
  };
  return view;
}

function iteratorName(dynamic: HclBlock, uri: string, evaluator: ModuleEvaluator): string | undefined {
  const iterator = attributeOf(dynamic.body, 'iterator')?.value;
  if (iterator?.kind === 'variable') return iterator.name;
  if (iterator) return evaluator.text(uri, iterator.span).trim() || undefined;
  return undefined;
}

export type { Comment, SyntaxProblem };
