// Reusable rule logic, so that each rule file is metadata + a few lines of check + its fix (the ESLint shape).
//
// The central idea is certainty: a rule never treats an unknown value as a violation. `judge` turns a value
// (or its absence) into pass / fail / unknown against a predicate; `requireProperty` reports the outcome with
// a message that names the resource and the fix in the user's own vocabulary (ARM/Bicep property paths, or
// azurerm attributes when the resource came from an `azurerm_*` block).
import { workspaceKeyOf, type Resource } from './resource';
import { sameScope } from './scope';
import type { Fix, FixApplicability, RelatedLocation, Rule, RuleContext, WorkspaceView, EditValue } from './rule';
import { forEachValue, getPath, isKnown, sameText, withSpanAndOrigins, type Value, type UnknownValue } from './value';

/** Identity function that types a rule module (typescript-eslint's `createRule` analogue). */
export function defineRule(rule: Rule): Rule {
  return rule;
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary: how a resource is named and which syntax's words a message should use.
// ---------------------------------------------------------------------------------------------------------

/** The vocabulary of messages and fix titles: ARM/Bicep property paths, azurerm attributes, azapi body paths. */
export type Dialect = 'arm' | 'azurerm' | 'azapi';

/** Text that may differ per dialect; `azurerm`/`azapi` fall back to `arm` (azapi bodies use ARM paths). */
export type Phrase = string | { readonly arm: string; readonly azurerm?: string; readonly azapi?: string };

export function dialectOf(resource: Resource): Dialect {
  const sourceType = resource.sourceType?.toLowerCase() ?? '';
  if (sourceType.startsWith('azurerm_')) return 'azurerm';
  if (sourceType.startsWith('azapi_')) return 'azapi';
  return 'arm';
}

export function phrase(resource: Resource, text: Phrase): string {
  if (typeof text === 'string') return text;
  const dialect = dialectOf(resource);
  return (dialect === 'azurerm' ? text.azurerm : dialect === 'azapi' ? text.azapi : undefined) ?? text.arm;
}

const typeNouns: Readonly<Record<string, string>> = {
  'microsoft.cognitiveservices/accounts/projects': 'AI Foundry project',
  'microsoft.cognitiveservices/accounts/deployments': 'model deployment',
  'microsoft.cognitiveservices/accounts/raipolicies': 'content filter (RAI policy)',
  'microsoft.machinelearningservices/workspaces': 'Machine Learning workspace',
  'microsoft.machinelearningservices/workspaces/computes': 'Machine Learning compute',
  'microsoft.machinelearningservices/workspaces/onlineendpoints': 'online endpoint',
  'microsoft.search/searchservices': 'AI Search service',
  'microsoft.storage/storageaccounts': 'storage account',
  'microsoft.keyvault/vaults': 'key vault',
  'microsoft.containerregistry/registries': 'container registry',
  'microsoft.containerservice/managedclusters': 'AKS cluster',
  'microsoft.documentdb/databaseaccounts': 'Cosmos DB account',
  'microsoft.network/privateendpoints': 'private endpoint',
  'microsoft.insights/diagnosticsettings': 'diagnostic setting',
  'microsoft.storage/storageaccounts/blobservices/containers': 'blob container',
  'microsoft.keyvault/vaults/accesspolicies': 'key vault access policy set',
  'microsoft.keyvault/vaults/secrets': 'key vault secret',
  'microsoft.containerservice/managedclusters/agentpools': 'AKS node pool',
  'microsoft.authorization/roleassignments': 'role assignment',
  'microsoft.authorization/roledefinitions': 'custom role',
  'microsoft.web/sites': 'web app',
  'microsoft.web/sites/slots': 'web app slot',
  'microsoft.web/sites/config': 'web app configuration',
  'microsoft.web/sites/slots/config': 'web app slot configuration',
  'microsoft.app/containerapps': 'container app',
  'microsoft.app/jobs': 'container app job',
  'microsoft.containerinstance/containergroups': 'container group',
};

/** What kind of thing the resource is, for messages: "Azure OpenAI account", "AI Search service". */
export function resourceNoun(resource: Resource): string {
  const type = resource.type.toLowerCase();
  if (type === 'microsoft.cognitiveservices/accounts') {
    const kind = literalString(resource.get('kind'));
    if (kind !== undefined && sameText(kind, 'OpenAI')) return 'Azure OpenAI account';
    if (kind !== undefined && sameText(kind, 'AIServices')) return 'AI Services account';
    return 'Cognitive Services account';
  }
  if (type === 'microsoft.machinelearningservices/workspaces') {
    const kind = literalString(resource.get('kind'));
    if (kind !== undefined && sameText(kind, 'Hub')) return 'AI Foundry hub';
    if (kind !== undefined && sameText(kind, 'Project')) return 'AI Foundry hub-based project';
  }
  return typeNouns[type] ?? `${resource.type.split('/').pop() ?? resource.type} resource`;
}

/** "AI Services account 'oai-prod'". */
export function resourceLabel(resource: Resource): string {
  // ARM resources named by a long expression (`[format('{0}/{1}', …)]`) would swamp the message: keep the start.
  const name = resource.displayName;
  return `${resourceNoun(resource)} '${name.length <= 80 ? name : `${name.slice(0, 77)}…`}'`;
}

export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

function literalString(value: Value | undefined): string | undefined {
  return value?.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Judging a value: pass / fail / unknown, honouring certainty and candidates.
// ---------------------------------------------------------------------------------------------------------

/** Stands for an unknown part inside an otherwise known object or array handed to a predicate. */
export const UNKNOWN_PART: unique symbol = Symbol('unknown part');

/**
 * A predicate over the plain JSON of a value (unknown nested parts appear as `UNKNOWN_PART`). It may answer
 * 'unknown' when the unknown parts decide the matter.
 */
export type Predicate = (value: unknown) => boolean | 'unknown';

export type Outcome = 'pass' | 'fail' | 'unknown';

export interface Judgement {
  readonly outcome: Outcome;
  /**
   * The value to point at: the offending literal, the failing candidate (seen at the use site, with its
   * origins), or the unknown value. Undefined when the property is absent.
   */
  readonly value?: Value;
  /** The plain JSON of the failing value (for messages), when known. */
  readonly failingValue?: unknown;
  /** Why the outcome is unknown, or why a candidate is possible ("depends on parameter 'x', …"). */
  readonly reason?: string;
  /** The property is absent and the outcome is the service default's. */
  readonly absent: boolean;
}

/** Plain JSON of a known value, with unknown nested parts as `UNKNOWN_PART` and open-ended containers marked. */
export function plain(value: Value): unknown {
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'array':
      return value.openEnded ? [...value.items.map(plain), UNKNOWN_PART] : value.items.map(plain);
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of value.properties) result[property.name] = plain(property.value);
      return result;
    }
    case 'unknown':
      return UNKNOWN_PART;
  }
}

