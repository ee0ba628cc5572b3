// Cosmos DB accounts. Sources: azurerm cosmosdb_account docs (3.x `local_authentication_disabled`,
// `ip_range_filter` as a comma string, `enable_*`; 4.x `*_enabled` names and `ip_range_filter` as a set);
// Checkov CosmosDBLocalAuthDisabled; rows 64–67.
import { attr, block, identityBlock, publicNetworkAccess } from './dsl';
import { csvOrListToObjects, invert } from './transforms';
import type { ResourceMapping } from './types';

export const cosmosMappings: readonly ResourceMapping[] = [
  {
    sourceType: 'azurerm_cosmosdb_account',
    armType: 'Microsoft.DocumentDB/databaseAccounts',
    attributes: [
      attr('kind', 'kind', { providerDefault: 'GlobalDocumentDB', forceNew: true }),
      attr('offer_type', 'properties.databaseAccountOfferType'),
      attr('local_authentication_disabled', 'properties.disableLocalAuth', { providerDefault: false }),
      // Accepted too, in case a provider version spells it positively (rules matrix: 4.x name unverified).
      attr('local_authentication_enabled', 'properties.disableLocalAuth', { transform: invert }),
      publicNetworkAccess(),
      attr('access_key_metadata_writes_enabled', 'properties.disableKeyBasedMetadataWriteAccess', {
        transform: invert,
        providerDefault: true,
      }),
      attr('key_vault_key_id', 'properties.keyVaultKeyUri', { forceNew: true }),
      attr('ip_range_filter', 'properties.ipRules', { convert: csvOrListToObjects('ipAddressOrRange') }),
      attr('is_virtual_network_filter_enabled', 'properties.isVirtualNetworkFilterEnabled'),
      attr('minimal_tls_version', 'properties.minimalTlsVersion'),
      attr(['automatic_failover_enabled', 'enable_automatic_failover'], 'properties.enableAutomaticFailover'),
      attr(['free_tier_enabled', 'enable_free_tier'], 'properties.enableFreeTier', { forceNew: true }),
      attr(
        ['multiple_write_locations_enabled', 'enable_multiple_write_locations'],
        'properties.enableMultipleWriteLocations',
      ),
      attr('analytical_storage_enabled', 'properties.enableAnalyticalStorage'),
      attr('network_acl_bypass_for_azure_services', 'properties.networkAclBypass'),
      attr('default_identity_type', 'properties.defaultIdentity'),
    ],
    blocks: [
      identityBlock,
      block('consistency_policy', 'properties.consistencyPolicy', [
        attr('consistency_level', 'defaultConsistencyLevel'),
        attr('max_interval_in_seconds', 'maxIntervalInSeconds'),
        attr('max_staleness_prefix', 'maxStalenessPrefix'),
      ]),
      block(
        'geo_location',
        'properties.locations',
        [
          attr('location', 'locationName'),
          attr('failover_priority', 'failoverPriority'),
          attr('zone_redundant', 'isZoneRedundant'),
        ],
        { repeated: true },
      ),
      block(
        'virtual_network_rule',
        'properties.virtualNetworkRules',
        [attr('id', 'id'), attr('ignore_missing_vnet_service_endpoint', 'ignoreMissingVNetServiceEndpoint')],
        { repeated: true },
      ),
      block('capabilities', 'properties.capabilities', [attr('name', 'name')], { repeated: true }),
      block('backup', 'properties.backupPolicy', [attr('type', 'type')]),
    ],
  },
];
