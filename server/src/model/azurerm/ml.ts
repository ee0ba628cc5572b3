// Azure Machine Learning workspaces (and AI Foundry hubs/projects) and their computes.
// Sources: azurerm docs for machine_learning_workspace, machine_learning_compute_cluster/_instance,
// ai_foundry/_project (4.x); rules matrix rows 16–29 and §3.2.
import { attr, block, identityBlock, publicNetworkAccess, publicNetworkAccessString } from './dsl';
import { boolToEnum, invert } from './transforms';
import type { BlockMapping, ResourceMapping } from './types';

const WORKSPACE = 'Microsoft.MachineLearningServices/workspaces';
const COMPUTE = `${WORKSPACE}/computes`;

const managedNetwork: BlockMapping = block('managed_network', 'properties.managedNetwork', [
  attr('isolation_mode', 'isolationMode'),
]);

const workspaceEncryption: BlockMapping = block(
  'encryption',
  'properties.encryption',
  [
    attr('key_vault_id', 'keyVaultProperties.keyVaultArmId'),
    attr('key_id', 'keyVaultProperties.keyIdentifier'),
    attr('user_assigned_identity_id', 'identity.userAssignedIdentity'),
  ],
  { implies: [{ path: 'status', value: 'Enabled' }] },
);

const linkedResources = [
  attr('key_vault_id', 'properties.keyVault', { forceNew: true }),
  attr('storage_account_id', 'properties.storageAccount', { forceNew: true }),
  attr('application_insights_id', 'properties.applicationInsights', { forceNew: true }),
  attr('container_registry_id', 'properties.containerRegistry'),
];

export const machineLearningMappings: readonly ResourceMapping[] = [
  {
    sourceType: 'azurerm_machine_learning_workspace',
    armType: WORKSPACE,
    attributes: [
      ...linkedResources,
      attr('kind', 'kind'),
      attr('sku_name', 'sku.name'),
      attr('friendly_name', 'properties.friendlyName'),
      attr('description', 'properties.description'),
      // Default disputed across sources (rules matrix §3.1): not materialised.
      publicNetworkAccess(),
      attr('public_access_behind_virtual_network_enabled', 'properties.allowPublicAccessWhenBehindVnet', {
        since: '3.x',
      }),
      attr('high_business_impact', 'properties.hbiWorkspace', { forceNew: true, providerDefault: false }),
      attr('image_build_compute_name', 'properties.imageBuildCompute'),
      attr('v1_legacy_mode_enabled', 'properties.v1LegacyMode', { providerDefault: false }),
      attr('primary_user_assigned_identity', 'properties.primaryUserAssignedIdentity'),
      attr('system_datastores_auth_mode', 'properties.systemDatastoresAuthMode'),
    ],
    blocks: [identityBlock, managedNetwork, workspaceEncryption],
  },
  {
    sourceType: 'azurerm_ai_foundry',
    armType: WORKSPACE,
    kind: 'Hub',
    attributes: [
      ...linkedResources,
      attr('friendly_name', 'properties.friendlyName'),
      attr('description', 'properties.description'),
      publicNetworkAccessString(),
      attr('high_business_impact_enabled', 'properties.hbiWorkspace', { forceNew: true }),
      attr('primary_user_assigned_identity', 'properties.primaryUserAssignedIdentity'),
    ],
    blocks: [identityBlock, managedNetwork, workspaceEncryption],
  },
  {
    sourceType: 'azurerm_ai_foundry_project',
    armType: WORKSPACE,
    kind: 'Project',
    attributes: [
      attr('ai_services_hub_id', 'properties.hubResourceId', { forceNew: true }),
      attr('friendly_name', 'properties.friendlyName'),
      attr('description', 'properties.description'),
      attr('high_business_impact_enabled', 'properties.hbiWorkspace'),
      attr('primary_user_assigned_identity', 'properties.primaryUserAssignedIdentity'),
    ],
    blocks: [identityBlock],
  },
  {
    sourceType: 'azurerm_machine_learning_compute_cluster',
    armType: COMPUTE,
    parentAttribute: 'machine_learning_workspace_id',
    implies: [{ path: 'properties.computeType', value: 'AmlCompute' }],
    attributes: [
      attr('description', 'properties.description'),
      attr('local_auth_enabled', 'properties.disableLocalAuth', {
        transform: invert,
        providerDefault: true,
        forceNew: true,
      }),
      attr('node_public_ip_enabled', 'properties.properties.enableNodePublicIp', {
        providerDefault: true,
        forceNew: true,
      }),
      // azurerm defaults SSH public access to off; ARM leaves it 'NotSpecified' (open when credentials exist).
      attr('ssh_public_access_enabled', 'properties.properties.remoteLoginPortPublicAccess', {
        transform: boolToEnum('Enabled', 'Disabled'),
        providerDefault: false,
        materializeDefault: true,
        forceNew: true,
      }),
      attr('subnet_resource_id', 'properties.properties.subnet.id', { forceNew: true }),
      attr('vm_size', 'properties.properties.vmSize', { forceNew: true }),
      attr('vm_priority', 'properties.properties.vmPriority', { forceNew: true }),
    ],
    blocks: [
      identityBlock,
      block('scale_settings', 'properties.properties.scaleSettings', [
        attr('min_node_count', 'minNodeCount'),
        attr('max_node_count', 'maxNodeCount'),
        attr('scale_down_nodes_after_idle_duration', 'nodeIdleTimeBeforeScaleDown'),
      ]),
      block('ssh', 'properties.properties.userAccountCredentials', [
        attr('admin_username', 'adminUserName'),
        attr('admin_password', 'adminUserPassword'),
        attr('key_value', 'adminUserSshPublicKey'),
      ]),
    ],
  },
  {
    sourceType: 'azurerm_machine_learning_compute_instance',
    armType: COMPUTE,
    parentAttribute: 'machine_learning_workspace_id',
    implies: [{ path: 'properties.computeType', value: 'ComputeInstance' }],
    attributes: [
      attr('description', 'properties.description'),
      attr('local_auth_enabled', 'properties.disableLocalAuth', {
        transform: invert,
        providerDefault: true,
        forceNew: true,
      }),
      attr('node_public_ip_enabled', 'properties.properties.enableNodePublicIp', {
        providerDefault: true,
        forceNew: true,
      }),
      attr('subnet_resource_id', 'properties.properties.subnet.id', { forceNew: true }),
      attr(['virtual_machine_size', 'vm_size'], 'properties.properties.vmSize', { forceNew: true }),
      attr('authorization_type', 'properties.properties.computeInstanceAuthorizationType'),
    ],
    blocks: [
      identityBlock,
      // An `ssh` block opens SSH on the instance's public endpoint.
      block('ssh', 'properties.properties.sshSettings', [attr('public_key', 'adminPublicKey')], {
        implies: [{ path: 'sshPublicAccess', value: 'Enabled' }],
      }),
      block('assign_to_user', 'properties.properties.personalComputeInstanceSettings.assignedUser', [
        attr('object_id', 'objectId'),
        attr('tenant_id', 'tenantId'),
      ]),
    ],
  },
];
