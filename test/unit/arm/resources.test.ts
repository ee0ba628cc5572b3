// Resources of a template: keys, types, bodies, spans, children, symbolic names, existing, conditions,
// copy loops, extension resources, nested deployments, and the syntax handle for edit/.
import { strict as assert } from 'node:assert';
import { findNodeAtLocation } from 'jsonc-parser';
import type { ArmResourceSyntax } from '../../../server/src/parse/arm';
import { analyze, documentOf, known, resourcesOf, templateText, textAt, unknownOf } from './helpers';

const account = (extra: Record<string, unknown> = {}) => ({
  type: 'Microsoft.CognitiveServices/accounts',
  apiVersion: '2024-10-01',
  name: 'oai-prod',
  location: 'swedencentral',
  kind: 'OpenAI',
  sku: { name: 'S0' },
  properties: { publicNetworkAccess: 'Disabled' },
  ...extra,
});

describe('ARM resources', () => {
  it('reads type, apiVersion, key and the ARM-shaped body without the structural properties', () => {
    const [resource] = resourcesOf({
      resources: [
        account({ dependsOn: ['x'], comments: 'c', tags: { env: 'prod' }, identity: { type: 'SystemAssigned' } }),
      ],
    });
    assert.equal(resource.type, 'Microsoft.CognitiveServices/accounts');
    assert.equal(resource.apiVersion, '2024-10-01');
    assert.equal(resource.key, 'Microsoft.CognitiveServices/accounts/oai-prod');
    assert.equal(resource.language, 'arm');
    assert.deepEqual(
      resource.body.properties.map((p) => p.name),
      ['name', 'location', 'kind', 'sku', 'properties', 'tags', 'identity'],
    );
    assert.equal(known(resource.get('properties.publicNetworkAccess')), 'Disabled');
    assert.equal(known(resource.get('PROPERTIES.publicnetworkaccess')), 'Disabled');
    assert.equal(resource.get('dependsOn'), undefined);
    assert.equal(resource.displayName, 'oai-prod');
  });

  it('gives exact spans: the value, the header (type property) and the whole declaration', () => {
    const text = templateText({ resources: [account()] });
    const [resource] = documentOf(text).resources;
    assert.equal(textAt(text, resource.headerSpan), '"type": "Microsoft.CognitiveServices/accounts"');
    assert.ok(textAt(text, resource.span).startsWith('{') && textAt(text, resource.span).endsWith('}'));
    assert.equal(textAt(text, resource.get('properties.publicNetworkAccess')!.span), '"Disabled"');
    const property = resource.body.properties.find((p) => p.name === 'kind')!;
    assert.equal(textAt(text, property.nameSpan), '"kind"');
    assert.equal(textAt(text, property.span), '"kind": "OpenAI"');
  });

  it('exposes a syntax handle with the jsonc-parser nodes edit/ needs', () => {
    const text = templateText({ resources: [account()] });
    const [resource] = documentOf(text).resources;
    const syntax = resource.syntax as ArmResourceSyntax;
    assert.equal(syntax.kind, 'arm');
    assert.equal(syntax.root.type, 'object');
    assert.equal(syntax.template, syntax.root);
    assert.equal(syntax.scopeTemplate, syntax.root);
    assert.equal(syntax.node, findNodeAtLocation(syntax.root, ['resources', 0]));
    assert.equal(syntax.node.offset, resource.span.start);
  });

  it('reads languageVersion 2.0 symbolic names, existing resources and parent::child names', () => {
    const resources = resourcesOf({
      languageVersion: '2.0',
      resources: {
        vault: { existing: true, type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: 'kv' },
        'vault::key': {
          existing: true,
          type: 'Microsoft.KeyVault/vaults/keys',
          apiVersion: '2023-07-01',
          name: 'kv/cmk',
        },
        openai: account(),
      },
    });
    assert.deepEqual(
      resources.map((r) => [r.key, r.existing ?? false, r.parentKey]),
      [
        ['vault', true, undefined],
        ['vault::key', true, 'vault'],
        ['openai', false, undefined],
      ],
    );
    assert.equal((resources[2].syntax as ArmResourceSyntax).symbolicName, 'openai');
  });

  it('reads nested child resources with full type, prefixed name and parentKey', () => {
    const resources = resourcesOf({
      resources: [
        account({
          resources: [
            {
              type: 'deployments',
              apiVersion: '2024-10-01',
              name: 'gpt-4o',
              dependsOn: ['oai-prod'],
              properties: { model: { name: 'gpt-4o' } },
            },
          ],
        }),
      ],
    });
    assert.equal(resources.length, 2);
    const [parent, child] = resources;
    assert.equal(child.type, 'Microsoft.CognitiveServices/accounts/deployments');
    assert.equal(known(child.get('name')), 'oai-prod/gpt-4o');
    assert.equal(child.parentKey, parent.key);
    assert.equal(child.key, 'Microsoft.CognitiveServices/accounts/deployments/oai-prod/gpt-4o');
    assert.equal((child.syntax as ArmResourceSyntax).parentNode, (parent.syntax as ArmResourceSyntax).node);
    // The parent's body does not contain its children.
    assert.equal(parent.get('resources'), undefined);
  });

  it('finds the parent of a child declared at the top level by its name, known or as written', () => {
    const resources = resourcesOf({
      parameters: { name: { type: 'string' } },
      resources: [
        { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2023-05-01', name: 'st1' },
        { type: 'Microsoft.Storage/storageAccounts/blobServices', apiVersion: '2023-05-01', name: 'st1/default' },
        {
          type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
          apiVersion: '2023-05-01',
          name: 'st1/default/data',
        },
        account({ name: "[parameters('name')]" }),
        {
          type: 'Microsoft.CognitiveServices/accounts/deployments',
          apiVersion: '2024-10-01',
          name: "[format('{0}/{1}', parameters('name'), 'gpt')]",
        },
        {
          type: 'Microsoft.CognitiveServices/accounts/deployments',
          apiVersion: '2024-10-01',
          name: "[concat(parameters('name'), '/embed')]",
        },
        { type: 'Microsoft.Storage/storageAccounts/blobServices', apiVersion: '2023-05-01', name: 'other/default' },
      ],
    });
    assert.deepEqual(
      resources.map((r) => r.parentKey),
      [undefined, resources[0].key, resources[1].key, undefined, resources[3].key, resources[3].key, undefined],
    );
  });

  it('inherits the apiVersion and keeps an unknown parent name unknown in the child name', () => {
    const resources = resourcesOf({
      parameters: { name: { type: 'string' } },
      resources: [
        account({ name: "[parameters('name')]", resources: [{ type: 'projects', name: 'p1', properties: {} }] }),
      ],
    });
    const child = resources[1];
    assert.equal(child.apiVersion, '2024-10-01');
    assert.match(unknownOf(child.get('name')).reason, /parameter 'name'/);
  });

  it('evaluates conditions and marks copy loops, with copyIndex() candidates', () => {
    const resources = resourcesOf({
      parameters: { deploy: { type: 'bool' }, on: { type: 'bool', defaultValue: true } },
      variables: { names: ['a', 'b'] },
      resources: [
        account({ name: 'conditional', condition: "[parameters('deploy')]" }),
        account({ name: 'on', condition: "[parameters('on')]" }),
        account({
          name: "[concat('acct-', variables('names')[copyIndex()])]",
          copy: { name: 'accounts', count: "[length(variables('names'))]" },
        }),
      ],
    });
    assert.match(unknownOf(resources[0].condition).reason, /parameter 'deploy'/);
    assert.equal(known(resources[1].condition), true);
    assert.equal(resources[2].inLoop, true);
    assert.equal(resources[0].inLoop, undefined);
    const name = unknownOf(resources[2].get('name'));
    assert.deepEqual(
      name.candidates?.map((c) => known(c)),
      ['acct-a', 'acct-b'],
    );
  });

  it('expands property-level copy into arrays', () => {
    const [resource] = resourcesOf({
      resources: [
        {
          type: 'Microsoft.Compute/virtualMachines',
          apiVersion: '2024-03-01',
          name: 'vm',
          properties: {
            storageProfile: {
              copy: [{ name: 'dataDisks', count: 2, input: { lun: "[copyIndex('dataDisks')]", diskSizeGB: 8 } }],
            },
          },
        },
      ],
    });
    assert.deepEqual(known(resource.get('properties.storageProfile.dataDisks')), [
      { lun: 0, diskSizeGB: 8 },
      { lun: 1, diskSizeGB: 8 },
    ]);
  });

  it('reads the scope of extension resources', () => {
    const [, setting] = resourcesOf({
      resources: [
        account(),
        {
          type: 'Microsoft.Insights/diagnosticSettings',
          apiVersion: '2021-05-01-preview',
          name: 'diag',
          scope: "[resourceId('Microsoft.CognitiveServices/accounts', 'oai-prod')]",
          properties: { logs: [] },
        },
      ],
    });
    const scope = unknownOf(setting.scope);
    assert.equal(scope.reference?.type, 'Microsoft.CognitiveServices/accounts');
    assert.equal(scope.reference?.name && known(scope.reference.name), 'oai-prod');
  });

  it('reads the <type>/providers/<extension> form as an extension resource with a scope', () => {
    const resources = resourcesOf({
      resources: [
        {
          type: 'Microsoft.CognitiveServices/accounts/providers/diagnosticSettings',
          apiVersion: '2021-05-01-preview',
          name: 'oai-prod/Microsoft.Insights/diag',
          properties: { logs: [{ categoryGroup: 'allLogs', enabled: true }] },
        },
        {
          type: 'Microsoft.Storage/storageAccounts/providers/roleAssignments',
          apiVersion: '2022-04-01',
          name: "[concat('st1', '/Microsoft.Authorization/', 'abc')]",
          properties: {},
        },
        {
          type: 'Microsoft.Storage/storageAccounts/blobServices/providers/Microsoft.Insights/diagnosticSettings',
          apiVersion: '2021-05-01-preview',
          name: 'st1/default/Microsoft.Insights/blobdiag',
          properties: {},
        },
      ],
    });
    assert.deepEqual(
      resources.map((r) => [r.type, known(r.get('name')), unknownOf(r.scope).reference?.type]),
      [
        ['Microsoft.Insights/diagnosticSettings', 'diag', 'Microsoft.CognitiveServices/accounts'],
        ['Microsoft.Authorization/roleAssignments', 'abc', 'Microsoft.Storage/storageAccounts'],
        ['Microsoft.Insights/diagnosticSettings', 'blobdiag', 'Microsoft.Storage/storageAccounts/blobServices'],
      ],
    );
    assert.equal(known(unknownOf(resources[2].scope).reference?.name), 'st1/default');
  });

  it('refers by key to a resource of the template whose name expression an id repeats', () => {
    const resources = resourcesOf({
      parameters: { name: { type: 'string' }, other: { type: 'string' } },
      resources: [
        account({ name: "[parameters('name')]" }),
        {
          type: 'Microsoft.Insights/diagnosticSettings',
          apiVersion: '2021-05-01-preview',
          name: 'bicep-style',
          scope: "[format('Microsoft.CognitiveServices/accounts/{0}', parameters('name'))]",
          properties: {
            a: "[resourceId('Microsoft.CognitiveServices/accounts', parameters( 'name' ))]",
            b: "[resourceId('Microsoft.CognitiveServices/accounts', parameters('other'))]",
            c: "[resourceId('Microsoft.Storage/storageAccounts', parameters('name'))]",
          },
        },
      ],
    });
    const [target, setting] = resources;
    const scope = unknownOf(setting.scope);
    assert.equal(scope.reference?.key, target.key);
    assert.equal(scope.reference?.type, 'Microsoft.CognitiveServices/accounts');
    assert.match(scope.reason, /parameter 'name'/);
    assert.equal(unknownOf(setting.get('properties.a')).reference?.key, target.key);
    assert.equal(unknownOf(setting.get('properties.b')).reference?.key, undefined);
    assert.equal(unknownOf(setting.get('properties.c')).reference?.key, undefined);
  });

  it('does not guess between two resources declared with the same type and name expression', () => {
    const resources = resourcesOf({
      parameters: { name: { type: 'string' } },
      resources: [
        account({ name: "[parameters('name')]" }),
        account({ name: "[parameters('name')]" }),
        account({
          name: 'user',
          properties: { id: "[resourceId('Microsoft.CognitiveServices/accounts', parameters('name'))]" },
        }),
      ],
    });
    assert.equal(unknownOf(resources[2].get('properties.id')).reference?.key, undefined);
  });

  it('links a <type>/providers/<extension> resource with a computed name to its target by key', () => {
    const resources = resourcesOf({
      parameters: { accountName: { type: 'string' } },
      resources: [
        account({ name: "[parameters('accountName')]" }),
        {
          type: 'Microsoft.CognitiveServices/accounts/providers/diagnosticSettings',
          apiVersion: '2021-05-01-preview',
          name: "[concat(parameters('accountName'), '/Microsoft.Insights/', 'diag')]",
          properties: {},
        },
        {
          type: 'Microsoft.CognitiveServices/accounts/providers/diagnosticSettings',
          apiVersion: '2021-05-01-preview',
          name: "[format('{0}/Microsoft.Insights/{1}', parameters('accountName'), 'diag2')]",
          properties: {},
        },
      ],
    });
    const [target, first, second] = resources;
    assert.equal(first.type, 'Microsoft.Insights/diagnosticSettings');
    assert.equal(unknownOf(first.scope).reference?.key, target.key);
    assert.equal(unknownOf(second.scope).reference?.key, target.key);
  });

  it('keeps keys unique when type and name repeat', () => {
    const resources = resourcesOf({ resources: [account(), account()] });
    assert.deepEqual(
      resources.map((r) => r.key),
      ['Microsoft.CognitiveServices/accounts/oai-prod', 'Microsoft.CognitiveServices/accounts/oai-prod#2'],
    );
  });

  it('leaves computed property names open-ended', () => {
    const [resource] = resourcesOf({
      parameters: { id: { type: 'string' } },
      resources: [
        account({
          identity: { type: 'UserAssigned', userAssignedIdentities: { "[parameters('id')]": {}, '[[literal]': {} } },
        }),
      ],
    });
    const identities = resource.get('identity.userAssignedIdentities');
    assert.equal(identities?.kind, 'object');
    if (identities?.kind !== 'object') return;
    assert.ok(identities.openEnded);
    assert.deepEqual(
      identities.properties.map((p) => p.name),
      ['[literal]'],
    );
  });
});

describe('ARM nested deployments', () => {
  const deployment = (template: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2022-09-01',
    name: 'inner',
    properties: { mode: 'Incremental', template, ...extra },
  });

  it('analyses an inner-scope template with the parameters the deployment passes', () => {
    const resources = resourcesOf({
      parameters: { outerAccess: { type: 'string', defaultValue: 'Disabled' } },
      resources: [
        deployment(
          {
            $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
            parameters: { access: { type: 'string', defaultValue: 'Enabled' }, other: { type: 'string' } },
            resources: [account({ properties: { publicNetworkAccess: "[parameters('access')]" } })],
          },
          {
            expressionEvaluationOptions: { scope: 'inner' },
            parameters: { access: { value: "[parameters('outerAccess')]" } },
          },
        ),
      ],
    });
    assert.equal(resources.length, 2);
    const [outer, inner] = resources;
    assert.equal(outer.type, 'Microsoft.Resources/deployments');
    assert.equal(inner.key, `${outer.key} > Microsoft.CognitiveServices/accounts/oai-prod`);
    const value = inner.get('properties.publicNetworkAccess');
    assert.equal(known(value), 'Disabled');
    assert.deepEqual(
      value?.origins?.map((o) => o.description),
      ["parameter 'access' in deployment 'inner'", "default of parameter 'outerAccess'"],
    );
    const syntax = inner.syntax as ArmResourceSyntax;
    assert.equal(syntax.template, syntax.scopeTemplate);
    assert.notEqual(syntax.template, syntax.root);
    // The deployment's own body does not carry the inner template as a value.
    assert.match(unknownOf(outer.get('properties.template')).reason, /nested template/);
  });

  it('evaluates an outer-scope template with the enclosing parameters, and passes on condition and loop', () => {
    const resources = resourcesOf({
      parameters: { access: { type: 'string', defaultValue: 'Disabled' }, deploy: { type: 'bool' } },
      resources: [
        {
          ...deployment({
            resources: [account({ properties: { publicNetworkAccess: "[parameters('access')]" } })],
          }),
          condition: "[parameters('deploy')]",
          copy: { name: 'loop', count: 2 },
        },
      ],
    });
    const inner = resources[1];
    assert.equal(known(inner.get('properties.publicNetworkAccess')), 'Disabled');
    assert.match(unknownOf(inner.condition).reason, /parameter 'deploy'/);
    assert.equal(inner.inLoop, true);
    const syntax = inner.syntax as ArmResourceSyntax;
    assert.equal(syntax.scopeTemplate, syntax.root);
  });

  it('passes Key Vault references as unknown values', () => {
    const resources = resourcesOf({
      resources: [
        deployment(
          {
            parameters: { key: { type: 'securestring' } },
            resources: [account({ properties: { secret: "[parameters('key')]" } })],
          },
          {
            expressionEvaluationOptions: { scope: 'Inner' },
            parameters: { key: { reference: { keyVault: { id: 'x' }, secretName: 'k' } } },
          },
        ),
      ],
    });
    assert.match(unknownOf(resources[1].get('properties.secret')).reason, /Key Vault secret \('k'\)/);
  });

  it('links templateLink.relativePath deployments instead of reading inner resources', () => {
    const text = templateText({
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          apiVersion: '2022-09-01',
          name: 'linked',
          properties: {
            mode: 'Incremental',
            templateLink: { relativePath: 'modules/ai.json' },
            parameters: { access: { value: 'Disabled' } },
          },
        },
      ],
    });
    const result = analyze(text);
    assert.equal(result.documents[0].resources.length, 1);
    assert.equal(result.links.length, 1);
    assert.equal(result.links[0].templateUri, 'file:///work/infra/modules/ai.json');
    assert.equal(known(result.links[0].supplier.values.get('access')), 'Disabled');
  });

  it('stops expanding deployments nested beyond a depth limit', () => {
    let template: Record<string, unknown> = { resources: [account()] };
    for (let i = 0; i < 40; i++) template = { resources: [deployment(template)] };
    const resources = resourcesOf({ resources: template.resources });
    assert.ok(resources.length < 40);
    assert.ok(resources.every((r) => r.type === 'Microsoft.Resources/deployments'));
  });
});
