// The adapter from the Bicep tree to the shared model: resources, values with certainty and origins,
// references, module links and .bicepparam links.
import { strict as assert } from 'node:assert';
import { analyzeBicep, analyzeBicepParams } from '../../../server/src/parse/bicep';
import type { ParameterSupplier } from '../../../server/src/model/frontend';
import type { Resource } from '../../../server/src/model/resource';
import { make, toJson, type Value } from '../../../server/src/model/value';

const URI = 'file:///work/infra/main.bicep';

function analyze(text: string, suppliers: readonly ParameterSupplier[] = []) {
  const result = analyzeBicep({ uri: URI, text }, suppliers);
  assert.equal(result.documents.length, 1);
  return { result, document: result.documents[0], text };
}

function resources(text: string, suppliers: readonly ParameterSupplier[] = []): Resource[] {
  const { document } = analyze(text, suppliers);
  assert.deepEqual(document.syntaxProblems, []);
  return [...document.resources];
}

function one(text: string, suppliers: readonly ParameterSupplier[] = []): Resource {
  const list = resources(text, suppliers);
  assert.equal(list.length, 1);
  return list[0];
}

function valueAt(text: string, path: string, suppliers: readonly ParameterSupplier[] = []): Value {
  const value = one(text, suppliers).get(path);
  assert.ok(value, `no value at ${path}`);
  return value;
}

/** A resource whose `properties.v` is the given expression, after the given declarations. */
function withValue(declarations: string, expression: string): string {
  return `${declarations}\nresource r 'Microsoft.Test/things@2024-01-01' = {\n  name: 'r'\n  properties: {\n    v: ${expression}\n  }\n}\n`;
}

function literalOf(value: Value | undefined): unknown {
  assert.ok(value, 'value is absent');
  assert.equal(value.kind, 'literal', `expected a known literal, got ${JSON.stringify(value)}`);
  return value.kind === 'literal' ? value.value : undefined;
}

function candidatesOf(value: Value): unknown[] {
  assert.equal(value.kind, 'unknown');
  return value.kind === 'unknown' ? (value.candidates ?? []).map(toJson) : [];
}

