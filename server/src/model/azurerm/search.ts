// Azure AI Search. Sources: azurerm search_service docs (3.x/4.x), cdktf azurerm 3.116 binding; rules
// matrix rows 32–38 (the service's enum values are lower-case: 'enabled' / 'disabled').
import { attr, identityBlock, publicNetworkAccess } from './dsl';
import { boolToEnum, invert, listToObjects } from './transforms';
import type { ResourceMapping } from './types';

export const searchMappings: readonly ResourceMapping[] = [
  {
    sourceType: 'azurerm_search_service',
    armType: 'Microsoft.Search/searchServices',
    attributes: [
      attr('sku', 'sku.name', { forceNew: true }),
      attr('local_authentication_enabled', 'properties.disableLocalAuth', { transform: invert, providerDefault: true }),
      attr('authentication_failure_mode', 'properties.authOptions.aadOrApiKey.aadAuthFailureMode'),
      publicNetworkAccess('enabled', 'disabled'),
      attr('allowed_ips', 'properties.networkRuleSet.ipRules', { convert: listToObjects('value') }),
      attr('network_rule_bypass_option', 'properties.networkRuleSet.bypass'),
      attr('customer_managed_key_enforcement_enabled', 'properties.encryptionWithCmk.enforcement', {
        transform: boolToEnum('Enabled', 'Disabled'),
        providerDefault: false,
      }),
      attr('replica_count', 'properties.replicaCount'),
      attr('partition_count', 'properties.partitionCount'),
      attr('hosting_mode', 'properties.hostingMode', { forceNew: true }),
      attr('semantic_search_sku', 'properties.semanticSearch'),
    ],
    blocks: [identityBlock],
  },
  {
    sourceType: 'azurerm_search_shared_private_link_service',
    armType: 'Microsoft.Search/searchServices/sharedPrivateLinkResources',
    parentAttribute: 'search_service_id',
    commonAttributes: false,
    attributes: [
      attr('name', 'name'),
      attr('subresource_name', 'properties.groupId'),
      attr('target_resource_id', 'properties.privateLinkResourceId'),
      attr('request_message', 'properties.requestMessage'),
    ],
    blocks: [],
  },
];
