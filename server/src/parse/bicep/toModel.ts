// From the Bicep syntax tree to the shared model: resources (with nested children, loops, conditions,
// `existing`, `parent:` and `scope:`), and the links a file hands to other templates (local modules, the
// `using` template of a .bicepparam file) with the parameter values it supplies.
import type { ParsedDocument, TemplateOutput, TemplateParameter } from '../../model/document';
import type { FrontEndResult, ParameterSupplier, SourceFile, TemplateLink } from '../../model/frontend';
import { Resource } from '../../model/resource';
import { combineConditions } from '../../model/lift';
import { LineIndex } from '../../model/span';
import { getProperty, make, type ObjectValue, type Value } from '../../model/value';
import { BicepEvaluator, spanOf, type Locals } from './evaluate';
import { parseBicep } from './parser';
import { plainString, type BicepTree, type Decorator, type Expr, type ModuleDecl, type ResourceDecl } from './syntax';

/**
 * The last syntax tree per uri. A file is analysed again with unchanged text whenever the values handed to it
 * change (its .bicepparam or a caller edited): the tree is reused then (trees are never modified).
 *
 * Only trees that are likely to be asked for again are kept: those of files that receive values (they are
 * analysed again whenever the values change) and of files already analysed once with the same text. A scan
 * analyses most files once; keeping every tree made all of them outlive the young generation of the heap.
 */
const lastTrees = new Map<string, BicepTree>();
/** The text each uri was last parsed from while its tree was not kept: a second parse of it keeps the tree. */
const lastTexts = new Map<string, string>();
const MAX_KEPT_TREES = 256;

let bypassed = false;

/**
 * Bypasses the tree cache (used by default: the language server analyses files again) while `bypass` is set
 * (a batch scan job analyses every file once and must leave nothing behind), without emptying it. Returns
 * the previous setting.
 */
export function bypassBicepTreeCache(bypass: boolean): boolean {
  const previous = bypassed;
  bypassed = bypass;
  return previous;
}

/** `parseBicep(file.text)`, reusing the tree of the previous call for the same uri and text. */
export function parseBicepCached(file: SourceFile, receivesValues = false): BicepTree {
  if (bypassed) return parseBicep(file.text);
  const kept = lastTrees.get(file.uri);
  if (kept && kept.text === file.text) return kept;
  const tree = parseBicep(file.text);
  lastTrees.delete(file.uri);
  if (receivesValues || lastTexts.get(file.uri) === file.text) {
    lastTexts.delete(file.uri);
    keepBounded(lastTrees, file.uri, tree);
  } else keepBounded(lastTexts, file.uri, file.text);
  return tree;
}

/** Sets `key` as the newest entry, dropping the oldest beyond MAX_KEPT_TREES. */
function keepBounded<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > MAX_KEPT_TREES) map.delete(map.keys().next().value!);
}

export function analyzeBicep(file: SourceFile, suppliers: readonly ParameterSupplier[]): FrontEndResult {
  const tree = parseBicepCached(file, suppliers.length > 0);
  const evaluator = new BicepEvaluator(tree, file.uri, suppliers);
  const resources: Resource[] = [];
  const links: TemplateLink[] = [];
  for (const statement of tree.statements) {
    if (statement.kind === 'resource') collectResources(statement, undefined, evaluator, file.uri, resources);
    else if (statement.kind === 'module') {
      const link = moduleLink(statement, evaluator, file.uri);
      if (link) links.push(link);
    }
  }
  return { documents: [documentOf(file, 'bicep', tree, resources, declarationsOf(tree, evaluator))], links };
}

