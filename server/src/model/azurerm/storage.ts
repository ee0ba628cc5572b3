// Storage accounts and the resources that configure them from outside. Sources: azurerm storage_account
// docs (2.x `allow_blob_public_access`, 3.x `enable_https_traffic_only`, 4.x `https_traffic_only_enabled`),
// storage_container, storage_account_network_rules, storage_account_customer_managed_key; matrix rows 39–45.
import { attr, block, identityBlock, publicNetworkAccess } from './dsl';
import { enumMap, joinValues, keyVaultKeyId, listToCsv, listToObjects } from './transforms';
import type { AttributeMapping, BlockMapping, ResourceMapping } from './types';

const ACCOUNT = 'Microsoft.Storage/storageAccounts';

/** Network rules, shared by the inline block and the separate resource (paths relative to networkAcls). */
const networkRuleAttributes: readonly AttributeMapping[] = [
  attr('default_action', 'defaultAction'),
  attr('bypass', 'bypass', { convert: listToCsv }),
  attr('ip_rules', 'ipRules', { convert: listToObjects('value') }),
  attr('virtual_network_subnet_ids', 'virtualNetworkRules', { convert: listToObjects('id') }),
];

const prefixed = (prefix: string, attributes: readonly AttributeMapping[]): AttributeMapping[] =>
  attributes.map((a) => ({ ...a, path: `${prefix}.${a.path}` }));

const customerManagedKey: BlockMapping = block(
  'customer_managed_key',
  'properties.encryption',
  [
    attr('key_vault_key_id', 'keyvaultproperties', { convert: keyVaultKeyId }),
    attr('managed_hsm_key_id', 'keyvaultproperties', { convert: keyVaultKeyId }),
    attr('user_assigned_identity_id', 'identity.userAssignedIdentity'),
  ],
  { implies: [{ path: 'keySource', value: 'Microsoft.Keyvault' }] },
);

export const storageMappings: readonly ResourceMapping[] = [
  {
    sourceType: 'azurerm_storage_account',
    armType: ACCOUNT,
    attributes: [
      attr('account_kind', 'kind', { providerDefault: 'StorageV2' }),
      attr('access_tier', 'properties.accessTier'),
      attr('shared_access_key_enabled', 'properties.allowSharedKeyAccess', { providerDefault: true }),
      publicNetworkAccess(),
      // azurerm defaults to true (3.x); ARM's default became false in API 2023-01-01.
      attr(['allow_nested_items_to_be_public', 'allow_blob_public_access'], 'properties.allowBlobPublicAccess', {
        providerDefault: true,
        materializeDefault: true,
      }),
      // azurerm defaults to TLS1_2; ARM's default is TLS1_0 for older API versions.
      attr('min_tls_version', 'properties.minimumTlsVersion', { providerDefault: 'TLS1_2', materializeDefault: true }),
      attr(['https_traffic_only_enabled', 'enable_https_traffic_only'], 'properties.supportsHttpsTrafficOnly', {
        providerDefault: true,
      }),
      attr('infrastructure_encryption_enabled', 'properties.encryption.requireInfrastructureEncryption', {
        forceNew: true,
      }),
      attr('is_hns_enabled', 'properties.isHnsEnabled', { forceNew: true }),
      attr('default_to_oauth_authentication', 'properties.defaultToOAuthAuthentication'),
      attr('cross_tenant_replication_enabled', 'properties.allowCrossTenantReplication'),
      attr('allowed_copy_scope', 'properties.allowedCopyScope'),
      attr('sftp_enabled', 'properties.isSftpEnabled'),
      attr('local_user_enabled', 'properties.isLocalUserEnabled'),
    ],
    derived: [
      {
        path: 'sku.name',
        from: ['account_tier', 'account_replication_type'],
        compute: (read) => joinValues([read('account_tier'), read('account_replication_type')], '_'),
      },
    ],
    blocks: [
      identityBlock,
      block('network_rules', 'properties.networkAcls', networkRuleAttributes),
      customerManagedKey,
    ],
  },
  {
    sourceType: 'azurerm_storage_container',
    armType: `${ACCOUNT}/blobServices/containers`,
    // 4.x `storage_account_id`; 3.x names the account (`storage_account_name`, a name, not a reference).
    parentAttribute: 'storage_account_id',
    commonAttributes: false,
    attributes: [
      attr('name', 'name'),
      attr('container_access_type', 'properties.publicAccess', {
        transform: enumMap({ private: 'None', blob: 'Blob', container: 'Container' }),
        providerDefault: 'private',
      }),
      attr('metadata', 'properties.metadata'),
    ],
    blocks: [],
  },
  {
    sourceType: 'azurerm_storage_account_network_rules',
    armType: ACCOUNT,
    patchTargetAttribute: 'storage_account_id',
    commonAttributes: false,
    attributes: prefixed('properties.networkAcls', networkRuleAttributes),
    blocks: [],
  },
  {
    sourceType: 'azurerm_storage_account_customer_managed_key',
    armType: ACCOUNT,
    patchTargetAttribute: 'storage_account_id',
    commonAttributes: false,
    implies: [{ path: 'properties.encryption.keySource', value: 'Microsoft.Keyvault' }],
    attributes: [
      attr('key_vault_uri', 'properties.encryption.keyvaultproperties.keyvaulturi'),
      attr('key_vault_id', 'properties.encryption.keyvaultproperties.keyVaultId'),
      attr('key_name', 'properties.encryption.keyvaultproperties.keyname'),
      attr('key_version', 'properties.encryption.keyvaultproperties.keyversion'),
      attr('user_assigned_identity_id', 'properties.encryption.identity.userAssignedIdentity'),
    ],
    blocks: [],
  },
];
