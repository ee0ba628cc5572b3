// Rule documentation pages: `dist/docs/<ID>.md` next to the bundle, or `rules/docs/` when run from source.
import * as fs from 'node:fs';
import * as path from 'node:path';
import packageJson from '../../../package.json';

const candidates = [path.join(__dirname, 'docs'), path.resolve(__dirname, '../../../rules/docs')];

export const VERSION: string = packageJson.version;

/** Public home of the docs pages: the repository's rules/docs folder. */
export const DOCS_BASE_URL = `${packageJson.repository.url.replace(/\.git$/, '').replace(/\/+$/, '')}/blob/main/rules/docs`;

export function helpUri(ruleId: string): string {
  return `${DOCS_BASE_URL}/${ruleId}.md`;
}

const cache = new Map<string, string | undefined>();

/** The markdown page of a rule, or undefined when this build ships none. */
export function ruleMarkdown(ruleId: string): string | undefined {
  if (cache.has(ruleId)) return cache.get(ruleId);
  let text: string | undefined;
  if (/^[A-Za-z0-9-]+$/.test(ruleId)) {
    for (const dir of candidates) {
      const file = path.join(dir, `${ruleId}.md`);
      if (fs.existsSync(file)) {
        text = fs.readFileSync(file, 'utf8');
        break;
      }
    }
  }
  cache.set(ruleId, text);
  return text;
}
