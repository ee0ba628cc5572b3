// Key Vault. Sources: azurerm key_vault docs (3.x `enable_rbac_authorization`, 4.x
// `rbac_authorization_enabled`), key_vault_access_policy, key_vault_secret, key_vault_key; rows 46–51.
import { attr, block, publicNetworkAccess } from './dsl';
import { listToObjects } from './transforms';
import type { AttributeMapping, ResourceMapping } from './types';

const VAULT = 'Microsoft.KeyVault/vaults';

const policyAttributes = (prefix: string): AttributeMapping[] =>
  [
    attr('tenant_id', 'tenantId'),
    attr('object_id', 'objectId'),
    attr('application_id', 'applicationId'),
    attr('key_permissions', 'permissions.keys'),
    attr('secret_permissions', 'permissions.secrets'),
    attr('certificate_permissions', 'permissions.certificates'),
    attr('storage_permissions', 'permissions.storage'),
  ].map((a) => (prefix ? { ...a, path: `${prefix}.${a.path}` } : a));

export const keyVaultMappings: readonly ResourceMapping[] = [
  {
    sourceType: 'azurerm_key_vault',
    armType: VAULT,
    attributes: [
      attr('sku_name', 'properties.sku.name'),
      attr('tenant_id', 'properties.tenantId'),
      attr(['rbac_authorization_enabled', 'enable_rbac_authorization'], 'properties.enableRbacAuthorization', {
        providerDefault: false,
      }),
      attr('purge_protection_enabled', 'properties.enablePurgeProtection', { providerDefault: false }),
      attr('soft_delete_retention_days', 'properties.softDeleteRetentionInDays'),
      attr('soft_delete_enabled', 'properties.enableSoftDelete', { since: '2.x' }),
      publicNetworkAccess(),
      attr('enabled_for_deployment', 'properties.enabledForDeployment'),
      attr('enabled_for_disk_encryption', 'properties.enabledForDiskEncryption'),
      attr('enabled_for_template_deployment', 'properties.enabledForTemplateDeployment'),
    ],
    blocks: [
      block('network_acls', 'properties.networkAcls', [
        attr('default_action', 'defaultAction'),
        attr('bypass', 'bypass'),
        attr('ip_rules', 'ipRules', { convert: listToObjects('value') }),
        attr('virtual_network_subnet_ids', 'virtualNetworkRules', { convert: listToObjects('id') }),
      ]),
      block('access_policy', 'properties.accessPolicies', policyAttributes(''), { repeated: true }),
    ],
  },
  {
    // ARM `vaults/accessPolicies` (name 'add'): one policy in `properties.accessPolicies[0]`.
    sourceType: 'azurerm_key_vault_access_policy',
    armType: `${VAULT}/accessPolicies`,
    parentAttribute: 'key_vault_id',
    commonAttributes: false,
    implies: [{ path: 'name', value: 'add' }],
    attributes: policyAttributes('properties.accessPolicies[0]'),
    blocks: [],
  },
  {
    sourceType: 'azurerm_key_vault_secret',
    armType: `${VAULT}/secrets`,
    parentAttribute: 'key_vault_id',
    commonAttributes: false,
    attributes: [
      attr('name', 'name'),
      attr(['value', 'value_wo'], 'properties.value'),
      attr('content_type', 'properties.contentType'),
      attr('tags', 'tags'),
    ],
    blocks: [],
  },
  {
    sourceType: 'azurerm_key_vault_key',
    armType: `${VAULT}/keys`,
    parentAttribute: 'key_vault_id',
    commonAttributes: false,
    attributes: [
      attr('name', 'name'),
      attr('key_type', 'properties.kty'),
      attr('key_size', 'properties.keySize'),
      attr('curve', 'properties.curveName'),
      attr('key_opts', 'properties.keyOps'),
      attr('tags', 'tags'),
    ],
    blocks: [block('rotation_policy', 'properties.rotationPolicy', [attr('expire_after', 'attributes.expiryTime')])],
  },
];
