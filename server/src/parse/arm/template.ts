// From the JSON of a deployment template to resources of the shared model: the `resources` array (or the
// languageVersion 2.0 symbolic-name object), nested child resources, `existing`, `condition`, `copy`,
// extension resources (`scope`, and the `<type>/providers/<extension>` form), and nested deployments
// (`Microsoft.Resources/deployments` with an inline template, evaluated in the inner or outer scope).
// Also the template's outputs and parameters, and links for `templateLink.relativePath` deployments.
import type { Node } from 'jsonc-parser';
import type { TemplateOutput, TemplateParameter } from '../../model/document';
import type { ParameterSupplier, TemplateLink } from '../../model/frontend';
import { Resource } from '../../model/resource';
import { combineConditions } from '../../model/lift';
import type { Span } from '../../model/span';
import { getPath, make, type ObjectValue, type Property, type UnknownValue, type Value } from '../../model/value';
import { ArmScope, MAX_COPY_ITEMS, NO_LOCALS, type DocumentContext, type Locals } from './evaluate';
import { expressionBody, literalText, parsedExpression, type ArmExpr } from './expression';
import { canonicalNameOf, canonicalNameOfWritten } from './idShape';
import { child, entries, propertyNode, spanOfNode, stringOf } from './json';

/** The handle `edit/` gets as `Resource.syntax` (see index.ts). */
export interface ArmResourceSyntax {
  readonly kind: 'arm';
  /** The document's root node (the top-level template object). */
  readonly root: Node;
  /** The resource's own object node. */
  readonly node: Node;
  /** The template object that declares the resource: the root, or a nested deployment's `properties.template`. */
  readonly template: Node;
  /** For a resource nested in another's `resources` array: the parent's object node. */
  readonly parentNode?: Node;
  /** languageVersion 2.0: the symbolic name (the property name in `resources`). */
  readonly symbolicName?: string;
  /** Whose parameters and variables the resource's expressions see: `template`'s own ('inner') or an enclosing one. */
  readonly scopeTemplate: Node;
}

/** Nested deployments inside nested deployments beyond this depth are not expanded. */
const MAX_DEPLOYMENT_DEPTH = 16;
/** Candidate copy indexes offered for `copyIndex()` when the count is known and small. */
const MAX_INDEX_CANDIDATES = 32;

/** Resource properties that are ARM instructions, not part of the deployed resource's body. */
const STRUCTURAL = new Set([
  'type',
  'apiversion',
  'condition',
  'copy',
  'dependson',
  'resources',
  'existing',
  'comments',
]);

const DEPLOYMENTS_TYPE = 'microsoft.resources/deployments';

/** Namespaces of extension types written without one (`Microsoft.Storage/storageAccounts/providers/roleAssignments`). */
const EXTENSION_NAMESPACES: Readonly<Record<string, string>> = {
  roleassignments: 'Microsoft.Authorization',
  locks: 'Microsoft.Authorization',
  policyassignments: 'Microsoft.Authorization',
  diagnosticsettings: 'Microsoft.Insights',
};

interface Frame {
  readonly scope: ArmScope;
  readonly template: Node;
  readonly keyPrefix: string;
  readonly condition?: Value;
  readonly inLoop: boolean;
  readonly locals: Locals;
  readonly depth: number;
}

/** What the planning pass decided for a declaration. */
interface Planned {
  readonly key: string;
  readonly type: string;
  readonly nameText: string;
  /** The name in canonical form (idShape.ts), a child's prefixed with its parent's. */
  readonly canonicalName: string;
}

interface ParentInfo {
  readonly key: string;
  readonly type: string;
  readonly name: Value;
  readonly nameText: string;
  readonly apiVersion?: string;
  readonly node: Node;
  readonly condition?: Value;
  readonly inLoop: boolean;
  readonly locals: Locals;
}

export class TemplateWalker {
  readonly resources: Resource[] = [];
  readonly links: TemplateLink[] = [];
  private readonly keys = new Set<string>();
  /** The last `#n` suffix given to each key that needed one (see uniqueKey). */
  private readonly lastSuffix = new Map<string, number>();
  private readonly planned = new Map<Node, Planned>();

