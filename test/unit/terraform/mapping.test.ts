// The azurerm → ARM mapping table: coverage of the matrix's types, transforms in both directions, 3.x/4.x
// names, provider defaults, blocks, extension scopes and resources that patch others.
import { strict as assert } from 'node:assert';
import { allMappings, azurermMapping, azurermTypesFor, reverseLookup } from '../../../server/src/model/azurerm';
import type { TerraformResourceSyntax } from '../../../server/src/parse/terraform';
import { analyze, json, one, resource, textAt } from './helpers';

/** Every azurerm resource type the rules matrix (and the brief) names. */
const MATRIX_TYPES = [
  'azurerm_cognitive_account',
  'azurerm_cognitive_deployment',
  'azurerm_cognitive_account_rai_policy',
  'azurerm_cognitive_account_customer_managed_key',
  'azurerm_ai_services',
  'azurerm_ai_foundry',
  'azurerm_ai_foundry_project',
  'azurerm_machine_learning_workspace',
  'azurerm_machine_learning_compute_cluster',
  'azurerm_machine_learning_compute_instance',
  'azurerm_search_service',
  'azurerm_storage_account',
  'azurerm_storage_container',
  'azurerm_storage_account_network_rules',
  'azurerm_storage_account_customer_managed_key',
  'azurerm_key_vault',
  'azurerm_key_vault_access_policy',
  'azurerm_key_vault_secret',
  'azurerm_key_vault_key',
  'azurerm_container_registry',
  'azurerm_kubernetes_cluster',
  'azurerm_kubernetes_cluster_node_pool',
  'azurerm_cosmosdb_account',
  'azurerm_private_endpoint',
  'azurerm_monitor_diagnostic_setting',
  'azurerm_role_assignment',
  'azurerm_role_definition',
  'azurerm_user_assigned_identity',
  'azurerm_linux_web_app',
  'azurerm_windows_web_app',
  'azurerm_linux_function_app',
  'azurerm_windows_function_app',
  'azurerm_container_app',
  'azurerm_container_app_environment',
];

function account(body: string, type = 'azurerm_cognitive_account', name = 'a') {
  return one(`resource "${type}" "${name}" {\n${body}\n}\n`, `${type}.${name}`);
}

