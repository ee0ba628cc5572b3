// Marks findings that a suppression covers (they stay in the results, with `suppression` set) and adds the
// engine's own findings about suppressions: expired ones, unused ones, and ones without a required reason.
import type { ParsedDocument } from '../model/document';
import type { ResolvedConfig } from './config';
import { engineFinding, isEngineDiagnostic } from './engine-findings';
import type { Finding } from './finding';
import { covers, readSuppressions, today, type SuppressionDirective } from './suppressions';

export function applySuppressions(
  document: ParsedDocument,
  findings: readonly Finding[],
  config: ResolvedConfig,
  date = today(),
): Finding[] {
  const directives = readSuppressions(document, date);
  if (directives.length === 0) return [...findings];
  const used = new Set<SuppressionDirective>();
  const result: Finding[] = findings.map((finding) => {
    if (isEngineDiagnostic(finding.ruleId) || finding.uri !== document.uri) return finding;
    const line = document.lines.positionAt(finding.span.start).line;
    const directive = directives.find((d) => !d.expired && covers(d, finding, line));
    if (!directive) return finding;
    used.add(directive);
    return {
      ...finding,
      suppression: {
        kind: 'inSource',
        source: directive.source,
        justification: directive.reason,
        span: directive.span,
        uri: directive.uri,
      },
    };
  });

  for (const directive of directives) {
    const ids = directive.writtenIds.join(', ');
    if (directive.expired) {
      result.push(
        engineFinding('aisec/expired-suppression', document.uri, directive.span, {
          message: `Suppression of ${ids} expired on ${directive.until}: it no longer applies. Fix the finding or renew the date.`,
        }),
      );
      continue;
    }
    // Only aisec's own syntax is ours to judge; peers' comments serve their tools too.
    if (directive.source !== 'aisec' && directive.source !== 'arm-metadata') continue;
    if (directive.unknownIds.length > 0) {
      result.push(
        engineFinding('aisec/unused-suppression', document.uri, directive.span, {
          message: `Suppression names no aisec rule: ${directive.unknownIds.join(', ')}.`,
          hint: true,
        }),
      );
    } else if (!used.has(directive)) {
      result.push(
        engineFinding('aisec/unused-suppression', document.uri, directive.span, {
          message: `Unused suppression: no ${ids} finding ${directive.targetLine >= 0 ? 'on the next line' : 'on this resource'}.`,
          hint: true,
        }),
      );
    }
    if (config.requireSuppressionReason && !directive.reason) {
      result.push(
        engineFinding('aisec/missing-reason', document.uri, directive.span, {
          message: `Suppression of ${ids} gives no reason: add '-- <why this is acceptable>' (requireSuppressionReason is on).`,
        }),
      );
    }
  }
  return result;
}