  constructor(
    private readonly document: DocumentContext,
    private readonly root: Node,
  ) {}

  walk(scope: ArmScope): void {
    this.walkTemplate({ scope, template: this.root, keyPrefix: '', inLoop: false, locals: NO_LOCALS, depth: 0 });
  }

  private walkTemplate(frame: Frame): void {
    const resources = child(frame.template, 'resources');
    const declared: [Node, string | undefined][] = [];
    if (resources?.type === 'array') {
      for (const node of resources.children ?? []) declared.push([node, undefined]);
    } else if (resources?.type === 'object') {
      for (const [name, , node] of entries(resources)) if (node) declared.push([node, name]);
    }
    // Keys first, so that expressions can refer to resources declared further down by key.
    for (const [node, symbolicName] of declared) this.plan(frame, node, symbolicName, undefined);
    for (const [node, symbolicName] of declared) this.resource(frame, node, symbolicName, undefined);
  }

  /** Assigns the key of a declaration (and its children) and registers it by type and name expression. */
  private plan(frame: Frame, node: Node, symbolicName: string | undefined, parent: Planned | undefined): void {
    const writtenType = stringOf(child(node, 'type'));
    if (node.type !== 'object' || !writtenType) return;
    const writtenName = stringOf(child(node, 'name')) ?? '';
    const relative = parent && !isFullyQualifiedType(writtenType);
    const type = relative ? `${parent.type}/${writtenType}` : writtenType;
    const nameText = relative ? `${parent.nameText}/${writtenName}` : writtenName;
    const key =
      this.planned.get(node)?.key ?? this.uniqueKey(frame.keyPrefix + (symbolicName ?? `${type}/${nameText}`));
    const nameNode = child(node, 'name');
    const ownName =
      nameNode?.type === 'string' && expressionBody(writtenName)
        ? canonicalNameOf(this.document.parsed(nameNode).ast, writtenName)
        : canonicalNameOfWritten(writtenName);
    const canonicalName = relative ? `${parent!.canonicalName}/${ownName}` : ownName;
    const planned: Planned = { key, type, nameText, canonicalName };
    this.planned.set(node, planned);
    frame.scope.registerResourceByCanonicalName(type, canonicalName, key);
    for (const item of child(node, 'resources')?.children ?? []) this.plan(frame, item, undefined, planned);
  }

