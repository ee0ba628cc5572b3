// Error tolerance: broken input yields error nodes and clear messages for the broken part, and a correct
// tree for the rest of the file; never an exception or a hang.
import { strict as assert } from 'node:assert';
import { parseBicep, MAX_NESTING_DEPTH, type BicepTree, type Statement } from '../../../server/src/parse/bicep';
import { LineIndex } from '../../../server/src/model/span';

function names(tree: BicepTree): string[] {
  return tree.statements.map((s) => ('name' in s && s.name ? `${s.kind} ${s.name.name}` : s.kind));
}

function resource(tree: BicepTree, name: string): Extract<Statement, { kind: 'resource' }> {
  const found = tree.statements.find((s) => s.kind === 'resource' && s.name.name === name);
  assert.ok(found && found.kind === 'resource', `resource ${name} not found in ${names(tree).join(', ')}`);
  return found;
}

function propertyNames(node: Extract<Statement, { kind: 'resource' }>, path: string[] = []): string[] {
  let object = node.body;
  for (const segment of path) {
    if (object.kind !== 'object') return [];
    const item = object.items.find(
      (i) => i.kind === 'property' && i.key.kind === 'identifier' && i.key.name === segment,
    );
    if (!item || item.kind !== 'property') return [];
    object = item.value;
  }
  if (object.kind !== 'object') return [];
  return object.items.flatMap((i) => (i.kind === 'property' && i.key.kind === 'identifier' ? [i.key.name] : []));
}

function lineOf(tree: BicepTree, offset: number): number {
  return new LineIndex(tree.text).positionAt(offset).line + 1;
}

const NEXT = "resource next 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'next'\n}\n";

