// What the editor shows for one checked file: its unsuppressed findings as diagnostics (review findings hidden
// when `aisec.unknownValues` is 'off' and no `.aisec.json` decides), findings the engine attributes to another
// file (an invalid `.aisec.json`) at the top of this one, and one Information diagnostic when the file could not
// be analysed at all. Syntax errors are left to the official Bicep / Terraform / JSON extensions.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../engine/finding';
import type { PositionsOf } from '../engine/batch/positions';
import { displayMessage, toDiagnostic } from './diagnostics';
import type { EffectiveSettings } from './settings';

export interface PublishContext {
  /** Why the file was not analysed, when that is worth a notice (see skipNotice). */
  readonly notice?: string;
  /** Positions in any file (related information may point elsewhere). */
  linesOf: PositionsOf;
  readonly settings: EffectiveSettings;
  /** True when a `.aisec.json` applies to the file (its `unknownValues` then wins over the setting). */
  readonly hasConfigFile: boolean;
}

export function diagnosticsFor(uri: string, findings: readonly Finding[], context: PublishContext): Diagnostic[] {
  const hideReview = context.settings.unknownValues === 'off' && !context.hasConfigFile;
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    if (finding.suppression) continue;
    if (hideReview && finding.kind === 'review') continue;
    if (finding.uri !== uri) {
      diagnostics.push(elsewhere(finding));
      continue;
    }
    const diagnostic = toDiagnostic(finding, context.linesOf, context.settings.docsBaseUrl);
    if (diagnostic) diagnostics.push(diagnostic);
  }
  if (context.notice !== undefined) diagnostics.push(skippedNotice(context.notice));
  return diagnostics;
}

/** A finding located in another file (the engine's `aisec/config-error` on `.aisec.json`): top of this file. */
function elsewhere(finding: Finding): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: finding.level === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'aisec',
    code: finding.ruleId,
    message: displayMessage(finding),
    relatedInformation: [
      {
        location: { uri: finding.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
        message: finding.ruleId,
      },
    ],
  };
}

/**
 * One Information diagnostic when aisec could not analyse the file (too large, binary, front end missing).
 * JSON that is not an ARM template gets none (skipNotice): package.json and friends are none of aisec's business.
 */
export function skippedNotice(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'aisec',
    message: `aisec did not analyse this file: ${reason}`,
  };
}
