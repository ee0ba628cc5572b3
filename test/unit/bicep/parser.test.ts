// Parser tests per language construct: each asserts the tree shape and exact ranges, and that valid input
// produces no syntax errors.
import { strict as assert } from 'node:assert';
import { parseBicep, type BicepTree, type Expr, type Statement, type TypeExpr } from '../../../server/src/parse/bicep';

function parseClean(text: string): BicepTree {
  const tree = parseBicep(text);
  assert.deepEqual(
    tree.errors.map((e) => e.message),
    [],
    'expected no syntax errors',
  );
  return tree;
}

function only(text: string): Statement {
  const tree = parseClean(text);
  assert.equal(tree.statements.length, 1);
  return tree.statements[0];
}

function expr(text: string): Expr {
  const statement = only(`var x = ${text}\n`);
  assert.equal(statement.kind, 'var');
  return (statement as Extract<Statement, { kind: 'var' }>).value;
}

function typeOf(text: string): TypeExpr {
  const statement = only(`type t = ${text}\n`);
  assert.equal(statement.kind, 'type');
  return (statement as Extract<Statement, { kind: 'type' }>).type;
}

/** Compact rendering of an expression tree, to assert structure and precedence. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'string':
      return e.expressions.length
        ? `\`${e.segments.map((s, i) => s + (i < e.expressions.length ? `\${${show(e.expressions[i])}}` : '')).join('')}\``
        : JSON.stringify(e.segments[0]);
    case 'integer':
    case 'boolean':
      return String(e.value);
    case 'null':
      return 'null';
    case 'variable':
      return e.name;
    case 'call':
      return `${e.target ? show(e.target) + '.' : ''}${e.name.name}(${e.args.map(show).join(', ')})`;
    case 'member':
      return `${show(e.object)}${e.safe ? '.?' : '.'}${e.name.name}`;
    case 'index':
      return `${show(e.object)}[${e.safe ? '?' : ''}${show(e.index)}]`;
    case 'resourceAccess':
      return `${show(e.object)}::${e.name.name}`;
    case 'nonNull':
      return `${show(e.expression)}!`;
    case 'unary':
      return `(${e.operator}${show(e.operand)})`;
    case 'binary':
      return `(${show(e.left)} ${e.operator} ${show(e.right)})`;
    case 'ternary':
      return `(${show(e.condition)} ? ${show(e.whenTrue)} : ${show(e.whenFalse)})`;
    case 'paren':
      return show(e.expression);
    case 'object':
      return `{${e.items.map((i) => (i.kind === 'property' ? `${i.key.kind === 'identifier' ? i.key.name : show(i.key)}: ${show(i.value)}` : i.kind === 'spread' ? `...${show(i.expression)}` : i.kind)).join(', ')}}`;
    case 'array':
      return `[${e.items.map((i) => (i.kind === 'spread' ? `...${show(i.expression)}` : show(i))).join(', ')}]`;
    case 'for':
      return `[for ${e.itemVariable?.name}${e.indexVariable ? ',' + e.indexVariable.name : ''} in ${show(e.iterable)}: ${show(e.body)}]`;
    case 'if':
      return `if ${show(e.condition)} ${show(e.body)}`;
    case 'lambda':
      return `(${e.parameters.map((p) => p.name).join(', ')}) => ${show(e.body)}`;
    case 'error':
      return '<error>';
  }
}

describe('bicep parser: declarations', () => {
  it('reads targetScope and metadata', () => {
    const tree = parseClean("targetScope = 'subscription'\nmetadata description = 'x'\n");
    assert.deepEqual(
      tree.statements.map((s) => s.kind),
      ['targetScope', 'metadata'],
    );
  });

  it('reads params with types, defaults and decorators, with exact ranges', () => {
    const text = "@description('The SKU')\n@allowed([\n  'S0'\n  'S1'\n])\nparam sku string = 'S0'\n";
    const statement = only(text);
    assert.equal(statement.kind, 'param');
    if (statement.kind !== 'param') return;
    assert.equal(statement.name.name, 'sku');
    assert.equal(statement.decorators.length, 2);
    assert.equal(statement.start, 0);
    assert.equal(statement.end, text.length - 1);
    assert.equal(text.slice(statement.keywordStart, statement.keywordStart + 5), 'param');
    assert.equal(text.slice(statement.value!.start, statement.value!.end), "'S0'");
    assert.equal(statement.type?.kind, 'typeReference');
  });

  it('reads @sys.description and nullable, array and union parameter types', () => {
    const tree = parseClean(
      "@sys.description('d')\nparam a string?\nparam b roleAssignmentType[]?\nparam c 'a' | 'b' = 'a'\nparam d resource 'Microsoft.Storage/storageAccounts@2023-01-01'\n",
    );
    const [a, b, c, d] = tree.statements as Extract<Statement, { kind: 'param' }>[];
    const decorator = a.decorators[0].expression;
    assert.equal(decorator.kind === 'call' && decorator.target?.kind === 'variable' && decorator.target.name, 'sys');
    assert.equal(a.type?.kind, 'nullableType');
    assert.equal(b.type?.kind === 'nullableType' && b.type.base.kind, 'arrayType');
    assert.equal(c.type?.kind, 'unionType');
    assert.equal(d.type?.kind, 'resourceType');
  });

  it('reads typed and untyped vars, outputs, and output resource types', () => {
    const tree = parseClean(
      "var a = 1\nvar b string = 'x'\noutput o string = a\noutput r resource 'Microsoft.X/y@2020-01-01' = acc\n",
    );
    assert.deepEqual(
      tree.statements.map((s) => s.kind),
      ['var', 'var', 'output', 'output'],
    );
    assert.equal((tree.statements[1] as Extract<Statement, { kind: 'var' }>).type?.kind, 'typeReference');
  });

  it('reads user-defined types: objects, optional members, decorators, additional properties, tuples', () => {
    const text = [
      '@export()',
      "@discriminator('kind')",
      'type config = {',
      "  @description('the name')",
      '  name: string',
      '  tags: { *: string }?',
      "  'quoted-key': int",
      '  pair: [string, int]',
      "  kind: ('a' | 'b')[]",
      '  neg: -1',
      '}',
      '',
    ].join('\n');
    const statement = only(text);
    assert.equal(statement.kind, 'type');
    if (statement.kind !== 'type' || statement.type.kind !== 'objectType') return assert.fail('object type expected');
    assert.equal(statement.decorators.length, 2);
    const properties = statement.type.properties.filter((p) => p.kind === 'typeProperty');
    assert.deepEqual(
      properties.map((p) => (p.kind === 'typeProperty' ? p.type.kind : '')),
      ['typeReference', 'nullableType', 'typeReference', 'tupleType', 'arrayType', 'literalType'],
    );
    assert.equal(properties[0].kind === 'typeProperty' && properties[0].decorators.length, 1);
  });

  it('reads multi-line unions with leading bars', () => {
    const type = typeOf("\n  | 'a'\n  | 'b'\n  | null");
    assert.equal(type.kind === 'unionType' && type.members.length, 3);
  });

  it('reads resourceInput/resourceOutput types with member and element access', () => {
    const type = typeOf("resourceInput<'Microsoft.Network/virtualNetworks@2024-01-01'>.properties.subnets[*]");
    assert.equal(type.kind, 'typeIndex');
    if (type.kind !== 'typeIndex') return;
    assert.equal(type.index, null);
    assert.equal(type.base.kind === 'typeMember' && type.base.name.name, 'subnets');
    const output = typeOf("resourceOutput<'Microsoft.X/y@2020-01-01'>");
    assert.equal(output.kind === 'parameterizedType' && output.name.name, 'resourceOutput');
  });

  it('reads func declarations', () => {
    const statement = only("func buildName(prefix string, n int) string => '${prefix}-${n}'\n");
    assert.equal(statement.kind, 'func');
    if (statement.kind !== 'func') return;
    assert.deepEqual(
      statement.parameters.map((p) => p.name.name),
      ['prefix', 'n'],
    );
    assert.equal(statement.returnType.kind, 'typeReference');
    assert.equal(statement.body.kind, 'string');
  });

  it('reads every import form, extensions and legacy providers', () => {
    const tree = parseClean(
      [
        "import { a, b as c } from 'types.bicep'",
        "import * as ns from 'br/public:avm/utl/types/avm-common-types:0.5.1'",
        "import {\n  x\n  y\n} from './t.bicep'",
        "import 'az@1.0.0'",
        'extension microsoftGraphV1',
        "extension 'br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:0.1.8-preview' as graph",
        "provider kubernetes with { namespace: 'default', kubeConfig: '' } as k8s",
        '',
      ].join('\n'),
    );
    const [named, wildcard, multiline, legacy, ext, extRef, provider] = tree.statements;
    assert.ok(named.kind === 'import' && named.items.length === 2 && named.items[1].alias?.name === 'c');
    assert.ok(wildcard.kind === 'import' && wildcard.wildcardAlias?.name === 'ns');
    assert.ok(multiline.kind === 'import' && multiline.items.length === 2);
    assert.ok(legacy.kind === 'import' && legacy.provider);
    assert.ok(ext.kind === 'extension' && ext.specification.kind === 'identifier');
    assert.ok(extRef.kind === 'extension' && extRef.alias?.name === 'graph');
    assert.ok(provider.kind === 'extension' && provider.keyword === 'provider' && provider.config?.kind === 'object');
  });

  it('reads resources: existing, conditions, loops with index, nested children', () => {
    const text = [
      "resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' existing = {",
      "  name: 'vnet'",
      "  resource subnet 'subnets' existing = {",
      "    name: 'default'",
      '  }',
      '}',
      "resource a 'Microsoft.Storage/storageAccounts@2023-01-01' = if (deploy) {",
      "  name: 'a'",
      '}',
      "resource b 'Microsoft.Storage/storageAccounts@2023-01-01' = [for (item, i) in items: {",
      "  name: '${item}${i}'",
      '}]',
      "resource c 'Microsoft.Storage/storageAccounts@2023-01-01' = [for item in items: if (item.enabled) {",
      '  name: item.name',
      '}]',
      '',
    ].join('\n');
    const [vnet, a, b, c] = parseClean(text).statements as Extract<Statement, { kind: 'resource' }>[];
    assert.equal(vnet.existing, true);
    assert.equal(vnet.body.kind === 'object' && vnet.body.items[1].kind, 'resource');
    assert.equal(a.body.kind, 'if');
    assert.ok(b.body.kind === 'for' && b.body.itemVariable?.name === 'item' && b.body.indexVariable?.name === 'i');
    assert.ok(c.body.kind === 'for' && c.body.body.kind === 'if');
    assert.equal(text.slice(vnet.start, vnet.end).split('\n').length, 6);
  });

  it('reads modules with local, registry and template-spec paths', () => {
    const tree = parseClean(
      [
        "module a './a.bicep' = {\n  name: 'a'\n  params: {\n    x: 1\n  }\n}",
        "module b 'br/public:avm/res/key-vault/vault:0.11.0' = { name: 'b' }",
        "module c 'br:contoso.azurecr.io/bicep/modules/storage:v1' = if (x) { name: 'c' }",
        "module d 'ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0' = [for i in range(0, 2): { name: 'd${i}' }]",
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      tree.statements.map((s) => (s.kind === 'module' && s.path.kind === 'string' ? s.path.segments[0] : s.kind)),
      [
        './a.bicep',
        'br/public:avm/res/key-vault/vault:0.11.0',
        'br:contoso.azurecr.io/bicep/modules/storage:v1',
        'ts:00000000-0000-0000-0000-000000000000/rg/spec:1.0',
      ],
    );
  });

  it('reads .bicepparam files', () => {
    const tree = parseClean(
      [
        "using './main.bicep'",
        "param name = 'x'",
        "param secret = az.getSecret('sub', 'rg', 'kv', 'secret')",
        "param fromEnv = readEnvironmentVariable('SKU', 'S0')",
        "var prefix = 'p'",
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      tree.statements.map((s) => s.kind),
      ['using', 'param', 'param', 'param', 'var'],
    );
    assert.equal(parseClean('using none\n').statements[0].kind, 'using');
  });

  it('keeps comments and #disable-next-line pragmas as trivia', () => {
    const text =
      '// aisec-disable-next-line AIS-X -- reason\nvar a = 1 /* inline */\n#disable-next-line no-unused-vars\nvar b = 2\n';
    const tree = parseClean(text);
    assert.deepEqual(
      tree.comments.map((c) => c.text),
      [' aisec-disable-next-line AIS-X -- reason', ' inline '],
    );
    assert.equal(text.slice(tree.comments[1].span.start, tree.comments[1].span.end), '/* inline */');
    assert.deepEqual(
      tree.directives.map((d) => d.text),
      ['disable-next-line no-unused-vars'],
    );
    assert.equal(tree.statements.length, 2);
  });
});

