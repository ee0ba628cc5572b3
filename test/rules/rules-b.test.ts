// Helpers behind the AIS-ST/KV/ACR/AKS/COSMOS/RBAC/SEC rules, on hand-built values and resources: secret
// detection, secret-looking names, the diagnostic log selection, and the Bicep front end's outputs/parameters.
import assert from 'node:assert/strict';
import { findDiagnosticSetting, secretSources } from '../../server/src/model';
import { analyzeBicep } from '../../server/src/parse/bicep';
import { ruleById } from '../../rules';
import { looksSecret } from '../../rules/sec/secret-names';
import { fromJson, MemoryWorkspace, resource, runRule, unknown } from './support';

const VAULT = 'Microsoft.KeyVault/vaults';
const DIAG = 'Microsoft.Insights/diagnosticSettings';

describe('rules-b: secret-looking names', () => {
  it('recognises secrets by their last words', () => {
    for (const name of [
      'adminPassword',
      'vmAdminPasswordOrKey',
      'storageAccountKey',
      'apiKey',
      'openAiKey',
      'sqlConnectionString',
      'sasToken',
      'clientSecret',
      'admin_password',
      'search-api-key',
    ]) {
      assert.equal(looksSecret(name), true, name);
    }
  });

  it('leaves names, settings, model parameters and collections alone', () => {
    for (const name of [
      'keyVaultName',
      'secretName',
      'passwordLength',
      'enablePasswordAuth',
      'sshPublicKey',
      'customerManagedKeyUri',
      'azureOpenAIMaxTokens',
      'resourceToken',
      'secrets',
      'tokens',
      'federatedIdentityCredential',
      'encryptionKeyName',
      'location',
    ]) {
      assert.equal(looksSecret(name), false, name);
    }
  });
});

describe('rules-b: secretSources', () => {
  it('finds key functions and attributes by reference, with the path where they are used', () => {
    const value = fromJson({
      appSettings: [
        {
          name: 'ENDPOINT',
          value: unknown('endpoint', { reference: { key: 'oai', attribute: 'properties.endpoint' } }),
        },
        { name: 'KEY', value: unknown('key', { reference: { key: 'oai', attribute: 'listKeys' } }) },
      ],
    });
    const found = secretSources(value);
    assert.deepEqual(
      found.map((s) => [s.path, s.what, s.reference?.key]),
      [['appSettings.1.value', 'listKeys()', 'oai']],
    );
  });

  it('finds azurerm key attributes and ignores endpoints', () => {
    const key = fromJson(
      unknown('k', { reference: { key: 'azurerm_storage_account.st', attribute: 'primary_access_key' } }),
    );
    const endpoint = fromJson(
      unknown('e', { reference: { key: 'azurerm_storage_account.st', attribute: 'primary_blob_endpoint' } }),
    );
    assert.equal(secretSources(key)[0]?.what, 'primary_access_key');
    assert.deepEqual(secretSources(endpoint), []);
  });

  it('falls back to the source text when no reference names the key, without naming an owner', () => {
    const value = fromJson(unknown('x', { reference: { key: 'st', attribute: 'name' } }));
    const interpolation = { ...value, text: "'AccountName=${st.name};AccountKey=${st.listKeys().keys[0].value}'" };
    const found = secretSources(interpolation);
    assert.equal(found.length, 1);
    assert.equal(found[0].what, 'listKeys()');
    assert.equal(found[0].reference, undefined);
  });

  it('reports values that come from a secure parameter only when asked to', () => {
    const value = {
      ...fromJson(unknown("depends on parameter 'adminPassword', which has no default")),
      origins: [{ uri: 'file:///a.bicep', span: { start: 0, end: 1 }, description: "parameter 'adminPassword'" }],
    };
    assert.deepEqual(secretSources(value), []);
    assert.equal(secretSources(value, new Set(['adminpassword']))[0]?.what, "secure parameter 'adminPassword'");
  });
});

