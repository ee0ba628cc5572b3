// ARM JSON edits: exact output text, valid commas, the template's own indentation, expressions.
import assert from 'node:assert/strict';
import { parseTree, type ParseError } from 'jsonc-parser';
import { privateEndpointFix, userAssignedIdentityFixes } from '../../server/src/model';
import { initEngine } from './harness';
import { apply, lines, setFix } from './support';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

function template(resource: string[], parameters?: string[]): string {
  return lines(
    '{',
    `  "$schema": "${SCHEMA}",`,
    '  "contentVersion": "1.0.0.0",',
    ...(parameters ? ['  "parameters": {', ...parameters, '  },'] : []),
    '  "resources": [',
    ...resource,
    '  ]',
    '}',
    '',
  );
}

const header = [
  '    {',
  '      "type": "Microsoft.CognitiveServices/accounts",',
  '      "apiVersion": "2024-10-01",',
  '      "name": "oai-prod",',
  '      "location": "swedencentral",',
  '      "kind": "OpenAI",',
];

function validJson(text: string): void {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false });
  assert.deepEqual(errors, [], text);
}

describe('ARM edits', () => {
  before(async () => {
    await initEngine();
  });

  it('replaces a literal and adds members with commas, creating missing parents', () => {
    const text = template([
      ...header,
      '      "properties": {',
      '        "disableLocalAuth": false // keys on',
      '      }',
      '    }',
    ]);
    const result = apply({ 'main.json': text }, (ws) =>
      setFix(ws.resource('Microsoft.CognitiveServices/accounts/oai-prod'), {
        'properties.disableLocalAuth': true,
        'properties.networkAcls.defaultAction': 'Deny',
      }),
    );
    const expected = template([
      ...header,
      '      "properties": {',
      '        "disableLocalAuth": true, // keys on',
      '        "networkAcls": {',
      '          "defaultAction": "Deny"',
      '        }',
      '      }',
      '    }',
    ]);
    assert.equal(result?.files['main.json'], expected);
    validJson(expected.replace(' // keys on', ''));
  });

  it('removes the last member together with the comma before it', () => {
    const text = template([
      ...header,
      '      "properties": {',
      '        "disableLocalAuth": true,',
      '        "restrictOutboundNetworkAccess": false',
      '      }',
      '    }',
    ]);
    const result = apply({ 'main.json': text }, (ws) => ({
      title: 'Remove',
      applicability: 'unsafe',
      edits: [
        {
          kind: 'remove',
          resource: ws.resource('Microsoft.CognitiveServices/accounts/oai-prod'),
          path: 'properties.restrictOutboundNetworkAccess',
        },
      ],
    }));
    const expected = template([
      ...header,
      '      "properties": {',
      '        "disableLocalAuth": true',
      '      }',
      '    }',
    ]);
    assert.equal(result?.files['main.json'], expected);
  });

  it('detects four-space indentation and writes into an empty object', () => {
    const text = lines(
      '{',
      `    "$schema": "${SCHEMA}",`,
      '    "contentVersion": "1.0.0.0",',
      '    "resources": [',
      '        {',
      '            "type": "Microsoft.CognitiveServices/accounts",',
      '            "apiVersion": "2024-10-01",',
      '            "name": "oai-prod",',
      '            "properties": {}',
      '        }',
      '    ]',
      '}',
      '',
    );
    const result = apply({ 'main.json': text }, (ws) =>
      setFix(ws.resource('Microsoft.CognitiveServices/accounts/oai-prod'), {
        'properties.publicNetworkAccess': 'Disabled',
      }),
    );
    assert.equal(
      result?.files['main.json'],
      text.replace(
        '"properties": {}',
        '"properties": {\n                "publicNetworkAccess": "Disabled"\n            }',
      ),
    );
  });

  it("sets the default of a parameter used once, and replaces a parameter's use otherwise", () => {
    const once = template(
      [
        ...header,
        '      "properties": {',
        '        "disableLocalAuth": "[parameters(\'disableKeys\')]"',
        '      }',
        '    }',
      ],
      ['    "disableKeys": {', '      "type": "bool",', '      "defaultValue": false', '    }'],
    );
    const result = apply({ 'main.json': once }, (ws) =>
      setFix(
        ws.resource('Microsoft.CognitiveServices/accounts/oai-prod'),
        { 'properties.disableLocalAuth': true },
        'Set it',
      ),
    );
    assert.equal(result?.files['main.json'], once.replace('"defaultValue": false', '"defaultValue": true'));
    assert.equal(result?.title, "Set it (in the default of parameter 'disableKeys')");

    const allowed = once.replace('"type": "bool",', '"type": "bool",\n      "allowedValues": [false],');
    const replaced = apply({ 'main.json': allowed }, (ws) =>
      setFix(
        ws.resource('Microsoft.CognitiveServices/accounts/oai-prod'),
        { 'properties.disableLocalAuth': true },
        'Set it',
      ),
    );
    assert.equal(
      replaced?.files['main.json'],
      allowed.replace('"disableLocalAuth": "[parameters(\'disableKeys\')]"', '"disableLocalAuth": true'),
    );
    assert.equal(replaced?.title, "Set it (replaces the use of parameter 'disableKeys', which has 1 uses)");
  });

  it('adds a user-assigned identity with resourceId() and dependsOn', () => {
    const text = template([...header, '      "properties": {}', '    }']);
    const result = apply(
      { 'main.json': text },
      (ws) => userAssignedIdentityFixes(ws.resource('Microsoft.CognitiveServices/accounts/oai-prod'))[0],
    );
    const id = "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'oai-prod-identity')]";
    const expected = template([
      ...header,
      '      "properties": {},',
      '      "identity": {',
      '        "type": "UserAssigned",',
      '        "userAssignedIdentities": {',
      `          "${id}": {}`,
      '        }',
      '      },',
      '      "dependsOn": [',
      `        "${id}"`,
      '      ]',
      '    },',
      '    {',
      '      "type": "Microsoft.ManagedIdentity/userAssignedIdentities",',
      '      "apiVersion": "2023-01-31",',
      '      "name": "oai-prod-identity",',
      '      "location": "swedencentral"',
      '    }',
    ]);
    assert.equal(result?.files['main.json'], expected);
    validJson(expected);
  });

  it('adds a private endpoint, its DNS zone group and parameters; symbolic templates depend on names', () => {
    const text = lines(
      '{',
      `  "$schema": "${SCHEMA}",`,
      '  "languageVersion": "2.0",',
      '  "contentVersion": "1.0.0.0",',
      '  "resources": {',
      '    "search": {',
      '      "type": "Microsoft.Search/searchServices",',
      '      "apiVersion": "2024-06-01-preview",',
      '      "name": "srch-prod",',
      '      "location": "swedencentral"',
      '    }',
      '  }',
      '}',
      '',
    );
    const result = apply({ 'main.json': text }, (ws) => privateEndpointFix(ws.resource('search')));
    const output = result?.files['main.json'] ?? '';
    validJson(output);
    const parsed = JSON.parse(output) as {
      parameters: Record<string, { type: string }>;
      resources: Record<string, { type: string; name: string; dependsOn?: string[]; properties: unknown }>;
    };
    assert.deepEqual(Object.keys(parsed.parameters), ['privateEndpointSubnetId', 'searchPrivateDnsZoneId']);
    assert.deepEqual(Object.keys(parsed.resources), ['search', 'searchPrivateEndpoint', 'searchPrivateDnsZoneGroup']);
    const endpoint = parsed.resources.searchPrivateEndpoint;
    assert.equal(endpoint.name, 'srch-prod-pe');
    assert.deepEqual(endpoint.dependsOn, ['search']);
    assert.deepEqual(endpoint.properties, {
      subnet: { id: "[parameters('privateEndpointSubnetId')]" },
      privateLinkServiceConnections: [
        {
          name: 'srch-prod-pe',
          properties: {
            privateLinkServiceId: "[resourceId('Microsoft.Search/searchServices', 'srch-prod')]",
            groupIds: ['searchService'],
          },
        },
      ],
    });
    const group = parsed.resources.searchPrivateDnsZoneGroup;
    assert.equal(group.name, 'srch-prod-pe/default');
    assert.deepEqual(group.dependsOn, ['searchPrivateEndpoint']);
    assert.match(JSON.stringify(group.properties), /privatelink-search-windows-net.*searchPrivateDnsZoneId/);
  });

  it('offers no edit for a value behind if()', () => {
    const text = template(
      [
        ...header,
        '      "properties": {',
        "        \"publicNetworkAccess\": \"[if(parameters('prod'), 'Disabled', 'Enabled')]\"",
        '      }',
        '    }',
      ],
      ['    "prod": { "type": "bool", "defaultValue": false }'],
    );
    assert.equal(
      apply({ 'main.json': text }, (ws) =>
        setFix(ws.resource('Microsoft.CognitiveServices/accounts/oai-prod'), {
          'properties.publicNetworkAccess': 'Disabled',
        }),
      ),
      undefined,
    );
  });
});
