// What `npm run generate` derives from the rule registry must be committed up to date: the README rules
// table and the rule-id enum of schemas/aisec.schema.json.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { README, readmeWithTable, SCHEMA, schemaWithRules } from '../../scripts/rules-table';
import { allRules } from '../../rules';

describe('generated from the rule registry', () => {
  it('README.md rules table is up to date (run `npm run generate`)', async () => {
    const readme = fs.readFileSync(README, 'utf8');
    assert.equal(readme, await readmeWithTable(readme));
    for (const rule of allRules) assert.ok(readme.includes(`[${rule.meta.id}](rules/docs/${rule.meta.id}.md)`));
  });

  it('schemas/aisec.schema.json lists every rule id (run `npm run generate`)', async () => {
    const text = fs.readFileSync(SCHEMA, 'utf8');
    assert.equal(text, await schemaWithRules(text));
  });

  it('the README opens with the install-and-scan and test commands', () => {
    const readme = fs.readFileSync(README, 'utf8');
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    assert.match(firstBlock, /^npm ci && npm run build && npm run scan -- test-fixtures\/samples/m);
    assert.match(firstBlock, /^npm test/m);
  });
});
