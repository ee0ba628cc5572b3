// Runs the rules over one document and turns what they report into Findings: level from the config,
// certainty into kind, the span of the offending value (or the resource header when the property is
// absent), the value's origins as related locations. A rule that throws costs that rule on that file,
// never the scan: it becomes an `aisec/internal-error` finding.
import { allRules } from '../../../rules';
import type { ParsedDocument } from '../model/document';
import type { FindingInput, RelatedLocation, Rule, WorkspaceView } from '../model/rule';
import type { Resource } from '../model/resource';
import type { Span } from '../model/span';
import { levelOf, optionsOf, type ResolvedConfig } from './config';
import { isDeployed } from './deployed';
import { engineFinding } from './engine-findings';
import type { Finding } from './finding';

/** Documents rules run on: templates, not parameter files, and not skipped ones. */
export function isTemplate(document: ParsedDocument): boolean {
  return (
    document.skipped === undefined &&
    (document.language === 'bicep' || document.language === 'arm' || document.language === 'terraform')
  );
}

export function runRules(
  document: ParsedDocument,
  workspace: WorkspaceView,
  config: ResolvedConfig,
  rules: readonly Rule[] = allRules,
): Finding[] {
  if (!isTemplate(document)) return [];
  const findings: Finding[] = [];
  const deployed = deployedHere(document);
  for (const rule of rules) {
    // Most rules have nothing to look at in a given document: that is known before the level lookup
    // (which upper-cases the rule id).
    const resources = resourcesFor(rule, deployed);
    if (resources.length === 0 && !rule.meta.documentRule) continue;
    const level = levelOf(config, rule.meta.id, rule.meta.severity);
    if (level === 'off') continue;
    try {
      rule.check({
        document,
        resources,
        workspace,
        options: optionsOf(config, rule.meta.id, rule.meta.defaultOptions),
        report: (input) => {
          const finding = toFinding(rule, input, document, level, config);
          if (finding) findings.push(finding);
        },
      });
    } catch (error) {
      findings.push(
        engineFinding(
          'aisec/internal-error',
          document.uri,
          { start: 0, end: 0 },
          {
            message: `Rule ${rule.meta.id} failed on this file (please report it): ${describeError(error)}`,
          },
        ),
      );
    }
  }
  return dedupe(findings);
}

/**
 * The document's own deployed resources, in document order, and grouped by lower-cased type (ARM types
 * compare without case): each rule takes the group of its type instead of testing every resource of the
 * document against its types.
 */
interface Deployed {
  readonly resources: readonly Resource[];
  /** Lower-cased type of each entry of `resources`. */
  readonly types: readonly string[];
  readonly byType: ReadonlyMap<string, readonly Resource[]>;
}

function deployedHere(document: ParsedDocument): Deployed {
  const resources: Resource[] = [];
  const types: string[] = [];
  const byType = new Map<string, Resource[]>();
  for (const resource of document.resources) {
    if (!isDeployed(resource) || resource.uri !== document.uri) continue;
    const type = resource.type.toLowerCase();
    resources.push(resource);
    types.push(type);
    const group = byType.get(type);
    if (group) group.push(resource);
    else byType.set(type, [resource]);
  }
  return { resources, types, byType };
}

/** The deployed resources of the rule's types, in document order (a new array: the rule may keep it). */
function resourcesFor(rule: Rule, deployed: Deployed): Resource[] {
  const types = ruleTypes(rule);
  let only: readonly Resource[] | undefined;
  let groups = 0;
  for (const type of types) {
    const group = deployed.byType.get(type);
    if (group) {
      only = group;
      groups++;
    }
  }
  if (groups === 0) return [];
  if (groups === 1) return [...only!];
  // Resources of several of the rule's types: document order across the groups. A loop, not a callback made
  // on each call (V8 holds a closure's optimized code only weakly: the scan worker compiled it ~30 times).
  const resources: Resource[] = [];
  for (let i = 0; i < deployed.resources.length; i++) {
    if (types.has(deployed.types[i])) resources.push(deployed.resources[i]);
  }
  return resources;
}

/** Each rule's resource types, lower-cased, computed once per rule. */
const typesByRule = new WeakMap<Rule, ReadonlySet<string>>();

function ruleTypes(rule: Rule): ReadonlySet<string> {
  let types = typesByRule.get(rule);
  if (!types) {
    types = new Set(rule.meta.resourceTypes.map((type) => type.toLowerCase()));
    typesByRule.set(rule, types);
  }
  return types;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const frame = error.stack?.split('\n').find((line) => line.trim().startsWith('at '));
    return `${error.message}${frame ? ` (${frame.trim()})` : ''}`;
  }
  return String(error);
}

function toFinding(
  rule: Rule,
  input: FindingInput,
  document: ParsedDocument,
  level: 'error' | 'warning' | 'info',
  config: ResolvedConfig,
): Finding | undefined {
  const review = input.certainty === 'unverifiable';
  if (review && config.unknownValues === 'off') return undefined;
  const span: Span = input.value?.span ?? input.span ?? input.resource?.headerSpan ?? { start: 0, end: 0 };
  const uri = input.resource?.uri ?? document.uri;
  const related: RelatedLocation[] = [...(input.related ?? [])];
  for (const origin of input.value?.origins ?? []) {
    if (!related.some((r) => r.uri === origin.uri && r.span.start === origin.span.start)) {
      related.push({ uri: origin.uri, span: origin.span, message: origin.description });
    }
  }
  return {
    ruleId: rule.meta.id,
    severity: rule.meta.severity,
    level: review ? 'info' : level,
    kind: review ? 'review' : 'fail',
    message: input.message,
    uri,
    span,
    resourceKey: input.resource?.key ?? '',
    resourceType: input.resource?.type ?? '',
    path: input.path,
    related,
    fixes: input.fixes ?? [],
  };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}|${f.uri}|${f.span.start}|${f.span.end}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
