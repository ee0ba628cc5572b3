// Template parameters and variables, document outputs/parameters, and parameters files with their links.
import { strict as assert } from 'node:assert';
import { pairedTemplates } from '../../../server/src/parse/arm';
import type { ParameterSupplier } from '../../../server/src/model/frontend';
import { make } from '../../../server/src/model/value';
import { analyze, documentOf, known, PARAMS_SCHEMA, templateText, textAt, unknownOf, URI, valueOf } from './helpers';

describe('ARM parameters and variables', () => {
  it('resolves a parameter default with its origin', () => {
    const text = templateText({
      parameters: { access: { type: 'string', defaultValue: 'Enabled' } },
      resources: [
        {
          type: 'Microsoft.Test/things',
          apiVersion: '2024-01-01',
          name: 'r',
          properties: { v: "[parameters('access')]" },
        },
      ],
    });
    const value = documentOf(text).resources[0].get('properties.v');
    assert.equal(known(value), 'Enabled');
    assert.equal(textAt(text, value!.span), `"[parameters('access')]"`);
    assert.equal(value!.origins?.[0].description, "default of parameter 'access'");
    assert.equal(textAt(text, value!.origins![0].span), '"Enabled"');
  });

  it('is unknown without a default, with allowedValues as candidates and a reason', () => {
    const value = unknownOf(
      valueOf("[parameters('access')]", {
        parameters: { access: { type: 'string', allowedValues: ['Enabled', 'Disabled'] } },
      }),
    );
    assert.equal(value.reason, "depends on parameter 'access', which has no default");
    assert.deepEqual(
      value.candidates?.map((c) => known(c)),
      ['Enabled', 'Disabled'],
    );
  });

  it('matches parameter and variable names case-insensitively, and evaluates defaults that use other parameters', () => {
    const context = {
      parameters: {
        Name: { type: 'string', defaultValue: 'acct' },
        fullName: { type: 'string', defaultValue: "[concat(parameters('name'), '-prod')]" },
      },
      variables: { Suffix: "[toUpper(parameters('fullName'))]" },
    };
    assert.equal(known(valueOf("[variables('suffix')]", context)), 'ACCT-PROD');
  });

  it('treats a nullable parameter without default as null', () => {
    assert.equal(known(valueOf("[parameters('p')]", { parameters: { p: { type: 'string', nullable: true } } })), null);
  });

  it('reads object parameters through property access', () => {
    const context = { parameters: { o: { type: 'object', defaultValue: { net: { access: 'Disabled' } } } } };
    assert.equal(known(valueOf("[parameters('o').net.access]", context)), 'Disabled');
    assert.equal(known(valueOf("[parameters('o')['net']['access']]", context)), 'Disabled');
    const missing = unknownOf(valueOf("[parameters('o').nope]", context));
    assert.match(missing.reason, /'nope' does not exist/);
  });

  it('reports undeclared and self-referencing names as unknown', () => {
    assert.match(unknownOf(valueOf("[parameters('ghost')]")).reason, /parameter 'ghost' is not declared/);
    assert.match(unknownOf(valueOf("[variables('ghost')]")).reason, /variable 'ghost' is not declared/);
    assert.match(
      unknownOf(valueOf("[variables('a')]", { variables: { a: "[variables('b')]", b: "[variables('a')]" } })).reason,
      /refers to itself/,
    );
  });

  it('resolves variables with an origin, including copy variables', () => {
    const value = valueOf("[variables('names')]", {
      variables: {
        copy: [{ name: 'names', count: 3, input: "[concat('n', copyIndex('names'))]" }],
      },
    });
    assert.deepEqual(known(value), ['n0', 'n1', 'n2']);
    assert.equal(value.origins?.[0].description, "variable 'names'");
    const open = valueOf("[variables('many')]", {
      parameters: { count: { type: 'int' } },
      variables: { copy: [{ name: 'many', count: "[parameters('count')]", input: 'x' }] },
    });
    assert.equal(open.kind, 'array');
    assert.ok(open.kind === 'array' && open.openEnded);
  });

  it('takes values from suppliers (parameter files, callers) over defaults', () => {
    const supplier: ParameterSupplier = {
      uri: 'file:///work/infra/azuredeploy.parameters.json',
      description: 'parameters file azuredeploy.parameters.json',
      values: new Map([['access', make.literal('Disabled', { start: 10, end: 20 })]]),
    };
    const value = valueOf(
      "[parameters('Access')]",
      { parameters: { access: { type: 'string', defaultValue: 'Enabled' } } },
      [supplier],
    );
    assert.equal(known(value), 'Disabled');
    assert.equal(value.origins?.[0].uri, supplier.uri);
    assert.deepEqual(value.origins?.[0].span, { start: 10, end: 20 });
  });

  it('fills the document parameters and outputs, marking secure ones', () => {
    const text = templateText({
      parameters: {
        adminPassword: { type: 'secureString' },
        settings: { type: 'SecureObject' },
        location: { type: 'string', defaultValue: 'swedencentral' },
      },
      outputs: {
        key: {
          type: 'securestring',
          value: "[listKeys(resourceId('Microsoft.Storage/storageAccounts', 's'), '2023-01-01').keys[0].value]",
        },
        endpoint: { type: 'string', value: "[concat('https://', parameters('location'))]" },
        names: { type: 'array', copy: { count: 2, input: '[copyIndex()]' } },
      },
    });
    const document = documentOf(text);
    assert.deepEqual(
      document.parameters?.map((p) => [p.name, p.type, p.secure, p.defaultValue && known(p.defaultValue)]),
      [
        ['adminPassword', 'securestring', true, undefined],
        ['settings', 'secureobject', true, undefined],
        ['location', 'string', false, 'swedencentral'],
      ],
    );
    assert.equal(textAt(text, document.parameters![0].nameSpan), '"adminPassword"');
    const outputs = document.outputs!;
    assert.deepEqual(
      outputs.map((o) => [o.name, o.secure]),
      [
        ['key', true],
        ['endpoint', false],
        ['names', false],
      ],
    );
    assert.equal(unknownOf(outputs[0].value).reference?.attribute, 'listKeys');
    assert.equal(known(outputs[1].value), 'https://swedencentral');
    assert.equal(outputs[2].value.kind, 'array');
  });
});

