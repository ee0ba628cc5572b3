// Markdown export of the posture report (pasteable into a PR, a wiki or an issue).
import { escapeMarkdownCell } from './escape';
import type { ReportModel } from './reportModel';
import { PILLAR_LABEL } from './reportModel';

export interface MarkdownOptions {
  /** Workspace-relative path of a uri. */
  readonly relativePath: (uri: string) => string;
  /** Shown under the title; e.g. the workspace name and an ISO date. */
  readonly subtitle?: string;
  /** Cap on the detailed findings list (the rest is counted). */
  readonly maxFindings?: number;
}

function bar(score: number | undefined, width = 10): string {
  if (score === undefined) return '';
  const full = Math.round((score / 100) * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

export function reportToMarkdown(model: ReportModel, options: MarkdownOptions): string {
  const out: string[] = [];
  const t = model.totals;
  out.push('# aisec security posture', '');
  if (options.subtitle) out.push(`_${escapeMarkdownCell(options.subtitle)}_`, '');
  if (model.scanning) out.push('> The workspace scan was still running: figures may be incomplete.', '');
  out.push(
    `${model.files} IaC ${model.files === 1 ? 'file' : 'files'}, ${model.resources} ` +
      `${model.resources === 1 ? 'resource' : 'resources'}. ` +
      `Findings: **${t.high} high**, **${t.medium} medium**, **${t.low} low**; ` +
      `${t.review} to review (cannot verify); ${t.suppressed} suppressed.`,
    '',
  );

  out.push('## Posture per pillar', '');
  out.push('| Pillar | Score | Passing | High | Medium | Low | To review |');
  out.push('|---|---|---|---:|---:|---:|---:|');
  for (const p of model.pillars) {
    const score = p.score === undefined ? 'n/a' : `${bar(p.score)} ${p.score}%`;
    const passing = p.score === undefined ? 'nothing to check' : `${p.passing}/${p.applicable} ${p.unit}`;
    out.push(
      `| ${p.label} | ${score} | ${passing} | ${p.findings.high} | ${p.findings.medium} | ${p.findings.low} | ${p.review} |`,
    );
  }
  out.push('');

  out.push('## Top rules', '');
  if (model.topRules.length === 0) {
    out.push('No rule has a definite finding.', '');
  } else {
    out.push('| Rule | Severity | Pillar | Findings | Files | Title |');
    out.push('|---|---|---|---:|---:|---|');
    for (const r of model.topRules) {
      out.push(
        `| \`${r.id}\` | ${r.severity} | ${PILLAR_LABEL[r.pillar]} | ${r.findings} | ${r.files} | ` +
          `${escapeMarkdownCell(r.title)} |`,
      );
    }
    out.push('');
  }

  const max = options.maxFindings ?? 200;
  if (model.findings.length > 0) {
    out.push('## Findings', '');
    out.push('| Severity | Rule | Location | Message |');
    out.push('|---|---|---|---|');
    for (const f of model.findings.slice(0, max)) {
      const where = `${options.relativePath(f.uri)}:${f.range.start.line + 1}`;
      out.push(`| ${f.severity} | \`${f.ruleId}\` | ${escapeMarkdownCell(where)} | ${escapeMarkdownCell(f.message)} |`);
    }
    if (model.findings.length > max) out.push('', `…and ${model.findings.length - max} more.`);
    out.push('');
  }
  return out.join('\n');
}