/**
 * Judges a value (undefined = absent) against `isSecure`. Known values are judged directly; an unknown value
 * with candidates fails when any candidate fails (reported at the use site with that candidate's origins),
 * passes when all pass, and is unknown otherwise; other unknown values are unknown; absent takes `absent`.
 */
export function judge(value: Value | undefined, isSecure: Predicate, absent: 'pass' | 'fail'): Judgement {
  if (value === undefined) return { outcome: absent, absent: true };
  if (isKnown(value)) {
    const json = plain(value);
    const verdict = isSecure(json);
    if (verdict === 'unknown') return { outcome: 'unknown', value, reason: 'parts of it are not known', absent: false };
    return verdict
      ? { outcome: 'pass', value, absent: false }
      : { outcome: 'fail', value, failingValue: json, absent: false };
  }
  if (value.candidates && value.candidates.length > 0) {
    let undecided = false;
    for (const candidate of value.candidates) {
      const inner = judge(candidate, isSecure, absent);
      if (inner.outcome === 'fail') {
        return {
          outcome: 'fail',
          value: seenAt(candidate, value),
          failingValue: inner.failingValue,
          reason: value.reason,
          absent: false,
        };
      }
      if (inner.outcome === 'unknown') undecided = true;
    }
    return undecided
      ? { outcome: 'unknown', value, reason: value.reason, absent: false }
      : { outcome: 'pass', value, absent: false };
  }
  return { outcome: 'unknown', value, reason: value.reason, absent: false };
}

/** A candidate as seen at the use site: the use's span, the candidate's origins followed by the use's. */
function seenAt(candidate: Value, use: UnknownValue): Value {
  const origins = [...(candidate.origins ?? []), ...(use.origins ?? [])];
  return withSpanAndOrigins(candidate, use.span, origins.length > 0 ? origins : undefined);
}

/** Case-insensitive membership test for ARM enum strings. */
export function oneOf(...allowed: readonly string[]): Predicate {
  return (value) => allowed.some((text) => sameText(value, text));
}

/** The predicate `value === expected` for booleans and numbers, case-insensitive for strings. */
export function equals(expected: string | boolean | number): Predicate {
  return (value) => (typeof expected === 'string' ? sameText(value, expected) : value === expected);
}

/** A non-empty string (unknown parts of a string cannot occur: a partly unknown string is unknown). */
export const nonEmptyString: Predicate = (value) => typeof value === 'string' && value.trim().length > 0;

/** Combines judgements with AND: fail wins, then unknown. */
export function allOf(...judgements: readonly Judgement[]): Judgement {
  return (
    judgements.find((j) => j.outcome === 'fail') ??
    judgements.find((j) => j.outcome === 'unknown') ??
    judgements[0] ?? { outcome: 'pass', absent: false }
  );
}

// ---------------------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------------------

export interface Description {
  /** The secure state as a verb phrase, for "cannot verify that <resource> <secureState>". */
  readonly secureState: Phrase;
  /** What is wrong as a verb phrase: "allows key (local) authentication". */
  readonly problem: Phrase;
  /** The fix in words, imperative without capital: "set properties.disableLocalAuth to true". */
  readonly remedy: Phrase;
  /** The setting's name in messages (default: the ARM path, e.g. 'properties.disableLocalAuth'). */
  readonly setting?: Phrase;
}

export interface PropertyRequirement {
  /** ARM path of the property: 'properties.disableLocalAuth'. */
  readonly path: string;
  readonly isSecure: Predicate;
  /** The outcome when the property is absent: the service default's (DESIGN §2). */
  readonly absent: 'pass' | 'fail';
  readonly describe: Description;
  /** The fix offered with a definite finding. */
  readonly fix?: (resource: Resource) => Fix | undefined;
  /** Alternative fixes offered after `fix` (e.g. reuse of an existing identity); see model/fixes.ts. */
  readonly fixes?: (resource: Resource, context: RuleContext) => readonly (Fix | undefined)[];
}

/** Checks one property of one resource and reports a definite or "cannot verify" finding. */
export function requireProperty(context: RuleContext, resource: Resource, requirement: PropertyRequirement): Judgement {
  const judgement = judge(resource.get(requirement.path), requirement.isSecure, requirement.absent);
  reportJudgement(context, resource, judgement, {
    path: requirement.path,
    describe: requirement.describe,
    fix: requirement.fix,
    fixes: requirement.fixes,
  });
  return judgement;
}

export interface ReportSpec {
  readonly path: string;
  readonly describe: Description;
  readonly fix?: (resource: Resource) => Fix | undefined;
  readonly fixes?: (resource: Resource, context: RuleContext) => readonly (Fix | undefined)[];
  readonly related?: readonly RelatedLocation[];
}

/** Reports a judgement (nothing on pass). */
export function reportJudgement(
  context: RuleContext,
  resource: Resource,
  judgement: Judgement,
  spec: ReportSpec,
): void {
  if (judgement.outcome === 'pass') return;
  const setting = spec.describe.setting ? phrase(resource, spec.describe.setting) : spec.path;
  if (judgement.outcome === 'unknown') {
    context.report({
      resource,
      path: spec.path,
      value: judgement.value,
      certainty: 'unverifiable',
      message: cannotVerify(resource, spec.describe.secureState, setting, judgement.reason ?? 'it is not known'),
      related: spec.related,
    });
    return;
  }
  const note = judgement.reason !== undefined ? ` (${candidateNote(resource, setting, judgement)})` : '';
  const fixes = [spec.fix?.(resource), ...(spec.fixes?.(resource, context) ?? [])].filter(
    (f): f is Fix => f !== undefined,
  );
  context.report({
    resource,
    path: spec.path,
    value: judgement.value,
    message: `${capitalize(resourceLabel(resource))} ${phrase(resource, spec.describe.problem)}: ${phrase(
      resource,
      spec.describe.remedy,
    )}${note}.`,
    fixes: fixes.length > 0 ? fixes : undefined,
    related: spec.related,
  });
}