describe('bicep parser: expressions', () => {
  it('applies operator precedence and associativity', () => {
    assert.equal(show(expr('a || b && c == d + e * f')), '(a || (b && (c == (d + (e * f)))))');
    assert.equal(show(expr('a ?? b || c')), '(a ?? (b || c))');
    assert.equal(show(expr('!a && -b < c')), '((!a) && ((-b) < c))');
    assert.equal(show(expr('a - b - c')), '((a - b) - c)');
    assert.equal(show(expr('a =~ b != c !~ d')), '(((a =~ b) != c) !~ d)');
  });

  it('reads nested and multi-line ternaries', () => {
    assert.equal(show(expr('a ? b : c ? d : e')), '(a ? b : (c ? d : e))');
    assert.equal(show(expr("cond\n  ? 'x'\n  : 'y'")), '(cond ? "x" : "y")');
  });

  it('reads member access, safe access, indexers, non-null and resource access', () => {
    assert.equal(show(expr('a.b.?c[0][?d]!.e')), 'a.b.?c[0][?d]!.e');
    assert.equal(show(expr('vnet::subnet.id')), 'vnet::subnet.id');
    assert.equal(show(expr('acc.listKeys().key1')), 'acc.listKeys().key1');
  });

  it('reads function calls, namespaced calls and multi-line argument lists', () => {
    assert.equal(
      show(expr('sys.concat(a, az.resourceGroup().location)')),
      'sys.concat(a, az.resourceGroup().location)',
    );
    assert.equal(show(expr('union(\n  a,\n  b\n)')), 'union(a, b)');
    assert.equal(show(expr('f()')), 'f()');
  });

  it('reads lambdas with one, several or no parameters', () => {
    assert.equal(show(expr('map(items, x => x.name)')), 'map(items, (x) => x.name)');
    assert.equal(show(expr('reduce(items, 0, (acc, x) => acc + x)')), 'reduce(items, 0, (acc, x) => (acc + x))');
    assert.equal(show(expr('sort(items, (a, b) => a < b)')), 'sort(items, (a, b) => (a < b))');
    assert.equal(show(expr('(a)')), 'a');
  });

  it('reads objects and arrays separated by newlines or commas, with spreads', () => {
    assert.equal(show(expr("{\n  a: 1\n  'b-c': true\n  ...rest\n}")), '{a: 1, "b-c": true, ...rest}');
    assert.equal(show(expr('{ a: 1, b: [1, 2, 3] }')), '{a: 1, b: [1, 2, 3]}');
    assert.equal(show(expr('[\n  1\n  -2\n  ...more\n]')), '[1, (-2), ...more]');
    assert.equal(show(expr('{}')), '{}');
    assert.equal(show(expr('[]')), '[]');
  });

  it('reads for-expressions with index and filter', () => {
    assert.equal(show(expr('[for (x, i) in range(0, 3): x]')), '[for x,i in range(0, 3): x]');
    assert.equal(show(expr('[for x in xs: if (x.on) { n: x }]')), '[for x in xs: if x.on {n: x}]');
  });

  it('decodes strings: escapes, interpolation, nested strings, multi-line strings', () => {
    const escaped = expr("'it\\'s \\\\ \\n \\t \\$ \\u{1F600}'");
    assert.equal(escaped.kind === 'string' && escaped.segments[0], "it's \\ \n \t $ 😀");
    assert.equal(show(expr("'${a}-b-${toLower('C${d}')}'")), '`${a}-b-${toLower(`C${d}`)}`');
    const multiline = expr("'''\nline 1\n  line '2' ${x}\n'''");
    assert.ok(multiline.kind === 'string' && multiline.multiline);
    assert.equal(multiline.kind === 'string' && multiline.segments[0], "line 1\n  line '2' ${x}\n");
    assert.equal(show(expr("'${ { a: 'x' }.a }'")), '`${{a: "x"}.a}`');
  });

  it('reads object literals with interpolated keys and keyword keys', () => {
    assert.equal(show(expr("{ '${p}key': 1, resource: 2, if: 3 }")), '{`${p}key`: 1, resource: 2, if: 3}');
  });

  it('gives every node exact offsets', () => {
    const text = "var x = foo.bar[1] ?? 'z'\n";
    const value = (parseClean(text).statements[0] as Extract<Statement, { kind: 'var' }>).value;
    assert.equal(text.slice(value.start, value.end), "foo.bar[1] ?? 'z'");
    if (value.kind !== 'binary') return assert.fail();
    assert.equal(text.slice(value.left.start, value.left.end), 'foo.bar[1]');
    assert.equal(text.slice(value.right.start, value.right.end), "'z'");
  });
});