describe('rules-b: diagnostic log selection', () => {
  const vault = resource({ type: VAULT, key: 'kv', body: { name: 'kv-prod', properties: {} } });
  const setting = (logs: unknown[]) =>
    resource({
      type: DIAG,
      key: 'diag',
      scope: unknown('kv', { reference: { key: 'kv', attribute: '' } }),
      body: { name: 'diag-kv', properties: { workspaceId: '/subscriptions/x/workspaces/la', logs } },
    });
  const auditOnly = { categoryGroups: ['allLogs', 'audit'], categories: ['AuditEvent'] };

  it('accepts AuditEvent or the audit group, and rejects other categories for key vaults', () => {
    const withAudit = new MemoryWorkspace([vault, setting([{ category: 'AuditEvent', enabled: true }])]);
    assert.equal(findDiagnosticSetting(withAudit, vault, auditOnly).match, 'yes');
    const other = new MemoryWorkspace([vault, setting([{ category: 'AzurePolicyEvaluationDetails', enabled: true }])]);
    const search = findDiagnosticSetting(other, vault, auditOnly);
    assert.equal(search.match, 'no');
    assert.equal(search.deficiency, 'sends no logs');
    // The default selection (any named category) still accepts it: AIS-COG-DIAG's behaviour is unchanged.
    assert.equal(findDiagnosticSetting(other, vault).match, 'yes');
  });
});

describe('rules-b: rules on hand-built resources', () => {
  it('AIS-KV-RBAC follows the API version drift of the default', () => {
    const rule = ruleById('AIS-KV-RBAC')!;
    const old = resource({ type: VAULT, key: 'a', body: { name: 'a', properties: {} } });
    const current = Object.assign(Object.create(Object.getPrototypeOf(old)), old, { apiVersion: '2026-02-01' });
    const legacy = Object.assign(Object.create(Object.getPrototypeOf(old)), old, { apiVersion: '2023-07-01' });
    assert.equal(runRule(rule, [current]).length, 0);
    assert.equal(runRule(rule, [legacy]).length, 1);
  });

  it('AIS-ST-CMK accepts the separate azurerm customer-managed key resource', () => {
    const rule = ruleById('AIS-ST-CMK')!;
    const account = resource({
      type: 'Microsoft.Storage/storageAccounts',
      key: 'azurerm_storage_account.st',
      sourceType: 'azurerm_storage_account',
      body: { name: 'st', properties: {} },
    });
    const cmk = resource({
      type: 'Microsoft.Storage/storageAccounts/customerManagedKey',
      key: 'azurerm_storage_account_customer_managed_key.st',
      sourceType: 'azurerm_storage_account_customer_managed_key',
      body: { storageAccountId: unknown('id', { reference: { key: 'azurerm_storage_account.st', attribute: 'id' } }) },
    });
    assert.equal(runRule(rule, [account]).length, 1);
    assert.equal(runRule(rule, [account, cmk]).length, 0);
  });
});

describe('rules-b: Bicep outputs and parameters', () => {
  it('fills document.outputs and document.parameters with secure flags, types and defaults', () => {
    const text = [
      '@secure()',
      'param adminPassword string',
      "param sku string = 'S0'",
      '@sys.secure()',
      'param config object = {}',
      'output id string = sku',
      '@secure()',
      "output secret string = 'x'",
    ].join('\n');
    const document = analyzeBicep({ uri: 'file:///t.bicep', text }, []).documents[0];
    assert.deepEqual(
      document.parameters?.map((p) => [p.name, p.type, p.secure, p.defaultValue?.kind]),
      [
        ['adminPassword', 'string', true, undefined],
        ['sku', 'string', false, 'literal'],
        ['config', 'object', true, 'object'],
      ],
    );
    assert.deepEqual(
      document.outputs?.map((o) => [o.name, o.secure, o.value.kind === 'literal' ? o.value.value : o.value.kind]),
      [
        ['id', false, 'S0'],
        ['secret', true, 'x'],
      ],
    );
    assert.equal(
      text.slice(document.parameters![0].nameSpan.start, document.parameters![0].nameSpan.end),
      'adminPassword',
    );
  });
});