describe('ARM parameters files', () => {
  const paramsUri = 'file:///work/infra/main.parameters.json';
  const paramsText = (parameters: Record<string, unknown>) =>
    JSON.stringify({ $schema: PARAMS_SCHEMA, contentVersion: '1.0.0.0', parameters }, null, 2);

  it('yields an armparams document and links to the paired templates with the supplied values', () => {
    const text = paramsText({
      publicNetworkAccess: { value: 'Enabled' },
      tags: { value: { env: 'prod' } },
      location: { value: '${AZURE_LOCATION}' },
      secret: { reference: { keyVault: { id: '/subscriptions/x/vaults/kv' }, secretName: 'pw' } },
    });
    const result = analyze(text, [], paramsUri);
    assert.equal(result.documents.length, 1);
    const document = result.documents[0];
    assert.equal(document.language, 'armparams');
    assert.equal(document.skipped, undefined);
    assert.deepEqual(document.resources, []);
    assert.deepEqual(
      result.links.map((l) => l.templateUri),
      ['file:///work/infra/main.json', 'file:///work/infra/main.bicep'],
    );
    const values = result.links[0].supplier.values;
    assert.equal(result.links[0].supplier.uri, paramsUri);
    assert.equal(result.links[0].supplier.description, 'parameters file main.parameters.json');
    const access = values.get('publicnetworkaccess');
    assert.equal(known(access), 'Enabled');
    assert.equal(textAt(text, access!.span), '"Enabled"');
    assert.deepEqual(known(values.get('tags')), { env: 'prod' });
    assert.match(unknownOf(values.get('location')).reason, /azd .*AZURE_LOCATION/);
    assert.match(unknownOf(values.get('secret')).reason, /Key Vault secret \('pw'\)/);
  });

  it('pairs parameter files with templates by the documented conventions', () => {
    assert.deepEqual(pairedTemplates('file:///a/azuredeploy.parameters.json'), [
      'file:///a/azuredeploy.json',
      'file:///a/azuredeploy.bicep',
    ]);
    assert.deepEqual(pairedTemplates('file:///a/main.parameters.dev.json'), [
      'file:///a/main.json',
      'file:///a/main.bicep',
    ]);
    assert.deepEqual(pairedTemplates('file:///a/main.waf.parameters.json'), [
      'file:///a/main.waf.json',
      'file:///a/main.waf.bicep',
      'file:///a/main.json',
      'file:///a/main.bicep',
    ]);
    assert.deepEqual(pairedTemplates('file:///a/parameters.json'), ['file:///a/template.json']);
    assert.deepEqual(pairedTemplates('file:///a/random.json'), []);
  });

  it('feeds the template end to end: the supplied value wins and points at the parameters file', () => {
    const params = analyze(
      paramsText({ access: { value: 'Enabled' } }),
      [],
      'file:///work/infra/azuredeploy.parameters.json',
    );
    const link = params.links.find((l) => l.templateUri === URI);
    assert.ok(link);
    const value = valueOf(
      "[parameters('access')]",
      { parameters: { access: { type: 'string', defaultValue: 'Disabled' } } },
      [link.supplier],
    );
    assert.equal(known(value), 'Enabled');
    assert.equal(value.origins?.[0].uri, 'file:///work/infra/azuredeploy.parameters.json');
    assert.equal(value.origins?.[0].description, "parameter 'access' in parameters file azuredeploy.parameters.json");
  });
});
