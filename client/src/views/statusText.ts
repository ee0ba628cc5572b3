// Text of the status bar item. Pure, unit-tested.
import type { SummaryCounts, WorkspaceSummary } from '../../../server/src/lsp/protocol';

export interface StatusText {
  readonly text: string;
  readonly tooltip: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}`;
}

/** `$(shield) 2 high · 1 medium` style text; codicons only, no colours (the theme decides). */
export function statusText(counts: SummaryCounts | undefined, scanning: boolean): StatusText {
  if (!counts) return { text: '$(sync~spin) aisec', tooltip: 'aisec: starting the language server…' };
  const icon = scanning ? '$(sync~spin)' : counts.high + counts.medium + counts.low > 0 ? '$(shield)' : '$(pass)';
  const parts: string[] = [];
  if (counts.high) parts.push(plural(counts.high, 'high'));
  if (counts.medium) parts.push(plural(counts.medium, 'medium'));
  if (counts.low) parts.push(plural(counts.low, 'low'));
  const definite = parts.length > 0 ? parts.join(' · ') : 'no issues';
  const text = `${icon} aisec: ${definite}`;
  const lines = [
    scanning ? 'aisec: scanning the workspace…' : 'aisec: AI workload security',
    `High: ${counts.high}, medium: ${counts.medium}, low: ${counts.low}`,
    `Cannot verify (needs review): ${counts.review}`,
    'Click to open the AI Security view',
  ];
  return { text, tooltip: lines.join('\n') };
}

/** Unsuppressed counts of a summary (same meaning as the counts of `aisec/summaryChanged`). */
export function countsOf(summary: WorkspaceSummary): SummaryCounts {
  const counts = { high: 0, medium: 0, low: 0, review: 0 };
  for (const f of summary.findings) {
    if (f.suppressed) continue;
    if (f.kind === 'review') counts.review++;
    else counts[f.severity]++;
  }
  return counts;
}
