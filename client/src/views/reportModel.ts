// The workspace posture report: per pillar, how many applicable rules pass, plus the rules with most findings.
// Pure (input: the server's summary), shared by the webview and the Markdown export.
import type {
  SummaryFinding,
  SummaryPillar,
  SummaryRule,
  SummarySeverity,
  WorkspaceSummary,
} from '../../../server/src/lsp/protocol';

export const PILLARS: readonly SummaryPillar[] = [
  'network',
  'identity',
  'encryption',
  'monitoring',
  'content-safety',
  'compute',
];

export const PILLAR_LABEL: Record<SummaryPillar, string> = {
  network: 'Network',
  identity: 'Identity',
  encryption: 'Encryption',
  monitoring: 'Monitoring',
  'content-safety': 'Content safety',
  compute: 'Compute',
};

export interface SeverityCounts {
  high: number;
  medium: number;
  low: number;
}

export interface PillarPosture {
  readonly pillar: SummaryPillar;
  readonly label: string;
  /**
   * What `applicable`/`passing` count. 'resources' when the server sent its posture (resources a rule of the
   * pillar inspects / those without a definite finding of the pillar); 'rules' as the fallback computed here
   * (rules with something to check / those without a definite finding).
   */
  readonly unit: 'resources' | 'rules';
  readonly applicable: number;
  readonly passing: number;
  readonly findings: SeverityCounts;
  /** Cannot-verify findings (not violations). */
  readonly review: number;
  /** passing / applicable in percent (rounded); undefined when nothing applied. */
  readonly score: number | undefined;
}

export interface RuleRow {
  readonly id: string;
  readonly title: string;
  readonly severity: SummarySeverity;
  readonly pillar: SummaryPillar;
  /** Definite, unsuppressed findings. */
  readonly findings: number;
  readonly review: number;
  readonly suppressed: number;
  /** Files with at least one definite finding of the rule. */
  readonly files: number;
}

export interface ReportModel {
  readonly files: number;
  readonly resources: number;
  readonly scanning: boolean;
  readonly totals: SeverityCounts & { review: number; suppressed: number };
  readonly pillars: readonly PillarPosture[];
  /** Rules with definite findings, most severe and most frequent first. */
  readonly topRules: readonly RuleRow[];
  /** Definite, unsuppressed findings (for the Markdown detail list), worst first. */
  readonly findings: readonly SummaryFinding[];
}

const SEVERITY_RANK: Record<SummarySeverity, number> = { high: 0, medium: 1, low: 2 };

function isViolation(f: SummaryFinding): boolean {
  return f.kind === 'fail' && !f.suppressed;
}

/**
 * Builds the report; `topCount` limits `topRules`. The pillar score is the server's posture when the summary
 * carries one (so every client agrees), else the share of applicable rules that pass.
 */
export function buildReport(summary: WorkspaceSummary, topCount = 10): ReportModel {
  const presentTypes = new Set(Object.keys(summary.resourceTypes).map((t) => t.toLowerCase()));
  const byRule = new Map<string, SummaryFinding[]>();
  for (const f of summary.findings) {
    let list = byRule.get(f.ruleId);
    if (!list) byRule.set(f.ruleId, (list = []));
    list.push(f);
  }
  // Rules that reported but are missing from the catalogue (should not happen) still count, as medium.
  const rules: SummaryRule[] = [...summary.rules];
  for (const [id, list] of byRule) {
    if (!rules.some((r) => r.id === id)) {
      rules.push({ id, title: id, severity: list[0].severity, pillar: 'compute', resourceTypes: [] });
    }
  }

  const pillars = PILLARS.map((pillar): PillarPosture => {
    let applicable = 0;
    let passing = 0;
    let review = 0;
    const counts: SeverityCounts = { high: 0, medium: 0, low: 0 };
    for (const rule of rules.filter((r) => r.pillar === pillar)) {
      const found = byRule.get(rule.id) ?? [];
      const violations = found.filter(isViolation);
      for (const v of violations) counts[v.severity]++;
      review += found.filter((f) => f.kind === 'review' && !f.suppressed).length;
      const applies = found.length > 0 || rule.resourceTypes.some((t) => presentTypes.has(t.toLowerCase()));
      if (!applies) continue;
      applicable++;
      if (violations.length === 0) passing++;
    }
    const server = summary.posture?.[pillar];
    if (server) {
      return {
        pillar,
        label: PILLAR_LABEL[pillar],
        unit: 'resources',
        applicable: server.applicable,
        passing: server.passing,
        findings: counts,
        review,
        score: server.applicable > 0 ? Math.round((server.passing / server.applicable) * 100) : undefined,
      };
    }
    return {
      pillar,
      label: PILLAR_LABEL[pillar],
      unit: 'rules',
      applicable,
      passing,
      findings: counts,
      review,
      score: applicable > 0 ? Math.round((passing / applicable) * 100) : undefined,
    };
  });

  const rows: RuleRow[] = [];
  for (const rule of rules) {
    const found = byRule.get(rule.id) ?? [];
    const violations = found.filter(isViolation);
    if (violations.length === 0) continue;
    rows.push({
      id: rule.id,
      title: rule.title,
      severity: rule.severity,
      pillar: rule.pillar,
      findings: violations.length,
      review: found.filter((f) => f.kind === 'review' && !f.suppressed).length,
      suppressed: found.filter((f) => f.suppressed).length,
      files: new Set(violations.map((f) => f.uri)).size,
    });
  }
  rows.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.findings - a.findings || a.id.localeCompare(b.id),
  );

  const violations = summary.findings.filter(isViolation);
  const totals = {
    high: violations.filter((f) => f.severity === 'high').length,
    medium: violations.filter((f) => f.severity === 'medium').length,
    low: violations.filter((f) => f.severity === 'low').length,
    review: summary.findings.filter((f) => f.kind === 'review' && !f.suppressed).length,
    suppressed: summary.findings.filter((f) => f.suppressed).length,
  };
  return {
    files: summary.files,
    resources: Object.values(summary.resourceTypes).reduce((a, b) => a + b, 0),
    scanning: summary.scanning,
    totals,
    pillars,
    topRules: rows.slice(0, topCount),
    findings: [...violations].sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        a.uri.localeCompare(b.uri) ||
        a.range.start.line - b.range.start.line,
    ),
  };
}