describe('bicep parser: error recovery', () => {
  it('unclosed object and tuple types: reported where they end, the next declarations still parse', () => {
    const text = [
      'type settings = {',
      '  name: string',
      '  @minValue(1)',
      '  size: int',
      'type pair = [',
      '  string',
      '  int',
      NEXT,
    ].join('\n');
    const tree = parseBicep(text);
    assert.deepEqual(names(tree), ['type settings', 'type pair', 'resource next']);
    const settings = tree.statements[0];
    assert.ok(settings.kind === 'type' && settings.type.kind === 'objectType');
    assert.equal(settings.type.properties.length, 2, 'the decorated property belongs to the object type');
    assert.deepEqual(
      tree.errors.map((e) => [lineOf(tree, e.span.start), e.message]),
      [
        [4, "expected '}' to close the object type started on line 1"],
        [7, "expected ']' to close the tuple type started on line 5"],
      ],
    );
    assert.deepEqual(propertyNames(resource(tree, 'next')), ['name']);
  });

  it('half-typed property: reports it and keeps the other properties and declarations', () => {
    const text = [
      "resource acc 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
      "  name: 'acc'",
      '  properties: {',
      '    publicNetworkAccess:',
      '    disableLocalAuth: true',
      '    kind',
      '    restore: false',
      '  }',
      '}',
      NEXT,
    ].join('\n');
    const tree = parseBicep(text);
    assert.equal(tree.errors.length, 2);
    assert.equal(lineOf(tree, tree.errors[0].span.start), 4);
    assert.match(tree.errors[0].message, /expected an expression but found end of line/);
    assert.match(tree.errors[1].message, /expected ':' after the property name/);
    assert.deepEqual(propertyNames(resource(tree, 'acc'), ['properties']), [
      'publicNetworkAccess',
      'disableLocalAuth',
      'kind',
      'restore',
    ]);
    assert.deepEqual(propertyNames(resource(tree, 'next')), ['name']);
  });

  it('unclosed brace: names the line the object started on and parses the next declaration', () => {
    const text = [
      "param location string = 'westeurope'",
      "resource acc 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
      "  name: 'acc'",
      '  properties: {',
      '    disableLocalAuth: true',
      '',
      NEXT,
    ].join('\n');
    const tree = parseBicep(text);
    assert.deepEqual(names(tree), ['param location', 'resource acc', 'resource next']);
    assert.ok(tree.errors.some((e) => e.message === "expected '}' to close the object started on line 4"));
    assert.ok(tree.errors.some((e) => e.message === "expected '}' to close the object started on line 2"));
    assert.deepEqual(propertyNames(resource(tree, 'acc'), ['properties']), ['disableLocalAuth']);
    assert.deepEqual(propertyNames(resource(tree, 'next')), ['name']);
  });

  it('unclosed call or parenthesis does not swallow the next declaration', () => {
    const tree = parseBicep("var a = concat('x',\nvar b = (1 +\nvar c = 3\n");
    assert.deepEqual(names(tree), ['var a', 'var b', 'var c']);
    assert.ok(tree.errors.length >= 2);
    const c = tree.statements[2];
    assert.ok(c.kind === 'var' && c.value.kind === 'integer' && c.value.value === 3);
  });

  it('stray tokens: reported, skipped to the end of the line', () => {
    const tree = parseBicep("var a = 1 2 3\n)))\n} ]\nvar b = 'ok' extra\n$ # &\n" + NEXT);
    assert.deepEqual(
      names(tree).filter((n) => n !== 'errorStatement'),
      ['var a', 'var b', 'resource next'],
    );
    assert.ok(tree.errors.length >= 4);
    const a = tree.statements[0];
    assert.ok(a.kind === 'var' && a.value.kind === 'integer' && a.value.value === 1);
  });

  it('unterminated string and interpolation: reported, next line intact', () => {
    const tree = parseBicep("var a = 'abc\nvar b = '${x\nvar c = 'done'\n");
    assert.deepEqual(names(tree), ['var a', 'var b', 'var c']);
    assert.ok(tree.errors.some((e) => /unterminated string/.test(e.message)));
    const c = tree.statements[2];
    assert.ok(c.kind === 'var' && c.value.kind === 'string' && c.value.segments[0] === 'done');
  });

  it('junk inside an interpolation: one error, the string and the line stay intact', () => {
    const tree = parseBicep("var a = '${x y z}-tail'\nvar b = 1\n");
    assert.equal(tree.errors.length, 1);
    assert.match(tree.errors[0].message, /expected '}' to close the interpolation but found 'y'/);
    const a = tree.statements[0];
    assert.ok(a.kind === 'var' && a.value.kind === 'string');
    assert.deepEqual(a.value.kind === 'string' && a.value.segments, ['', '-tail']);
    assert.equal(tree.statements.length, 2);
  });

  it('unterminated multi-line string and block comment run to the end of the file without throwing', () => {
    const tree = parseBicep("var a = 1\nvar b = '''\nnever closed\n");
    assert.equal(tree.statements.length, 2);
    assert.match(tree.errors[0].message, /unterminated multi-line string/);
    const comment = parseBicep('var a = 1\n/* open comment\nvar b = 2\n');
    assert.equal(comment.statements.length, 1);
    assert.match(comment.errors[0].message, /unterminated comment/);
  });

  it('half-typed declarations', () => {
    for (const broken of [
      'resource',
      'resource acc',
      "resource acc 'Microsoft.X/y@2020-01-01'",
      'param',
      'var x =',
      'module m',
      '@description(',
    ]) {
      const tree = parseBicep(`${broken}\n${NEXT}`);
      assert.ok(tree.errors.length > 0, broken);
      assert.deepEqual(propertyNames(resource(tree, 'next')), ['name'], broken);
    }
    const missingEquals = parseBicep("resource acc 'Microsoft.X/y@2020-01-01' {\n  name: 'a'\n}\n");
    assert.match(missingEquals.errors[0].message, /expected '='/);
    assert.deepEqual(propertyNames(resource(missingEquals, 'acc')), ['name']);
  });

  it('a decorator with no declaration after it at the end of the file', () => {
    const tree = parseBicep("var a = 1\n@description('x')\n");
    assert.equal(tree.statements.length, 2);
    assert.match(tree.errors[0].message, /expected a declaration after the decorator/);
  });

  it('deep nesting: reports "nesting too deep" and parses what follows', () => {
    for (const [open, close] of [
      ['[', ']'],
      ['(', ')'],
      ['{a:', '}'],
    ]) {
      const depth = 20000;
      const text = `var deep = ${open.repeat(depth)}1${close.repeat(depth)}\nvar after = 2\n`;
      const tree = parseBicep(text);
      assert.ok(
        tree.errors.some((e) => e.message.startsWith('nesting too deep')),
        `expected nesting error for ${open}`,
      );
      assert.deepEqual(names(tree), ['var deep', 'var after']);
    }
    const unclosed = parseBicep(`var deep = ${'['.repeat(5000)}\nvar after = 2\n`);
    assert.deepEqual(names(unclosed), ['var deep', 'var after']);
    const operators = parseBicep(
      `var a = ${'!'.repeat(100000)}true\nvar b = ${'1 + '.repeat(50000)}1\nvar c = ${'x ? '.repeat(2000)}1${' : 2'.repeat(2000)}\n`,
    );
    assert.deepEqual(names(operators), ['var a', 'var b', 'var c']);
    assert.ok(MAX_NESTING_DEPTH >= 500);
  });

  it('empty, whitespace-only and binary-looking input', () => {
    assert.equal(parseBicep('').statements.length, 0);
    assert.equal(parseBicep('\n\n  \r\n').statements.length, 0);
    const binary = parseBicep('\u0000\u0001\uFFFD\uD83D\uDE00 var x = 1');
    assert.ok(binary.errors.length > 0);
  });
});