/**
 * Why a failing value is only one possibility: "properties.publicNetworkAccess can be "Enabled": depends on
 * parameter 'p', …". azurerm attributes may be inverted by the mapping (`local_auth_enabled` ↔
 * `disableLocalAuth`), so there the ARM value is not shown.
 */
function candidateNote(resource: Resource, setting: string, judgement: Judgement): string {
  const reason = judgement.reason ?? '';
  if (dialectOf(resource) === 'azurerm' || judgement.failingValue === undefined) {
    return clauseStarts.test(reason) ? `${setting} ${reason}` : reason;
  }
  return `${setting} can be ${JSON.stringify(judgement.failingValue)}: ${reason}`;
}

const clauseStarts = /^(depends|is|are|comes|refers|uses|may|can|has|differs|reads|needs)\b/;

/** "Cannot verify that AI Services account 'x' disables key authentication because <setting> <reason>." */
export function cannotVerify(resource: Resource, secureState: Phrase, setting: string, reason: string): string {
  const because = clauseStarts.test(reason) ? `${setting} ${reason}` : reason;
  return `Cannot verify that ${resourceLabel(resource)} ${phrase(resource, secureState)} because ${because}.`;
}

// ---------------------------------------------------------------------------------------------------------
// Kinds (Cognitive Services `kind`, ML workspace `kind`, …)
// ---------------------------------------------------------------------------------------------------------

export type KindMatch =
  | { readonly applies: true; readonly kind?: string }
  | { readonly applies: false }
  | { readonly applies: 'unknown'; readonly value: UnknownValue };

/**
 * Whether the resource's `kind` is one of `kinds` (case-insensitive). An unknown kind with candidates
 * applies when any candidate does (that deployment is checked); without candidates it is unknown.
 */
export function kindIn(resource: Resource, kinds: readonly string[]): KindMatch {
  const value = resource.get('kind');
  if (value === undefined) return { applies: false };
  const judgement = judge(value, (kind) => !oneOf(...kinds)(kind), 'pass');
  // "Secure" here means "not in the list": a failing candidate is one the rule applies to.
  if (judgement.outcome === 'fail') return { applies: true, kind: literalString(judgement.value) };
  if (judgement.outcome === 'pass') return { applies: false };
  return { applies: 'unknown', value: value.kind === 'unknown' ? value : unknownAt(value, 'kind is not known') };
}

/**
 * Runs `check` for a resource whose rule applies only to some kinds. When the kind is unknown, `check` runs
 * against a recording context: if it would report anything, one "cannot verify" finding on the kind is
 * reported instead (the account fails for an applicable kind, and we cannot tell whether it has one).
 */
export function forKinds(
  context: RuleContext,
  resource: Resource,
  kinds: readonly string[],
  secureState: Phrase,
  check: (context: RuleContext) => void,
): void {
  const match = kindIn(resource, kinds);
  if (match.applies === true) return check(context);
  if (match.applies === false) return;
  let wouldReport = false;
  const recording: RuleContext = {
    document: context.document,
    resources: context.resources,
    workspace: context.workspace,
    options: context.options,
    report: () => (wouldReport = true),
  };
  check(recording);
  if (!wouldReport) return;
  context.report({
    resource,
    path: 'kind',
    value: match.value,
    certainty: 'unverifiable',
    message: `${cannotVerify(resource, secureState, 'kind', match.value.reason).replace(/\.$/, '')} (the rule checks kinds ${kindList(kinds)}).`,
  });
}

function kindList(kinds: readonly string[]): string {
  if (kinds.length <= 3) return kinds.join(', ');
  return `${kinds.slice(0, 3).join(', ')} and ${kinds.length - 3} more`;
}

function unknownAt(value: Value, reason: string): UnknownValue {
  return { kind: 'unknown', span: value.span, origins: value.origins, text: '', reason };
}

/** Options a rule reads as a list of strings (`kinds`), falling back to the default when malformed. */
export function stringListOption(context: RuleContext, name: string, fallback: readonly string[]): readonly string[] {
  const value = context.options[name];
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : fallback;
}

// ---------------------------------------------------------------------------------------------------------
// Fixes
// ---------------------------------------------------------------------------------------------------------

/** A fix that sets one ARM property (creating parent objects; the edit layer maps it to each syntax). */
export function setFix(
  resource: Resource,
  path: string,
  value: EditValue,
  title: Phrase,
  applicability: FixApplicability,
): Fix {
  return { title: phrase(resource, title), applicability, edits: [{ kind: 'set', resource, path, value }] };
}

