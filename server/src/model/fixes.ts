// Reusable fix builders for the four fixes many rules share. Each returns a model-level `Fix` (edits in ARM
// terms); `server/src/edit` writes it as Bicep, ARM JSON or Terraform (through the azurerm mapping), or
// declines when it cannot write it exactly, in which case the fix is simply not offered.
//
// Usage in a rule (import from '../../server/src/model'):
//
//   requireProperty(context, resource, {
//     path: 'properties.publicNetworkAccess', isSecure: equals('Disabled'), absent: 'fail', describe: {…},
//     fix: disablePublicNetworkAccessFix,                          // safe: flips the flagged setting
//   });
//   requireProperty(context, resource, { path: 'properties.disableLocalAuth', …, fix: disableLocalAuthFix });
//   requireProperty(context, resource, {
//     path: 'identity.type', …,
//     fix: systemAssignedFix-or-your-own,
//     fixes: (resource, context) => userAssignedIdentityFixes(resource, context.workspace), // unsafe: adds a UAI,
//   });                                                            //   then one "use existing UAI 'x'" per UAI
//   context.report({ resource, message, fixes: [privateEndpointFix(resource)] });   // unsafe, may be undefined
//
// Applicability follows DESIGN §9: flipping the flagged setting is safe; adding resources or parameters,
// deleting content, or choosing an identity for the user is unsafe. Each builder returns undefined when the
// resource type has no such fix.
import type { Resource } from './resource';
import type { EditValue, Fix, ModelEdit, NewResourceHandle, WorkspaceView } from './rule';
import { azurermMapping, reverseLookup } from './azurerm';
import { dialectOf, phrase, type Phrase } from './checks';

const lower = (type: string) => type.toLowerCase();

// ---------------------------------------------------------------------------------------------------------
// 1. Public network access
// ---------------------------------------------------------------------------------------------------------

/** AI Search spells its enum in lower case; every other service uses 'Disabled'. */
export function publicNetworkAccessDisabledValue(resource: Resource): string {
  return lower(resource.type) === 'microsoft.search/searchservices' ? 'disabled' : 'Disabled';
}

/** Sets `properties.publicNetworkAccess` to Disabled (azurerm: `public_network_access_enabled = false`). */
export function disablePublicNetworkAccessFix(resource: Resource): Fix {
  const value = publicNetworkAccessDisabledValue(resource);
  return {
    title: phrase(resource, {
      arm: `Set publicNetworkAccess to '${value}'`,
      // 3.x-style bool (`public_network_access_enabled = false`) or the 4.x string form of ai_services and
      // ai_foundry (`public_network_access = "Disabled"`): the mapping knows which.
      azurerm: azurermSetTitle(resource, 'properties.publicNetworkAccess', value),
    }),
    applicability: 'safe',
    edits: [{ kind: 'set', resource, path: 'properties.publicNetworkAccess', value }],
  };
}

/**
 * "Set <attribute> = <value>" in azurerm terms, from the mapping (so the title names what the edit writes);
 * undefined when the resource is not azurerm or the mapping has no attribute for the path.
 */
export function azurermSetTitle(resource: Resource, armPath: string, armValue: unknown): string | undefined {
  const mapping = resource.sourceType ? azurermMapping(resource.sourceType) : undefined;
  const target = mapping && reverseLookup(mapping, armPath, armValue);
  if (!target || target.blockOnly || target.value === undefined) return undefined;
  const hcl = typeof target.value === 'string' ? JSON.stringify(target.value) : String(target.value);
  return `Set ${[...target.blocks, target.attribute].join('.')} = ${hcl}`;
}

// ---------------------------------------------------------------------------------------------------------
// 2. Local (key) authentication
// ---------------------------------------------------------------------------------------------------------

interface LocalAuthSetting {
  readonly path: string;
  readonly value: EditValue;
  readonly title: Phrase;
}

const localAuthSettings: Readonly<Record<string, LocalAuthSetting>> = {
  'microsoft.search/searchservices': {
    path: 'properties.disableLocalAuth',
    value: true,
    title: { arm: 'Set disableLocalAuth to true', azurerm: 'Set local_authentication_enabled = false' },
  },
  'microsoft.documentdb/databaseaccounts': {
    path: 'properties.disableLocalAuth',
    value: true,
    title: { arm: 'Set disableLocalAuth to true', azurerm: 'Set local_authentication_disabled = true' },
  },
  'microsoft.storage/storageaccounts': {
    path: 'properties.allowSharedKeyAccess',
    value: false,
    title: { arm: 'Set allowSharedKeyAccess to false', azurerm: 'Set shared_access_key_enabled = false' },
  },
  'microsoft.containerregistry/registries': {
    path: 'properties.adminUserEnabled',
    value: false,
    title: { arm: 'Set adminUserEnabled to false', azurerm: 'Set admin_enabled = false' },
  },
};