describe('azurerm mapping table', () => {
  it('has an entry for every azurerm type the matrix names, each type once', () => {
    for (const type of MATRIX_TYPES) assert.ok(azurermMapping(type), `${type} is mapped`);
    const types = allMappings.map((m) => m.sourceType);
    assert.equal(new Set(types).size, types.length, 'no duplicate entries');
    assert.deepEqual(
      azurermTypesFor('microsoft.cognitiveservices/accounts').map((m) => m.sourceType),
      ['azurerm_cognitive_account', 'azurerm_ai_services'],
    );
  });

  it('inverts local_auth_enabled into disableLocalAuth, and maps public network access per service casing', () => {
    const text = 'local_auth_enabled = true\npublic_network_access_enabled = false';
    const r = account(text);
    assert.equal(json(r.get('properties.disableLocalAuth')), false);
    assert.equal(json(r.get('properties.publicNetworkAccess')), 'Disabled');
    const search = account(
      'public_network_access_enabled = false\nlocal_authentication_enabled = false',
      'azurerm_search_service',
    );
    assert.equal(json(search.get('properties.publicNetworkAccess')), 'disabled');
    assert.equal(json(search.get('properties.disableLocalAuth')), true);
  });

  it('keeps the attribute value span on the mapped value and carries candidates through transforms', () => {
    const text =
      'variable "on" {\n  type = bool\n}\nresource "azurerm_cognitive_account" "a" {\n  local_auth_enabled = var.on ? true : false\n}\n';
    const r = one(text, 'azurerm_cognitive_account.a');
    const value = r.get('properties.disableLocalAuth')!;
    assert.equal(textAt(text, value), 'var.on ? true : false');
    assert.deepEqual(value.kind === 'unknown' ? value.candidates?.map(json) : [], [false, true]);
  });

  it('maps blocks to objects: network_acls, identity, customer_managed_key', () => {
    const r = account(`network_acls {
  default_action = "Deny"
  ip_rules       = ["203.0.113.0/24"]
  virtual_network_rules {
    subnet_id = "/subnets/a"
  }
}
identity {
  type         = "SystemAssigned, UserAssigned"
  identity_ids = [azurerm_user_assigned_identity.u.id]
}
customer_managed_key {
  key_vault_key_id   = "https://kv.vault.azure.net/keys/k/v1"
  identity_client_id = "c"
}`);
    assert.deepEqual(json(r.get('properties.networkAcls')), {
      defaultAction: 'Deny',
      ipRules: [{ value: '203.0.113.0/24' }],
      virtualNetworkRules: [{ id: '/subnets/a' }],
    });
    assert.equal(json(r.get('identity.type')), 'SystemAssigned, UserAssigned');
    const identities = r.get('identity.userAssignedIdentities');
    assert.deepEqual(identities?.kind === 'object' ? identities.properties.map((p) => p.name) : [], [
      'azurerm_user_assigned_identity.u.id',
    ]);
    assert.deepEqual(json(r.get('properties.encryption')), {
      keySource: 'Microsoft.KeyVault',
      keyVaultProperties: {
        keyVaultUri: 'https://kv.vault.azure.net/',
        keyName: 'k',
        keyVersion: 'v1',
        identityClientId: 'c',
      },
    });
  });

  it('accepts azurerm 3.x and 4.x attribute names', () => {
    const v3 = account('enable_rbac_authorization = true', 'azurerm_key_vault');
    const v4 = account('rbac_authorization_enabled = true', 'azurerm_key_vault');
    assert.equal(json(v3.get('properties.enableRbacAuthorization')), true);
    assert.equal(json(v4.get('properties.enableRbacAuthorization')), true);
    const https3 = account('enable_https_traffic_only = false', 'azurerm_storage_account');
    assert.equal(json(https3.get('properties.supportsHttpsTrafficOnly')), false);
    const aks3 = account(
      'default_node_pool {\n  enable_node_public_ip = true\n}\napi_server_authorized_ip_ranges = ["1.2.3.4/32"]',
      'azurerm_kubernetes_cluster',
    );
    assert.equal(json(aks3.get('properties.agentPoolProfiles.0.enableNodePublicIP')), true);
    assert.deepEqual(json(aks3.get('properties.apiServerAccessProfile.authorizedIPRanges')), ['1.2.3.4/32']);
    const aks4 = account(
      'default_node_pool {\n  node_public_ip_enabled = false\n}\napi_server_access_profile {\n  authorized_ip_ranges = ["1.2.3.4/32"]\n}',
      'azurerm_kubernetes_cluster',
    );
    assert.equal(json(aks4.get('properties.agentPoolProfiles.0.enableNodePublicIP')), false);
    assert.deepEqual(json(aks4.get('properties.apiServerAccessProfile.authorizedIPRanges')), ['1.2.3.4/32']);
  });

  it('writes provider defaults that differ from ARM defaults, on the header, marked in the syntax handle', () => {
    const text =
      'resource "azurerm_storage_account" "s" {\n  name = "st"\n  account_tier = "Standard"\n  account_replication_type = "LRS"\n}\n';
    const r = one(text, 'azurerm_storage_account.s');
    assert.equal(json(r.get('properties.minimumTlsVersion')), 'TLS1_2');
    assert.equal(json(r.get('properties.allowBlobPublicAccess')), true);
    assert.match(
      r.get('properties.minimumTlsVersion')?.origins?.[0].description ?? '',
      /azurerm default of min_tls_version/,
    );
    assert.equal(json(r.get('sku.name')), 'Standard_LRS');
    // Same-as-ARM defaults are not written: absent stays absent.
    assert.equal(r.get('properties.allowSharedKeyAccess'), undefined);
    assert.deepEqual([...(r.syntax as TerraformResourceSyntax).defaultedPaths].sort(), [
      'properties.allowBlobPublicAccess',
      'properties.minimumTlsVersion',
    ]);
    const cluster = account('', 'azurerm_machine_learning_compute_cluster');
    assert.equal(json(cluster.get('properties.properties.remoteLoginPortPublicAccess')), 'Disabled');
    assert.equal(json(cluster.get('properties.computeType')), 'AmlCompute');
  });

  it('maps private endpoint connections, automatic and manual', () => {
    const result = analyze({
      'main.tf': `resource "azurerm_private_endpoint" "pe" {
  subnet_id = "/subnets/pe"
  private_service_connection {
    name                           = "auto"
    private_connection_resource_id = azurerm_cognitive_account.a.id
    subresource_names              = ["account"]
    is_manual_connection           = false
  }
  private_service_connection {
    name                           = "manual"
    private_connection_resource_id = azurerm_search_service.s.id
    subresource_names              = ["searchService"]
    is_manual_connection           = true
  }
}
`,
    });
    const pe = resource(result, 'azurerm_private_endpoint.pe');
    const id = pe.get('properties.privateLinkServiceConnections.0.properties.privateLinkServiceId');
    assert.deepEqual(id?.kind === 'unknown' ? id.reference : undefined, {
      key: 'azurerm_cognitive_account.a',
      attribute: 'id',
    });
    assert.deepEqual(json(pe.get('properties.privateLinkServiceConnections.0.properties.groupIds')), ['account']);
    assert.deepEqual(json(pe.get('properties.manualPrivateLinkServiceConnections.0.properties.groupIds')), [
      'searchService',
    ]);
    assert.equal(json(pe.get('properties.subnet.id')), '/subnets/pe');
  });

  it('maps diagnostic settings: target_resource_id → scope, enabled_log and 3.x log blocks → properties.logs', () => {
    const r = account(
      `target_resource_id = azurerm_cognitive_account.a.id
log_analytics_workspace_id = "/workspaces/w"
enabled_log {
  category_group = "allLogs"
}
log {
  category = "Audit"
  enabled  = false
}`,
      'azurerm_monitor_diagnostic_setting',
    );
    assert.deepEqual(r.scope?.kind === 'unknown' ? r.scope.reference : undefined, {
      key: 'azurerm_cognitive_account.a',
      attribute: 'id',
    });
    assert.deepEqual(json(r.get('properties.logs')), [
      { enabled: true, categoryGroup: 'allLogs' },
      { category: 'Audit', enabled: false },
    ]);
    assert.equal(json(r.get('properties.workspaceId')), '/workspaces/w');
  });

  it('maps role assignments: scope, role id, and the id of a known built-in role name', () => {
    const r = account(
      'scope = azurerm_cognitive_account.a.id\nrole_definition_name = "Contributor"\nprincipal_id = "p"',
      'azurerm_role_assignment',
    );
    assert.equal(r.scope?.kind, 'unknown');
    assert.equal(json(r.get('properties.roleDefinitionName')), 'Contributor');
    assert.match(String(json(r.get('properties.roleDefinitionId'))), /b24988ac-6180-42a0-ab88-20f7382dd24c$/);
    const custom = account('role_definition_name = "My Role"', 'azurerm_role_assignment');
    assert.equal(custom.get('properties.roleDefinitionId')?.kind, 'unknown');
  });

  it('merges configuring resources into their target (separate CMK, storage network rules)', () => {
    const text = `resource "azurerm_storage_account" "s" {
  name = "st"
}
resource "azurerm_storage_account_network_rules" "r" {
  storage_account_id = azurerm_storage_account.s.id
  default_action     = "Deny"
  bypass             = ["AzureServices", "Logging"]
}
resource "azurerm_cognitive_account" "a" {
  name = "a"
}
resource "azurerm_cognitive_account_customer_managed_key" "k" {
  cognitive_account_id = azurerm_cognitive_account.a.id
  key_vault_key_id     = azurerm_key_vault_key.k.id
}
`;
    const result = analyze({ 'main.tf': text });
    const storage = resource(result, 'azurerm_storage_account.s');
    assert.equal(json(storage.get('properties.networkAcls.defaultAction')), 'Deny');
    assert.equal(json(storage.get('properties.networkAcls.bypass')), 'AzureServices, Logging');
    assert.match(
      storage.get('properties.networkAcls.defaultAction')?.origins?.[0].description ?? '',
      /set by azurerm_storage_account_network_rules.r/,
    );
    const acct = resource(result, 'azurerm_cognitive_account.a');
    assert.equal(json(acct.get('properties.encryption.keySource')), 'Microsoft.KeyVault');
    assert.equal(acct.get('properties.encryption.keyVaultProperties.keyName')?.kind, 'unknown');
    assert.deepEqual(
      (acct.syntax as TerraformResourceSyntax).patches.map((p) => p.key),
      ['azurerm_cognitive_account_customer_managed_key.k'],
    );
    assert.ok(!result.documents[0].resources.some((r) => r.key === 'azurerm_storage_account_network_rules.r'));
  });

  it('keeps a configuring resource whose target is elsewhere as an existing (never linted) resource', () => {
    const r = one(
      'resource "azurerm_storage_account_network_rules" "r" {\n  storage_account_id = var.id\n  default_action = "Allow"\n}\nvariable "id" {}\n',
      'azurerm_storage_account_network_rules.r',
    );
    assert.equal(r.existing, true);
    assert.equal(r.type, 'Microsoft.Storage/storageAccounts');
  });

  it('puts function app keys and app settings where the key-plumbing rule looks', () => {
    const r = account(
      'storage_account_access_key = azurerm_storage_account.s.primary_access_key\napp_settings = {\n  OPENAI_KEY = azurerm_cognitive_account.a.primary_access_key\n}',
      'azurerm_linux_function_app',
    );
    const settings = r.get('properties.siteConfig.appSettings');
    assert.equal(settings?.kind, 'array');
    const items = settings?.kind === 'array' ? settings.items : [];
    const byName = Object.fromEntries(
      items.map((item) => [json(item.kind === 'object' ? item.properties[0].value : item), item]),
    );
    assert.deepEqual(Object.keys(byName).sort(), ['AzureWebJobsStorage', 'OPENAI_KEY']);
    assert.equal(json(r.get('kind')), 'functionapp,linux');
  });

  it('reverses ARM paths and values into azurerm attributes, blocks and HCL values (for edit/)', () => {
    const cognitive = azurermMapping('azurerm_cognitive_account')!;
    const local = reverseLookup(cognitive, 'properties.disableLocalAuth', true);
    assert.deepEqual([local?.attribute, local?.value, local?.blocks], ['local_auth_enabled', false, []]);
    const pna = reverseLookup(cognitive, 'properties.publicNetworkAccess', 'Disabled');
    assert.deepEqual([pna?.attribute, pna?.value], ['public_network_access_enabled', false]);
    const acl = reverseLookup(cognitive, 'properties.networkAcls.defaultAction', 'Deny');
    assert.deepEqual([acl?.blocks, acl?.attribute, acl?.value], [['network_acls'], 'default_action', 'Deny']);
    const identity = reverseLookup(cognitive, 'identity.type', 'SystemAssigned');
    assert.deepEqual([identity?.blocks, identity?.attribute], [['identity'], 'type']);
    const cmk = reverseLookup(cognitive, 'properties.encryption.keySource', 'Microsoft.KeyVault');
    assert.deepEqual([cmk?.blocks, cmk?.blockOnly], [['customer_managed_key'], true]);
    const vault = reverseLookup(azurermMapping('azurerm_key_vault')!, 'properties.enableRbacAuthorization', true);
    assert.deepEqual(
      [vault?.attribute, vault?.aliases],
      ['rbac_authorization_enabled', ['rbac_authorization_enabled', 'enable_rbac_authorization']],
    );
    const search = reverseLookup(
      azurermMapping('azurerm_search_service')!,
      'properties.publicNetworkAccess',
      'Disabled',
    );
    assert.equal(search?.value, false, 'case-insensitive enum');
    const logs = reverseLookup(
      azurermMapping('azurerm_monitor_diagnostic_setting')!,
      'properties.logs.0.categoryGroup',
      'allLogs',
    );
    assert.deepEqual([logs?.blocks, logs?.repeatedBlock, logs?.attribute], [['enabled_log'], true, 'category_group']);
    const ip = reverseLookup(cognitive, 'properties.networkAcls.ipRules', [{ value: '1.2.3.4' }]);
    assert.deepEqual(ip?.value, ['1.2.3.4']);
    const forceNew = reverseLookup(cognitive, 'properties.customSubDomainName', 'x');
    assert.equal(forceNew?.forceNew, true);
    assert.equal(reverseLookup(cognitive, 'properties.notMapped', 1), undefined);
  });

  it('round-trips every transform: toTerraform(toArm(x)) = x for the values the table writes', () => {
    const checks: [string, string, unknown][] = [];
    for (const mapping of allMappings) {
      for (const attribute of mapping.attributes) {
        if (!attribute.transform) continue;
        for (const value of [true, false]) {
          const arm = attribute.transform.toArm(value);
          if (arm === undefined) continue;
          checks.push([mapping.sourceType, attribute.names[0], value]);
          assert.equal(attribute.transform.toTerraform(arm), value, `${mapping.sourceType}.${attribute.names[0]}`);
        }
      }
    }
    assert.ok(checks.length > 10);
  });
});
