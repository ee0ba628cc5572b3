// Cognitive Services / Azure OpenAI / AI Services accounts, their deployments and content filters.
// Sources: azurerm docs for cognitive_account, cognitive_deployment, cognitive_account_rai_policy,
// cognitive_account_customer_managed_key, ai_services (4.x); rules matrix §3.2 for 3.x/4.x drift.
import { attr, block, identityBlock, publicNetworkAccess, publicNetworkAccessString } from './dsl';
import { invert, keyVaultKeyId, listToObjects } from './transforms';
import type { BlockMapping, ResourceMapping } from './types';

const ACCOUNT = 'Microsoft.CognitiveServices/accounts';

const networkAcls: BlockMapping = block(
  'network_acls',
  'properties.networkAcls',
  [
    attr('default_action', 'defaultAction'),
    attr('ip_rules', 'ipRules', { convert: listToObjects('value') }),
    attr('bypass', 'bypass'),
  ],
  {
    blocks: [
      block(
        'virtual_network_rules',
        'virtualNetworkRules',
        [attr('subnet_id', 'id'), attr('ignore_missing_vnet_service_endpoint', 'ignoreMissingVnetServiceEndpoint')],
        { repeated: true },
      ),
    ],
  },
);

const customerManagedKey: BlockMapping = block(
  'customer_managed_key',
  'properties.encryption',
  [
    attr('key_vault_key_id', 'keyVaultProperties', { convert: keyVaultKeyId }),
    attr('identity_client_id', 'keyVaultProperties.identityClientId'),
  ],
  { implies: [{ path: 'keySource', value: 'Microsoft.KeyVault' }] },
);

const userOwnedStorage: BlockMapping = block(
  'storage',
  'properties.userOwnedStorage',
  [attr('storage_account_id', 'resourceId'), attr('identity_client_id', 'identityClientId')],
  { repeated: true },
);

const networkInjection: BlockMapping = block(
  'network_injection',
  'properties.networkInjections',
  [attr('scenario', 'scenario'), attr('subnet_id', 'subnetArmId')],
  { repeated: true },
);

const accountAttributes = [
  attr('kind', 'kind', { forceNew: true }),
  attr('sku_name', 'sku.name'),
  attr('custom_subdomain_name', 'properties.customSubDomainName', { forceNew: true }),
  attr('outbound_network_access_restricted', 'properties.restrictOutboundNetworkAccess', { providerDefault: false }),
  attr('fqdns', 'properties.allowedFqdnList'),
  attr('dynamic_throttling_enabled', 'properties.dynamicThrottlingEnabled'),
  attr('project_management_enabled', 'properties.allowProjectManagement', { since: '4.x' }),
  attr('qna_runtime_endpoint', 'properties.apiProperties.qnaRuntimeEndpoint'),
];

export const cognitiveMappings: readonly ResourceMapping[] = [
  {
    sourceType: 'azurerm_cognitive_account',
    armType: ACCOUNT,
    attributes: [
      ...accountAttributes,
      attr('local_auth_enabled', 'properties.disableLocalAuth', { transform: invert, providerDefault: true }),
      publicNetworkAccess(),
    ],
    blocks: [networkAcls, identityBlock, customerManagedKey, userOwnedStorage, networkInjection],
  },
  {
    // azurerm 4.x: the AI Services (Foundry) account, with string-typed public network access.
    sourceType: 'azurerm_ai_services',
    armType: ACCOUNT,
    kind: 'AIServices',
    attributes: [
      ...accountAttributes.filter((a) => a.names[0] !== 'kind'),
      attr('local_authentication_enabled', 'properties.disableLocalAuth', { transform: invert, providerDefault: true }),
      publicNetworkAccessString(),
    ],
    blocks: [networkAcls, identityBlock, customerManagedKey, userOwnedStorage, networkInjection],
  },
  {
    sourceType: 'azurerm_cognitive_deployment',
    armType: `${ACCOUNT}/deployments`,
    parentAttribute: 'cognitive_account_id',
    commonAttributes: false,
    attributes: [
      attr('name', 'name'),
      attr('rai_policy_name', 'properties.raiPolicyName'),
      attr('version_upgrade_option', 'properties.versionUpgradeOption'),
      attr('dynamic_throttling_enabled', 'properties.dynamicThrottlingEnabled'),
    ],
    blocks: [
      block('model', 'properties.model', [attr('format', 'format'), attr('name', 'name'), attr('version', 'version')]),
      // 4.x `sku { name, capacity }`; 3.x `scale { type, capacity }`.
      block('sku', 'sku', [attr('name', 'name'), attr('capacity', 'capacity'), attr('tier', 'tier')]),
      block('scale', 'sku', [attr('type', 'name'), attr('capacity', 'capacity'), attr('tier', 'tier')]),
    ],
  },
  {
    sourceType: 'azurerm_cognitive_account_rai_policy',
    armType: `${ACCOUNT}/raiPolicies`,
    parentAttribute: 'cognitive_account_id',
    commonAttributes: false,
    attributes: [
      attr('name', 'name'),
      attr('base_policy_name', 'properties.basePolicyName'),
      attr('mode', 'properties.mode'),
    ],
    blocks: [
      block(
        'content_filter',
        'properties.contentFilters',
        [
          attr('name', 'name'),
          attr('filter_enabled', 'enabled'),
          attr('block_enabled', 'blocking'),
          attr('severity_threshold', 'severityThreshold'),
          attr('source', 'source'),
        ],
        { repeated: true },
      ),
      block(
        'custom_block_list',
        'properties.customBlocklists',
        [attr('block_enabled', 'blocking'), attr('blocklist_name', 'blocklistName'), attr('source', 'source')],
        {
          repeated: true,
        },
      ),
    ],
  },
  {
    // Merges into the account it names (the only CMK shape Checkov's CKV2_AZURE_22 recognises).
    sourceType: 'azurerm_cognitive_account_customer_managed_key',
    armType: ACCOUNT,
    patchTargetAttribute: 'cognitive_account_id',
    commonAttributes: false,
    implies: [{ path: 'properties.encryption.keySource', value: 'Microsoft.KeyVault' }],
    attributes: [
      attr('key_vault_key_id', 'properties.encryption.keyVaultProperties', { convert: keyVaultKeyId }),
      attr('identity_client_id', 'properties.encryption.keyVaultProperties.identityClientId'),
    ],
    blocks: [],
  },
];
