// textDocument/hover on a flagged range: the rule's title, why it matters (first paragraph of its docs page),
// what to do (the fixes on offer, or the message, which names the secure value) and a link to the page.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { Finding } from '../engine/finding';
import type { ParsedDocument } from '../model';
import { ruleById } from '../../../rules';
import { displayMessage, toRange } from './diagnostics';
import { docsHref, ruleDocSummary } from './docs';

export function hover(
  params: HoverParams,
  document: ParsedDocument | undefined,
  findings: readonly Finding[],
  docsBaseUrl?: string,
): Hover | null {
  if (!document) return null;
  const offset = document.lines.offsetAt(params.position);
  const here = findings.filter(
    (f) => !f.suppression && f.uri === document.uri && f.span.start <= offset && offset <= f.span.end,
  );
  if (here.length === 0) return null;
  const sections = here.map((finding) => describe(finding, docsBaseUrl));
  const first = here[0].span;
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    range: toRange(document.lines, first),
  };
}

function describe(finding: Finding, docsBaseUrl?: string): string {
  const doc = ruleDocSummary(finding.ruleId);
  const title = ruleById(finding.ruleId)?.meta.title ?? doc.title;
  const lines = [`**${finding.ruleId}**${title ? ` · ${title}` : ''}`, '', escape(displayMessage(finding))];
  if (doc.why) lines.push('', `*Why:* ${doc.why}`); // the page's own Markdown
  if (finding.fixes.length > 0) {
    const fixes = finding.fixes.map((fix) => `${fix.title}${fix.applicability === 'unsafe' ? ' (unsafe)' : ''}`);
    lines.push('', `*Fix:* ${fixes.join('; ')}`);
  }
  const href = docsHref(finding.ruleId, docsBaseUrl);
  if (href) lines.push('', `[Documentation for ${finding.ruleId}](${href})`);
  return lines.join('\n');
}

/** Markdown-escape a finding message (resource names can hold `*`, `_` or `<`); backticks stay code. */
function escape(text: string): string {
  return text.replace(/([\\*_[\]<>])/g, '\\$1');
}