/** Template outputs and parameters as declared, for the secret-hygiene rules. */
function declarationsOf(
  tree: BicepTree,
  evaluator: BicepEvaluator,
): { outputs: TemplateOutput[]; parameters: TemplateParameter[] } {
  const outputs: TemplateOutput[] = [];
  const parameters: TemplateParameter[] = [];
  for (const statement of tree.statements) {
    if (statement.kind === 'output' && statement.name.name) {
      outputs.push({
        name: statement.name.name,
        nameSpan: spanOf(statement.name),
        span: spanOf(statement),
        value: evaluator.evaluate(statement.value),
        secure: hasDecorator(statement.decorators, 'secure'),
      });
    } else if (statement.kind === 'param' && statement.name.name) {
      parameters.push({
        name: statement.name.name,
        nameSpan: spanOf(statement.name),
        span: spanOf(statement),
        type: statement.type ? evaluator.text(statement.type).trim().toLowerCase() : undefined,
        secure: hasDecorator(statement.decorators, 'secure'),
        defaultValue: statement.value ? evaluator.evaluate(statement.value) : undefined,
      });
    }
  }
  return { outputs, parameters };
}

/** `@name()` or `@sys.name()`. */
function hasDecorator(decorators: readonly Decorator[], name: string): boolean {
  for (const decorator of decorators) {
    const call = decorator.expression;
    if (call.kind !== 'call' || call.name.name !== name) continue;
    if (!call.target || (call.target.kind === 'variable' && call.target.name === 'sys')) return true;
  }
  return false;
}

export function analyzeBicepParams(file: SourceFile): FrontEndResult {
  const tree = parseBicepCached(file);
  const evaluator = new BicepEvaluator(tree, file.uri, []);
  const values = new Map<string, Value>();
  let templatePath: string | undefined;
  for (const statement of tree.statements) {
    if (statement.kind === 'param' && statement.name.name && statement.value) {
      values.set(statement.name.name.toLowerCase(), evaluator.evaluate(statement.value));
    } else if (statement.kind === 'using' && statement.keyword === 'using' && statement.path) {
      templatePath = plainString(statement.path);
    }
  }
  const links: TemplateLink[] = [];
  if (templatePath !== undefined && isLocalPath(templatePath)) {
    links.push({
      templateUri: new URL(templatePath, file.uri).href,
      supplier: { uri: file.uri, description: `parameters file ${baseName(file.uri)}`, values },
    });
  }
  return { documents: [documentOf(file, 'bicepparam', tree, [])], links };
}

function documentOf(
  file: SourceFile,
  language: 'bicep' | 'bicepparam',
  tree: BicepTree,
  resources: readonly Resource[],
  declarations?: { outputs: TemplateOutput[]; parameters: TemplateParameter[] },
): ParsedDocument {
  const lines = new LineIndex(file.text);
  // Two literals rather than a spread plus the declarations: the document is built in one go either way.
  if (!declarations) {
    return {
      uri: file.uri,
      language,
      text: file.text,
      lines,
      resources,
      syntaxProblems: tree.errors,
      comments: tree.comments,
    };
  }
  return {
    uri: file.uri,
    language,
    text: file.text,
    lines,
    resources,
    syntaxProblems: tree.errors,
    comments: tree.comments,
    outputs: declarations.outputs,
    parameters: declarations.parameters,
  };
}

interface ParentInfo {
  readonly key: string;
  readonly type: string;
  readonly apiVersion?: string;
  readonly inLoop: boolean;
  readonly condition?: Value;
  readonly locals: Locals;
}

/** A resource body written as `{…}`, `if (c) {…}`, `[for … : {…}]` or `[for … : if (c) {…}]`. */
interface BodyShape {
  readonly object?: Extract<Expr, { kind: 'object' }>;
  readonly condition?: Expr;
  readonly loop?: Extract<Expr, { kind: 'for' }>;
}

function shapeOf(body: Expr): BodyShape {
  let node = body;
  let loop: BodyShape['loop'];
  let condition: Expr | undefined;
  if (node.kind === 'for') {
    loop = node;
    node = node.body;
  }
  if (node.kind === 'if') {
    condition = node.condition;
    node = node.body;
  }
  return { object: node.kind === 'object' ? node : undefined, condition, loop };
}

