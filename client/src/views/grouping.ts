// Groups workspace findings for the tree view. Pure (no vscode import) so it is unit-tested in plain mocha.
import type { SummaryFinding, SummaryRule, SummarySeverity } from '../../../server/src/lsp/protocol';

export type GroupBy = 'severity' | 'rule' | 'resource' | 'file';
export const GROUP_BY_VALUES: readonly GroupBy[] = ['severity', 'rule', 'resource', 'file'];

/** A group node; its leaves are `findings`, already sorted for display. */
export interface FindingGroup {
  /** Stable id (survives refreshes, so expanded state is kept). */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** Worst severity inside: the group's icon. 'review' when it holds only cannot-verify findings. */
  readonly worst: SummarySeverity | 'review';
  /** For file groups: the document uri (lets "Fix all in file" run from the context menu). */
  readonly uri?: string;
  /** For rule groups: the rule id (lets "Open rule documentation" run from the context menu). */
  readonly ruleId?: string;
  readonly findings: readonly SummaryFinding[];
}

export interface GroupingOptions {
  /** Workspace-relative path for a uri (labels and sort keys). */
  readonly relativePath: (uri: string) => string;
  /** Rule titles for rule groups; the id alone when unknown. */
  readonly rules?: readonly SummaryRule[];
}

const SEVERITY_RANK: Record<SummarySeverity | 'review', number> = { high: 0, medium: 1, low: 2, review: 3 };
const SEVERITY_LABEL: Record<SummarySeverity | 'review', string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  review: 'Cannot verify',
};

/** A definite finding ranks by its severity; every review (cannot verify) finding ranks after all of them. */
export function findingRank(finding: SummaryFinding): SummarySeverity | 'review' {
  return finding.kind === 'review' ? 'review' : finding.severity;
}

function worstOf(findings: readonly SummaryFinding[]): SummarySeverity | 'review' {
  let worst: SummarySeverity | 'review' = 'review';
  for (const f of findings) {
    const rank = findingRank(f);
    if (SEVERITY_RANK[rank] < SEVERITY_RANK[worst]) worst = rank;
  }
  return worst;
}

function compareFindings(relativePath: (uri: string) => string) {
  return (a: SummaryFinding, b: SummaryFinding): number =>
    SEVERITY_RANK[findingRank(a)] - SEVERITY_RANK[findingRank(b)] ||
    relativePath(a.uri).localeCompare(relativePath(b.uri)) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId);
}

function countLabel(findings: readonly SummaryFinding[]): string {
  const review = findings.filter((f) => f.kind === 'review').length;
  const definite = findings.length - review;
  const parts: string[] = [];
  if (definite > 0) parts.push(`${definite} ${definite === 1 ? 'issue' : 'issues'}`);
  if (review > 0) parts.push(`${review} to review`);
  return parts.join(', ');
}

/**
 * Groups the unsuppressed findings. Groups are ordered worst first (then by size, then by label), leaves worst
 * first, then by file and position. Suppressed findings are left out: the tree shows what needs attention.
 */
export function groupFindings(
  findings: readonly SummaryFinding[],
  by: GroupBy,
  options: GroupingOptions,
): FindingGroup[] {
  const visible = findings.filter((f) => !f.suppressed);
  const buckets = new Map<string, SummaryFinding[]>();
  const keyOf = (f: SummaryFinding): string => {
    switch (by) {
      case 'severity':
        return findingRank(f);
      case 'rule':
        return f.ruleId;
      case 'resource':
        return `${f.uri}#${f.resourceKey}`;
      case 'file':
        return f.uri;
    }
  };
  for (const f of visible) {
    const key = keyOf(f);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = []));
    bucket.push(f);
  }
  const titles = new Map((options.rules ?? []).map((r) => [r.id, r.title]));
  const compare = compareFindings(options.relativePath);
  const groups: FindingGroup[] = [];
  for (const [key, bucket] of buckets) {
    bucket.sort(compare);
    const first = bucket[0];
    const base = { id: `${by}:${key}`, worst: worstOf(bucket), findings: bucket };
    switch (by) {
      case 'severity':
        groups.push({
          ...base,
          label: SEVERITY_LABEL[key as SummarySeverity | 'review'],
          description: countLabel(bucket),
        });
        break;
      case 'rule':
        groups.push({
          ...base,
          label: key,
          ruleId: key,
          description: [titles.get(key), countLabel(bucket)].filter(Boolean).join(' · '),
        });
        break;
      case 'resource':
        groups.push({
          ...base,
          label: first.resourceKey || '(template)',
          description: [first.resourceType, options.relativePath(first.uri), countLabel(bucket)]
            .filter(Boolean)
            .join(' · '),
        });
        break;
      case 'file':
        groups.push({ ...base, label: options.relativePath(key), uri: key, description: countLabel(bucket) });
        break;
    }
  }
  groups.sort((a, b) =>
    by === 'severity'
      ? SEVERITY_RANK[a.worst] - SEVERITY_RANK[b.worst]
      : SEVERITY_RANK[a.worst] - SEVERITY_RANK[b.worst] ||
        b.findings.length - a.findings.length ||
        a.label.localeCompare(b.label),
  );
  return groups;
}

/**
 * The leaf's label and description. The sidebar is narrow and every message starts with the resource's name, so
 * the label is the short rule id (the resource when grouped by rule) and the full message goes to the tooltip.
 */
export function leafText(finding: SummaryFinding, by: GroupBy, relativePath: (uri: string) => string) {
  const line = finding.range.start.line + 1;
  const resource = finding.resourceKey || '(template)';
  switch (by) {
    case 'rule':
      return { label: resource, description: `${relativePath(finding.uri)}:${line}` };
    case 'resource':
      return { label: finding.ruleId, description: `line ${line}` };
    case 'file':
      return { label: finding.ruleId, description: `${resource} · line ${line}` };
    case 'severity':
      return { label: finding.ruleId, description: `${resource} · ${relativePath(finding.uri)}:${line}` };
  }
}
