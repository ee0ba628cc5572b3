// App Service web apps and function apps: what matters here is where app settings and connection strings
// land (AIS-SEC-KEY-PLUMBING looks for keys passed in them). Source: azurerm linux/windows_web_app and
// linux/windows_function_app docs.
import { attr, block, identityBlock, publicNetworkAccess } from './dsl';
import { mapToNameValueList, namedItem } from './transforms';
import type { AttributeMapping, BlockMapping, ResourceMapping } from './types';

const SITE = 'Microsoft.Web/sites';

const siteAttributes: readonly AttributeMapping[] = [
  attr('service_plan_id', 'properties.serverFarmId'),
  attr('app_settings', 'properties.siteConfig.appSettings', { convert: mapToNameValueList }),
  attr('https_only', 'properties.httpsOnly', { providerDefault: false }),
  publicNetworkAccess(),
  attr('client_certificate_enabled', 'properties.clientCertEnabled'),
  attr('key_vault_reference_identity_id', 'properties.keyVaultReferenceIdentity'),
  attr('virtual_network_subnet_id', 'properties.virtualNetworkSubnetId'),
  attr('enabled', 'properties.enabled'),
];

const siteBlocks: readonly BlockMapping[] = [
  identityBlock,
  block(
    'connection_string',
    'properties.siteConfig.connectionStrings',
    [attr('name', 'name'), attr('type', 'type'), attr('value', 'connectionString')],
    { repeated: true },
  ),
  block('site_config', 'properties.siteConfig', [
    attr('minimum_tls_version', 'minTlsVersion'),
    attr('ftps_state', 'ftpsState'),
    attr('http2_enabled', 'http20Enabled'),
    attr('remote_debugging_enabled', 'remoteDebuggingEnabled'),
    attr('vnet_route_all_enabled', 'vnetRouteAllEnabled'),
    attr('always_on', 'alwaysOn'),
  ]),
];

/** Function apps also take the storage key directly: it ends up in the AzureWebJobsStorage setting. */
const functionAttributes: readonly AttributeMapping[] = [
  ...siteAttributes,
  attr('storage_account_access_key', 'properties.siteConfig.appSettings[]', {
    convert: namedItem('AzureWebJobsStorage'),
  }),
  attr('storage_account_name', 'properties.storageAccountName'),
  attr('storage_uses_managed_identity', 'properties.storageUsesManagedIdentity'),
];

export const webMappings: readonly ResourceMapping[] = [
  {
    sourceType: 'azurerm_linux_web_app',
    armType: SITE,
    kind: 'app,linux',
    attributes: siteAttributes,
    blocks: siteBlocks,
  },
  { sourceType: 'azurerm_windows_web_app', armType: SITE, kind: 'app', attributes: siteAttributes, blocks: siteBlocks },
  {
    sourceType: 'azurerm_linux_function_app',
    armType: SITE,
    kind: 'functionapp,linux',
    attributes: functionAttributes,
    blocks: siteBlocks,
  },
  {
    sourceType: 'azurerm_windows_function_app',
    armType: SITE,
    kind: 'functionapp',
    attributes: functionAttributes,
    blocks: siteBlocks,
  },
  {
    sourceType: 'azurerm_service_plan',
    armType: 'Microsoft.Web/serverfarms',
    attributes: [attr('sku_name', 'sku.name'), attr('os_type', 'kind')],
    blocks: [],
  },
];

// Older (2.x/3.x) single-resource forms, same mapping.
export const legacyWebMappings = [
  { ...webMappings[0], sourceType: 'azurerm_app_service', kind: 'app' },
  { ...webMappings[2], sourceType: 'azurerm_function_app', kind: 'functionapp' },
];
