// "Fix all aisec issues in this file" (`source.fixAll.aisec`): applies the safe fixes of one file one at a
// time, re-analysing the file in memory after each (a fix can change or remove other findings, e.g. two rules
// asking for the same property), until no safe fix is left or the round limit is reached. The session holds the
// intermediate texts only inside this synchronous call and gets the original text back before it returns.
import type { Finding } from '../engine/finding';
import type { LintSession } from './session';
import { applySpanEdits, minimalEdit, sessionUris, type EditFunctions, type SpanEdit } from './text-edits';

/** Enough for every finding of a large file; each round is one check of one file. */
export const maxFixAllRounds = 64;

export function findingKey(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.resourceKey}\u0000${finding.path ?? ''}`;
}

/** The single edit that turns the file's current text into the text with all safe fixes applied. */
export function fixAllEdit(
  session: LintSession,
  uri: string,
  edits: EditFunctions,
  onError: (message: string, error: unknown) => void,
  maxRounds = maxFixAllRounds,
): SpanEdit | undefined {
  const original = session.document(uri)?.text;
  if (original === undefined) return undefined;
  let text = original;
  const attempted = new Set<string>();
  try {
    for (let round = 0; round < maxRounds; round++) {
      const findings = session.check([uri]).get(uri) ?? [];
      const candidate = findings.find(
        (f) =>
          f.kind === 'fail' &&
          !f.suppression &&
          !attempted.has(findingKey(f)) &&
          f.fixes.some((fix) => fix.applicability === 'safe'),
      );
      if (!candidate) break;
      attempted.add(findingKey(candidate));
      const fix = candidate.fixes.find((f) => f.applicability === 'safe')!;
      let perFile: Map<string, SpanEdit[]>;
      try {
        perFile = edits.realizeFix(fix, (u) => session.document(u), { uris: sessionUris(session) })?.edits ?? new Map();
      } catch (error) {
        onError(`fix '${fix.title}' of ${candidate.ruleId}`, error);
        continue;
      }
      // A fix that also edits other files is not applied by fix-all of this file (it stays a quick fix).
      if ([...perFile].some(([u, e]) => u !== uri && e.length > 0)) continue;
      const next = applySpanEdits(text, perFile.get(uri) ?? []);
      if (next === undefined || next === text) continue;
      text = next;
      session.setFile(uri, text);
    }
  } finally {
    if (text !== original) session.setFile(uri, original);
  }
  return minimalEdit(original, text);
}
