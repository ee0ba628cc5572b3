// "Suppress AIS-… on this line": a comment above the finding's line, at that line's indentation, in the
// file's comment syntax (`#` for Terraform, `//` for Bicep and ARM JSONC). When the line above already is an
// aisec-disable-next-line comment, the rule id joins its list instead of stacking a second comment.
import type { ParsedDocument } from '../model/document';
import type { Span } from '../model/span';
import { detectStyle, indentationAt, lineEndAt, lineStartAt, type TextEdit } from './text';

/** What a suppression needs of a finding (the engine's `Finding` has these). */
export interface SuppressibleFinding {
  readonly ruleId: string;
  readonly span: Span;
}

export const REASON_PLACEHOLDER = 'reason';

export function suppressionEdit(
  document: ParsedDocument,
  finding: SuppressibleFinding,
  reason: string = REASON_PLACEHOLDER,
): TextEdit {
  const text = document.text;
  const lineStart = lineStartAt(text, Math.min(finding.span.start, text.length));
  const marker = document.language === 'terraform' || document.language === 'tfvars' ? '#' : '//';
  if (lineStart > 0) {
    // The line above: extend an existing suppression comment that has no `until` and lacks this id.
    const aboveStart = lineStartAt(text, lineStart - 1);
    const above = text.slice(aboveStart, lineEndAt(text, aboveStart));
    const match =
      /^([ \t]*(?:\/\/|#)[ \t]*aisec-disable-next-line[ \t]+)([A-Za-z0-9-]+(?:[ \t]*,[ \t]*[A-Za-z0-9-]+)*)/.exec(
        above,
      );
    if (match) {
      const ids = match[2].split(',').map((id) => id.trim());
      const at = aboveStart + match[1].length + match[2].length;
      if (ids.includes(finding.ruleId)) return { span: { start: at, end: at }, newText: '' };
      return { span: { start: at, end: at }, newText: `, ${finding.ruleId}` };
    }
  }
  const indent = indentationAt(text, lineStart);
  const { eol } = detectStyle(text);
  return {
    span: { start: lineStart, end: lineStart },
    newText: `${indent}${marker} aisec-disable-next-line ${finding.ruleId} -- ${reason}${eol}`,
  };
}
