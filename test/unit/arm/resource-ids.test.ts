// Ids built in strings: `format()`/`concat()` of resource-id pieces, nested `resourceId()`, extension and
// tenant ids, literal ids, inside inner-scope nested deployments. Each must become a reference with the
// ARM type (and the name when known), and the key of the one resource of the template declared with that
// name as written, so that diagnostic-setting scopes and private-endpoint targets resolve.
import { strict as assert } from 'node:assert';
import { canonicalNameOfWritten, idShapeOfLiteral } from '../../../server/src/parse/arm/idShape';
import { getPath } from '../../../server/src/model/value';
import { analyze, resourcesOf, unknownOf } from './helpers';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

const account = (name: string) => ({
  type: 'Microsoft.CognitiveServices/accounts',
  apiVersion: '2024-10-01',
  name,
  kind: 'OpenAI',
  properties: {},
});

const setting = (scope: string, name = 'diag') => ({
  type: 'Microsoft.Insights/diagnosticSettings',
  apiVersion: '2021-05-01-preview',
  name,
  scope,
  properties: { workspaceId: 'ws' },
});

const endpoint = (privateLinkServiceId: string) => ({
  type: 'Microsoft.Network/privateEndpoints',
  apiVersion: '2023-11-01',
  name: 'pe',
  properties: {
    privateLinkServiceConnections: [{ name: 'c', properties: { privateLinkServiceId, groupIds: ['account'] } }],
  },
});

/** An inner-scope nested deployment holding `resources`, with a `name` parameter nobody supplies. */
const innerDeployment = (resources: unknown[]) => ({
  type: 'Microsoft.Resources/deployments',
  apiVersion: '2022-09-01',
  name: 'inner',
  properties: {
    mode: 'Incremental',
    expressionEvaluationOptions: { scope: 'inner' },
    template: {
      $schema: SCHEMA,
      contentVersion: '1.0.0.0',
      parameters: { name: { type: 'string' }, sub: { type: 'string' } },
      variables: { child: 'default' },
      resources,
    },
  },
});

function scopeOf(resources: readonly { type: string; scope?: unknown }[], index: number) {
  return unknownOf((resources[index] as { scope: Parameters<typeof unknownOf>[0] }).scope);
}

