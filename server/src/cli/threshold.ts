// `--fail-on`: which findings make `aisec scan` exit 1. Compares the configured level (error ≙ high,
// warning ≙ medium, info ≙ low), so a rule a project downgraded in `.aisec.json` stops failing its build.
// Only definite (`fail`), unsuppressed findings count; "cannot verify" findings never fail a build.
import type { Finding } from '../engine/finding';

export type FailOn = 'high' | 'medium' | 'low' | 'none';

const rank = { error: 3, warning: 2, info: 1 } as const;
const threshold = { high: 3, medium: 2, low: 1, none: Infinity } as const;

export function failsBuild(finding: Finding, failOn: FailOn): boolean {
  if (finding.kind !== 'fail' || finding.suppression || finding.hint) return false;
  if (finding.ruleId === 'aisec/internal-error') return false; // reported with exit code 2 instead
  return rank[finding.level] >= threshold[failOn];
}
