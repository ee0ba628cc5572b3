// Container Registry, AKS (cluster and node pools) and Container Apps. Sources: azurerm docs for
// container_registry, kubernetes_cluster (3.x `enable_node_public_ip`, top-level
// `api_server_authorized_ip_ranges`; 4.x `node_public_ip_enabled`, `api_server_access_profile`),
// kubernetes_cluster_node_pool, container_app(_environment); rows 52–63.
import { attr, block, identityBlock, publicNetworkAccess, publicNetworkAccessString } from './dsl';
import { boolToEnum, mapToNameValueList } from './transforms';
import type { BlockMapping, ResourceMapping } from './types';

const nodePoolAttributes = [
  attr('name', 'name'),
  attr(['node_public_ip_enabled', 'enable_node_public_ip'], 'enableNodePublicIP', {
    providerDefault: false,
    forceNew: true,
  }),
  attr('vm_size', 'vmSize', { forceNew: true }),
  attr('vnet_subnet_id', 'vnetSubnetID', { forceNew: true }),
  attr('node_count', 'count'),
  attr(['auto_scaling_enabled', 'enable_auto_scaling'], 'enableAutoScaling'),
  attr(['host_encryption_enabled', 'enable_host_encryption'], 'enableEncryptionAtHost', { forceNew: true }),
  attr('only_critical_addons_enabled', 'onlyCriticalAddonsEnabled'),
  attr('os_disk_type', 'osDiskType'),
  attr('max_pods', 'maxPods'),
];

const containerBlock: BlockMapping = block(
  'container',
  'containers',
  [attr('name', 'name'), attr('image', 'image'), attr('cpu', 'resources.cpu'), attr('memory', 'resources.memory')],
  {
    repeated: true,
    blocks: [
      block('env', 'env', [attr('name', 'name'), attr('value', 'value'), attr('secret_name', 'secretRef')], {
        repeated: true,
      }),
    ],
  },
);