describe('ARM ids built in strings', () => {
  it("resolves format('Microsoft.X/y/{0}', name) in an inner-scope nested deployment by key", () => {
    const resources = resourcesOf({
      resources: [
        innerDeployment([
          account("[parameters('name')]"),
          setting("[format('Microsoft.CognitiveServices/accounts/{0}', parameters('name'))]"),
        ]),
      ],
    });
    const [, target, diag] = resources;
    const scope = scopeOf(resources, 2);
    assert.equal(diag.type, 'Microsoft.Insights/diagnosticSettings');
    assert.equal(scope.reference?.key, target.key);
    assert.equal(scope.reference?.type, 'Microsoft.CognitiveServices/accounts');
    assert.equal(scope.reference?.attribute, 'id');
  });

  it('resolves multi-segment format() ids to a child declared with the same name pieces', () => {
    const resources = resourcesOf({
      parameters: { name: { type: 'string' } },
      variables: { child: 'default' },
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts/blobServices',
          apiVersion: '2023-01-01',
          name: "[format('{0}/{1}', parameters('name'), variables('child'))]",
          properties: {},
        },
        setting(
          "[format('Microsoft.Storage/storageAccounts/{0}/blobServices/{1}', parameters('name'), variables('child'))]",
        ),
        setting(
          "[resourceId('Microsoft.Storage/storageAccounts/blobServices', parameters('name'), variables('child'))]",
          'd2',
        ),
      ],
    });
    const [blob] = resources;
    for (const index of [1, 2]) {
      const scope = scopeOf(resources, index);
      assert.equal(scope.reference?.key, blob.key, `setting ${index}`);
      assert.equal(scope.reference?.type, 'Microsoft.Storage/storageAccounts/blobServices');
    }
  });

  it('resolves a child nested in its parent by the joined name', () => {
    const resources = resourcesOf({
      parameters: { name: { type: 'string' } },
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-01-01',
          name: "[parameters('name')]",
          resources: [{ type: 'blobServices', apiVersion: '2023-01-01', name: 'default', properties: {} }],
        },
        setting(
          "[concat(resourceId('Microsoft.Storage/storageAccounts', parameters('name')), '/blobServices/default')]",
        ),
      ],
    });
    const blob = resources.find((r) => r.type === 'Microsoft.Storage/storageAccounts/blobServices')!;
    const scope = scopeOf(resources, resources.length - 1);
    assert.equal(scope.reference?.key, blob.key);
    assert.equal(scope.reference?.type, 'Microsoft.Storage/storageAccounts/blobServices');
  });

  it('reads full ids written with concat() and the subscription/resource group prefix', () => {
    const resources = resourcesOf({
      parameters: { name: { type: 'string' }, rg: { type: 'string' } },
      resources: [
        account("[parameters('name')]"),
        endpoint(
          "[concat('/subscriptions/', subscription().subscriptionId, '/resourceGroups/', parameters('rg'), '/providers/Microsoft.CognitiveServices/accounts/', parameters('name'))]",
        ),
        endpoint(
          "[format('/subscriptions/{0}/resourceGroups/{1}/providers/Microsoft.Search/searchServices/{2}', subscription().subscriptionId, parameters('rg'), 'srch')]",
        ),
      ],
    });
    const [target, pe1, pe2] = resources;
    const id1 = unknownOf(
      getPath(pe1.get('properties.privateLinkServiceConnections')!, '0.properties.privateLinkServiceId'),
    );
    assert.equal(id1.reference?.key, target.key);
    assert.equal(id1.reference?.type, 'Microsoft.CognitiveServices/accounts');
    const id2 = unknownOf(
      getPath(pe2.get('properties.privateLinkServiceConnections')!, '0.properties.privateLinkServiceId'),
    );
    assert.equal(id2.reference?.key, undefined);
    assert.equal(id2.reference?.type, 'Microsoft.Search/searchServices');
    // The name is known even though the subscription is not.
    assert.deepEqual(
      id2.reference?.name && {
        kind: id2.reference.name.kind,
        value: (id2.reference.name as { value?: unknown }).value,
      },
      { kind: 'literal', value: 'srch' },
    );
  });

  it('reads extensionResourceId() and tenantResourceId() ids with their type and name', () => {
    const resources = resourcesOf({
      parameters: { name: { type: 'string' }, sub: { type: 'string' } },
      resources: [
        account("[parameters('name')]"),
        endpoint(
          "[extensionResourceId(format('/subscriptions/{0}/resourceGroups/{1}', parameters('sub'), 'rg'), 'Microsoft.CognitiveServices/accounts', parameters('name'))]",
        ),
        setting("[tenantResourceId('Microsoft.Management/managementGroups', 'mg1')]"),
      ],
    });
    const [target, pe, diag] = resources;
    const id = unknownOf(
      getPath(pe.get('properties.privateLinkServiceConnections')!, '0.properties.privateLinkServiceId'),
    );
    assert.equal(id.reference?.type, 'Microsoft.CognitiveServices/accounts');
    assert.equal(id.reference?.key, target.key);
    const scope = unknownOf(diag.scope);
    assert.equal(scope.reference?.type, 'Microsoft.Management/managementGroups');
    assert.equal(scope.reference?.name?.kind, 'literal');
  });

  it('refers by key from reference() of a literal id, and does not guess a name that differs', () => {
    const resources = resourcesOf({
      resources: [
        account('oai-prod'),
        {
          ...account('user'),
          properties: {
            endpoint: "[reference('Microsoft.CognitiveServices/accounts/oai-prod', '2024-10-01').endpoint]",
            other:
              "[reference('/subscriptions/x/resourceGroups/y/providers/Microsoft.CognitiveServices/accounts/oai-test', '2024-10-01').endpoint]",
          },
        },
      ],
    });
    const [target, user] = resources;
    assert.equal(unknownOf(user.get('properties.endpoint')).reference?.key, target.key);
    const other = unknownOf(user.get('properties.other')).reference;
    assert.equal(other?.key, undefined);
    assert.equal(other?.type, 'Microsoft.CognitiveServices/accounts');
  });

  it('keeps a known id literal, and leaves strings that are not ids alone', () => {
    const resources = resourcesOf({
      parameters: { name: { type: 'string' } },
      resources: [
        setting("[format('Microsoft.CognitiveServices/accounts/{0}', 'oai')]"),
        { ...account('user'), properties: { label: "[format('{0}-label/{1}', parameters('name'), 'x')]" } },
      ],
    });
    assert.equal(resources[0].scope?.kind, 'literal');
    const label = unknownOf(resources[1].get('properties.label'));
    assert.equal(label.reference, undefined);
  });

  it('does not attach the reference of an inner resourceId() to a longer id built around it', () => {
    const resources = resourcesOf({
      parameters: { name: { type: 'string' } },
      resources: [
        account("[parameters('name')]"),
        setting("[concat(resourceId('Microsoft.CognitiveServices/accounts', parameters('name')), '/projects/p1')]"),
      ],
    });
    const scope = scopeOf(resources, 1);
    assert.equal(scope.reference?.type, 'Microsoft.CognitiveServices/accounts/projects');
    assert.notEqual(scope.reference?.key, resources[0].key);
  });

  it('compares two writings of one name as equal (canonical names)', () => {
    assert.equal(
      canonicalNameOfWritten("[format('{0}-pe', parameters('a'))]"),
      canonicalNameOfWritten("[concat(parameters( 'a' ), '-pe')]"),
    );
    assert.equal(
      canonicalNameOfWritten("[format('{0}/{1}', 'acct', 'default')]"),
      canonicalNameOfWritten('acct/default'),
    );
    assert.notEqual(canonicalNameOfWritten("[parameters('a')]"), canonicalNameOfWritten("[parameters('b')]"));
    assert.deepEqual(idShapeOfLiteral('/subscriptions/s/resourceGroups/r/providers/Microsoft.Web/sites/app/slots/s1'), {
      type: 'Microsoft.Web/sites/slots',
      names: ['app', 's1'],
      canonicalName: "'app'/'s1'",
    });
    assert.equal(idShapeOfLiteral('not/an/id'), undefined);
  });

  it('analyses the document without syntax problems', () => {
    const text = JSON.stringify({ $schema: SCHEMA, resources: [setting("[format('Microsoft.X/y/{0}', 'n')]")] });
    assert.deepEqual(analyze(text).documents[0].syntaxProblems, []);
  });
});