  private resource(frame: Frame, node: Node, symbolicName: string | undefined, parent: ParentInfo | undefined): void {
    if (node.type !== 'object') return;
    const { scope } = frame;
    const typeNode = child(node, 'type');
    const writtenType = stringOf(typeNode);
    if (!writtenType) return;

    // Loop and condition first: the name and body may use copyIndex().
    const baseLocals = parent?.locals ?? frame.locals;
    const copyNode = child(node, 'copy');
    const locals = copyNode?.type === 'object' ? this.loopLocals(scope, copyNode, baseLocals) : baseLocals;
    const inLoop = copyNode?.type === 'object' || (parent?.inLoop ?? frame.inLoop);
    const conditionNode = child(node, 'condition');
    const ownCondition = conditionNode ? scope.evaluateNode(conditionNode, locals) : undefined;
    const condition = combineConditions(combineConditions(frame.condition, parent?.condition), ownCondition);

    const nameNode = child(node, 'name');
    let name: Value = nameNode
      ? scope.evaluateNode(nameNode, locals)
      : make.unknown('', 'the resource has no name', spanOfNode(node));
    let nameText = stringOf(nameNode) ?? '';
    let type = writtenType;
    if (parent && !isFullyQualifiedType(writtenType)) {
      type = `${parent.type}/${writtenType}`;
      name = joinNames([parent.name, name], nameNode ? spanOfNode(nameNode) : spanOfNode(node));
      nameText = `${parent.nameText}/${nameText}`;
    }
    const apiVersionNode = child(node, 'apiVersion');
    let apiVersion = stringOf(apiVersionNode) ?? parent?.apiVersion;
    if (apiVersion?.startsWith('[')) {
      const evaluated = scope.evaluateNode(apiVersionNode!, locals);
      apiVersion = evaluated.kind === 'literal' && typeof evaluated.value === 'string' ? evaluated.value : undefined;
    }

    const key =
      this.planned.get(node)?.key ?? this.uniqueKey(frame.keyPrefix + (symbolicName ?? `${type}/${nameText}`));
    const isDeployment = type.toLowerCase() === DEPLOYMENTS_TYPE;
    const inlineTemplate = isDeployment ? child(child(node, 'properties'), 'template') : undefined;
    if (inlineTemplate?.type === 'object') {
      this.document.opaque.set(inlineTemplate, 'a nested template: its resources are analysed on their own');
    }
    let body = scope.evaluateObject(node, locals, STRUCTURAL);
    let resourceScope = firstProperty(body, 'scope')?.value;
    const extension = extensionForm(type, name, (targetType) => targetKeyOf(scope, targetType, nameNode));
    if (extension) {
      type = extension.type;
      name = extension.name;
      resourceScope ??= extension.scope;
    }
    if (name !== firstProperty(body, 'name')?.value) body = withName(body, name);

    const existingNode = child(node, 'existing');
    const parentKey =
      parent?.key ??
      this.symbolicParent(frame, symbolicName) ??
      (extension ? undefined : parentByName(scope, type, nameNode));
    const syntax: ArmResourceSyntax = {
      kind: 'arm',
      root: this.root,
      node,
      template: frame.template,
      parentNode: parent?.node,
      symbolicName,
      scopeTemplate: scope.template,
    };
    const headerProperty = propertyNode(node, 'type');
    this.resources.push(
      new Resource({
        key,
        type,
        apiVersion,
        uri: this.document.uri,
        language: 'arm',
        span: spanOfNode(node),
        headerSpan: headerProperty ? spanOfNode(headerProperty) : { start: node.offset, end: node.offset + 1 },
        body,
        existing: existingNode?.type === 'boolean' && existingNode.value === true ? true : undefined,
        parentKey,
        scope: resourceScope,
        condition,
        inLoop: inLoop || undefined,
        syntax,
      }),
    );

    const info: ParentInfo = { key, type, name, nameText, apiVersion, node, condition, inLoop, locals };
    const children = child(node, 'resources');
    if (children?.type === 'array') {
      for (const item of children.children ?? []) this.resource(frame, item, undefined, info);
    }
    if (isDeployment) this.deployment(frame, node, info, body);
  }

  /** A nested deployment: its inline template's resources, or a link to a local linked template. */
  private deployment(frame: Frame, node: Node, deployment: ParentInfo, body: ObjectValue): void {
    const properties = child(node, 'properties');
    const template = child(properties, 'template');
    const evaluationScope = stringOf(child(child(properties, 'expressionEvaluationOptions'), 'scope'));
    const inner = evaluationScope?.toLowerCase() === 'inner';
    const label = stringOf(child(node, 'name')) ?? deployment.key;
    const supplier = (): ParameterSupplier => ({
      uri: this.document.uri,
      description: `deployment '${label.startsWith('[') ? deployment.key : label}'`,
      values: this.suppliedValues(frame.scope, child(properties, 'parameters'), deployment.locals, body),
    });
    if (template?.type === 'object') {
      if (frame.depth >= MAX_DEPLOYMENT_DEPTH) return;
      const keyPrefix = `${deployment.key} > `;
      const scope = inner ? new ArmScope(this.document, template, [supplier()], keyPrefix) : frame.scope;
      this.walkTemplate({
        scope,
        template,
        keyPrefix,
        condition: deployment.condition,
        inLoop: deployment.inLoop,
        locals: inner ? NO_LOCALS : deployment.locals,
        depth: frame.depth + 1,
      });
      return;
    }
    const relativePath = stringOf(child(child(properties, 'templateLink'), 'relativePath'));
    if (relativePath && !relativePath.startsWith('[')) {
      try {
        this.links.push({ templateUri: new URL(relativePath, this.document.uri).href, supplier: supplier() });
      } catch {
        // Not a resolvable path: nothing is linked.
      }
    }
  }

