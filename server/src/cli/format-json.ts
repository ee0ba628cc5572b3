// `--format json`: a stable, documented shape (README "JSON output"), version 1. Paths are relative to the
// scanned root with forward slashes; lines and columns are 1-based.
import type { Finding } from '../engine/finding';
import type { ScanResult } from '../engine/scan';
import { regionOf, relativePath, relativePathsOf, type Region } from './positions';

export interface JsonReport {
  readonly version: 1;
  readonly tool: { readonly name: 'aisec'; readonly version: string };
  readonly root: string;
  readonly summary: {
    readonly files: number;
    readonly skipped: number;
    readonly findings: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    readonly review: number;
    readonly suppressed: number;
  };
  readonly findings: readonly JsonFinding[];
  readonly files: readonly string[];
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  readonly syntaxProblems: readonly { path: string; line: number; column: number; message: string }[];
}

export interface JsonFinding extends Region {
  readonly ruleId: string;
  readonly severity: Finding['severity'];
  readonly level: Finding['level'];
  readonly kind: Finding['kind'];
  readonly message: string;
  readonly path: string;
  readonly resource: { readonly key: string; readonly type: string };
  readonly property?: string;
  readonly related: readonly (Region & { readonly path: string; readonly message: string })[];
  readonly fixes: readonly { readonly title: string; readonly applicability: 'safe' | 'unsafe' }[];
  readonly suppression?: { readonly source?: string; readonly justification?: string };
}

export function toJsonReport(result: ScanResult, version: string): JsonReport {
  const pathOf = relativePathsOf(result.root);
  const findings = result.findings.map((f): JsonFinding => {
    const region = regionOf(f.uri, f.span, result.positions);
    return {
      ruleId: f.ruleId,
      severity: f.severity,
      level: f.level,
      kind: f.kind,
      message: f.message,
      path: pathOf(f.uri),
      ...region,
      resource: { key: f.resourceKey, type: f.resourceType },
      ...(f.path ? { property: f.path } : {}),
      related: f.related.map((r) => ({
        path: pathOf(r.uri),
        ...regionOf(r.uri, r.span, result.positions),
        message: r.message,
      })),
      fixes: f.fixes.map((fix) => ({ title: fix.title, applicability: fix.applicability })),
      ...(f.suppression
        ? { suppression: { source: f.suppression.source, justification: f.suppression.justification } }
        : {}),
    };
  });
  const active = result.findings.filter((f) => !f.suppression);
  const count = (level: Finding['level']) => active.filter((f) => f.kind === 'fail' && f.level === level).length;
  return {
    version: 1,
    tool: { name: 'aisec', version },
    root: result.root,
    summary: {
      files: result.files.length,
      skipped: result.skipped.length,
      findings: active.length,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      review: active.filter((f) => f.kind === 'review').length,
      suppressed: result.findings.length - active.length,
    },
    findings,
    files: result.files.map((file) => relativePath(result.root, file)),
    skipped: result.skipped.map((s) => ({ path: relativePath(result.root, s.path), reason: s.reason })),
    syntaxProblems: result.syntaxProblems.map((p) => ({
      path: relativePath(result.root, p.path),
      line: p.line,
      column: p.column,
      message: p.message,
    })),
  };
}
