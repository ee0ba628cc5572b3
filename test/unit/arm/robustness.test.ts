// Bad input never throws: broken JSON keeps what still parses, other JSON is skipped with a reason, deep
// nesting is refused with a syntax problem, and every corpus file is analysed.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeArm, armFileKind, MAX_JSON_DEPTH } from '../../../server/src/parse/arm';
import type { Value } from '../../../server/src/model/value';
import { documentOf, known, PARAMS_SCHEMA, SCHEMA, textAt } from './helpers';

const CORPUS_ARM = path.resolve(__dirname, '../../../../shared/corpus/arm');

describe('ARM robustness', () => {
  it('recognises templates by $schema, any host, version or casing', () => {
    assert.equal(armFileKind(SCHEMA), 'template');
    assert.equal(
      armFileKind('http://SCHEMA.management.azure.com/schemas/2015-01-01/DeploymentTemplate.json#'),
      'template',
    );
    assert.equal(
      armFileKind('https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#'),
      'template',
    );
    assert.equal(armFileKind(PARAMS_SCHEMA), 'parameters');
    assert.equal(armFileKind('https://json.schemastore.org/package.json'), 'other');
    assert.equal(armFileKind(undefined), 'other');
  });

  it('skips JSON that is not ARM, saying why', () => {
    const cases: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'x', version: '1.0.0', scripts: {} }),
      'policy.json': JSON.stringify({
        properties: { policyRule: { if: { field: 'type', equals: 'Microsoft.Storage/storageAccounts' }, then: {} } },
      }),
      'terraform.tfstate': JSON.stringify({ version: 4, resources: [{ type: 'azurerm_x' }] }),
      '.aisec.json': '{ // comment\n "$schema": "./schemas/aisec.schema.json", "rules": {} }',
      'empty.json': '   ',
      'array.json': '[1, 2, 3]',
    };
    for (const [name, text] of Object.entries(cases)) {
      const result = analyzeArm({ uri: `file:///w/${name}`, text }, []);
      assert.equal(result.documents.length, 1, name);
      const document = result.documents[0];
      assert.ok(document.skipped, `${name} is skipped`);
      assert.match(document.skipped, /not an ARM template/, name);
      assert.deepEqual(document.resources, [], name);
      assert.deepEqual(document.syntaxProblems, [], name);
      assert.deepEqual(result.links, [], name);
    }
  });

  it('reads JSONC: comments (kept for suppressions) and trailing commas', () => {
    const text = `{
  // a line comment
  "$schema": "${SCHEMA}",
  /* a block
     comment */
  "resources": [
    {
      "type": "Microsoft.Test/things", "apiVersion": "2024-01-01", "name": "r",
      // aisec-disable-next-line AIS-COG-LOCAL-AUTH -- reason
      "properties": { "a": 1, },
    },
  ],
}`;
    const document = documentOf(text);
    assert.deepEqual(document.syntaxProblems, []);
    assert.equal(document.resources.length, 1);
    assert.equal(known(document.resources[0].get('properties.a')), 1);
    assert.deepEqual(
      document.comments.map((c) => c.text),
      [' a line comment', ' a block\n     comment ', ' aisec-disable-next-line AIS-COG-LOCAL-AUTH -- reason'],
    );
    assert.equal(textAt(text, document.comments[0].span), '// a line comment');
  });

  it('accepts a byte-order mark and CRLF line ends', () => {
    const text = `\uFEFF{\r\n  "$schema": "${SCHEMA}",\r\n  // c\r\n  "resources": [ { "type": "Microsoft.Test/things", "name": "r" } ]\r\n}`;
    const document = documentOf(text);
    assert.deepEqual(document.syntaxProblems, []);
    assert.equal(document.resources.length, 1);
    assert.deepEqual(
      document.comments.map((c) => textAt(text, c.span)),
      ['// c'],
    );
  });

  it('keeps the resources that still parse in broken JSON, with located syntax problems', () => {
    const text = `{
  "$schema": "${SCHEMA}",
  "resources": [
    { "type": "Microsoft.Test/things", "apiVersion": "2024-01-01", "name": "ok", "properties": { "a": 1 } },
    { "type": "Microsoft.Test/things", "apiVersion": "2024-01-01", "name": "half", "properties": { "b": } },
    { "type": "Microsoft.Test/things", "apiVersion": "2024-01-01", "name": "typing", "properties": { "c": tru`;
    const document = documentOf(text);
    assert.equal(document.skipped, undefined);
    assert.ok(document.syntaxProblems.length >= 2);
    for (const problem of document.syntaxProblems) {
      assert.ok(problem.span.start >= 0 && problem.span.end <= text.length && problem.span.end > problem.span.start);
    }
    assert.ok(document.syntaxProblems.some((p) => p.message === 'Value expected'));
    const names = document.resources.map((r) => known(r.get('name')));
    assert.deepEqual(names, ['ok', 'half', 'typing']);
    assert.equal(known(document.resources[0].get('properties.a')), 1);
  });

  it('recognises a broken template by its $schema even when the tree lacks it', () => {
    const text = `{ "$schema": "${SCHEMA}" "resources": [ }`;
    const document = documentOf(text);
    assert.equal(document.skipped, undefined);
    assert.equal(document.language, 'arm');
    assert.ok(document.syntaxProblems.length > 0);
  });

  it('refuses nesting deeper than the limit with a syntax problem, without overflowing the stack', () => {
    const deep = '['.repeat(10000) + ']'.repeat(10000);
    const template = `{ "$schema": "${SCHEMA}", "resources": [], "variables": { "v": ${deep} } }`;
    const document = documentOf(template);
    assert.equal(document.skipped, undefined);
    assert.equal(document.syntaxProblems.length, 1);
    assert.match(document.syntaxProblems[0].message, new RegExp(`deeper than ${MAX_JSON_DEPTH}`));
    assert.deepEqual(document.resources, []);

    const plain = documentOf(deep, [], 'file:///w/deep.json');
    assert.ok(plain.skipped);

    // Just inside the limit still reads.
    const ok = '['.repeat(MAX_JSON_DEPTH - 3) + ']'.repeat(MAX_JSON_DEPTH - 3);
    const fine = documentOf(`{ "$schema": "${SCHEMA}", "variables": { "v": ${ok} }, "resources": [] }`);
    assert.deepEqual(fine.syntaxProblems, []);
  });

  it('survives hostile values: huge strings, binary noise, deep expressions, odd resource entries', () => {
    const noise = Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    assert.doesNotThrow(() => analyzeArm({ uri: 'file:///w/noise.json', text: noise }, []));
    const deepExpression = '[' + 'not('.repeat(5000) + 'true()' + ')'.repeat(5000) + ']';
    const text = JSON.stringify({
      $schema: SCHEMA,
      resources: [
        null,
        42,
        { type: 42 },
        { name: 'no type' },
        { type: 'Microsoft.Test/things', name: 'x'.repeat(100000), properties: { v: deepExpression } },
      ],
    });
    const document = documentOf(text);
    assert.equal(document.resources.length, 1);
    assert.equal(document.resources[0].get('properties.v')?.kind, 'unknown');
  });

  it('keeps copy loops nested in copy loops from multiplying without bound', () => {
    const level = (inner: unknown, name: string) => ({ copy: [{ name, count: 200, input: inner }] });
    const variables = { copy: [{ name: 'v', count: 200, input: level(level({ x: 1 }, 'c'), 'b') }] };
    const document = documentOf(
      JSON.stringify({
        $schema: SCHEMA,
        variables,
        resources: [{ type: 'Microsoft.Test/things', name: 'r', properties: { v: "[variables('v')]" } }],
      }),
    );
    // 200 × 200 × 200 items would be 8 million values: the budget leaves the rest open-ended.
    let leaves = 0;
    let openEnded = 0;
    const visit = (value: Value | undefined): void => {
      if (!value) return;
      if (value.kind === 'literal') leaves++;
      if (value.kind === 'array') {
        if (value.openEnded) openEnded++;
        value.items.forEach(visit);
      }
      if (value.kind === 'object') value.properties.forEach((p) => visit(p.value));
    };
    visit(document.resources[0].get('properties.v'));
    assert.ok(leaves <= 20_000, `${leaves} values expanded`);
    assert.ok(openEnded > 0);
  });

  it('analyses every JSON file of the corpus without an internal error', function () {
    if (!fs.existsSync(CORPUS_ARM)) return this.skip();
    const files = fs
      .readdirSync(CORPUS_ARM, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join(CORPUS_ARM, f));
    assert.ok(files.length >= 40, `only ${files.length} corpus files`);
    let resources = 0;
    for (const file of files) {
      const result = analyzeArm({ uri: pathToFileURL(file).href, text: fs.readFileSync(file, 'utf8') }, []);
      const document = result.documents[0];
      assert.ok(document, file);
      assert.doesNotMatch(document.skipped ?? '', /internal error/, file);
      assert.deepEqual(document.syntaxProblems, [], file);
      if (document.language === 'armparams') assert.ok(result.links.length > 0, `${file} links to its template`);
      resources += document.resources.length;
    }
    assert.ok(resources > 1000, `only ${resources} resources`);
  });
});