const defaultLocalAuth: LocalAuthSetting = {
  path: 'properties.disableLocalAuth',
  value: true,
  title: { arm: 'Set disableLocalAuth to true', azurerm: 'Set local_auth_enabled = false' },
};

/**
 * Disables key-based (local) authentication: `disableLocalAuth: true` for AI Services, Search, Cosmos DB and
 * most services; `allowSharedKeyAccess: false` for storage; `adminUserEnabled: false` for registries. For AI
 * Search it also removes `authOptions` (the API rejects both together): unsafe then, since it deletes content.
 */
export function disableLocalAuthFix(resource: Resource): Fix {
  const setting = localAuthSettings[lower(resource.type)] ?? defaultLocalAuth;
  const edits: ModelEdit[] = [{ kind: 'set', resource, path: setting.path, value: setting.value }];
  const removesAuthOptions =
    lower(resource.type) === 'microsoft.search/searchservices' && resource.get('properties.authOptions') !== undefined;
  // azurerm writes authOptions as `authentication_failure_mode` (only valid while local auth is enabled).
  const azurerm = dialectOf(resource) === 'azurerm';
  const authOptionsPath = azurerm ? 'properties.authOptions.aadOrApiKey.aadAuthFailureMode' : 'properties.authOptions';
  if (removesAuthOptions) edits.push({ kind: 'remove', resource, path: authOptionsPath });
  return {
    title:
      phrase(resource, setting.title) +
      (removesAuthOptions
        ? phrase(resource, { arm: ' and remove authOptions', azurerm: ' and remove authentication_failure_mode' })
        : ''),
    applicability: removesAuthOptions ? 'unsafe' : 'safe',
    edits,
  };
}

// ---------------------------------------------------------------------------------------------------------
// 3. User-assigned managed identity
// ---------------------------------------------------------------------------------------------------------

export const USER_ASSIGNED_IDENTITY_TYPE = 'Microsoft.ManagedIdentity/userAssignedIdentities';
const IDENTITY_API_VERSION = '2023-01-31';

/** Types whose `properties.primaryUserAssignedIdentity` must name the identity when it is user-assigned only. */
const primaryIdentityTypes = new Set(['microsoft.machinelearningservices/workspaces']);

/**
 * "Switch to a user-assigned identity": first a fix that adds a new identity next to the resource and assigns
 * it, then one per user-assigned identity already deployed in the same file (Terraform: the same module),
 * which assigns that one instead. All unsafe: they add a resource or choose an identity for the user.
 */
export function userAssignedIdentityFixes(resource: Resource, workspace?: WorkspaceView): Fix[] {
  const fixes: Fix[] = [];
  const handle: NewResourceHandle = { $new: 'identity' };
  const baseName = symbolBase(resource);
  fixes.push({
    title: phrase(resource, {
      arm: 'Add a user-assigned identity and assign it',
      azurerm: 'Add an azurerm_user_assigned_identity and assign it',
    }),
    applicability: 'unsafe',
    edits: [
      {
        kind: 'addResource',
        near: resource,
        handle,
        type: USER_ASSIGNED_IDENTITY_TYPE,
        apiVersion: IDENTITY_API_VERSION,
        name: `${baseName}Identity`,
        body: {
          name: { $expr: 'concat', parts: [{ $expr: 'copy', resource, path: 'name' }, '-identity'] },
          location: { $expr: 'copy', resource, path: 'location' },
        },
      },
      ...assignIdentity(resource, handle),
    ],
  });
  for (const identity of workspace?.resources(USER_ASSIGNED_IDENTITY_TYPE) ?? []) {
    if (!sameModule(identity, resource) || identity.inLoop) continue;
    fixes.push({
      title: `Assign user-assigned identity '${identity.displayName}'`,
      applicability: 'unsafe',
      edits: assignIdentity(resource, identity),
    });
  }
  return fixes;
}

