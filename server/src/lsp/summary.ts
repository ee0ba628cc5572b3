// `aisec/summary`: the workspace's findings flattened for the tree view, status bar and posture report, with
// counts by severity, rule, resource, file and pillar and the compliance ratio per pillar (resources passing
// every rule of the pillar / resources a rule of the pillar inspects).
import type { Finding } from '../engine/finding';
import { workspaceKeyOf, type Pillar } from '../model';
import { allRules, ruleById } from '../../../rules';
import type { PositionSource, PositionsOf } from '../engine/batch/positions';
import { displayMessage, toRange } from './diagnostics';
import type {
  PillarPosture,
  SummaryBreakdown,
  SummaryCounts,
  SummaryFinding,
  SummaryLevel,
  SummaryPillar,
  SummaryRule,
  WorkspaceSummary,
} from './protocol';

const pillars: readonly SummaryPillar[] = [
  'network',
  'identity',
  'encryption',
  'monitoring',
  'content-safety',
  'compute',
];

export interface SummaryInput {
  readonly version: number;
  readonly scanning: boolean;
  /** Latest findings per checked file (suppressed ones included). */
  readonly findings: ReadonlyMap<string, readonly Finding[]>;
  /** Every IaC file known (open or scanned), by uri. */
  readonly files: ReadonlyMap<string, SummaryFile>;
  /** Positions in the files (of findings' spans). */
  readonly linesOf: PositionsOf;
  /** Rule ids switched off by configuration (not counted as applicable to any resource). */
  readonly disabledRules?: ReadonlySet<string>;
}

/** What the summary needs of a file: whether it was analysed, and its resources. */
export interface SummaryFile {
  readonly uri: string;
  readonly skipped: boolean;
  readonly resources: readonly { readonly key: string; readonly type: string; readonly existing?: boolean }[];
}

export function buildSummary(input: SummaryInput): WorkspaceSummary {
  const findings: SummaryFinding[] = [];
  for (const [uri, list] of input.findings) {
    if (!input.files.has(uri)) continue;
    const lines = input.linesOf(uri);
    if (!lines) continue;
    for (const finding of list) findings.push(flatten(finding, lines));
  }
  findings.sort(
    (a, b) =>
      compare(a.uri, b.uri) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      compare(a.ruleId, b.ruleId),
  );
  const enabled = allRules.filter((r) => !input.disabledRules?.has(r.meta.id.toUpperCase()));
  const rules: SummaryRule[] = enabled.map((r) => ({
    id: r.meta.id,
    title: r.meta.title,
    severity: r.meta.severity,
    pillar: r.meta.pillar,
    resourceTypes: r.meta.resourceTypes,
  }));
  const resourceTypes: Record<string, number> = {};
  const analysed = [...input.files.values()].filter((f) => !f.skipped);
  for (const file of analysed) {
    for (const resource of file.resources) {
      if (!resource.existing) resourceTypes[resource.type] = (resourceTypes[resource.type] ?? 0) + 1;
    }
  }
  return {
    version: input.version,
    scanning: input.scanning,
    files: analysed.length,
    resourceTypes,
    findings,
    rules,
    counts: breakdown(findings),
    posture: posture(
      analysed,
      findings,
      enabled.map((r) => r.meta),
    ),
  };
}

function flatten(finding: Finding, lines: PositionSource): SummaryFinding {
  const fix = finding.fixes.some((f) => f.applicability === 'safe')
    ? 'safe'
    : finding.fixes.length > 0
      ? 'unsafe'
      : undefined;
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    level: finding.kind === 'review' ? 'info' : finding.level,
    kind: finding.kind,
    message: displayMessage(finding),
    uri: finding.uri,
    range: toRange(lines, finding.span),
    resourceKey: finding.resourceKey,
    resourceType: finding.resourceType,
    ...(fix ? { fix } : {}),
    suppressed: finding.suppression !== undefined,
  };
}

/** What counting needs of a finding (a SummaryFinding, or an engine Finding mapped cheaply). */
export type Countable = Pick<SummaryFinding, 'severity' | 'kind' | 'suppressed'>;

export function countsOf(findings: readonly Countable[]): SummaryCounts {
  const counts = { high: 0, medium: 0, low: 0, review: 0 };
  for (const f of findings) {
    if (f.suppressed) continue;
    if (f.kind === 'review') counts.review++;
    else counts[f.severity]++;
  }
  return counts;
}

function breakdown(findings: readonly SummaryFinding[]): SummaryBreakdown {
  const byLevel: Record<SummaryLevel, number> = { error: 0, warning: 0, info: 0 };
  const byRule: Record<string, number> = {};
  const byResource: Record<string, number> = {};
  const byFile: Record<string, number> = {};
  const byPillar = Object.fromEntries(pillars.map((p) => [p, 0])) as Record<SummaryPillar, number>;
  const active = findings.filter((f) => !f.suppressed);
  for (const f of active) {
    byLevel[f.level]++;
    byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    const resource = workspaceKeyOf(f.uri, f.resourceKey);
    byResource[resource] = (byResource[resource] ?? 0) + 1;
    byFile[f.uri] = (byFile[f.uri] ?? 0) + 1;
    const pillar = ruleById(f.ruleId)?.meta.pillar;
    if (pillar) byPillar[pillar]++;
  }
  return { bySeverity: countsOf(findings), byLevel, byRule, byResource, byFile, byPillar };
}

interface PillarRuleMeta {
  readonly id: string;
  readonly pillar: Pillar;
  readonly resourceTypes: readonly string[];
  readonly documentRule?: boolean;
}

function posture(
  files: readonly SummaryFile[],
  findings: readonly SummaryFinding[],
  rules: readonly PillarRuleMeta[],
): Record<SummaryPillar, PillarPosture> {
  const result = {} as Record<SummaryPillar, PillarPosture>;
  for (const pillar of pillars) {
    const own = rules.filter((r) => r.pillar === pillar && !r.documentRule);
    const types = new Set(own.flatMap((r) => r.resourceTypes.map((t) => t.toLowerCase())));
    const ids = new Set(own.map((r) => r.id.toUpperCase()));
    const failing = new Set<string>();
    const unverified = new Set<string>();
    for (const f of findings) {
      if (f.suppressed || !ids.has(f.ruleId.toUpperCase())) continue;
      (f.kind === 'fail' ? failing : unverified).add(workspaceKeyOf(f.uri, f.resourceKey));
    }
    let applicable = 0;
    let passing = 0;
    let unverifiedPassing = 0;
    for (const file of files) {
      for (const resource of file.resources) {
        if (resource.existing || !types.has(resource.type.toLowerCase())) continue;
        applicable++;
        const key = workspaceKeyOf(file.uri, resource.key);
        if (failing.has(key)) continue;
        passing++;
        if (unverified.has(key)) unverifiedPassing++;
      }
    }
    result[pillar] = {
      applicable,
      passing,
      unverified: unverifiedPassing,
      ratio: applicable === 0 ? null : passing / applicable,
    };
  }
  return result;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