  /**
   * `properties.parameters` of a deployment: `{ name: { value } }`, Key Vault references unknown. The values
   * were already evaluated as part of the deployment's body: taken from there when present.
   */
  private suppliedValues(
    scope: ArmScope,
    parameters: Node | undefined,
    locals: Locals,
    body: ObjectValue,
  ): Map<string, Value> {
    const values = new Map<string, Value>();
    for (const [name, , entry] of entries(parameters)) {
      if (!entry) continue;
      const value = child(entry, 'value');
      const evaluated =
        value && !expressionBody(name) ? getPath(body, ['properties', 'parameters', name, 'value']) : undefined;
      if (evaluated && evaluated.span.start === value!.offset) values.set(name.toLowerCase(), evaluated);
      else if (value) values.set(name.toLowerCase(), scope.evaluateNode(value, locals));
      else if (child(entry, 'reference')) values.set(name.toLowerCase(), keyVaultReference(entry, this.document.text));
    }
    return values;
  }

  /** copyIndex() of a resource loop: unknown, with the indexes as candidates when the count is small. */
  private loopLocals(scope: ArmScope, copyNode: Node, locals: Locals): Locals {
    const copyName = stringOf(child(copyNode, 'name')) ?? '';
    const countNode = child(copyNode, 'count');
    const count = countNode ? scope.evaluateNode(countNode, locals) : undefined;
    const span = spanOfNode(copyNode);
    const candidates =
      count?.kind === 'literal' &&
      typeof count.value === 'number' &&
      count.value >= 0 &&
      count.value <= Math.min(MAX_INDEX_CANDIDATES, MAX_COPY_ITEMS)
        ? Array.from({ length: count.value }, (_, i) => make.literal(i, span))
        : undefined;
    const index = make.unknown('copyIndex()', `one instance of copy loop '${copyName}'`, span, {
      candidates,
      origins: count?.origins,
    });
    const scoped = new Map(locals);
    scoped.set('', index);
    if (copyName) scoped.set(copyName.toLowerCase(), index);
    return scoped;
  }

  /** languageVersion 2.0 names nested children `parent::child`. */
  private symbolicParent(frame: Frame, symbolicName: string | undefined): string | undefined {
    if (!symbolicName) return undefined;
    const at = symbolicName.lastIndexOf('::');
    if (at <= 0) return undefined;
    const parentName = symbolicName.slice(0, at);
    return frame.scope.symbols.has(parentName.toLowerCase()) ? frame.keyPrefix + parentName : undefined;
  }

  private uniqueKey(key: string): string {
    let unique = key;
    // Keys are only ever added, so the first free suffix of a key never goes down: the search goes on from
    // the last one found (templates declare hundreds of resources written alike, `…/[guid(…)]`, and counting
    // from 2 each time was quadratic).
    let n = this.lastSuffix.get(key) ?? 1;
    while (this.keys.has(unique)) unique = `${key}#${++n}`;
    if (n > 1) this.lastSuffix.set(key, n);
    this.keys.add(unique);
    return unique;
  }
}

/** `Microsoft.Storage/storageAccounts/blobServices` (a namespace) rather than `blobServices` (relative). */
function isFullyQualifiedType(type: string): boolean {
  return /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/./.test(type);
}

/** `parent/child` names: known when every part is. */
function joinNames(parts: readonly Value[], span: Span): Value {
  const unknown = parts.find((p): p is UnknownValue => p.kind === 'unknown');
  if (!unknown) return make.literal(parts.map((p) => (p.kind === 'literal' ? String(p.value) : '')).join('/'), span);
  return make.unknown(
    parts.map((p) => (p.kind === 'unknown' ? p.text : String((p as { value?: unknown }).value))).join('/'),
    unknown.reason,
    span,
    {
      origins: unknown.origins,
    },
  );
}