function assignIdentity(resource: Resource, identity: Resource | NewResourceHandle): ModelEdit[] {
  const id: EditValue = { $expr: 'reference', resource: identity, attribute: 'id' };
  const edits: ModelEdit[] = [
    { kind: 'set', resource, path: 'identity.type', value: 'UserAssigned' },
    {
      kind: 'set',
      resource,
      path: 'identity.userAssignedIdentities',
      value: { $expr: 'entries', entries: [{ key: id, value: {} }] },
    },
  ];
  if (primaryIdentityTypes.has(lower(resource.type))) {
    edits.push({ kind: 'set', resource, path: 'properties.primaryUserAssignedIdentity', value: id });
  }
  return edits;
}

/** Same file, or for Terraform the same module directory (references work across its files). */
function sameModule(a: Resource, b: Resource): boolean {
  if (a.uri === b.uri) return true;
  if (a.language !== 'terraform' || b.language !== 'terraform') return false;
  const dir = (uri: string) => uri.slice(0, uri.lastIndexOf('/'));
  return dir(a.uri) === dir(b.uri);
}

// ---------------------------------------------------------------------------------------------------------
// 4. Private endpoint
// ---------------------------------------------------------------------------------------------------------

export const PRIVATE_ENDPOINT_API_VERSION = '2024-05-01';

export interface PrivateLinkTarget {
  /** The private link sub-resource (group id). */
  readonly groupId: string;
  /** The private DNS zones its records go in, and the parameter that takes each zone's resource id. */
  readonly zones: readonly { readonly zone: string; readonly parameter: string }[];
}

const zone = (name: string, parameter: string) => ({ zone: name, parameter });
const cognitiveZone = zone('privatelink.cognitiveservices.azure.com', 'cognitiveServicesPrivateDnsZoneId');
const openAiZone = zone('privatelink.openai.azure.com', 'openAiPrivateDnsZoneId');
const aiServicesZone = zone('privatelink.services.ai.azure.com', 'aiServicesPrivateDnsZoneId');

const privateLinkTargets: Readonly<Record<string, PrivateLinkTarget>> = {
  'microsoft.machinelearningservices/workspaces': {
    groupId: 'amlworkspace',
    zones: [
      zone('privatelink.api.azureml.ms', 'azureMlApiPrivateDnsZoneId'),
      zone('privatelink.notebooks.azure.net', 'azureMlNotebooksPrivateDnsZoneId'),
    ],
  },
  'microsoft.machinelearningservices/registries': {
    groupId: 'amlregistry',
    zones: [zone('privatelink.api.azureml.ms', 'azureMlApiPrivateDnsZoneId')],
  },
  'microsoft.search/searchservices': {
    groupId: 'searchService',
    zones: [zone('privatelink.search.windows.net', 'searchPrivateDnsZoneId')],
  },
  'microsoft.storage/storageaccounts': {
    groupId: 'blob',
    zones: [zone('privatelink.blob.core.windows.net', 'blobPrivateDnsZoneId')],
  },
  'microsoft.keyvault/vaults': {
    groupId: 'vault',
    zones: [zone('privatelink.vaultcore.azure.net', 'keyVaultPrivateDnsZoneId')],
  },
  'microsoft.containerregistry/registries': {
    groupId: 'registry',
    zones: [zone('privatelink.azurecr.io', 'containerRegistryPrivateDnsZoneId')],
  },
  'microsoft.documentdb/databaseaccounts': {
    groupId: 'Sql',
    zones: [zone('privatelink.documents.azure.com', 'cosmosDbPrivateDnsZoneId')],
  },
  'microsoft.appconfiguration/configurationstores': {
    groupId: 'configurationStores',
    zones: [zone('privatelink.azconfig.io', 'appConfigurationPrivateDnsZoneId')],
  },
  'microsoft.eventhub/namespaces': {
    groupId: 'namespace',
    zones: [zone('privatelink.servicebus.windows.net', 'serviceBusPrivateDnsZoneId')],
  },
  'microsoft.web/sites': {
    groupId: 'sites',
    zones: [zone('privatelink.azurewebsites.net', 'webAppsPrivateDnsZoneId')],
  },
};

