// Human output in the manner of ESLint's "stylish" formatter: one block per file, `line:col  level
// message  rule-id`, then a summary line, then the files that were skipped and why.
import type { ScanResult } from '../engine/scan';
import type { Finding } from '../engine/finding';
import { regionOf, relativePath, relativePathsOf } from './positions';

export interface TextOptions {
  readonly color: boolean;
}

const ansi = { red: 31, yellow: 33, cyan: 36, gray: 90, bold: 1, underline: 4, green: 32 } as const;

export function formatText(result: ScanResult, options: TextOptions): string {
  const paint = (code: keyof typeof ansi, text: string) =>
    options.color ? `\u001b[${ansi[code]}m${text}\u001b[0m` : text;
  const levelText = (finding: Finding) => {
    if (finding.kind === 'review') return paint('cyan', 'review');
    if (finding.hint) return paint('gray', 'hint');
    return finding.level === 'error'
      ? paint('red', 'error')
      : finding.level === 'warning'
        ? paint('yellow', 'warning')
        : paint('cyan', 'info');
  };
  const shown = result.findings.filter((f) => !f.suppression);
  const byFile = new Map<string, { line: number; column: number; row: string[] }[]>();
  const pathOf = relativePathsOf(result.root);
  for (const finding of shown) {
    const region = regionOf(finding.uri, finding.span, result.positions);
    const file = pathOf(finding.uri);
    const rows = byFile.get(file) ?? [];
    rows.push({
      line: region.startLine,
      column: region.startColumn,
      row: [
        `${region.startLine}:${region.startColumn}`,
        levelText(finding),
        finding.message,
        paint('gray', finding.ruleId),
      ],
    });
    byFile.set(file, rows);
  }
  for (const problem of result.syntaxProblems) {
    const file = relativePath(result.root, problem.path);
    const rows = byFile.get(file) ?? [];
    rows.push({
      line: problem.line,
      column: problem.column,
      row: [
        `${problem.line}:${problem.column}`,
        paint('yellow', 'syntax'),
        problem.message,
        paint('gray', 'aisec/syntax'),
      ],
    });
    byFile.set(file, rows);
  }

  const out: string[] = [];
  for (const file of [...byFile.keys()].sort()) {
    const rows = byFile.get(file)!.sort((a, b) => a.line - b.line || a.column - b.column);
    out.push('', paint('underline', file));
    const width = (i: number) => Math.max(...rows.map((r) => visible(r.row[i]).length));
    const [w0, w1] = [width(0), width(1)];
    for (const { row } of rows) {
      out.push(`  ${pad(row[0], w0)}  ${pad(row[1], w1)}  ${row[2]}  ${row[3]}`);
    }
  }

  const count = (predicate: (f: Finding) => boolean) => shown.filter(predicate).length;
  const errors = count((f) => f.kind === 'fail' && !f.hint && f.level === 'error');
  const warnings = count((f) => f.kind === 'fail' && !f.hint && f.level === 'warning');
  const infos = count((f) => f.kind === 'fail' && !f.hint && f.level === 'info');
  const reviews = count((f) => f.kind === 'review');
  const hints = count((f) => f.hint === true);
  const suppressed = result.findings.length - shown.length;
  const problems = errors + warnings + infos;
  const parts = [`${errors} error${s(errors)}`, `${warnings} warning${s(warnings)}`, `${infos} info`];
  const extras = [
    reviews ? `${reviews} cannot verify` : '',
    hints ? `${hints} hint${s(hints)}` : '',
    suppressed ? `${suppressed} suppressed` : '',
    result.syntaxProblems.length
      ? `${result.syntaxProblems.length} syntax problem${s(result.syntaxProblems.length)}`
      : '',
  ].filter(Boolean);
  const files = `${result.files.length} file${s(result.files.length)} scanned`;
  const headline =
    problems > 0
      ? paint(errors > 0 ? 'red' : 'yellow', paint('bold', `✖ ${problems} problem${s(problems)} (${parts.join(', ')})`))
      : paint('green', paint('bold', '✔ no problems'));
  out.push('', [headline, ...extras, files].join(' · '));

  const notTemplates = result.skipped.filter((f) => /not an? (ARM|deployment)/i.test(f.reason));
  const otherSkips = result.skipped.filter((f) => !notTemplates.includes(f));
  if (otherSkips.length > 0) {
    out.push('', `Skipped ${otherSkips.length} file${s(otherSkips.length)}:`);
    for (const skip of otherSkips) out.push(`  ${relativePath(result.root, skip.path)}: ${skip.reason}`);
  }
  if (notTemplates.length > 0) {
    out.push(
      paint(
        'gray',
        `${notTemplates.length} JSON file${s(notTemplates.length)} ignored: not ARM templates or parameter files.`,
      ),
    );
  }
  return out.join('\n').replace(/^\n/, '') + '\n';
}

function s(n: number): string {
  return n === 1 ? '' : 's';
}

function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[\d+m/g, '');
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visible(text).length));
}
