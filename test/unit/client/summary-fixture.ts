// Builders for workspace summaries used by the client view tests.
import type { SummaryFinding, SummaryRule, WorkspaceSummary } from '../../../server/src/lsp/protocol';

export function finding(partial: Partial<SummaryFinding> & Pick<SummaryFinding, 'ruleId'>): SummaryFinding {
  const line = partial.range?.start.line ?? 0;
  return {
    severity: 'medium',
    level: 'warning',
    kind: 'fail',
    message: `${partial.ruleId} finding`,
    uri: 'file:///ws/main.bicep',
    range: { start: { line, character: 2 }, end: { line, character: 10 } },
    resourceKey: 'account',
    resourceType: 'Microsoft.CognitiveServices/accounts',
    suppressed: false,
    ...partial,
  };
}

export const RULES: SummaryRule[] = [
  {
    id: 'AIS-COG-LOCAL-AUTH',
    title: 'Disable local auth',
    severity: 'high',
    pillar: 'identity',
    resourceTypes: ['Microsoft.CognitiveServices/accounts'],
  },
  {
    id: 'AIS-COG-PUBLIC-NETWORK',
    title: 'Disable public network access',
    severity: 'high',
    pillar: 'network',
    resourceTypes: ['Microsoft.CognitiveServices/accounts'],
  },
  {
    id: 'AIS-COG-DIAG',
    title: 'Send logs to Log Analytics',
    severity: 'low',
    pillar: 'monitoring',
    resourceTypes: ['Microsoft.CognitiveServices/accounts'],
  },
  {
    id: 'AIS-COG-CMK',
    title: 'Encrypt with a customer-managed key',
    severity: 'medium',
    pillar: 'encryption',
    resourceTypes: ['Microsoft.CognitiveServices/accounts'],
  },
  {
    id: 'AIS-ST-PUBLIC-BLOB',
    title: 'Disallow public blob access',
    severity: 'high',
    pillar: 'network',
    resourceTypes: ['Microsoft.Storage/storageAccounts'],
  },
];

export function summary(findings: SummaryFinding[], extra: Partial<WorkspaceSummary> = {}): WorkspaceSummary {
  return {
    version: 1,
    scanning: false,
    files: 2,
    resourceTypes: { 'Microsoft.CognitiveServices/accounts': 2 },
    findings,
    rules: RULES,
    ...extra,
  };
}

/** Path relative to file:///ws/. */
export const rel = (uri: string): string => uri.replace('file:///ws/', '');