/**
 * The older way to declare an extension resource: type `Microsoft.KeyVault/vaults/providers/diagnosticSettings`
 * (or `…/providers/Microsoft.Insights/diagnosticSettings`), name `vault/Microsoft.Insights/setting`. The
 * resource is then a `Microsoft.Insights/diagnosticSettings` named `setting`, scoped to the vault.
 */
function extensionForm(
  type: string,
  name: Value,
  targetKey: (targetType: string) => string | undefined,
): { type: string; name: Value; scope: Value } | undefined {
  const at = type.toLowerCase().indexOf('/providers/');
  if (at < 0) return undefined;
  const targetType = type.slice(0, at);
  const rest = type.slice(at + '/providers/'.length).split('/');
  const targetNameCount = targetType.split('/').length - 1;
  let namespace = rest[0].includes('.') ? rest[0] : undefined;
  const extensionTypeRest = namespace ? rest.slice(1) : rest;
  if (name.kind === 'literal' && typeof name.value === 'string') {
    const segments = name.value.split('/');
    const targetName = segments.slice(0, targetNameCount).join('/');
    let remaining = segments.slice(targetNameCount);
    if (remaining.length > 1 && remaining[0].includes('.')) {
      namespace ??= remaining[0];
      remaining = remaining.slice(1);
    }
    namespace ??= EXTENSION_NAMESPACES[extensionTypeRest[0]?.toLowerCase() ?? ''] ?? 'Microsoft.Unknown';
    const scope = make.unknown(name.value, `the id of ${targetType} '${targetName}'`, name.span, {
      reference: { type: targetType, name: make.literal(targetName, name.span), attribute: 'id' },
      origins: name.origins,
    });
    return {
      type: [namespace, ...extensionTypeRest].join('/'),
      name: make.literal(remaining.join('/'), name.span, name.origins),
      scope,
    };
  }
  namespace ??= EXTENSION_NAMESPACES[extensionTypeRest[0]?.toLowerCase() ?? ''] ?? 'Microsoft.Unknown';
  const reason = name.kind === 'unknown' ? name.reason : 'the name is not a string';
  const scope = make.unknown(
    name.kind === 'unknown' ? name.text : '',
    `the target of the extension resource: ${reason}`,
    name.span,
    {
      reference: {
        key: targetKey(targetType),
        type: targetType,
        name: make.unknown(name.kind === 'unknown' ? name.text : '', reason, name.span),
        attribute: 'id',
      },
    },
  );
  return { type: [namespace, ...extensionTypeRest].join('/'), name, scope };
}

/**
 * The key of the target of an extension resource named `[concat(<target name>, '/Microsoft.Insights/', …)]`
 * or `[format('{0}/Microsoft.Insights/{1}', <target name>, …)]`, when this template declares a resource of the
 * target type with that same name expression (the name itself may be unknown).
 */
function targetKeyOf(scope: ArmScope, targetType: string, nameNode: Node | undefined): string | undefined {
  if (targetType.split('/').length !== 2) return undefined;
  const text = stringOf(nameNode);
  const body = text ? expressionBody(text) : undefined;
  if (!text || !body) return undefined;
  const ast = parsedExpression(text);
  if (ast.kind !== 'call' || ast.namespace) return undefined;
  const [first, second] = ast.args;
  let target: ArmExpr | undefined;
  if (/^concat$/i.test(ast.name) && second?.kind === 'string' && second.value.startsWith('/')) target = first;
  else if (/^format$/i.test(ast.name) && first?.kind === 'string' && first.value.startsWith('{0}/')) target = second;
  return target ? scope.resourceKeyByName(targetType, text.slice(target.start, target.end)) : undefined;
}

/**
 * The parent of a child resource declared at the top level (`Microsoft.Storage/storageAccounts/blobServices`
 * named `acct/default`, or `[format('{0}/{1}', parameters('name'), 'default')]`): the resource of the parent
 * type declared with the leading part of the name, compared as written (so unknown names still match).
 */