function collectResources(
  declaration: ResourceDecl,
  parent: ParentInfo | undefined,
  evaluator: BicepEvaluator,
  uri: string,
  into: Resource[],
): void {
  const symbol = declaration.name.name;
  const typeText = declaration.resourceType.kind === 'string' ? plainString(declaration.resourceType) : undefined;
  if (!symbol || typeText === undefined) return;
  const at = typeText.lastIndexOf('@');
  const writtenType = at >= 0 ? typeText.slice(0, at) : typeText;
  let apiVersion = at >= 0 ? typeText.slice(at + 1) : undefined;
  let type = writtenType;
  // A nested child may be written relative to its parent (`'deployments'`, `'blobServices/containers'`) and
  // may omit the API version (it then shares the parent's).
  if (parent && !isFullyQualifiedType(writtenType)) {
    type = `${parent.type}/${writtenType}`;
    apiVersion ??= parent.apiVersion;
  }
  const key = parent ? `${parent.key}::${symbol}` : symbol;
  const shape = shapeOf(declaration.body);
  let locals: Locals = parent?.locals ?? new Map();
  if (shape.loop) locals = evaluator.loopLocals(shape.loop, locals);
  const ownCondition = shape.condition ? evaluator.evaluate(shape.condition, locals) : undefined;
  const condition = combineConditions(parent?.condition, ownCondition);
  const evaluated = shape.object ? evaluator.evaluate(shape.object, locals) : undefined;
  const body: ObjectValue =
    evaluated?.kind === 'object'
      ? evaluated
      : make.object([], spanOf(declaration.body), {
          openEnded: make.unknown(
            evaluator.text(declaration.body),
            'the resource body could not be read',
            spanOf(declaration.body),
          ),
        });
  const parentProperty = getProperty(body, 'parent')?.value;
  const scopeProperty = getProperty(body, 'scope')?.value;
  const parentKey =
    parent?.key ??
    (parentProperty?.kind === 'unknown' && parentProperty.reference?.attribute === ''
      ? parentProperty.reference.key
      : undefined);
  const inLoop = Boolean(shape.loop) || Boolean(parent?.inLoop);
  into.push(
    new Resource({
      key,
      type,
      apiVersion,
      uri,
      language: 'bicep',
      span: spanOf(declaration),
      headerSpan: { start: declaration.keywordStart, end: declaration.resourceType.end },
      body,
      existing: declaration.existing || undefined,
      parentKey,
      scope: scopeProperty,
      condition,
      inLoop: inLoop || undefined,
      syntax: declaration,
    }),
  );
  if (!shape.object) return;
  for (const item of shape.object.items) {
    if (item.kind !== 'resource') continue;
    collectResources(item, { key, type, apiVersion, inLoop, condition, locals }, evaluator, uri, into);
  }
}

/** `Microsoft.Storage/storageAccounts/blobServices` (a namespace) rather than `blobServices` (relative). */
function isFullyQualifiedType(type: string): boolean {
  return /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/./.test(type);
}

function moduleLink(declaration: ModuleDecl, evaluator: BicepEvaluator, uri: string): TemplateLink | undefined {
  const path = declaration.path.kind === 'string' ? plainString(declaration.path) : undefined;
  if (path === undefined || !isLocalPath(path) || !declaration.name.name) return undefined;
  const shape = shapeOf(declaration.body);
  const values = new Map<string, Value>();
  if (shape.object) {
    const locals = shape.loop ? evaluator.loopLocals(shape.loop) : undefined;
    const paramsItem = shape.object.items.find(
      (item): item is Extract<typeof item, { kind: 'property' }> =>
        item.kind === 'property' && item.key.kind === 'identifier' && item.key.name === 'params',
    );
    if (paramsItem) {
      const params = evaluator.evaluate(paramsItem.value, locals);
      if (params.kind === 'object') {
        for (const property of params.properties) values.set(property.name.toLowerCase(), property.value);
      }
    }
  }
  return {
    templateUri: new URL(path, uri).href,
    supplier: { uri, description: `module '${declaration.name.name}' in ${baseName(uri)}`, values },
  };
}

/** Module and `using` paths that name a file next to this one (not `br:`, `br/alias:`, `ts:` registries). */
function isLocalPath(path: string): boolean {
  return path !== '' && !/^(br|ts)(\/[^:]*)?:/i.test(path);
}

function baseName(uri: string): string {
  const path = uri.split(/[?#]/)[0];
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}
