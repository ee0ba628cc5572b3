// The shared fix builders (server/src/model/fixes.ts): values and applicability per resource type, and the
// private endpoint written out in Bicep.
import assert from 'node:assert/strict';
import {
  disableLocalAuthFix,
  disablePublicNetworkAccessFix,
  privateEndpointFix,
  privateLinkTarget,
  userAssignedIdentityFixes,
} from '../../server/src/model';
import { initEngine } from './harness';
import { apply, lines, workspace } from './support';

const bicep = (type: string, body = '') =>
  lines(`resource r '${type}@2024-01-01' = {`, "  name: 'res-prod'", "  location: 'swedencentral'", body, '}', '');

describe('fix builders', () => {
  before(async () => {
    await initEngine();
  });

  it('disable public network access in each service casing', () => {
    const search = workspace({ 'a.bicep': bicep('Microsoft.Search/searchServices') }).resource('r');
    const vault = workspace({ 'a.bicep': bicep('Microsoft.KeyVault/vaults') }).resource('r');
    assert.deepEqual(disablePublicNetworkAccessFix(search).edits[0], {
      kind: 'set',
      resource: search,
      path: 'properties.publicNetworkAccess',
      value: 'disabled',
    });
    assert.equal(disablePublicNetworkAccessFix(vault).title, "Set publicNetworkAccess to 'Disabled'");
    assert.equal(disablePublicNetworkAccessFix(vault).applicability, 'safe');
  });

  it('disable local auth per service; AI Search also drops authOptions (then unsafe)', () => {
    const storage = workspace({ 'a.bicep': bicep('Microsoft.Storage/storageAccounts') }).resource('r');
    const storageFix = disableLocalAuthFix(storage);
    assert.equal(storageFix.title, 'Set allowSharedKeyAccess to false');
    assert.deepEqual(
      storageFix.edits.map((e) => (e.kind === 'set' ? [e.path, e.value] : e.kind)),
      [['properties.allowSharedKeyAccess', false]],
    );
    const search = workspace({
      'a.bicep': bicep(
        'Microsoft.Search/searchServices',
        "  properties: {\n    authOptions: { aadOrApiKey: { aadAuthFailureMode: 'http401WithBearerChallenge' } }\n  }",
      ),
    }).resource('r');
    const searchFix = disableLocalAuthFix(search);
    assert.equal(searchFix.applicability, 'unsafe');
    assert.equal(searchFix.title, 'Set disableLocalAuth to true and remove authOptions');
    const result = apply(
      {
        'a.bicep': bicep(
          'Microsoft.Search/searchServices',
          '  properties: {\n    authOptions: { aadOrApiKey: {} }\n  }',
        ),
      },
      (ws) => disableLocalAuthFix(ws.resource('r')),
    );
    assert.equal(
      result?.files['a.bicep'],
      bicep('Microsoft.Search/searchServices', '  properties: {\n    disableLocalAuth: true\n  }'),
    );
  });

  it('azurerm titles name what the edit writes (4.x string form, authentication_failure_mode)', () => {
    const tf = (type: string, ...body: string[]) =>
      lines(`resource "${type}" "r" {`, '  name = "res-prod"', ...body, '}', '');
    const foundry = workspace({ 'main.tf': tf('azurerm_ai_foundry') }).resource('azurerm_ai_foundry.r');
    assert.equal(disablePublicNetworkAccessFix(foundry).title, 'Set public_network_access = "Disabled"');
    const result = apply({ 'main.tf': tf('azurerm_ai_foundry') }, (ws) =>
      disablePublicNetworkAccessFix(ws.resource('azurerm_ai_foundry.r')),
    );
    assert.equal(
      result?.files['main.tf'],
      lines(
        'resource "azurerm_ai_foundry" "r" {',
        '  name                  = "res-prod"',
        '  public_network_access = "Disabled"',
        '}',
        '',
      ),
    );
    const vault = workspace({ 'main.tf': tf('azurerm_key_vault') }).resource('azurerm_key_vault.r');
    assert.equal(disablePublicNetworkAccessFix(vault).title, 'Set public_network_access_enabled = false');
    const search = (mode: boolean) =>
      workspace({
        'main.tf': tf('azurerm_search_service', ...(mode ? ['  authentication_failure_mode = "http403"'] : [])),
      }).resource('azurerm_search_service.r');
    assert.equal(disableLocalAuthFix(search(false)).title, 'Set local_authentication_enabled = false');
    assert.equal(
      disableLocalAuthFix(search(true)).title,
      'Set local_authentication_enabled = false and remove authentication_failure_mode',
    );
  });

  it('private link group ids and DNS zones per type and kind', () => {
    const target = (type: string, extra = '') =>
      privateLinkTarget(workspace({ 'a.bicep': bicep(type, extra) }).resource('r'));
    assert.deepEqual(
      target('Microsoft.CognitiveServices/accounts', "  kind: 'OpenAI'")?.zones.map((z) => z.zone),
      ['privatelink.openai.azure.com', 'privatelink.cognitiveservices.azure.com'],
    );
    assert.equal(target('Microsoft.MachineLearningServices/workspaces')?.groupId, 'amlworkspace');
    assert.equal(target('Microsoft.Search/searchServices')?.groupId, 'searchService');
    assert.equal(target('Microsoft.Storage/storageAccounts')?.groupId, 'blob');
    assert.equal(target('Microsoft.KeyVault/vaults')?.groupId, 'vault');
    assert.equal(target('Microsoft.ContainerRegistry/registries')?.groupId, 'registry');
    assert.equal(target('Microsoft.DocumentDB/databaseAccounts')?.groupId, 'Sql');
    assert.equal(target('Microsoft.Unknown/things'), undefined);
  });

  it('offers reuse of each user-assigned identity of the file after the new one', () => {
    const ws = workspace({
      'a.bicep': lines(
        bicep('Microsoft.MachineLearningServices/workspaces'),
        "resource shared 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {",
        "  name: 'id-shared'",
        "  location: 'swedencentral'",
        '}',
        '',
      ),
    });
    const fixes = userAssignedIdentityFixes(ws.resource('r'), ws.analysis.documents.size > 0 ? undefined : undefined);
    assert.equal(fixes.length, 1, 'without a workspace view only the new identity is offered');
    const result = apply(
      {
        'a.bicep': lines(
          bicep('Microsoft.MachineLearningServices/workspaces', '  properties: {}'),
          "resource shared 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {",
          "  name: 'id-shared'",
          "  location: 'swedencentral'",
          '}',
          '',
        ),
      },
      (w) => {
        const identity = w.resource('shared');
        const view = { resources: () => [identity], resolve: () => undefined, referrers: () => [] };
        const all = userAssignedIdentityFixes(w.resource('r'), view);
        assert.deepEqual(
          all.map((f) => [f.title, f.applicability]),
          [
            ['Add a user-assigned identity and assign it', 'unsafe'],
            ["Assign user-assigned identity 'id-shared'", 'unsafe'],
          ],
        );
        return all[1];
      },
    );
    assert.match(result?.files['a.bicep'] ?? '', /primaryUserAssignedIdentity: shared\.id/);
    assert.match(result?.files['a.bicep'] ?? '', /'\$\{shared\.id\}': \{\}/);
  });

  it('writes a private endpoint with subnet and DNS zone parameters in Bicep', () => {
    const text = bicep('Microsoft.KeyVault/vaults');
    const result = apply({ 'a.bicep': text }, (ws) => privateEndpointFix(ws.resource('r')));
    assert.equal(
      result?.files['a.bicep'],
      lines(
        "@description('Resource id of the subnet that holds private endpoints.')",
        'param privateEndpointSubnetId string',
        '',
        "@description('Resource id of the private DNS zone privatelink.vaultcore.azure.net, linked to the virtual network of the endpoint.')",
        'param keyVaultPrivateDnsZoneId string',
        '',
        text.trimEnd(),
        '',
        "resource rPrivateEndpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {",
        "  name: 'res-prod-pe'",
        "  location: 'swedencentral'",
        '  properties: {',
        '    subnet: {',
        '      id: privateEndpointSubnetId',
        '    }',
        '    privateLinkServiceConnections: [',
        '      {',
        "        name: 'res-prod-pe'",
        '        properties: {',
        '          privateLinkServiceId: r.id',
        '          groupIds: [',
        "            'vault'",
        '          ]',
        '        }',
        '      }',
        '    ]',
        '  }',
        '}',
        '',
        "resource rPrivateDnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = {",
        '  parent: rPrivateEndpoint',
        "  name: 'default'",
        '  properties: {',
        '    privateDnsZoneConfigs: [',
        '      {',
        "        name: 'privatelink-vaultcore-azure-net'",
        '        properties: {',
        '          privateDnsZoneId: keyVaultPrivateDnsZoneId',
        '        }',
        '      }',
        '    ]',
        '  }',
        '}',
        '',
      ),
    );
  });
});