function parentByName(scope: ArmScope, type: string, nameNode: Node | undefined): string | undefined {
  const segments = type.split('/');
  const text = stringOf(nameNode);
  if (segments.length < 3 || !text) return undefined;
  const parentType = segments.slice(0, -1).join('/');
  const body = expressionBody(text);
  if (!body) {
    const literal = literalText(text);
    const at = literal.lastIndexOf('/');
    return at > 0 ? scope.resourceKeyByName(parentType, `'${literal.slice(0, at).replace(/'/g, "''")}'`) : undefined;
  }
  // Expressions: only a parent with a one-segment name (a top-level resource) can be compared as written.
  if (segments.length !== 3) return undefined;
  const ast = parsedExpression(text);
  if (ast.kind !== 'call' || ast.namespace) return undefined;
  let parentName: ArmExpr | undefined;
  if (/^format$/i.test(ast.name) && ast.args[0]?.kind === 'string') {
    const placeholder = /^\{(\d+)\}\//.exec(ast.args[0].value);
    if (placeholder) parentName = ast.args[Number(placeholder[1]) + 1];
  } else if (/^concat$/i.test(ast.name) && ast.args[1]?.kind === 'string' && ast.args[1].value.startsWith('/')) {
    parentName = ast.args[0];
  }
  return parentName ? scope.resourceKeyByName(parentType, text.slice(parentName.start, parentName.end)) : undefined;
}

/**
 * The first property called `lower` in any casing. Length first: lower-casing every property name of every
 * resource body twice was a hot spot on large templates.
 */
function firstProperty(body: ObjectValue, lower: string): Property | undefined {
  // A loop, not `find` with a callback made on each call (see withName).
  for (const p of body.properties) if (p.name.length === lower.length && p.name.toLowerCase() === lower) return p;
  return undefined;
}

function withName(body: ObjectValue, name: Value): ObjectValue {
  // A loop, not `map` with a callback made on each call (V8 keeps a per-call closure's optimized code only
  // while one is alive: the scan worker compiled it ~20 times).
  const properties: Property[] = [];
  for (const p of body.properties)
    properties.push(p.name.toLowerCase() === 'name' ? { ...p, value: { ...name, span: p.value.span } } : p);
  return { ...body, properties };
}

/** `{ "reference": { "keyVault": { "id": … }, "secretName": "x" } }`: a secret read at deployment time. */
export function keyVaultReference(entry: Node, text: string): Value {
  const reference = child(entry, 'reference')!;
  const secretName = stringOf(child(reference, 'secretName'));
  const span = spanOfNode(reference);
  return make.unknown(
    text.slice(span.start, span.end),
    `a Key Vault secret${secretName ? ` ('${secretName}')` : ''}, read at deployment time`,
    span,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Outputs and parameters of a template

export function templateParameters(scope: ArmScope): TemplateParameter[] {
  const result: TemplateParameter[] = [];
  for (const [name, key, node] of entries(child(scope.template, 'parameters'))) {
    const type = stringOf(child(node, 'type'))?.toLowerCase();
    const declaration = scope.parameterDeclaration(name);
    const defaultValue = declaration && declaration !== 'missing' ? declaration.defaultValue : undefined;
    result.push({
      name,
      nameSpan: spanOfNode(key),
      span: spanOfNode(key.parent!),
      type,
      secure: type === 'securestring' || type === 'secureobject',
      defaultValue: defaultValue && child(node, 'defaultValue') ? defaultValue : undefined,
    });
  }
  return result;
}

export function templateOutputs(scope: ArmScope): TemplateOutput[] {
  const result: TemplateOutput[] = [];
  for (const [name, key, node] of entries(child(scope.template, 'outputs'))) {
    const type = stringOf(child(node, 'type'))?.toLowerCase();
    const copy = child(node, 'copy');
    const valueNode = child(node, 'value');
    let value: Value;
    if (copy?.type === 'object') value = scope.evaluateCopy(copy, name, NO_LOCALS, 'input');
    else if (valueNode) value = scope.evaluateNode(valueNode);
    else value = make.unknown('', `output '${name}' has no value`, spanOfNode(key.parent!));
    result.push({
      name,
      nameSpan: spanOfNode(key),
      span: spanOfNode(key.parent!),
      value,
      secure: type === 'securestring' || type === 'secureobject',
    });
  }
  return result;
}
