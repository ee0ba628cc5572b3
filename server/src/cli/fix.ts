// `aisec fix`: applies safe fixes (all fixes with --unsafe) through edit/'s fixToTextEdits, one fix at a
// time, re-analysing after each (spans shift; one fix may settle other findings), with a bound on the
// number of rounds. A fix whose finding survives it is not retried. --dry-run prints a unified diff and
// writes nothing.
import * as fs from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { applyTextEdits, realizeFix } from '../edit';
import type { Finding } from '../engine/finding';
import type { ScanResult } from '../engine/scan';
import type { WorkspaceSession } from '../engine/session';
import type { Fix } from '../model/rule';
import { regionOf, relativePath, uriToPath } from './positions';

/** Upper bound on fixes applied per workspace (each is followed by a re-analysis). */
export const MAX_FIX_ROUNDS = 500;

export interface AppliedFix {
  readonly path: string;
  readonly line: number;
  readonly ruleId: string;
  readonly title: string;
  readonly applicability: 'safe' | 'unsafe';
}

export interface FixReport {
  readonly applied: readonly AppliedFix[];
  /** Changed files: path → [before, after]. */
  readonly changes: ReadonlyMap<string, { readonly before: string; readonly after: string }>;
  /** Findings with a fix on offer that was not applied (unsafe without --unsafe, or not writable). */
  readonly remaining: number;
}

export function applyFixes(scan: ScanResult, options: { unsafe: boolean }): FixReport {
  const applied: AppliedFix[] = [];
  const changes = new Map<string, { before: string; after: string }>();
  let remaining = 0;
  for (const session of scan.sessions) {
    const attempted = new Set<string>();
    for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
      const next = nextFix(session, attempted, options.unsafe);
      if (!next) break;
      const { finding, fix, title, edits, key } = next;
      attempted.add(key);
      const line = regionOf(finding.uri, finding.span, (uri) => session.document(uri)?.lines).startLine;
      for (const [uri, textEdits] of edits) {
        const document = session.document(uri);
        if (!document) continue;
        const after = applyTextEdits(document.text, textEdits);
        const file = uriToPath(uri);
        const entry = changes.get(file);
        changes.set(file, { before: entry?.before ?? document.text, after });
        session.setFile(uri, after);
      }
      applied.push({
        path: relativePath(scan.root, uriToPath(finding.uri)),
        line,
        ruleId: finding.ruleId,
        title,
        applicability: fix.applicability,
      });
    }
    for (const findings of session.check().values()) {
      remaining += findings.filter((f) => !f.suppression && f.kind === 'fail' && f.fixes.length > 0).length;
    }
  }
  return { applied, changes, remaining };
}

function nextFix(
  session: WorkspaceSession,
  attempted: Set<string>,
  unsafe: boolean,
):
  | {
      finding: Finding;
      fix: Fix;
      /** The realised title: the fix's title with notes on where the edit lands ("in the default of …"). */
      title: string;
      edits: Map<string, { span: Finding['span']; newText: string }[]>;
      key: string;
    }
  | undefined {
  // Every file of the workspace: lets a Terraform fix edit a variable's default when the variable has one use.
  const uris = () => session.uris();
  for (const findings of session.check().values()) {
    for (const finding of findings) {
      if (finding.suppression || finding.kind !== 'fail') continue;
      for (const fix of finding.fixes) {
        if (fix.applicability === 'unsafe' && !unsafe) continue;
        const key = `${finding.ruleId}|${finding.uri}|${finding.resourceKey}|${finding.path ?? ''}|${fix.title}`;
        if (attempted.has(key)) continue;
        let realized: ReturnType<typeof realizeFix>;
        try {
          realized = realizeFix(fix, (uri) => session.document(uri), { uris });
        } catch {
          attempted.add(key);
          continue;
        }
        if (!realized || [...realized.edits.values()].every((list) => list.length === 0)) {
          attempted.add(key);
          continue;
        }
        return { finding, fix, title: realized.title, edits: realized.edits, key };
      }
    }
  }
  return undefined;
}

/** Writes the changed files, keeping a byte-order mark the file had. */
export function writeChanges(changes: FixReport['changes']): void {
  for (const [file, { after }] of changes) {
    const hadBom = fs
      .readFileSync(file)
      .subarray(0, 3)
      .equals(Buffer.from([0xef, 0xbb, 0xbf]));
    fs.writeFileSync(file, hadBom ? `\ufeff${after}` : after);
  }
}

export function unifiedDiff(root: string, changes: FixReport['changes']): string {
  const parts: string[] = [];
  for (const [file, { before, after }] of [...changes].sort(([a], [b]) => a.localeCompare(b))) {
    const name = relativePath(root, file);
    parts.push(createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 }));
  }
  return parts.join('');
}