describe('bicep model: resources', () => {
  it('maps a resource to type, apiVersion, key, spans and an ARM-shaped body', () => {
    const text = [
      "resource acc 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
      "  name: 'my-acc'",
      "  location: 'westeurope'",
      "  kind: 'OpenAI'",
      "  sku: { name: 'S0' }",
      "  identity: { type: 'SystemAssigned' }",
      '  properties: {',
      '    disableLocalAuth: true',
      "    publicNetworkAccess: 'Disabled'",
      '  }',
      "  tags: { env: 'prod' }",
      '}',
      '',
    ].join('\n');
    const { document } = analyze(text);
    const [r] = document.resources;
    assert.equal(r.key, 'acc');
    assert.equal(r.type, 'Microsoft.CognitiveServices/accounts');
    assert.equal(r.apiVersion, '2024-10-01');
    assert.equal(r.language, 'bicep');
    assert.equal(r.uri, URI);
    assert.equal(
      text.slice(r.headerSpan.start, r.headerSpan.end),
      "resource acc 'Microsoft.CognitiveServices/accounts@2024-10-01'",
    );
    assert.equal(text.slice(r.span.start, r.span.end), text.trimEnd());
    assert.deepEqual(
      r.body.properties.map((p) => p.name),
      ['name', 'location', 'kind', 'sku', 'identity', 'properties', 'tags'],
    );
    assert.equal(r.displayName, 'my-acc');
    assert.equal(literalOf(r.get('properties.disableLocalAuth')), true);
    assert.equal(literalOf(r.get('sku.name')), 'S0');
    const pna = r.body.properties[5].value;
    assert.ok(pna.kind === 'object');
    const property = pna.properties[1];
    assert.equal(text.slice(property.nameSpan.start, property.nameSpan.end), 'publicNetworkAccess');
    assert.equal(text.slice(property.span.start, property.span.end), "publicNetworkAccess: 'Disabled'");
    assert.equal(text.slice(property.value.span.start, property.value.span.end), "'Disabled'");
    assert.equal(r.get('properties.missing'), undefined);
    assert.equal(r.existing, undefined);
  });

  it('gives nested children the full type, the parent key and the parent api version when omitted', () => {
    const list = resources(
      [
        "resource sa 'Microsoft.Storage/storageAccounts@2023-05-01' = {",
        "  name: 'sa'",
        "  resource blob 'blobServices' = {",
        "    name: 'default'",
        "    resource c 'containers@2023-01-01' = {",
        "      name: 'data'",
        '    }',
        '  }',
        '}',
        "resource child 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {",
        '  parent: sa',
        "  name: 'default'",
        '}',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      list.map((r) => [r.key, r.type, r.apiVersion, r.parentKey]),
      [
        ['sa', 'Microsoft.Storage/storageAccounts', '2023-05-01', undefined],
        ['sa::blob', 'Microsoft.Storage/storageAccounts/blobServices', '2023-05-01', 'sa'],
        ['sa::blob::c', 'Microsoft.Storage/storageAccounts/blobServices/containers', '2023-01-01', 'sa::blob'],
        ['child', 'Microsoft.Storage/storageAccounts/queueServices', '2023-05-01', 'sa'],
      ],
    );
    const parent = list[3].get('parent');
    assert.ok(parent?.kind === 'unknown' && parent.reference?.key === 'sa' && parent.reference.attribute === '');
  });

  it('marks existing resources, conditions, loops and scopes', () => {
    const list = resources(
      [
        'param deploy bool',
        "param names array = ['a', 'b']",
        "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = { name: 'kv' }",
        "resource c 'Microsoft.Storage/storageAccounts@2023-05-01' = if (deploy) { name: 'c' }",
        "resource off 'Microsoft.Storage/storageAccounts@2023-05-01' = if (false) { name: 'off' }",
        "resource l 'Microsoft.Storage/storageAccounts@2023-05-01' = [for (n, i) in names: {",
        "  name: '${n}-${i}'",
        '}]',
        "resource diag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {",
        "  name: 'd'",
        '  scope: kv',
        '}',
        '',
      ].join('\n'),
    );
    const [kv, c, off, l, diag] = list;
    assert.equal(kv.existing, true);
    assert.equal(c.condition?.kind, 'unknown');
    assert.equal(literalOf(off.condition), false);
    assert.equal(l.inLoop, true);
    assert.deepEqual(candidatesOf(l.get('name')!), ['a-0', 'a-1', 'b-0', 'b-1']);
    assert.ok(diag.scope?.kind === 'unknown' && diag.scope.reference?.key === 'kv');
  });

  it('reads the loop body object and loop filters', () => {
    const [r] = resources(
      "param items array\nresource r 'Microsoft.Storage/storageAccounts@2023-05-01' = [for item in items: if (item.enabled) {\n  name: item.name\n  kind: 'StorageV2'\n}]\n",
    );
    assert.equal(r.inLoop, true);
    assert.equal(r.condition?.kind, 'unknown');
    assert.equal(r.get('name')?.kind, 'unknown');
    assert.equal(literalOf(r.get('kind')), 'StorageV2');
  });

  it('does not turn modules into resources', () => {
    assert.deepEqual(resources("module m './m.bicep' = { name: 'm' }\n"), []);
  });

  it('collects comments and syntax problems', () => {
    const { document } = analyze(
      "// top\nvar a = /* inline */ 1\nresource r 'Microsoft.X/y@2020-01-01' = {\n  name:\n}\n",
    );
    assert.deepEqual(
      document.comments.map((c) => c.text),
      [' top', ' inline '],
    );
    assert.equal(document.syntaxProblems.length, 1);
    assert.equal(document.resources.length, 1);
  });
});

describe('bicep model: values', () => {
  it('decodes literals', () => {
    assert.equal(literalOf(valueAt(withValue('', "'it\\'s'"), 'properties.v')), "it's");
    assert.equal(literalOf(valueAt(withValue('', '42'), 'properties.v')), 42);
    assert.equal(literalOf(valueAt(withValue('', '-1'), 'properties.v')), -1);
    assert.equal(literalOf(valueAt(withValue('', 'null'), 'properties.v')), null);
    assert.equal(literalOf(valueAt(withValue('', "'''\nmulti\n'''"), 'properties.v')), 'multi\n');
  });

  it('resolves parameter defaults with an origin at the default', () => {
    const text = withValue("param pna string = 'Disabled'", 'pna');
    const value = valueAt(text, 'properties.v');
    assert.equal(literalOf(value), 'Disabled');
    assert.equal(text.slice(value.span.start, value.span.end), 'pna');
    assert.equal(value.origins?.[0].description, "default of parameter 'pna'");
    assert.equal(text.slice(value.origins![0].span.start, value.origins![0].span.end), "'Disabled'");
  });

  it('parameters without a default are unknown, with @allowed values as candidates', () => {
    const value = valueAt(
      withValue("@allowed([\n  'Enabled'\n  'Disabled'\n])\nparam pna string", 'pna'),
      'properties.v',
    );
    assert.equal(value.kind, 'unknown');
    assert.match(value.kind === 'unknown' ? value.reason : '', /parameter 'pna', which has no default/);
    assert.deepEqual(candidatesOf(value), ['Enabled', 'Disabled']);
    const plain = valueAt(withValue('@secure()\nparam key string', 'key'), 'properties.v');
    assert.ok(plain.kind === 'unknown' && plain.candidates === undefined);
  });

  it('nullable parameters without a default are null, so `??` falls back', () => {
    const value = valueAt(withValue('param pna string?', "pna ?? 'Disabled'"), 'properties.v');
    assert.equal(literalOf(value), 'Disabled');
  });

  it('suppliers override defaults, with the supplier as origin; several suppliers give candidates', () => {
    const text = withValue("param pna string = 'Enabled'", 'pna');
    const supplier = (uri: string, value: string): ParameterSupplier => ({
      uri,
      description: `parameters file ${uri}`,
      values: new Map([['pna', make.literal(value, { start: 3, end: 10 })]]),
    });
    const one = valueAt(text, 'properties.v', [supplier('file:///p1.bicepparam', 'Disabled')]);
    assert.equal(literalOf(one), 'Disabled');
    assert.equal(one.origins?.[0].uri, 'file:///p1.bicepparam');
    assert.equal(one.origins?.[0].description, "parameter 'pna' in parameters file file:///p1.bicepparam");
    const two = valueAt(text, 'properties.v', [
      supplier('file:///p1.bicepparam', 'Disabled'),
      supplier('file:///p2.bicepparam', 'Enabled'),
    ]);
    assert.deepEqual(candidatesOf(two).sort(), ['Disabled', 'Enabled']);
    const omitted = valueAt(text, 'properties.v', [{ uri: 'file:///p3', description: 'p3', values: new Map() }]);
    assert.equal(literalOf(omitted), 'Enabled');
  });

  it('parameter defaults may use other parameters', () => {
    const value = valueAt(
      withValue("param prefix string = 'ai'\nparam name string = '${prefix}-svc'", 'name'),
      'properties.v',
    );
    assert.equal(literalOf(value), 'ai-svc');
  });

  it('variables resolve with an origin naming the variable', () => {
    const text = withValue("param base string = 'x'\nvar full = toUpper('${base}-y')", 'full');
    const value = valueAt(text, 'properties.v');
    assert.equal(literalOf(value), 'X-Y');
    assert.deepEqual(
      value.origins?.map((o) => o.description),
      ["variable 'full'", "default of parameter 'base'"],
    );
  });

  it('object variables and member access', () => {
    const decls = "var cfg = {\n  network: { defaultAction: 'Deny' }\n  list: ['a', 'b']\n}";
    assert.equal(literalOf(valueAt(withValue(decls, 'cfg.network.defaultAction'), 'properties.v')), 'Deny');
    assert.equal(literalOf(valueAt(withValue(decls, "cfg['network'].defaultAction"), 'properties.v')), 'Deny');
    assert.equal(literalOf(valueAt(withValue(decls, 'cfg.list[1]'), 'properties.v')), 'b');
    assert.equal(literalOf(valueAt(withValue(decls, 'cfg.?missing'), 'properties.v')), null);
    assert.equal(literalOf(valueAt(withValue(decls, "cfg.?missing ?? 'fallback'"), 'properties.v')), 'fallback');
    const whole = one(withValue(decls, 'cfg')).get('properties.v.network.defaultAction');
    assert.equal(literalOf(whole), 'Deny');
  });

  it('ternaries: known conditions pick a branch, unknown ones give both candidates', () => {
    const known = valueAt(withValue('param private bool = true', "private ? 'Disabled' : 'Enabled'"), 'properties.v');
    assert.equal(literalOf(known), 'Disabled');
    assert.ok(known.origins?.some((o) => o.description === "default of parameter 'private'"));
    const unknown = valueAt(withValue('param private bool', "private ? 'Disabled' : 'Enabled'"), 'properties.v');
    assert.deepEqual(candidatesOf(unknown), ['Disabled', 'Enabled']);
    const allowed = valueAt(
      withValue("@allowed(['S0', 'S1'])\nparam sku string", "sku == 'S0' ? 'cheap' : 'costly'"),
      'properties.v',
    );
    assert.deepEqual(candidatesOf(allowed), ['cheap', 'costly']);
  });

  it('logical and comparison operators, case-sensitive == and case-insensitive =~', () => {
    const v = (e: string) => literalOf(valueAt(withValue("param a string = 'Abc'", e), 'properties.v'));
    assert.equal(v("a == 'abc'"), false);
    assert.equal(v("a =~ 'abc'"), true);
    assert.equal(v("a != 'abc'"), true);
    assert.equal(v("a !~ 'ABC'"), false);
    assert.equal(v("!(a == 'Abc') || 1 < 2 && 3 >= 3"), true);
    assert.equal(v('2 * 3 + 7 / 2 - 1 % 1'), 9);
    assert.equal(v('false && unknownThing'), false);
    assert.equal(v('true || unknownThing'), true);
  });

  it('equality, empty() and contains() stay unknown when a side holds an unknown part', () => {
    const declarations =
      "param p string\nparam o object = { a: p }\nvar spread = { ...o }\nparam list array = [ 'x', p ]";
    const v = (e: string) => valueAt(withValue(declarations, e), 'properties.v');
    assert.equal(v("o == { a: 'b' }").kind, 'unknown');
    assert.equal(v("equals(o, { a: 'b' })").kind, 'unknown');
    assert.equal(v("contains(list, 'y')").kind, 'unknown');
    assert.equal(literalOf(v("contains(list, 'x')")), true);
    assert.equal(literalOf(v('empty({ ...spread, b: 1 })')), false);
  });

  it('interpolation is known when every part is known, else unknown with the text', () => {
    assert.equal(
      literalOf(valueAt(withValue("param n string = 'a'\nparam i int = 3", "'${n}-${i}-${true}'"), 'properties.v')),
      'a-3-True',
    );
    const unknown = valueAt(withValue('param n string', "'pre-${n}'"), 'properties.v');
    assert.ok(unknown.kind === 'unknown' && unknown.text === "'pre-${n}'");
  });

  it('evaluates common functions', () => {
    const v = (e: string) => toJson(valueAt(withValue("param s string = 'Hello,World'", e), 'properties.v'));
    assert.equal(v('toLower(s)'), 'hello,world');
    assert.equal(v("concat(s, '!')"), 'Hello,World!');
    assert.deepEqual(v('concat([1], [2, 3])'), [1, 2, 3]);
    assert.equal(v("format('{0}-{1}', s, 2)"), 'Hello,World-2');
    assert.equal(v("empty('')"), true);
    assert.equal(v("contains(s, 'World')"), true);
    assert.deepEqual(v('union({ a: 1, n: { x: 1 } }, { b: 2, n: { y: 2 } })'), { a: 1, n: { x: 1, y: 2 }, b: 2 });
    assert.equal(v("coalesce(null, 'x')"), 'x');
    assert.equal(v('length(s)'), 11);
    assert.equal(v("replace(s, 'World', 'There')"), 'Hello,There');
    assert.equal(v("startsWith(s, 'hello')"), true);
    assert.deepEqual(v("split(s, ',')"), ['Hello', 'World']);
    assert.equal(v("join(split(s, ','), '+')"), 'Hello+World');
    assert.equal(v("first(split(s, ','))"), 'Hello');
    assert.equal(v('substring(s, 0, 5)'), 'Hello');
    assert.deepEqual(v('take(range(1, 5), 2)'), [1, 2]);
    assert.equal(v('string(true)'), 'True');
    assert.equal(v("bool('true')"), true);
    assert.equal(v("int('12')"), 12);
    assert.equal(v("sys.toUpper('a')"), 'A');
  });

  it('user-defined functions are evaluated with their arguments', () => {
    const value = valueAt(
      withValue("func name(p string, n int) string => '${p}-${n}'", "name('x', 2)"),
      'properties.v',
    );
    assert.equal(literalOf(value), 'x-2');
  });

  it('deployment-time functions, lambdas and unknown symbols are unknown with a reason', () => {
    const rg = valueAt(withValue('', 'resourceGroup().location'), 'properties.v');
    assert.ok(rg.kind === 'unknown' && /deployment time/.test(rg.reason));
    const location = valueAt(withValue('param location string = resourceGroup().location', 'location'), 'properties.v');
    assert.ok(location.kind === 'unknown' && location.origins?.[0].description === "default of parameter 'location'");
    assert.equal(valueAt(withValue('', "uniqueString('a')"), 'properties.v').kind, 'unknown');
    assert.equal(valueAt(withValue('', "guid('a')"), 'properties.v').kind, 'unknown');
    const mod = valueAt(withValue("module m './m.bicep' = { name: 'm' }", 'm.outputs.endpoint'), 'properties.v');
    assert.ok(mod.kind === 'unknown' && /output of module 'm'/.test(mod.reason));
    const missing = valueAt(withValue('', 'nowhere'), 'properties.v');
    assert.ok(missing.kind === 'unknown' && /not declared/.test(missing.reason));
  });

  it('spreads merge known objects and make unknown ones open-ended', () => {
    const r = one(
      withValue('var base = { a: 1 }\nparam extra object', '{\n      ...base\n      b: 2\n      ...extra\n    }'),
    );
    assert.equal(literalOf(r.get('properties.v.a')), 1);
    assert.equal(literalOf(r.get('properties.v.b')), 2);
    assert.equal(r.get('properties.v.c')?.kind, 'unknown');
  });
});

describe('bicep model: references', () => {
  const decls = [
    "resource acc 'Microsoft.CognitiveServices/accounts@2024-10-01' = { name: 'acc-name' }",
    "resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' existing = {",
    "  name: 'vnet'",
    "  resource subnet 'subnets' existing = { name: 'default' }",
    '}',
  ].join('\n');
  const ref = (expression: string) => {
    const list = resources(withValue(decls, expression));
    const value = list[list.length - 1].get('properties.v');
    assert.ok(value?.kind === 'unknown', `expected unknown for ${expression}`);
    return value;
  };

  it('resource attributes become unknown values with a reference', () => {
    assert.deepEqual(ref('acc.id').reference, { uri: URI, key: 'acc', attribute: 'id' });
    assert.deepEqual(ref('acc.properties.endpoint').reference, {
      uri: URI,
      key: 'acc',
      attribute: 'properties.endpoint',
    });
    assert.deepEqual(ref('acc.listKeys().key1').reference, { uri: URI, key: 'acc', attribute: 'listKeys' });
    assert.deepEqual(ref('acc').reference, { uri: URI, key: 'acc', attribute: '' });
    assert.deepEqual(ref('vnet::subnet.id').reference, { uri: URI, key: 'vnet::subnet', attribute: 'id' });
  });

  it('resource names keep the reference and offer the written name as the candidate', () => {
    const name = ref('vnet.name');
    assert.deepEqual(name.reference, { uri: URI, key: 'vnet', attribute: 'name' });
    assert.deepEqual(candidatesOf(name), ['vnet']);
  });

  it('resourceId() references by type and name', () => {
    const value = ref("resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')");
    assert.equal(value.reference?.type, 'Microsoft.Network/virtualNetworks/subnets');
    assert.equal(value.reference?.attribute, 'id');
    assert.equal(literalOf(value.reference?.name), 'vnet/default');
  });
});

describe('bicep model: links', () => {
  it('local modules link to their template with the params they pass', () => {
    const text = [
      "param sku string = 'S0'",
      "module ai './modules/ai.bicep' = {",
      "  name: 'ai'",
      '  params: {',
      '    SkuName: sku',
      "    publicNetworkAccess: 'Disabled'",
      '  }',
      '}',
      "module json '../arm/template.json' = { name: 'j' }",
      "module remote 'br/public:avm/res/key-vault/vault:0.11.0' = { name: 'kv' }",
      "module aliased 'br/myreg:storage:v1' = { name: 's' }",
      "module spec 'ts:sub/rg/spec:1.0' = { name: 't' }",
      '',
    ].join('\n');
    const { result } = analyze(text);
    assert.deepEqual(
      result.links.map((l) => l.templateUri),
      ['file:///work/infra/modules/ai.bicep', 'file:///work/arm/template.json'],
    );
    const [ai] = result.links;
    assert.equal(ai.supplier.uri, URI);
    assert.equal(ai.supplier.description, "module 'ai' in main.bicep");
    assert.deepEqual([...ai.supplier.values.keys()], ['skuname', 'publicnetworkaccess']);
    const sku = ai.supplier.values.get('skuname')!;
    assert.equal(literalOf(sku), 'S0');
    assert.equal(text.slice(sku.span.start, sku.span.end), 'sku');
  });

  it('.bicepparam files link to their `using` template with the values they assign', () => {
    const text = [
      "using './main.bicep'",
      "var prefix = 'ai'",
      "param name = '${prefix}-svc'",
      "param publicNetworkAccess = 'Disabled'",
      "param sku = readEnvironmentVariable('SKU', 'S0')",
      "param key = az.getSecret('sub', 'rg', 'kv', 'key')",
      '',
    ].join('\n');
    const uri = 'file:///work/infra/main.bicepparam';
    const result = analyzeBicepParams({ uri, text });
    const [document] = result.documents;
    assert.equal(document.language, 'bicepparam');
    assert.deepEqual(document.resources, []);
    assert.deepEqual(document.syntaxProblems, []);
    assert.equal(result.links.length, 1);
    const [link] = result.links;
    assert.equal(link.templateUri, 'file:///work/infra/main.bicep');
    assert.equal(link.supplier.uri, uri);
    assert.equal(link.supplier.description, 'parameters file main.bicepparam');
    assert.equal(literalOf(link.supplier.values.get('name')), 'ai-svc');
    assert.equal(literalOf(link.supplier.values.get('publicnetworkaccess')), 'Disabled');
    const sku = link.supplier.values.get('sku')!;
    assert.deepEqual(candidatesOf(sku), ['S0']);
    assert.equal(link.supplier.values.get('key')?.kind, 'unknown');
  });

  it('`using none` and registry templates give no link', () => {
    assert.deepEqual(analyzeBicepParams({ uri: 'file:///p.bicepparam', text: 'using none\nparam a = 1\n' }).links, []);
    assert.deepEqual(
      analyzeBicepParams({ uri: 'file:///p.bicepparam', text: "using 'br/public:avm/res/x:1.0.0'\n" }).links,
      [],
    );
  });

  it('a template fed by a .bicepparam supplier sees the supplied values', () => {
    const params = analyzeBicepParams({
      uri: 'file:///work/infra/main.bicepparam',
      text: "using './main.bicep'\nparam pna = 'Disabled'\n",
    });
    const value = valueAt(withValue("param pna string = 'Enabled'", 'pna'), 'properties.v', [params.links[0].supplier]);
    assert.equal(literalOf(value), 'Disabled');
    assert.equal(value.origins?.[0].uri, 'file:///work/infra/main.bicepparam');
  });
});

describe('bicep: re-analysis with new parameter values', () => {
  const text =
    "param sku string = 'S0'\nresource a 'Microsoft.CognitiveServices/accounts@2023-05-01' = {\n  name: 'a'\n  sku: { name: sku }\n}\n";
  const uri = 'file:///work/infra/cached.bicep';
  const supplier = (sku: string): ParameterSupplier => ({
    uri: 'file:///work/infra/cached.bicepparam',
    description: 'parameters file cached.bicepparam',
    values: new Map([['sku', make.literal(sku, { start: 0, end: 0 })]]),
  });

  it('reuses the syntax tree of unchanged text and still applies the new values', () => {
    const first = analyzeBicep({ uri, text }, [supplier('S0')]).documents[0].resources[0];
    const second = analyzeBicep({ uri, text }, [supplier('S1')]).documents[0].resources[0];
    assert.equal(second.syntax, first.syntax);
    assert.equal(toJson(first.get('sku.name')!), 'S0');
    assert.equal(toJson(second.get('sku.name')!), 'S1');
    const changed = text.replace("name: 'a'", "name: 'b'");
    const third = analyzeBicep({ uri, text: changed }, [supplier('S1')]).documents[0].resources[0];
    assert.notEqual(third.syntax, first.syntax);
    assert.equal(toJson(third.get('name')!), 'b');
  });
});