/** The group id and DNS zones of a private endpoint for `resource` (kind-aware for AI Services accounts). */
export function privateLinkTarget(resource: Resource, groupId?: string): PrivateLinkTarget | undefined {
  const type = lower(resource.type);
  if (type === 'microsoft.cognitiveservices/accounts') {
    const kind = resource.get('kind');
    const kindText = kind?.kind === 'literal' && typeof kind.value === 'string' ? kind.value.toLowerCase() : '';
    const zones =
      kindText === 'openai'
        ? [openAiZone, cognitiveZone]
        : kindText === 'aiservices'
          ? [cognitiveZone, openAiZone, aiServicesZone]
          : [cognitiveZone];
    return { groupId: groupId ?? 'account', zones };
  }
  const known = privateLinkTargets[type];
  if (!known) return undefined;
  if (groupId === undefined || groupId.toLowerCase() === known.groupId.toLowerCase()) return known;
  if (type === 'microsoft.storage/storageaccounts') {
    const service = groupId.toLowerCase();
    return { groupId, zones: [zone(`privatelink.${service}.core.windows.net`, `${service}PrivateDnsZoneId`)] };
  }
  return undefined;
}

export const PRIVATE_ENDPOINT_SUBNET_PARAMETER = 'privateEndpointSubnetId';

/**
 * Adds a private endpoint for `resource` (sub-resource `groupId`, default per type) in a subnet given by a
 * new parameter, with a private DNS zone group that registers it in the service's `privatelink.*` zones
 * (one parameter per zone id). Unsafe: it adds resources and parameters the user must supply.
 */
export function privateEndpointFix(resource: Resource, groupId?: string): Fix | undefined {
  const target = privateLinkTarget(resource, groupId);
  if (!target || resource.inLoop) return undefined;
  const base = symbolBase(resource);
  const endpoint: NewResourceHandle = { $new: 'privateEndpoint' };
  const endpointName: EditValue = { $expr: 'concat', parts: [{ $expr: 'copy', resource, path: 'name' }, '-pe'] };
  const edits: ModelEdit[] = [
    {
      kind: 'addParameter',
      near: resource,
      name: PRIVATE_ENDPOINT_SUBNET_PARAMETER,
      type: 'string',
      description: 'Resource id of the subnet that holds private endpoints.',
    },
    ...target.zones.map((z): ModelEdit => ({
      kind: 'addParameter',
      near: resource,
      name: z.parameter,
      type: 'string',
      description: `Resource id of the private DNS zone ${z.zone}, linked to the virtual network of the endpoint.`,
    })),
    {
      kind: 'addResource',
      near: resource,
      handle: endpoint,
      type: 'Microsoft.Network/privateEndpoints',
      apiVersion: PRIVATE_ENDPOINT_API_VERSION,
      name: `${base}PrivateEndpoint`,
      body: {
        name: endpointName,
        location: { $expr: 'copy', resource, path: 'location' },
        properties: {
          subnet: { id: { $expr: 'parameter', name: PRIVATE_ENDPOINT_SUBNET_PARAMETER } },
          privateLinkServiceConnections: [
            {
              name: endpointName,
              properties: {
                privateLinkServiceId: { $expr: 'reference', resource, attribute: 'id' },
                groupIds: [target.groupId],
              },
            },
          ],
        },
      },
    },
    {
      kind: 'addResource',
      near: resource,
      handle: { $new: 'privateDnsZoneGroup' },
      type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
      apiVersion: PRIVATE_ENDPOINT_API_VERSION,
      name: `${base}PrivateDnsZoneGroup`,
      body: {
        parent: { $expr: 'reference', resource: endpoint, attribute: '' },
        name: 'default',
        properties: {
          privateDnsZoneConfigs: target.zones.map((z) => ({
            name: z.zone.replace(/\./g, '-'),
            properties: { privateDnsZoneId: { $expr: 'parameter', name: z.parameter } },
          })),
        },
      },
    },
  ];
  return {
    title: phrase(resource, {
      arm: `Add a private endpoint (group '${target.groupId}') with a private DNS zone group`,
      azurerm: `Add an azurerm_private_endpoint (subresource "${target.groupId}") with a private DNS zone group`,
    }),
    applicability: 'unsafe',
    edits,
  };
}

/** A symbol-friendly base for names of added resources: the Bicep symbol / Terraform local name / ARM name. */
function symbolBase(resource: Resource): string {
  const key = resource.key.split('::').pop() ?? resource.key;
  // Terraform addresses: the local name; ARM `<type>/<name>` keys: the type's last segment, singular.
  const candidate = key.includes('/')
    ? (resource.type.split('/').pop() ?? 'resource').replace(/s$/, '')
    : key.slice(key.lastIndexOf('.') + 1).replace(/\[.*$/, '');
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(candidate) ? candidate : 'resource';
}
