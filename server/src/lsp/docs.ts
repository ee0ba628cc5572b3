// Where a rule's documentation lives and what the hover shows from it. The bundle ships the pages as
// `dist/docs/<ID>.md` next to `dist/server.js`; when running from source (tests via tsx) they are the
// repository's `rules/docs/<ID>.md`. A configured base URL (`aisec.docsBaseUrl`) wins over both.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const candidates = [path.join(__dirname, 'docs'), path.resolve(__dirname, '../../../rules/docs')];

let docsDir: string | null | undefined;

/** The folder holding `<ID>.md`, or undefined when none ships with this build. */
export function localDocsDir(): string | undefined {
  if (docsDir === undefined) docsDir = candidates.find((dir) => fs.existsSync(dir)) ?? null;
  return docsDir ?? undefined;
}

/** The docs page of a rule: `<base>/<ID>.md` when a base URL is configured, else the shipped page's file: URI. */
export function docsHref(ruleId: string, baseUrl?: string): string | undefined {
  if (baseUrl) return `${baseUrl.replace(/\/+$/, '')}/${ruleId}.md`;
  if (!hrefs.has(ruleId)) {
    const dir = localDocsDir();
    const file = dir && /^[A-Za-z0-9-]+$/.test(ruleId) ? path.join(dir, `${ruleId}.md`) : undefined;
    hrefs.set(ruleId, file && fs.existsSync(file) ? pathToFileURL(file).href : undefined);
  }
  return hrefs.get(ruleId);
}

/** Shipped pages do not change while the server runs: look each up once. */
const hrefs = new Map<string, string | undefined>();

export interface RuleDocSummary {
  /** The page's title line without the `# ID: ` prefix. */
  readonly title?: string;
  /** First paragraph of "Why it matters" (falls back to the first paragraph of the page). */
  readonly why?: string;
}

const summaries = new Map<string, RuleDocSummary>();

/** Reads (once) the parts of a rule's page that the hover shows. Missing pages give an empty summary. */
export function ruleDocSummary(ruleId: string): RuleDocSummary {
  const cached = summaries.get(ruleId);
  if (cached) return cached;
  const dir = localDocsDir();
  let summary: RuleDocSummary = {};
  if (dir && /^[A-Za-z0-9-]+$/.test(ruleId)) {
    try {
      summary = summarize(fs.readFileSync(path.join(dir, `${ruleId}.md`), 'utf8'));
    } catch {
      summary = {};
    }
  }
  summaries.set(ruleId, summary);
  return summary;
}

export function summarize(markdown: string): RuleDocSummary {
  const lines = markdown.split(/\r?\n/);
  const heading = lines.find((line) => line.startsWith('# '));
  const title = heading?.replace(/^#\s+[A-Z0-9-]+:\s*/, '').trim();
  const why = firstParagraphAfter(lines, (line) => /^##\s+why\b/i.test(line)) ?? firstParagraphAfter(lines, () => true);
  return { title, why };
}

/** The first prose paragraph after the first line matching `start` (skipping headings, tables, code). */
function firstParagraphAfter(lines: readonly string[], start: (line: string) => boolean): string | undefined {
  const from = lines.findIndex(start);
  if (from < 0) return undefined;
  const paragraph: string[] = [];
  let inCode = false;
  for (const line of lines.slice(from + 1)) {
    if (line.startsWith('```')) {
      inCode = !inCode;
      if (paragraph.length) break;
      continue;
    }
    if (inCode) continue;
    const prose = line.trim() !== '' && !line.startsWith('#') && !line.startsWith('|');
    if (prose) paragraph.push(line.trim());
    else if (paragraph.length) break;
    else if (line.startsWith('## ')) return undefined;
  }
  return paragraph.length ? paragraph.join(' ') : undefined;
}
