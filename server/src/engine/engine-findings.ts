// Findings the engine itself reports, under `aisec/…` ids (not rules: they cannot be configured off,
// except through the settings that cause them). Documented in README "Engine diagnostics".
import type { Severity } from '../model';
import type { Span } from '../model/span';
import type { Finding } from './finding';

export const ENGINE_DIAGNOSTICS = {
  /** A front end or rule threw on this file; the rest of the scan goes on. */
  'aisec/internal-error': { severity: 'high', level: 'error', title: 'aisec failed on this file' },
  /** A suppression whose `until` date has passed: it no longer suppresses. */
  'aisec/expired-suppression': { severity: 'medium', level: 'warning', title: 'Suppression has expired' },
  /** A suppression that suppressed nothing (or names no known rule). */
  'aisec/unused-suppression': { severity: 'low', level: 'info', title: 'Suppression is unused' },
  /** `requireSuppressionReason` is on and a suppression gives no `-- reason`. */
  'aisec/missing-reason': { severity: 'medium', level: 'warning', title: 'Suppression has no reason' },
  /** `.aisec.json` is not valid: defaults are used until it is fixed. */
  'aisec/config-error': { severity: 'high', level: 'error', title: 'Invalid aisec configuration' },
} as const satisfies Record<string, { severity: Severity; level: Finding['level']; title: string }>;

export type EngineDiagnosticId = keyof typeof ENGINE_DIAGNOSTICS;

export function isEngineDiagnostic(ruleId: string): ruleId is EngineDiagnosticId {
  return ruleId in ENGINE_DIAGNOSTICS;
}

export function engineFinding(
  id: EngineDiagnosticId,
  uri: string,
  span: Span,
  extra: { message: string; hint?: boolean },
): Finding {
  const { severity, level } = ENGINE_DIAGNOSTICS[id];
  return {
    ruleId: id,
    severity,
    level,
    kind: 'fail',
    message: extra.message,
    uri,
    span,
    resourceKey: '',
    resourceType: '',
    related: [],
    fixes: [],
    ...(extra.hint ? { hint: true } : {}),
  };
}
