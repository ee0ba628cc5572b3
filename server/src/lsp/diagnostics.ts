// Findings → LSP diagnostics (DESIGN §3, §8): source 'aisec', code = rule id, codeDescription = docs page,
// range = finding span, severity = configured level, "Cannot verify:" for review findings, related locations
// from parameter defaults / tfvars / parameter files, and `data` that lets a code action find the finding again
// in a fresh check of the current text (nothing is stored between the two requests).
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range,
} from 'vscode-languageserver';
import type { Finding } from '../engine/finding';
import type { PositionSource, PositionsOf } from '../engine/batch/positions';
import { LineIndex, type ParsedDocument, type Span } from '../model';

import { docsHref } from './docs';

/** What a diagnostic carries for code actions: enough to match it against a fresh finding. */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly resourceKey: string;
  readonly path?: string;
  readonly kind: 'fail' | 'review';
  /** Titles and applicability of the fixes on offer (for clients that show them without asking). */
  readonly fixes: readonly { readonly title: string; readonly applicability: 'safe' | 'unsafe' }[];
}

export function linesFromDocuments(documentOf: (uri: string) => ParsedDocument | undefined): PositionsOf {
  return (uri) => documentOf(uri)?.lines;
}

export function toRange(lines: PositionSource, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

const levelSeverity = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

/**
 * Engine diagnostics meant as editor hints (an unused suppression comment: shown faded as unnecessary). An
 * expired suppression, by contrast, is a real warning and keeps its level.
 */
export function isUnusedSuppression(finding: Finding): boolean {
  return finding.hint === true || finding.ruleId === 'aisec/unused-suppression';
}

/** Rules have docs pages; the engine's own `aisec/…` diagnostics do not. */
export function hasDocs(ruleId: string): boolean {
  return /^AIS-[A-Z0-9-]+$/i.test(ruleId);
}

export function displayMessage(finding: Finding): string {
  return finding.kind === 'review' ? `Cannot verify: ${finding.message}` : finding.message;
}

export function toDiagnostic(finding: Finding, linesOf: PositionsOf, docsBaseUrl?: string): Diagnostic | undefined {
  const lines = linesOf(finding.uri);
  if (!lines) return undefined;
  const unused = isUnusedSuppression(finding);
  const diagnostic: Diagnostic = {
    range: toRange(lines, finding.span),
    severity: unused
      ? DiagnosticSeverity.Hint
      : finding.kind === 'review'
        ? DiagnosticSeverity.Information
        : levelSeverity[finding.level],
    source: 'aisec',
    code: finding.ruleId,
    message: displayMessage(finding),
  };
  const href = hasDocs(finding.ruleId) ? docsHref(finding.ruleId, docsBaseUrl) : undefined;
  if (href) diagnostic.codeDescription = { href };
  if (unused) diagnostic.tags = [DiagnosticTag.Unnecessary];
  const related: DiagnosticRelatedInformation[] = [];
  for (const location of finding.related) {
    const relatedLines = location.uri === finding.uri ? lines : linesOf(location.uri);
    if (!relatedLines) continue;
    related.push({
      location: { uri: location.uri, range: toRange(relatedLines, location.span) },
      message: location.message,
    });
  }
  if (related.length) diagnostic.relatedInformation = related;
  const data: DiagnosticData = {
    ruleId: finding.ruleId,
    resourceKey: finding.resourceKey,
    ...(finding.path !== undefined ? { path: finding.path } : {}),
    kind: finding.kind,
    fixes: finding.fixes.map((fix) => ({ title: fix.title, applicability: fix.applicability })),
  };
  diagnostic.data = data;
  return diagnostic;
}

/** Two findings are the same problem when rule, resource, property and span agree. */
export function sameFinding(data: DiagnosticData, range: Range, finding: Finding, lines: PositionSource): boolean {
  if (finding.ruleId !== data.ruleId || finding.resourceKey !== data.resourceKey) return false;
  if ((finding.path ?? undefined) !== (data.path ?? undefined)) return false;
  const own = toRange(lines, finding.span);
  return (
    own.start.line === range.start.line &&
    own.start.character === range.start.character &&
    own.end.line === range.end.line &&
    own.end.character === range.end.character
  );
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as DiagnosticData).ruleId === 'string' &&
    typeof (value as DiagnosticData).resourceKey === 'string'
  );
}

export { LineIndex };