/** A fix that sets several properties in one step. */
export function setManyFix(
  resource: Resource,
  values: readonly (readonly [path: string, value: EditValue])[],
  title: Phrase,
  applicability: FixApplicability,
): Fix {
  return {
    title: phrase(resource, title),
    applicability,
    edits: values.map(([path, value]) => ({ kind: 'set', resource, path, value })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Cross-resource: does a value (a resource id or reference) point at a given resource?
// ---------------------------------------------------------------------------------------------------------

export type Match = 'yes' | 'no' | 'unknown';

export function sameResource(a: Resource, b: Resource): boolean {
  return a === b || (a.uri === b.uri && a.key === b.key);
}

/**
 * Whether `value`, found in `from`, identifies `target`: a reference the workspace resolves, an ARM id
 * literal (`/subscriptions/…/providers/Microsoft.CognitiveServices/accounts/name`), or candidates of those.
 * Anything that may identify `target` but cannot be resolved (a parameter, an output of another deployment)
 * is 'unknown'.
 */
export function refersTo(workspace: WorkspaceView, value: Value | undefined, from: Resource, target: Resource): Match {
  if (value === undefined) return 'no';
  if (value.kind === 'literal') return typeof value.value === 'string' ? idNames(value.value, target) : 'no';
  if (value.kind !== 'unknown') return 'no';
  const reference = value.reference;
  if (!reference) {
    if (value.candidates && value.candidates.length > 0) {
      return combineAny(value.candidates.map((candidate) => refersTo(workspace, candidate, from, target)));
    }
    return 'unknown';
  }
  const resolved = workspace.resolve(reference, from);
  if (resolved) {
    if (sameResource(resolved, target)) return 'yes';
    // An `existing` declaration stands for a resource deployed elsewhere: it is the target when type and
    // name agree, and may be when the names are not both known.
    if (resolved.existing && resolved.isType(target.type)) return sameName(resolved, target);
    return 'no';
  }
  if (reference.type !== undefined && !sameText(reference.type, target.type)) return 'no';
  if (reference.type !== undefined && reference.name !== undefined) {
    const name = literalString(reference.name);
    const targetName = literalString(target.get('name'));
    if (name !== undefined && targetName !== undefined) return sameText(name, targetName) ? 'yes' : 'no';
  }
  return 'unknown';
}

function sameName(a: Resource, b: Resource): Match {
  const nameA = literalString(a.get('name'));
  const nameB = literalString(b.get('name'));
  if (nameA === undefined || nameB === undefined) return 'unknown';
  return sameText(nameA, nameB) ? 'yes' : 'no';
}

/** Compares the trailing `<type segments>/<name>` of an ARM resource id with the target's type and name. */
function idNames(id: string, target: Resource): Match {
  const parsed = parseId(id);
  if (!parsed) return 'no';
  const { idType, names } = parsed;
  if (!sameText(idType, target.type)) return 'no';
  const targetName = literalString(target.get('name'));
  if (targetName === undefined) return 'unknown';
  // Child resources are named `parent/child` in ARM; compare the last segment only when the target's name
  // is a single segment (Bicep nested/`parent:` declarations).
  const idName = targetName.includes('/') ? names.join('/') : names[names.length - 1];
  return sameText(idName, targetName) ? 'yes' : 'no';
}

/** The type and names of an ARM resource id, or undefined when `id` is not one. */
export function parseId(id: string): { readonly idType: string; readonly names: readonly string[] } | undefined {
  // Full ids (`/subscriptions/…/providers/<ns>/<type>/<name>`) and the relative form ARM uses for `scope`
  // (`<ns>/<type>/<name>`).
  const match =
    /\/providers\/([^/]+(?:\/[^/]+)*)$/i.exec(id.trim()) ?? /^([a-z0-9]+\.[a-z0-9.]+(?:\/[^/]+)+)$/i.exec(id.trim());
  if (!match) return undefined;
  const segments = match[1].split('/');
  // namespace, then type/name pairs: Microsoft.CognitiveServices / accounts / name [/ projects / name]
  if (segments.length < 3 || segments.length % 2 === 0) return undefined;
  const types = [segments[0]];
  const names: string[] = [];
  for (let i = 1; i < segments.length; i += 2) {
    types.push(segments[i]);
    names.push(segments[i + 1]);
  }
  return { idType: [types[0] + '/' + types[1], ...types.slice(2)].join('/'), names };
}

// ---------------------------------------------------------------------------------------------------------
// Indexes for `refersTo` over many values or many targets: the keys under which a value may match a target
// ('yes' or 'unknown'), so that helpers test only the pairs that can match instead of every pair. Every
// pair left out answers 'no'; the pairs kept are still judged by `refersTo`.
// ---------------------------------------------------------------------------------------------------------

interface TargetKeys {
  /** The value may match any target ('unknown' for all: a parameter, an unresolved untyped reference). */
  all: boolean;
  /** `uri#key` of a resource the value resolves to. */
  readonly exact: Set<string>;
  /** `type|last name segment` (lower-cased) of targets with a literal name that may match. */
  readonly typeName: Set<string>;
  /** Lower-cased types whose every target may match (the value's name is not known). */
  readonly typeAny: Set<string>;
}

function resourceKey(resource: Resource): string {
  return workspaceKeyOf(resource.uri, resource.key);
}

/** The last `/` segment of a name, lower-cased: how names are compared across ids and resources. */
export function lastSegment(name: string): string {
  const lower = name.toLowerCase();
  return lower.slice(lower.lastIndexOf('/') + 1);
}

function addTypeName(keys: TargetKeys, type: string, name: string | undefined): void {
  if (name === undefined) keys.typeAny.add(type.toLowerCase());
  else keys.typeName.add(`${type.toLowerCase()}|${lastSegment(name)}`);
}

/** Mirrors `refersTo`: every target for which `refersTo(workspace, value, from, target)` is not 'no' has a key here. */
function collectTargetKeys(workspace: WorkspaceView, value: Value | undefined, from: Resource, keys: TargetKeys): void {
  if (value === undefined) return;
  if (value.kind === 'literal') {
    const parsed = typeof value.value === 'string' ? parseId(value.value) : undefined;
    if (parsed) addTypeName(keys, parsed.idType, parsed.names[parsed.names.length - 1]);
    return;
  }
  if (value.kind !== 'unknown') return;
  const reference = value.reference;
  if (!reference) {
    if (value.candidates && value.candidates.length > 0) {
      for (const candidate of value.candidates) collectTargetKeys(workspace, candidate, from, keys);
    } else keys.all = true;
    return;
  }
  const resolved = workspace.resolve(reference, from);
  if (resolved) {
    keys.exact.add(resourceKey(resolved));
    if (resolved.existing) addTypeName(keys, resolved.type, literalString(resolved.get('name')));
    return;
  }
  if (reference.type === undefined) keys.all = true;
  else addTypeName(keys, reference.type, reference.name !== undefined ? literalString(reference.name) : undefined);
}

function targetKeysOf(workspace: WorkspaceView, values: readonly (Value | undefined)[], from: Resource): TargetKeys {
  const keys: TargetKeys = { all: false, exact: new Set(), typeName: new Set(), typeAny: new Set() };
  for (const value of values) collectTargetKeys(workspace, value, from, keys);
  return keys;
}

function push<K>(map: Map<K, number[]>, key: K, position: number): void {
  const list = map.get(key);
  if (list) list.push(position);
  else map.set(key, [position]);
}

/** Related resources (endpoints, settings) by the targets they may name; positions keep the workspace order. */
class RelatedIndex {
  private readonly all: number[] = [];
  private readonly exact = new Map<string, number[]>();
  private readonly typeName = new Map<string, number[]>();
  private readonly typeAny = new Map<string, number[]>();
  /** Every position with a key of the type (for targets whose name is not known). */
  private readonly typed = new Map<string, number[]>();
  private readonly byResource = new Map<string, number[]>();

  constructor(
    readonly related: readonly Resource[],
    keysOf: (resource: Resource) => TargetKeys,
  ) {
    related.forEach((resource, position) => {
      push(this.byResource, resourceKey(resource), position);
      const keys = keysOf(resource);
      if (keys.all) {
        this.all.push(position);
        return;
      }
      const types = new Set<string>();
      for (const key of keys.exact) push(this.exact, key, position);
      for (const key of keys.typeName) {
        push(this.typeName, key, position);
        types.add(key.slice(0, key.indexOf('|')));
      }
      for (const type of keys.typeAny) {
        push(this.typeAny, type, position);
        types.add(type);
      }
      for (const type of types) push(this.typed, type, position);
    });
  }

  /**
   * The related resources that may refer to `target` (or that `referrers` are), in workspace order. A
   * related resource whose target is not known (an endpoint to a parameter's id) may be about any target of
   * its own document or Terraform module, not about every resource of the workspace: such guesses stay
   * within the template that makes them. Matches by a literal name or a resolved reference count anywhere.
   */
  candidates(target: Resource, referrers: readonly Resource[]): Resource[] {
    const positions = new Set<number>();
    const add = (list: readonly number[] | undefined): void => list?.forEach((p) => positions.add(p));
    const addNear = (list: readonly number[] | undefined): void =>
      list?.forEach((p) => {
        if (sameScope(this.related[p].uri, target.uri)) positions.add(p);
      });
    addNear(this.all);
    add(this.exact.get(resourceKey(target)));
    const type = target.type.toLowerCase();
    const name = literalString(target.get('name'));
    if (name === undefined) addNear(this.typed.get(type));
    else {
      addNear(this.typeAny.get(type));
      add(this.typeName.get(`${type}|${lastSegment(name)}`));
    }
    for (const referrer of referrers) add(this.byResource.get(resourceKey(referrer)));
    return [...positions].sort((a, b) => a - b).map((p) => this.related[p]);
  }
}

const endpointIndexes = new WeakMap<WorkspaceView, RelatedIndex>();
const settingIndexes = new WeakMap<WorkspaceView, RelatedIndex>();

function endpointIndex(workspace: WorkspaceView): RelatedIndex {
  let index = endpointIndexes.get(workspace);
  if (!index) {
    index = new RelatedIndex(workspace.resources(PRIVATE_ENDPOINT_TYPE), (endpoint) => {
      const values: Value[] = [];
      let more = false;
      for (const list of connectionLists) {
        const items = itemsOf(endpoint.get(`properties.${list}`));
        more ||= items.more;
        for (const connection of items.items) {
          const idValue = getPath(connection, 'properties.privateLinkServiceId');
          if (idValue) values.push(idValue);
        }
      }
      const keys = targetKeysOf(workspace, values, endpoint);
      // Connections not all known make the endpoint an answer ('unknown') for every target.
      if (more) keys.all = true;
      return keys;
    });
    endpointIndexes.set(workspace, index);
  }
  return index;
}

function settingIndex(workspace: WorkspaceView): RelatedIndex {
  let index = settingIndexes.get(workspace);
  if (!index) {
    index = new RelatedIndex(workspace.resources(DIAGNOSTIC_SETTINGS_TYPE), (setting) =>
      targetKeysOf(workspace, [setting.scope], setting),
    );
    settingIndexes.set(workspace, index);
  }
  return index;
}

/** A pool of targets (say, every AI resource) by the keys values use to name them. */
interface PoolIndex {
  readonly position: Map<Resource, number>;
  readonly exact: Map<string, Resource[]>;
  readonly typeName: Map<string, Resource[]>;
}

const poolIndexes = new WeakMap<readonly Resource[], PoolIndex>();

/**
 * The first resource of `pool` (in its order) that `value`, found in `from`, identifies for certain
 * (`refersTo` answers 'yes'), without testing the value against every resource of the pool. The pool is
 * indexed once per array: pass the same array for the same workspace.
 */
export function firstReferredResource(
  workspace: WorkspaceView,
  value: Value | undefined,
  from: Resource,
  pool: readonly Resource[],
): Resource | undefined {
  let index = poolIndexes.get(pool);
  if (!index) {
    index = { position: new Map(), exact: new Map(), typeName: new Map() };
    const { position, exact, typeName } = index;
    pool.forEach((resource, i) => {
      if (!position.has(resource)) position.set(resource, i);
      const add = (map: Map<string, Resource[]>, key: string): void => {
        const list = map.get(key);
        if (list) list.push(resource);
        else map.set(key, [resource]);
      };
      add(exact, resourceKey(resource));
      const name = literalString(resource.get('name'));
      // Only a literal name can match for certain.
      if (name !== undefined) add(typeName, `${resource.type.toLowerCase()}|${lastSegment(name)}`);
    });
    poolIndexes.set(pool, index);
  }
  const keys = targetKeysOf(workspace, [value], from);
  // 'all' and name-less keys only ever answer 'unknown'; 'yes' needs a resolved resource or a literal name.
  const found = new Set<Resource>();
  for (const key of keys.exact) index.exact.get(key)?.forEach((r) => found.add(r));
  for (const key of keys.typeName) index.typeName.get(key)?.forEach((r) => found.add(r));
  const ordered = [...found].sort((a, b) => index.position.get(a)! - index.position.get(b)!);
  return ordered.find((r) => refersTo(workspace, value, from, r) === 'yes');
}

/** OR over matches: any yes → yes; else any unknown → unknown; else no. */
export function combineAny(matches: readonly Match[]): Match {
  if (matches.includes('yes')) return 'yes';
  return matches.includes('unknown') ? 'unknown' : 'no';
}

/** AND over matches: any no → no; else any unknown → unknown; else yes. */
export function combineAll(matches: readonly Match[]): Match {
  if (matches.includes('no')) return 'no';
  return matches.includes('unknown') ? 'unknown' : 'yes';
}

/**
 * The items of an array-valued property, for rules that look for "some item such that…": known items,
 * plus whether more items may exist that we cannot see (open-ended arrays, unknown arrays).
 */
export function itemsOf(value: Value | undefined): { readonly items: readonly Value[]; readonly more: boolean } {
  if (value === undefined) return { items: [], more: false };
  if (value.kind === 'array') return { items: value.items, more: value.openEnded !== undefined };
  // An unknown array (or one that differs between deployments) may hold anything: the caller cannot
  // conclude "no such item".
  if (value.kind === 'unknown') return { items: [], more: true };
  return { items: [], more: false };
}

/** `getPath` on a sub-value (an array item, a related resource's body part). */
export function valueAt(root: Value, path: string): Value | undefined {
  return getPath(root, path);
}

// ---------------------------------------------------------------------------------------------------------
// Related resources: private endpoints and diagnostic settings of a resource, anywhere in the workspace.
// ---------------------------------------------------------------------------------------------------------

/** The answer to "does the workspace hold a related resource that does X for `target`?". */
export interface RelatedSearch {
  readonly match: Match;
  /** The related resource that decides the answer: the match, the unresolved one, or the deficient one. */
  readonly resource?: Resource;
  /** For 'unknown': why the related resource cannot be judged, as a clause ("its target depends on …"). */
  readonly reason?: string;
  /** For 'no' with a `resource`: what that related resource lacks ("sends no logs"). */
  readonly deficiency?: string;
}

export const PRIVATE_ENDPOINT_TYPE = 'Microsoft.Network/privateEndpoints';
export const DIAGNOSTIC_SETTINGS_TYPE = 'Microsoft.Insights/diagnosticSettings';

const connectionLists = ['privateLinkServiceConnections', 'manualPrivateLinkServiceConnections'];

/**
 * A private endpoint whose (manual or automatic) connection targets `target` with `groupId` among its
 * group ids. A connection whose target cannot be resolved (a resource id from a parameter) makes the answer
 * 'unknown' unless another endpoint matches.
 */
export function findPrivateEndpoint(workspace: WorkspaceView, target: Resource, groupId: string): RelatedSearch {
  // The workspace index may resolve references our own reading cannot (module outputs, ids built in
  // strings): a referrer at `properties.<list>.<i>.…` counts as a target match for that connection.
  const referredPaths = workspace
    .referrers(target, PRIVATE_ENDPOINT_TYPE)
    .map((referrer) => ({ resource: referrer.resource, path: referrer.path.toLowerCase() }));
  let undecided: RelatedSearch | undefined;
  // Only endpoints that may name `target` (or whose connections are not all known) can change the answer.
  const endpoints = endpointIndex(workspace).candidates(
    target,
    referredPaths.map((r) => r.resource),
  );
  for (const endpoint of endpoints) {
    for (const list of connectionLists) {
      const { items, more } = itemsOf(endpoint.get(`properties.${list}`));
      items.forEach((connection, index) => {
        const prefix = `properties.${list}.${index}.`.toLowerCase();
        const idValue = getPath(connection, 'properties.privateLinkServiceId');
        const referred = referredPaths.some((r) => sameResource(r.resource, endpoint) && r.path.startsWith(prefix));
        const targets = referred ? 'yes' : refersTo(workspace, idValue, endpoint, target);
        const groups = containsText(getPath(connection, 'properties.groupIds'), groupId);
        const match = combineAll([targets, groups]);
        if (match === 'yes') undecided = { match: 'yes', resource: endpoint };
        else if (match === 'unknown' && undecided?.match !== 'yes') {
          const unknownPart = targets === 'unknown' ? idValue : getPath(connection, 'properties.groupIds');
          undecided ??= {
            match: 'unknown',
            resource: endpoint,
            reason:
              targets === 'unknown'
                ? `the target of ${resourceLabel(endpoint)} ${unresolvedClause(workspace, unknownPart, endpoint)}`
                : `the group ids of ${resourceLabel(endpoint)} ${reasonOf(unknownPart, 'are not known')}`,
          };
        }
      });
      if (undecided?.match === 'yes') return undecided;
      if (more && undecided === undefined) {
        undecided = {
          match: 'unknown',
          resource: endpoint,
          reason: `the connections of ${resourceLabel(endpoint)} are not all known`,
        };
      }
    }
  }
  return undecided ?? { match: 'no' };
}

const destinations = ['workspaceId', 'storageAccountId', 'eventHubAuthorizationRuleId', 'marketplacePartnerId'];

/**
 * A diagnostic setting scoped to `target` with at least one enabled log (category group 'allLogs' or
 * 'audit', or a named category) and a destination. When settings exist but none is complete, the answer
 * names the first deficient one; a setting whose scope or logs cannot be resolved makes it 'unknown'.
 */
export function findDiagnosticSetting(
  workspace: WorkspaceView,
  target: Resource,
  selection: LogSelection = ANY_LOGS,
): RelatedSearch {
  const referrers = workspace.referrers(target, DIAGNOSTIC_SETTINGS_TYPE).map((referrer) => referrer.resource);
  let unknown: RelatedSearch | undefined;
  let deficient: RelatedSearch | undefined;
  // Only settings whose scope may name `target` can change the answer.
  for (const setting of settingIndex(workspace).candidates(target, referrers)) {
    const scoped = referrers.some((r) => sameResource(r, setting))
      ? 'yes'
      : refersTo(workspace, setting.scope, setting, target);
    if (scoped === 'no') continue;
    const logs = enabledLogs(setting, selection);
    const destination = hasDestination(setting);
    const complete = combineAll([scoped, logs, destination]);
    if (complete === 'yes') return { match: 'yes', resource: setting };
    if (scoped === 'unknown') {
      unknown ??= {
        match: 'unknown',
        resource: setting,
        reason: `the scope of ${resourceLabel(setting)} ${unresolvedClause(workspace, setting.scope, setting)}`,
      };
    } else if (logs === 'no' || destination === 'no') {
      deficient ??= {
        match: 'no',
        resource: setting,
        deficiency: logs === 'no' ? 'sends no logs' : 'has no destination',
      };
    } else {
      unknown ??= {
        match: 'unknown',
        resource: setting,
        reason: `the logs or destination of ${resourceLabel(setting)} are not known`,
      };
    }
  }
  return unknown ?? deficient ?? { match: 'no' };
}

/**
 * Which log entries count as "the logs that matter" for a resource type: category groups, and named
 * categories (undefined = any named category).
 */
export interface LogSelection {
  readonly categoryGroups: readonly string[];
  readonly categories?: readonly string[];
}

/** The default: the 'allLogs' or 'audit' category group, or any named category. */
export const ANY_LOGS: LogSelection = { categoryGroups: ['allLogs', 'audit'] };

function enabledLogs(setting: Resource, selection: LogSelection): Match {
  const { items, more } = itemsOf(setting.get('properties.logs'));
  const matches = items.map((item): Match => {
    // `enabled` is required in ARM; azurerm `enabled_log` blocks are enabled by being there.
    const enabled = judge(getPath(item, 'enabled'), equals(true), 'pass');
    const group = judge(getPath(item, 'categoryGroup'), oneOf(...selection.categoryGroups), 'fail');
    const named = selection.categories;
    const category = judge(getPath(item, 'category'), named ? oneOf(...named) : nonEmptyString, 'fail');
    const selected = combineAny([asMatch(group), asMatch(category)]);
    return combineAll([asMatch(enabled), selected]);
  });
  if (more) matches.push('unknown');
  return combineAny(matches);
}

function hasDestination(setting: Resource): Match {
  // A destination given by reference or parameter is still a destination: only absent or empty fails.
  const present = destinations.map((name) => {
    const value = setting.get(`properties.${name}`);
    if (value === undefined) return 'no';
    return value.kind === 'literal' ? asMatch(judge(value, nonEmptyString, 'fail')) : 'yes';
  });
  return combineAny(present);
}

function asMatch(judgement: Judgement): Match {
  return judgement.outcome === 'pass' ? 'yes' : judgement.outcome === 'fail' ? 'no' : 'unknown';
}

/** Whether an array of strings contains `text` (case-insensitive), honouring unknown items. */
export function containsText(value: Value | undefined, text: string): Match {
  if (value?.kind === 'unknown' && value.candidates && value.candidates.length > 0) {
    return combineAll(value.candidates.map((candidate) => containsText(candidate, text)));
  }
  const { items, more } = itemsOf(value);
  const matches = items.map((item) => asMatch(judge(item, equals(text), 'fail')));
  if (more) matches.push('unknown');
  return combineAny(matches);
}

/** Why a reference cannot be matched, as a clause after "the target of X …". */
function unresolvedClause(workspace: WorkspaceView, value: Value | undefined, from: Resource): string {
  if (value?.kind === 'unknown' && value.reference) {
    const resolved = workspace.resolve(value.reference, from);
    if (resolved?.existing) {
      const name = resolved.get('name');
      const why = name?.kind === 'unknown' ? name.reason : 'is not known';
      return `is the existing ${resourceNoun(resolved)} '${resolved.key}', whose name ${why}`;
    }
  }
  // Reasons are either clauses ("depends on parameter 'x'") or noun phrases ("the id of a resource …").
  const reason = reasonOf(value, 'cannot be resolved');
  return clauseStarts.test(reason) || /^(cannot|differs|was|were)\b/.test(reason) ? reason : `is ${reason}`;
}

function reasonOf(value: Value | undefined, fallback: string): string {
  return value?.kind === 'unknown' && value.reason ? value.reason : fallback;
}

// ---------------------------------------------------------------------------------------------------------
// Reporting the outcome of a related-resource search (diagnostic settings, private endpoints)
// ---------------------------------------------------------------------------------------------------------

export interface DiagnosticsReport {
  /** "sends its logs to a diagnostic destination". */
  readonly secureState: Phrase;
  /** How to enable the selected logs in an existing setting that sends none of them (default: allLogs). */
  readonly enableLogs?: Phrase;
  /** How to add a diagnostic setting when there is none (default: one sending allLogs to Log Analytics). */
  readonly addSetting?: Phrase;
  /** What the missing logs are called in "has no diagnostic setting that keeps <logs>" (default "its logs"). */
  readonly logs?: string;
}

/** The usual advice: the 'allLogs' category group, to a Log Analytics workspace. */
const ALL_LOGS_ADVICE = {
  enableLogs: {
    arm: "enable the 'allLogs' (or 'audit') category group in its logs",
    azurerm: 'add enabled_log { category_group = "allLogs" }',
  },
  addSetting: {
    arm: "add a Microsoft.Insights/diagnosticSettings resource scoped to it that sends the 'allLogs' category group to a Log Analytics workspace",
    azurerm:
      'add an azurerm_monitor_diagnostic_setting with target_resource_id set to its id and enabled_log { category_group = "allLogs" }',
  },
} as const;

/**
 * Reports the answer of `findDiagnosticSetting` for `resource`: nothing when a complete setting exists,
 * "cannot verify" when a setting cannot be resolved, else a definite finding naming the deficient setting
 * (no selected logs, no destination) or the missing one.
 */
export function reportDiagnostics(
  context: RuleContext,
  resource: Resource,
  search: RelatedSearch,
  report: DiagnosticsReport,
): void {
  if (search.match === 'yes') return;
  const setting = search.resource;
  const related = setting
    ? [{ uri: setting.uri, span: setting.headerSpan, message: `Diagnostic setting '${setting.displayName}'` }]
    : undefined;
  if (search.match === 'unknown') {
    context.report({
      resource,
      certainty: 'unverifiable',
      message: cannotVerify(resource, report.secureState, '', search.reason ?? 'a diagnostic setting is not known'),
      related,
    });
    return;
  }
  const label = capitalize(resourceLabel(resource));
  if (setting && search.deficiency) {
    const remedy =
      search.deficiency === 'sends no logs'
        ? phrase(resource, report.enableLogs ?? ALL_LOGS_ADVICE.enableLogs)
        : phrase(resource, {
            arm: 'set workspaceId (or storageAccountId or eventHubAuthorizationRuleId)',
            azurerm: 'set log_analytics_workspace_id (or storage_account_id or eventhub_authorization_rule_id)',
          });
    const deficiency =
      search.deficiency === 'sends no logs' && report.logs ? `does not send ${report.logs}` : search.deficiency;
    context.report({
      resource,
      message: `${label} has diagnostic setting '${setting.displayName}', but it ${deficiency}: ${remedy}.`,
      related,
    });
    return;
  }
  context.report({
    resource,
    message: `${label} has no diagnostic setting that keeps ${report.logs ?? 'its logs'}: ${phrase(resource, report.addSetting ?? ALL_LOGS_ADVICE.addSetting)}.`,
  });
}

/**
 * Reports the answer of `findPrivateEndpoint` for `resource`: nothing when an endpoint exists, "cannot
 * verify" when one cannot be resolved, else a definite finding with `add` (how to add one); when public
 * access is disabled too, the message says that nothing can reach the resource from this workspace.
 */
export function reportPrivateEndpoint(
  context: RuleContext,
  resource: Resource,
  search: RelatedSearch,
  add: Phrase,
  options: { readonly closed?: boolean; readonly subject?: string; readonly fix?: Fix } = {},
): void {
  if (search.match === 'yes') return;
  if (search.match === 'unknown') {
    context.report({
      resource,
      certainty: 'unverifiable',
      message: cannotVerify(
        resource,
        `has a private endpoint${options.subject ? ` for ${options.subject}` : ''}`,
        '',
        search.reason ?? 'a private endpoint target is not known',
      ),
      related: search.resource
        ? [
            {
              uri: search.resource.uri,
              span: search.resource.headerSpan,
              message: 'Private endpoint with an unresolved target',
            },
          ]
        : undefined,
    });
    return;
  }
  const label = capitalize(resourceLabel(resource));
  const what = `no private endpoint${options.subject ? ` for ${options.subject}` : ''}`;
  context.report({
    resource,
    fixes: options.fix ? [options.fix] : undefined,
    message: options.closed
      ? `${label} disables public network access but has ${what} in the workspace, so no client can reach it: ${phrase(resource, add)}.`
      : `${label} has ${what}: ${phrase(resource, add)}.`,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Secrets inside values: keys read from resources (listKeys(), key attributes), secure parameters
// ---------------------------------------------------------------------------------------------------------

/** ARM/Bicep functions that return secrets of a deployed resource (`listKeys()`, `listAdminKeys()` …). */
const SECRET_FUNCTIONS =
  /^list(Keys|AdminKeys|QueryKeys|ConnectionStrings|AccountSas|ServiceSas|Credentials?|Secrets|AuthKeys|KeyValue|ClusterAdminCredential|ClusterUserCredential)$/i;
/** Terraform attributes that hold keys, passwords or credentials (azurerm). */
const SECRET_ATTRIBUTES =
  /^((default_)?(primary|secondary)_\w*?(key|connection_string)|admin_password|kube_(admin_)?config(_raw)?|connection_strings|query_keys)$/i;
const SECRET_CALL_IN_TEXT =
  /\b(list(?:Keys|AdminKeys|QueryKeys|ConnectionStrings|AccountSas|ServiceSas|Credentials?|Secrets|AuthKeys|KeyValue|ClusterAdminCredential|ClusterUserCredential))\s*\(/i;
const SECRET_ATTRIBUTE_IN_TEXT =
  /\.((?:default_)?(?:primary|secondary)_\w*?(?:key|connection_string)|admin_password|kube_(?:admin_)?config(?:_raw)?|connection_strings|query_keys)\b/i;

export interface SecretSource {
  /** The value that carries the secret (its span is where it is used). */
  readonly value: Value;
  /** ARM path below the searched value ('' for the value itself). */
  readonly path: string;
  /** What it is, for messages: "listKeys()", "primary_access_key", "secure parameter 'adminPassword'". */
  readonly what: string;
  /** The resource the key belongs to, when the value refers to one. */
  readonly reference?: UnknownValue['reference'];
}

/**
 * Secrets inside `value`: unknown values that call a secret-returning function or read a key attribute of a
 * resource (by reference attribute, or by their source text when the front end kept no reference, as in
 * string interpolations), and values that come from one of `secureParameters` (lower-case names).
 */
export function secretSources(
  value: Value | undefined,
  secureParameters: ReadonlySet<string> = new Set(),
): SecretSource[] {
  const found: SecretSource[] = [];
  // A value that is a secret is reported whole: what is inside it is not searched again.
  forEachValue(value, (current, path) => {
    const secureParameter = secureOrigin(current, secureParameters);
    if (current.kind === 'unknown') {
      const byReference = secretOfReference(current);
      const what = byReference ?? secretInText(current) ?? secureParameter;
      if (!what) return true;
      // The reference names the key's owner only when the referenced attribute is the key itself (in an
      // interpolation the kept reference may be another part of the string).
      found.push({ value: current, path: path(), what, reference: byReference ? current.reference : undefined });
      return false;
    }
    if (!secureParameter) return true;
    found.push({ value: current, path: path(), what: secureParameter });
    return false;
  });
  return found;
}

function secretOfReference(value: UnknownValue): string | undefined {
  const attribute = value.reference?.attribute;
  if (!attribute) return undefined;
  for (const segment of attribute.split('.')) {
    const name = segment.replace(/\(\)$/, '');
    if (SECRET_FUNCTIONS.test(name)) return `${name}()`;
    if (SECRET_ATTRIBUTES.test(name)) return name;
  }
  return undefined;
}

function secretInText(value: UnknownValue): string | undefined {
  const call = SECRET_CALL_IN_TEXT.exec(value.text);
  if (call) return `${call[1]}()`;
  const read = SECRET_ATTRIBUTE_IN_TEXT.exec(value.text);
  return read ? read[1] : undefined;
}

/** "secure parameter 'x'" when the value's origins pass through a secure parameter or variable. */
function secureOrigin(value: Value, secureParameters: ReadonlySet<string>): string | undefined {
  if (secureParameters.size === 0) return undefined;
  for (const origin of value.origins ?? []) {
    const match = /^(?:default of )?(parameter|variable) '([^']+)'/.exec(origin.description);
    if (match && secureParameters.has(match[2].toLowerCase())) return `secure ${match[1]} '${match[2]}'`;
  }
  return undefined;
}
