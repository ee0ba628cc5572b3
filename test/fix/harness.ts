// Test support for fixes: analyse a small workspace (files by uri) with the real engine, keep the findings
// with their fixes and the parsed documents, so a test can realise a fix, apply it and analyse again.
import type { SourceFile } from '../../server/src/model/frontend';
import { LineIndex, type ParsedDocument } from '../../server/src/model';
import { DEFAULT_CONFIG, initFrontEnds, WorkspaceSession, type Finding } from '../../server/src/engine';

export interface Analysis {
  readonly documents: Map<string, ParsedDocument>;
  /** Every finding (suppressed ones included), with its 1-based line. */
  readonly findings: (Finding & { readonly line: number })[];
}

export async function initEngine(): Promise<void> {
  await initFrontEnds();
}

export function analyze(files: readonly SourceFile[]): Analysis {
  const session = new WorkspaceSession({ config: DEFAULT_CONFIG, today: '2026-01-01' });
  for (const file of files) session.setFile(file.uri, file.text);
  const documents = new Map(session.documents().map((d) => [d.uri, d]));
  const findings: Analysis['findings'] = [];
  for (const [uri, list] of session.check()) {
    const document = documents.get(uri);
    const lines = document?.lines ?? new LineIndex('');
    for (const finding of list) findings.push({ ...finding, line: lines.positionAt(finding.span.start).line + 1 });
  }
  return { documents, findings };
}

export function languageOf(uri: string): 'bicep' | 'arm' | 'terraform' {
  if (/\.(bicep|bicepparam)$/.test(uri)) return 'bicep';
  if (/\.(tf|tfvars)$/.test(uri)) return 'terraform';
  return 'arm';
}
