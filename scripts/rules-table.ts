// Generates what is derived from the rule registry, so it cannot drift:
//   - README.md: the rules table between `<!-- rules-table:start -->` and `<!-- rules-table:end -->`;
//   - schemas/aisec.schema.json: the enum of rule ids (editor completion in `.aisec.json`).
// `npm run generate` writes both; test/cli/generated.test.ts fails when either is out of date.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as prettier from 'prettier';
import { allRules } from '../rules';
import type { Rule } from '../server/src/model';

const ROOT = path.resolve(__dirname, '..');
export const README = path.join(ROOT, 'README.md');
export const SCHEMA = path.join(ROOT, 'schemas/aisec.schema.json');
const START = '<!-- rules-table:start -->';
const END = '<!-- rules-table:end -->';

/** Languages a rule is exercised in, from its fixtures (test-fixtures/rules/<ID>/). */
function languages(rule: Rule): string {
  const dir = path.join(ROOT, 'test-fixtures/rules', rule.meta.id);
  const names: string[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(d, entry.name));
      else names.push(entry.name);
    }
  };
  walk(dir);
  const found = [
    names.some((n) => n.endsWith('.bicep')) && 'Bicep',
    names.some((n) => n.endsWith('.json')) && 'ARM',
    names.some((n) => n.endsWith('.tf') && !n.endsWith('.azapi.tf')) && 'azurerm',
    names.some((n) => n.endsWith('.azapi.tf')) && 'azapi',
  ].filter(Boolean);
  return found.join(', ');
}

function peers(rule: Rule): string {
  const { checkov, trivy, psrule, kics } = rule.meta.peers;
  const parts = [
    checkov?.length ? `Checkov ${checkov.join(', ')}` : '',
    trivy?.length ? `Trivy ${trivy.join(', ')}` : '',
    psrule?.length ? `PSRule ${psrule.join(', ')}` : '',
    kics?.length ? `KICS ${kics.length} quer${kics.length === 1 ? 'y' : 'ies'}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : '—';
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function rulesTable(rules: readonly Rule[] = allRules): string {
  const rows = rules.map((rule) =>
    [
      `[${rule.meta.id}](rules/docs/${rule.meta.id}.md)`,
      cell(rule.meta.title),
      rule.meta.severity,
      rule.meta.pillar,
      languages(rule),
      rule.meta.fix ?? '—',
      cell(peers(rule)),
    ].join(' | '),
  );
  return [
    `${rules.length} rules.`,
    '',
    '| Rule | Title | Severity | Pillar | Languages | Fix | Peers |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

/** Formatted as `npm run lint` (prettier --check) expects. */
async function formatted(text: string, file: string): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

/** README text with the generated table in place. */
export async function readmeWithTable(readme: string): Promise<string> {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} markers`);
  return formatted(`${readme.slice(0, start + START.length)}\n${rulesTable()}\n${readme.slice(end)}`, README);
}

/** Schema text with the current rule ids in the `rules` property-name enum. */
export async function schemaWithRules(schemaText: string): Promise<string> {
  const schema = JSON.parse(schemaText);
  schema.properties.rules.propertyNames.anyOf[0].enum = allRules.map((r) => r.meta.id);
  return formatted(JSON.stringify(schema, null, 2), SCHEMA);
}

async function main(): Promise<void> {
  fs.writeFileSync(README, await readmeWithTable(fs.readFileSync(README, 'utf8')));
  fs.writeFileSync(SCHEMA, await schemaWithRules(fs.readFileSync(SCHEMA, 'utf8')));
  console.log(`README.md rules table and schemas/aisec.schema.json: ${allRules.length} rules`);
}

if (require.main === module) void main();