export const containerMappings: readonly ResourceMapping[] = [
  {
    sourceType: 'azurerm_container_registry',
    armType: 'Microsoft.ContainerRegistry/registries',
    attributes: [
      attr('sku', 'sku.name'),
      attr('admin_enabled', 'properties.adminUserEnabled', { providerDefault: false }),
      attr('anonymous_pull_enabled', 'properties.anonymousPullEnabled', { providerDefault: false }),
      publicNetworkAccess(),
      attr('export_policy_enabled', 'properties.policies.exportPolicy.status', {
        transform: boolToEnum('enabled', 'disabled'),
        providerDefault: true,
      }),
      attr('quarantine_policy_enabled', 'properties.policies.quarantinePolicy.status', {
        transform: boolToEnum('enabled', 'disabled'),
      }),
      attr('network_rule_bypass_option', 'properties.networkRuleBypassOptions'),
      attr('data_endpoint_enabled', 'properties.dataEndpointEnabled'),
      attr('zone_redundancy_enabled', 'properties.zoneRedundancy', {
        transform: boolToEnum('Enabled', 'Disabled'),
        forceNew: true,
      }),
    ],
    blocks: [
      identityBlock,
      block('network_rule_set', 'properties.networkRuleSet', [attr('default_action', 'defaultAction')], {
        blocks: [
          block('ip_rule', 'ipRules', [attr('action', 'action'), attr('ip_range', 'value')], { repeated: true }),
        ],
      }),
      block(
        'encryption',
        'properties.encryption',
        [
          attr('key_vault_key_id', 'keyVaultProperties.keyIdentifier'),
          attr('identity_client_id', 'keyVaultProperties.identity'),
          // 3.x: `enabled = true` inside the block.
          attr('enabled', 'status', { transform: boolToEnum('enabled', 'disabled'), since: '3.x' }),
        ],
        { implies: [{ path: 'status', value: 'enabled' }] },
      ),
      block('retention_policy', 'properties.policies.retentionPolicy', [
        attr('days', 'days'),
        attr('enabled', 'status', { transform: boolToEnum('enabled', 'disabled') }),
      ]),
    ],
  },
  {
    sourceType: 'azurerm_kubernetes_cluster',
    armType: 'Microsoft.ContainerService/managedClusters',
    attributes: [
      attr('dns_prefix', 'properties.dnsPrefix', { forceNew: true }),
      attr('kubernetes_version', 'properties.kubernetesVersion'),
      attr('sku_tier', 'sku.tier'),
      attr('local_account_disabled', 'properties.disableLocalAccounts', { providerDefault: false }),
      attr('role_based_access_control_enabled', 'properties.enableRBAC', { providerDefault: true, forceNew: true }),
      attr('private_cluster_enabled', 'properties.apiServerAccessProfile.enablePrivateCluster', {
        providerDefault: false,
        forceNew: true,
      }),
      attr('api_server_authorized_ip_ranges', 'properties.apiServerAccessProfile.authorizedIPRanges', { since: '3.x' }),
      attr('oidc_issuer_enabled', 'properties.oidcIssuerProfile.enabled'),
      attr('workload_identity_enabled', 'properties.securityProfile.workloadIdentity.enabled'),
      attr('azure_policy_enabled', 'properties.addonProfiles.azurepolicy.enabled'),
      attr('node_resource_group', 'properties.nodeResourceGroup', { forceNew: true }),
      attr('disk_encryption_set_id', 'properties.diskEncryptionSetID', { forceNew: true }),
      attr('automatic_upgrade_channel', 'properties.autoUpgradeProfile.upgradeChannel'),
      attr('automatic_channel_upgrade', 'properties.autoUpgradeProfile.upgradeChannel', { since: '3.x' }),
    ],
    blocks: [
      identityBlock,
      block('default_node_pool', 'properties.agentPoolProfiles', nodePoolAttributes, {
        repeated: true,
        implies: [{ path: 'mode', value: 'System' }],
      }),
      block('api_server_access_profile', 'properties.apiServerAccessProfile', [
        attr('authorized_ip_ranges', 'authorizedIPRanges'),
        attr('subnet_id', 'subnetId'),
      ]),
      block(
        'azure_active_directory_role_based_access_control',
        'properties.aadProfile',
        [
          attr('managed', 'managed', { since: '3.x' }),
          attr('azure_rbac_enabled', 'enableAzureRBAC'),
          attr('admin_group_object_ids', 'adminGroupObjectIDs'),
          attr('tenant_id', 'tenantID'),
        ],
        { implies: [{ path: 'managed', value: true }] },
      ),
      block('network_profile', 'properties.networkProfile', [
        attr('network_plugin', 'networkPlugin', { forceNew: true }),
        attr('network_policy', 'networkPolicy', { forceNew: true }),
        attr('network_plugin_mode', 'networkPluginMode'),
        attr('outbound_type', 'outboundType'),
      ]),
      block(
        'oms_agent',
        'properties.addonProfiles.omsagent',
        [attr('log_analytics_workspace_id', 'config.logAnalyticsWorkspaceResourceID')],
        { implies: [{ path: 'enabled', value: true }] },
      ),
      block('monitor_metrics', 'properties.azureMonitorProfile.metrics', [], {
        implies: [{ path: 'enabled', value: true }],
      }),
      block(
        'microsoft_defender',
        'properties.securityProfile.defender',
        [attr('log_analytics_workspace_id', 'logAnalyticsWorkspaceResourceId')],
        { implies: [{ path: 'securityMonitoring.enabled', value: true }] },
      ),
      block(
        'key_vault_secrets_provider',
        'properties.addonProfiles.azureKeyvaultSecretsProvider',
        [attr('secret_rotation_enabled', 'config.enableSecretRotation')],
        { implies: [{ path: 'enabled', value: true }] },
      ),
    ],
  },
  {
    sourceType: 'azurerm_kubernetes_cluster_node_pool',
    armType: 'Microsoft.ContainerService/managedClusters/agentPools',
    parentAttribute: 'kubernetes_cluster_id',
    commonAttributes: false,
    attributes: [
      ...nodePoolAttributes.map((a) => (a.path === 'name' ? a : { ...a, path: `properties.${a.path}` })),
      attr('mode', 'properties.mode', { providerDefault: 'User' }),
      attr('tags', 'tags'),
    ],
    blocks: [],
  },
  {
    sourceType: 'azurerm_container_app_environment',
    armType: 'Microsoft.App/managedEnvironments',
    attributes: [
      attr('log_analytics_workspace_id', 'properties.appLogsConfiguration.logAnalyticsConfiguration.workspaceId'),
      attr('infrastructure_subnet_id', 'properties.vnetConfiguration.infrastructureSubnetId', { forceNew: true }),
      attr('internal_load_balancer_enabled', 'properties.vnetConfiguration.internal', { forceNew: true }),
      attr('zone_redundancy_enabled', 'properties.zoneRedundant', { forceNew: true }),
      publicNetworkAccessString(),
    ],
    blocks: [identityBlock],
  },
  {
    sourceType: 'azurerm_container_app',
    armType: 'Microsoft.App/containerApps',
    attributes: [
      attr('container_app_environment_id', 'properties.managedEnvironmentId', { forceNew: true }),
      attr('revision_mode', 'properties.configuration.activeRevisionsMode'),
      attr('workload_profile_name', 'properties.workloadProfileName'),
    ],
    blocks: [
      identityBlock,
      block(
        'template',
        'properties.template',
        [attr('min_replicas', 'scale.minReplicas'), attr('max_replicas', 'scale.maxReplicas')],
        {
          blocks: [containerBlock],
        },
      ),
      block(
        'secret',
        'properties.configuration.secrets',
        [
          attr('name', 'name'),
          attr('value', 'value'),
          attr('key_vault_secret_id', 'keyVaultUrl'),
          attr('identity', 'identity'),
        ],
        { repeated: true },
      ),
      block('ingress', 'properties.configuration.ingress', [
        attr('external_enabled', 'external'),
        attr('target_port', 'targetPort'),
        attr('allow_insecure_connections', 'allowInsecure'),
        attr('transport', 'transport'),
      ]),
      block(
        'registry',
        'properties.configuration.registries',
        [
          attr('server', 'server'),
          attr('identity', 'identity'),
          attr('username', 'username'),
          attr('password_secret_name', 'passwordSecretRef'),
        ],
        {
          repeated: true,
        },
      ),
    ],
  },
];

export { mapToNameValueList };
