// Reading JSON: a well-formed text is read straight from jsonc-parser's scanner, and gives exactly the tree,
// comments and expression candidates the visitor path gives; any other text is left to the visitor.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Node } from 'jsonc-parser';
import {
  MAX_JSON_DEPTH,
  readJson,
  readJsonWithRecovery,
  readWellFormedJson,
  type JsonReading,
} from '../../../server/src/parse/arm/json';
import { seededRandom } from '../../seeded-random';

const ROOT = path.resolve(__dirname, '../../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');

function jsonFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return jsonFiles(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

/**
 * A reading as plain data: every node in document order with its fields and its parent's and children's
 * places in that order, then the comments, problems and expression candidates (by place). The trees link
 * children to parents, which a generic deep comparison walks in circles.
 */
function flatten(reading: JsonReading): unknown {
  const order = new Map<Node, number>();
  const nodes: unknown[] = [];
  const visit = (node: Node): void => {
    order.set(node, order.size);
    nodes.push([node.type, node.offset, node.length, node.value, node.children?.length]);
    node.children?.forEach(visit);
  };
  if (reading.root) visit(reading.root);
  const parents = [...order.keys()].map((node) => (node.parent ? order.get(node.parent) : -1));
  return {
    nodes,
    parents,
    comments: reading.comments,
    problems: reading.problems,
    tooDeep: reading.tooDeep,
    bracketStrings: reading.bracketStrings?.map((node) => order.get(node)),
  };
}

function assertSameReading(text: string, label: string): boolean {
  const wellFormed = readWellFormedJson(text);
  const recovered = readJsonWithRecovery(text);
  if (!wellFormed) return false;
  assert.deepEqual(flatten(wellFormed), flatten(recovered), label);
  assert.deepEqual(recovered.problems, [], label);
  return true;
}

describe('JSON reading', () => {
  it('reads a well-formed text with comments as the visitor does', () => {
    const text = [
      '// leading',
      '{',
      '  "a": [1, -2.5e3, true, false, null, "[concat(\'x\')]"], /* block */',
      '  "[b]": { "c": {}, "d": [] },',
      '  "e": "plain" // trailing',
      '}',
      '/* unterminated at the end? no: closed */',
    ].join('\n');
    assert.ok(assertSameReading(text, 'sample'));
    const reading = readJson(text);
    assert.equal(reading.comments.length, 4);
    assert.deepEqual(
      reading.bracketStrings?.map((node) => node.value),
      ["[concat('x')]", '[b]'],
    );
    const property = reading.root?.children?.[0];
    assert.equal(property?.type, 'property');
    assert.equal(property?.offset, text.indexOf('"a"'));
    assert.equal(property?.parent, reading.root);
  });

  it('reads numbers, escapes, keywords and comments as jsonc-parser scans them', () => {
    const cases = [
      '0',
      '-0',
      '[1, -2, 3.25, -4.5e10, 6E-7, 8e+9, 0.5, 10]',
      '"a\\u0041\\u00e9b"',
      '"\\/\\b\\f\\n\\r\\t\\"\\\\"',
      '"[x] \\"quoted\\" tail"',
      '[true, false, null]',
      '{"a":{"b":[{"c":"[d]"},[],{}]}}',
      '/**/{} // after',
      '/* a */ /* b */ [ // c\r\n 1 /* d */ ]',
      '{\r\n\t"a":\t1\r\n}',
      '"' + 'x'.repeat(5000) + '\\n' + 'y'.repeat(5000) + '"',
    ];
    for (const text of cases) assert.ok(assertSameReading(text, JSON.stringify(text.slice(0, 40))));
    assert.equal(readJson('"a\\u0041\\u00e9b"').root?.value, 'aAéb');
    assert.deepEqual(
      readJson('[1, -2, 3.25, -4.5e10]').root?.children?.map((node) => node.value),
      [1, -2, 3.25, -4.5e10],
    );
  });

  it('leaves every text that is not well-formed to the visitor, which reports it', () => {
    const cases = [
      '',
      '   ',
      '{ "a": 1, }',
      '[1, 2,]',
      '{ "a" 1 }',
      '{ "a": }',
      '{ "a": 1 "b": 2 }',
      '{ a: 1 }',
      '{ "a": 1 } x',
      '{ "a": 1 } {',
      '{ "a": "unterminated }',
      '{ "a": "bad \\q escape" }',
      '{ "a": 1 /* open comment }',
      '{ "a": 01x }',
      '01',
      '1.',
      '1.e5',
      '1e',
      '1e+',
      '-',
      '-x',
      '.5',
      '+1',
      'truex',
      'nul',
      'True',
      '[1 2]',
      '"\\x"',
      '"\\u12"',
      '"\\u12G4"',
      '"tab\tinside"',
      '"line\nbreak"',
      '"\u0001"',
      '\u00a0{}',
      '{} /',
      '{}/',
      '{ "a": 1, /* c */ }',
      '\ufeff{ "a": 1 }',
      '[' + '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH + 1),
    ];
    for (const text of cases) {
      assert.equal(readWellFormedJson(text), undefined, JSON.stringify(text.slice(0, 40)));
      assert.deepEqual(flatten(readJson(text)), flatten(readJsonWithRecovery(text)));
    }
    // Nesting at the limit is still well-formed.
    assert.ok(assertSameReading('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH), 'at the limit'));
  });

  it('reads every fixture and corpus template as the visitor does', function () {
    this.timeout(120_000);
    const files = [...jsonFiles(path.join(ROOT, 'test-fixtures')), ...jsonFiles(path.join(ROOT, 'rules'))];
    const corpus = jsonFiles(CORPUS);
    let wellFormed = 0;
    for (const file of [...files, ...corpus]) {
      if (assertSameReading(fs.readFileSync(file, 'utf8'), file)) wellFormed++;
    }
    assert.ok(wellFormed > (files.length + corpus.length) * 0.9, `${wellFormed} well-formed`);
  });

  it('reads mutated templates as the visitor does, or leaves them to it', () => {
    const sources = jsonFiles(path.join(ROOT, 'test-fixtures'))
      .map((file) => fs.readFileSync(file, 'utf8'))
      .filter((text) => text.length > 300 && readWellFormedJson(text) !== undefined);
    assert.ok(sources.length > 10);
    const next = seededRandom(11);
    const inserts = [
      ' ',
      '\n',
      '\t',
      '/* c */',
      '// c\n',
      ',',
      '"',
      '{',
      '}',
      '[',
      ']',
      ':',
      '1',
      'x',
      '\\',
      '\r\n',
      '-',
      '.',
      'e',
      '0',
      'true',
      '\\u00',
      '\\n',
      '\u00a0',
      '\u0001',
      '/',
    ];
    let read = 0;
    for (let n = 0; n < 600; n++) {
      let text = sources[Math.floor(next() * sources.length)];
      for (let edits = 1 + Math.floor(next() * 2); edits > 0; edits--) {
        const at = Math.floor(next() * text.length);
        const removed = next() < 0.3 ? 1 + Math.floor(next() * 5) : 0;
        const inserted = removed ? '' : inserts[Math.floor(next() * inserts.length)];
        text = text.slice(0, at) + inserted + text.slice(at + removed);
      }
      if (assertSameReading(text, `mutation ${n}`)) read++;
      else assert.deepEqual(flatten(readJson(text)), flatten(readJsonWithRecovery(text)), `mutation ${n}`);
    }
    // Whitespace, comments and edits inside strings keep a text well-formed.
    assert.ok(read > 150, `${read} of 600 read well-formed`);
  });
});

describe('JSON reading: documentation left unbuilt', () => {
  const SKIP = { skipDocumentation: true } as const;

  /**
   * The full reading with each documentation subtree cut down to the stub the skipping reading makes (an
   * object node with no children), and the expression candidates inside them dropped.
   */
  function withStubs(full: JsonReading, skipped: JsonReading): unknown {
    const stubs = new Set((skipped.documentation ?? []).map((node) => node.offset));
    const inside = (node: Node): boolean => {
      for (let current = node.parent; current; current = current.parent) if (stubs.has(current.offset)) return true;
      return false;
    };
    const cut = (node: Node): void => {
      if (node.type === 'object' && stubs.has(node.offset) && node.parent?.type === 'property')
        (node as { children?: Node[] }).children = [];
      else node.children?.forEach(cut);
    };
    const bracketStrings = full.bracketStrings?.filter((node) => !inside(node));
    if (full.root) cut(full.root);
    return flatten({ ...full, bracketStrings });
  }

  function assertSkippedReading(text: string, label: string): JsonReading | undefined {
    const skipped = readWellFormedJson(text, SKIP);
    const full = readWellFormedJson(text);
    assert.equal(skipped === undefined, full === undefined, `${label}: both read it or neither`);
    if (!skipped || !full) return undefined;
    const { documentation, ...rest } = skipped;
    assert.deepEqual(flatten(rest), withStubs(full, skipped), label);
    assert.deepEqual(skipped.comments, full.comments, label);
    for (const node of documentation ?? []) assert.deepEqual(node.children, [], label);
    return skipped;
  }

  const skippedNames = (reading: JsonReading | undefined): string[] =>
    (reading?.documentation ?? []).map((node) => `${node.parent?.children?.[0]?.value}@${node.offset}`);

  it('skips the metadata and definitions of templates and the metadata of their declarations', () => {
    const text = JSON.stringify(
      {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        metadata: { _generator: { name: 'bicep' }, description: '[not an expression]' },
        definitions: { t: { type: 'object', metadata: { description: 'x' } } },
        parameters: { p: { type: 'string', metadata: { description: 'p' }, defaultValue: { metadata: 'kept' } } },
        variables: { v: { metadata: { kept: true } } },
        resources: [
          {
            type: 'Microsoft.Resources/deployments',
            name: 'inner',
            properties: {
              metadata: { kept: 'a resource property' },
              template: {
                $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
                metadata: { nested: true },
                outputs: { o: { type: 'string', value: 'x', metadata: { description: 'o' } } },
              },
            },
          },
        ],
        outputs: { out: { type: 'string', value: "[variables('v')]", metadata: {} } },
      },
      null,
      2,
    );
    const reading = assertSkippedReading(text, 'template');
    const names = skippedNames(reading).map((entry) => entry.split('@')[0]);
    // Root metadata and definitions, parameter p's metadata, the nested template's metadata and output
    // o's metadata, then the root output's: never the values that hold data.
    assert.deepEqual(names, ['metadata', 'definitions', 'metadata', 'metadata', 'metadata', 'metadata']);
    const kept = (needle: string) => assert.ok(text.includes(needle) && flattenText(reading!).includes(needle), needle);
    kept('kept');
    kept('a resource property');
    // The `[not an expression]` description is no expression candidate any more; outputs' expression is.
    assert.deepEqual(
      reading?.bracketStrings?.map((node) => node.value),
      ["[variables('v')]"],
    );
  });

  it('skips nothing in a parameters file, or where a template object does not start with its $schema', () => {
    const parameters = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
      parameters: { p: { value: { metadata: { a: 1 }, definitions: [] } } },
    });
    assert.deepEqual(skippedNames(assertSkippedReading(parameters, 'parameters')), []);
    const late = JSON.stringify({
      metadata: { a: 1 },
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    });
    assert.deepEqual(skippedNames(assertSkippedReading(late, 'late $schema')), []);
    const data = JSON.stringify({ $schema: 'x', variables: { template: { metadata: { a: 1 } } } });
    assert.deepEqual(skippedNames(assertSkippedReading(data, 'a variable named template')), []);
  });

  it('still checks the text it skips, and keeps its comments', () => {
    const head = '{ "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n';
    const good = head + '  "metadata": { /* note */ "a": [1, {"b": null}], "c": "d" } // after\n}';
    const reading = assertSkippedReading(good, 'good');
    assert.equal(reading?.documentation?.length, 1);
    assert.deepEqual(
      reading?.comments.map((comment) => comment.text),
      [' note ', ' after'],
    );
    for (const broken of [
      '{ "a": [1,] }',
      '{ "a": 01 }',
      '{ "a" 1 }',
      '{ "a": "\\q" }',
      '{ "a": 1 } }',
      '{ "a": [1 }',
    ]) {
      const text = head + `  "metadata": ${broken}\n}`;
      assert.equal(readWellFormedJson(text, SKIP), undefined, broken);
      // The visitor reads it then, as any text that is not well-formed (a trailing comma it allows).
      assert.deepEqual(flatten(readJson(text)), flatten(readJsonWithRecovery(text)), broken);
    }
    const deep = head + `  "metadata": ${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}\n}`;
    assert.equal(readWellFormedJson(deep, SKIP), undefined, 'nesting counts inside skipped text too');
  });

  it('reads every fixture and corpus template as the full reading does, but for the documentation', function () {
    this.timeout(120_000);
    const files = [...jsonFiles(path.join(ROOT, 'test-fixtures')), ...jsonFiles(path.join(ROOT, 'rules'))];
    let skippedIn = 0;
    for (const file of [...files, ...jsonFiles(CORPUS)]) {
      const reading = assertSkippedReading(fs.readFileSync(file, 'utf8'), file);
      if ((reading?.documentation?.length ?? 0) > 0) skippedIn++;
    }
    assert.ok(skippedIn > 20, `documentation skipped in ${skippedIn} files`);
  });

  it('reads mutated templates as the full reading does, or neither reads them', () => {
    const sources = [...jsonFiles(path.join(ROOT, 'test-fixtures')), ...jsonFiles(CORPUS)]
      .map((file) => fs.readFileSync(file, 'utf8'))
      .filter((text) => text.length > 300 && (readWellFormedJson(text, SKIP)?.documentation?.length ?? 0) > 0);
    assert.ok(sources.length > 10);
    const next = seededRandom(23);
    const inserts = [',', '"', '{', '}', '[', ']', ':', '1', 'x', '\\', '/* c */', '-', '01', '\u0001', 'true'];
    for (let n = 0; n < 400; n++) {
      let text = sources[Math.floor(next() * sources.length)];
      const at = Math.floor(next() * text.length);
      text = text.slice(0, at) + inserts[Math.floor(next() * inserts.length)] + text.slice(at);
      assertSkippedReading(text, `mutation ${n}`);
    }
  });
});

/** Every string value of a reading's tree, joined (to find what was kept). */
function flattenText(reading: JsonReading): string {
  const values: string[] = [];
  const visit = (node: Node): void => {
    if (typeof node.value === 'string') values.push(node.value);
    node.children?.forEach(visit);
  };
  if (reading.root) visit(reading.root);
  return values.join('\n');
}
