// Bicep edits: exact output text for each kind of model edit, in the file's own style.
import assert from 'node:assert/strict';
import { userAssignedIdentityFixes } from '../../server/src/model';
import { initEngine } from './harness';
import { apply, lines, setFix } from './support';

const account = (properties: string, extra = '') =>
  lines(
    "resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
    "  name: 'oai-prod'",
    "  location: 'swedencentral'",
    "  kind: 'OpenAI'",
    "  sku: { name: 'S0' }",
    properties,
    extra + '}',
    '',
  );

describe('Bicep edits', () => {
  before(async () => {
    await initEngine();
  });

  it('replaces a literal in place and keeps its trailing comment', () => {
    const text = account(lines('  properties: {', '    disableLocalAuth: false // keys on', '  }'));
    const result = apply({ 'main.bicep': text }, (ws) =>
      setFix(ws.resource('acct'), { 'properties.disableLocalAuth': true }),
    );
    assert.equal(
      result?.files['main.bicep'],
      account(lines('  properties: {', '    disableLocalAuth: true // keys on', '  }')),
    );
  });

  it('adds missing members one per line after the last one, creating parent objects once', () => {
    const text = account(lines('  properties: {', "    customSubDomainName: 'oai-prod'", '  }'));
    const result = apply({ 'main.bicep': text }, (ws) =>
      setFix(ws.resource('acct'), {
        'properties.networkAcls.defaultAction': 'Deny',
        'properties.networkAcls.bypass': 'AzureServices',
        'properties.disableLocalAuth': true,
      }),
    );
    assert.equal(
      result?.files['main.bicep'],
      account(
        lines(
          '  properties: {',
          "    customSubDomainName: 'oai-prod'",
          '    networkAcls: {',
          "      defaultAction: 'Deny'",
          "      bypass: 'AzureServices'",
          '    }',
          '    disableLocalAuth: true',
          '  }',
        ),
      ),
    );
  });

  it('fills an empty object, and writes `, member` into a single-line one', () => {
    const text = account('  properties: {}');
    const result = apply({ 'main.bicep': text }, (ws) =>
      setFix(ws.resource('acct'), { 'properties.publicNetworkAccess': 'Disabled', 'sku.tier': 'Standard' }),
    );
    assert.equal(
      result?.files['main.bicep'],
      account(lines('  properties: {', "    publicNetworkAccess: 'Disabled'", '  }')).replace(
        "sku: { name: 'S0' }",
        "sku: { name: 'S0', tier: 'Standard' }",
      ),
    );
  });

  it('creates a top-level member in a body that has none of its parents', () => {
    const text = lines(
      "resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
      "  name: 'oai-prod'",
      "  kind: 'OpenAI'",
      '}',
      '',
    );
    const result = apply({ 'main.bicep': text }, (ws) =>
      setFix(ws.resource('acct'), { 'identity.type': 'SystemAssigned' }),
    );
    assert.equal(
      result?.files['main.bicep'],
      lines(
        "resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
        "  name: 'oai-prod'",
        "  kind: 'OpenAI'",
        '  identity: {',
        "    type: 'SystemAssigned'",
        '  }',
        '}',
        '',
      ),
    );
  });

  it('keeps tabs and CRLF line endings', () => {
    const text = [
      "resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
      "\tname: 'oai-prod'",
      "\tkind: 'OpenAI'",
      '\tproperties: {',
      "\t\tcustomSubDomainName: 'oai-prod'",
      '\t}',
      '}',
      '',
    ].join('\r\n');
    const result = apply({ 'main.bicep': text }, (ws) =>
      setFix(ws.resource('acct'), { 'properties.networkAcls.defaultAction': 'Deny' }),
    );
    assert.equal(
      result?.files['main.bicep'],
      [
        "resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
        "\tname: 'oai-prod'",
        "\tkind: 'OpenAI'",
        '\tproperties: {',
        "\t\tcustomSubDomainName: 'oai-prod'",
        '\t\tnetworkAcls: {',
        "\t\t\tdefaultAction: 'Deny'",
        '\t\t}',
        '\t}',
        '}',
        '',
      ].join('\r\n'),
    );
  });

  it('removes a member with its line, and appends to multi-line and single-line arrays', () => {
    const text = account(
      lines(
        '  properties: {',
        '    restrictOutboundNetworkAccess: false',
        '    allowedFqdnList: [',
        "      'a.example.com'",
        '    ]',
        "    ipRules: [{ value: '1.2.3.4' }]",
        '  }',
      ),
    );
    const result = apply({ 'main.bicep': text }, (ws) => ({
      title: 'Edit',
      applicability: 'unsafe',
      edits: [
        { kind: 'remove', resource: ws.resource('acct'), path: 'properties.restrictOutboundNetworkAccess' },
        { kind: 'append', resource: ws.resource('acct'), path: 'properties.allowedFqdnList', value: 'b.example.com' },
        { kind: 'append', resource: ws.resource('acct'), path: 'properties.ipRules', value: { value: '5.6.7.8' } },
      ],
    }));
    assert.equal(
      result?.files['main.bicep'],
      account(
        lines(
          '  properties: {',
          '    allowedFqdnList: [',
          "      'a.example.com'",
          "      'b.example.com'",
          '    ]',
          "    ipRules: [{ value: '1.2.3.4' }, { value: '5.6.7.8' }]",
          '  }',
        ),
      ),
    );
  });

  it('sets the default of a parameter used once, and says so in the title', () => {
    const text = lines(
      'param disableKeys bool = false',
      '',
      account(lines('  properties: {', '    disableLocalAuth: disableKeys', '  }')),
    );
    const result = apply({ 'main.bicep': text }, (ws) =>
      setFix(ws.resource('acct'), { 'properties.disableLocalAuth': true }, 'Set disableLocalAuth to true'),
    );
    assert.equal(result?.files['main.bicep'], text.replace('bool = false', 'bool = true'));
    assert.equal(result?.title, "Set disableLocalAuth to true (in the default of parameter 'disableKeys')");
  });

  it('replaces the use of a parameter used twice, or supplied by a .bicepparam file', () => {
    const twice = lines(
      'param disableKeys bool = false',
      'output keys bool = disableKeys',
      account(lines('  properties: {', '    disableLocalAuth: disableKeys', '  }')),
    );
    const result = apply({ 'main.bicep': twice }, (ws) =>
      setFix(ws.resource('acct'), { 'properties.disableLocalAuth': true }, 'Set disableLocalAuth to true'),
    );
    assert.equal(result?.files['main.bicep'], twice.replace('disableLocalAuth: disableKeys', 'disableLocalAuth: true'));
    assert.equal(
      result?.title,
      "Set disableLocalAuth to true (replaces the use of parameter 'disableKeys', which has 2 uses)",
    );

    const once = lines(
      'param disableKeys bool = true',
      account(lines('  properties: {', '    disableLocalAuth: disableKeys', '  }')),
    );
    const supplied = apply(
      { 'main.bicep': once, 'main.bicepparam': lines("using './main.bicep'", 'param disableKeys = false', '') },
      (ws) => setFix(ws.resource('acct'), { 'properties.disableLocalAuth': true }, 'Set disableLocalAuth to true'),
    );
    assert.deepEqual(Object.keys(supplied?.files ?? {}), ['main.bicep'], 'the .bicepparam file is not edited');
    assert.equal(
      supplied?.files['main.bicep'],
      once.replace('disableLocalAuth: disableKeys', 'disableLocalAuth: true'),
    );
    assert.match(supplied?.title ?? '', /which main\.bicepparam sets\)$/);
  });

  it('offers no edit where a spread or a condition decides the value', () => {
    const spread = lines(
      'param base object',
      "resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
      "  name: 'oai-prod'",
      '  properties: {',
      '    ...base',
      '  }',
      '}',
      '',
    );
    assert.equal(
      apply({ 'main.bicep': spread }, (ws) => setFix(ws.resource('acct'), { 'properties.disableLocalAuth': true })),
      undefined,
    );
    const ternary = lines(
      'param prod bool',
      account(lines('  properties: {', "    publicNetworkAccess: prod ? 'Disabled' : 'Enabled'", '  }')),
    );
    assert.equal(
      apply({ 'main.bicep': ternary }, (ws) =>
        setFix(ws.resource('acct'), { 'properties.publicNetworkAccess': 'Disabled' }),
      ),
      undefined,
    );
  });

  it('edits the body of a resource declared in a loop', () => {
    const text = lines(
      "resource accts 'Microsoft.CognitiveServices/accounts@2024-10-01' = [for name in ['a', 'b']: {",
      '  name: name',
      '  properties: {',
      '    disableLocalAuth: false',
      '  }',
      '}]',
      '',
    );
    const result = apply({ 'main.bicep': text }, (ws) =>
      setFix(ws.resource('accts'), { 'properties.disableLocalAuth': true }),
    );
    assert.equal(result?.files['main.bicep'], text.replace('false', 'true'));
  });

  it('adds a user-assigned identity after the resource and assigns it by reference', () => {
    const text = lines(
      'param location string = resourceGroup().location',
      '',
      "resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
      "  name: 'oai-prod'",
      '  location: location',
      '}',
      '',
      'output id string = acct.id',
      '',
    );
    const result = apply({ 'main.bicep': text }, (ws) => userAssignedIdentityFixes(ws.resource('acct'))[0]);
    assert.equal(
      result?.files['main.bicep'],
      lines(
        'param location string = resourceGroup().location',
        '',
        "resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
        "  name: 'oai-prod'",
        '  location: location',
        '  identity: {',
        "    type: 'UserAssigned'",
        '    userAssignedIdentities: {',
        "      '${acctIdentity.id}': {}",
        '    }',
        '  }',
        '}',
        '',
        "resource acctIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {",
        "  name: 'oai-prod-identity'",
        '  location: location',
        '}',
        '',
        'output id string = acct.id',
        '',
      ),
    );
  });

  it('keeps comments and nested child resources of an object it adds to', () => {
    const text = lines(
      "resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
      "  name: 'oai-prod'",
      '  properties: {',
      '    // nothing yet',
      '  }',
      '',
      "  resource dep 'deployments' = {",
      "    name: 'gpt'",
      '  }',
      '}',
      '',
    );
    const result = apply({ 'main.bicep': text }, (ws) =>
      setFix(ws.resource('acct'), { 'properties.disableLocalAuth': true, 'identity.type': 'SystemAssigned' }),
    );
    assert.equal(
      result?.files['main.bicep'],
      lines(
        "resource acct 'Microsoft.CognitiveServices/accounts@2024-10-01' = {",
        "  name: 'oai-prod'",
        '  properties: {',
        '    // nothing yet',
        '    disableLocalAuth: true',
        '  }',
        '  identity: {',
        "    type: 'SystemAssigned'",
        '  }',
        '',
        "  resource dep 'deployments' = {",
        "    name: 'gpt'",
        '  }',
        '}',
        '',
      ),
    );
  });
});
