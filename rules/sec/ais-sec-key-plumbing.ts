// AIS-SEC-KEY-PLUMBING (matrix row 71): a template that reads an account key (listKeys(), primary_access_key
// …) and hands it to an app, a container or a Key Vault secret builds key-based access into the workload.
// A managed identity with a data-plane role needs no key at all, and the key can then be disabled.
import {
  capitalize,
  defineRule,
  resourceLabel,
  secretSources,
  type Resource,
  type SecretSource,
  type WorkspaceView,
} from '../../server/src/model';
import { describeSecret } from './shared';

/**
 * Services whose clients can authenticate with Microsoft Entra ID instead of the key: passing their key is a
 * choice. Keys of other services (Bing Search, Maps, Log Analytics agents' shared keys …) are the only way in,
 * so they are not reported.
 */
const KEYLESS_CAPABLE = new Set([
  'microsoft.cognitiveservices/accounts',
  'microsoft.search/searchservices',
  'microsoft.storage/storageaccounts',
  'microsoft.documentdb/databaseaccounts',
  'microsoft.containerregistry/registries',
  'microsoft.machinelearningservices/workspaces',
  'microsoft.eventhub/namespaces',
  'microsoft.servicebus/namespaces',
  'microsoft.appconfiguration/configurationstores',
  'microsoft.cache/redis',
  'microsoft.signalrservice/signalr',
  'microsoft.signalrservice/webpubsub',
]);

/** azurerm resource types of those services, for key attributes read by source text. */
const AZURERM_TYPES: Readonly<Record<string, string>> = {
  azurerm_cognitive_account: 'microsoft.cognitiveservices/accounts',
  azurerm_ai_services: 'microsoft.cognitiveservices/accounts',
  azurerm_search_service: 'microsoft.search/searchservices',
  azurerm_storage_account: 'microsoft.storage/storageaccounts',
  azurerm_cosmosdb_account: 'microsoft.documentdb/databaseaccounts',
  azurerm_container_registry: 'microsoft.containerregistry/registries',
  azurerm_eventhub_namespace: 'microsoft.eventhub/namespaces',
  azurerm_servicebus_namespace: 'microsoft.servicebus/namespaces',
  azurerm_app_configuration: 'microsoft.appconfiguration/configurationstores',
  azurerm_redis_cache: 'microsoft.cache/redis',
};

/** Resources that pass values to running code or store them: app settings, container env, secrets, connections. */
export const CONSUMER_TYPES = [
  'Microsoft.Web/sites',
  'Microsoft.Web/sites/slots',
  'Microsoft.Web/sites/config',
  'Microsoft.Web/sites/slots/config',
  'Microsoft.App/containerApps',
  'Microsoft.App/jobs',
  'Microsoft.ContainerInstance/containerGroups',
  'Microsoft.KeyVault/vaults/secrets',
  'Microsoft.CognitiveServices/accounts/connections',
  'Microsoft.CognitiveServices/accounts/projects/connections',
  'Microsoft.MachineLearningServices/workspaces/connections',
];

export default defineRule({
  meta: {
    id: 'AIS-SEC-KEY-PLUMBING',
    title: 'Use managed identities instead of passing service keys to apps and secrets',
    severity: 'medium',
    pillar: 'identity',
    resourceTypes: CONSUMER_TYPES,
    peers: {},
  },
  check(context) {
    for (const consumer of context.resources) {
      for (const source of secretSources(consumer.body)) {
        if (source.path === 'name' || source.path.startsWith('tags')) continue;
        const owner = ownerType(context.workspace, source, consumer);
        if (owner !== undefined && !KEYLESS_CAPABLE.has(owner)) continue;
        const secret = describeSecret(context.workspace, source, consumer);
        const remedy =
          'give the workload a managed identity and a data-plane role on the service instead of passing its key (then disable key access)';
        if (conditional(source)) {
          context.report({
            resource: consumer,
            path: source.path,
            value: source.value,
            certainty: 'unverifiable',
            message: `Cannot verify that ${resourceLabel(consumer)} is not given ${secret}: the value picks it under a condition aisec cannot evaluate. If that branch is used, ${remedy}.`,
          });
          continue;
        }
        context.report({
          resource: consumer,
          path: source.path,
          value: source.value,
          message: `${capitalize(resourceLabel(consumer))} ${verb(consumer)} ${secret}: ${remedy}.`,
        });
      }
    }
  },
});

function verb(consumer: Resource): string {
  return consumer.isType('Microsoft.KeyVault/vaults/secrets') ? 'stores' : 'is given';
}

/** Lower-case ARM type of the service whose key this is, when it can be told. */
function ownerType(workspace: WorkspaceView, source: SecretSource, from: Resource): string | undefined {
  if (source.reference) {
    const owner = workspace.resolve(source.reference, from);
    if (owner) return owner.type.toLowerCase();
    if (source.reference.type) return source.reference.type.toLowerCase();
  }
  const text = source.value.kind === 'unknown' ? source.value.text : '';
  const byId = /\blist\w*\(\s*(?:\w*resourceId\(\s*)?'(Microsoft\.[\w.]+\/\w+)'/i.exec(text);
  if (byId) return byId[1].toLowerCase();
  const byAttribute = /\b(azurerm_[a-z0-9_]+)\.[\w-]+(?:\[[^\]]*\])?\.\w+/.exec(text);
  if (byAttribute) return AZURERM_TYPES[byAttribute[1]] ?? byAttribute[1];
  return undefined;
}

/** A key found only in the source text of an expression that chooses between branches (ARM if(), `?:`). */
function conditional(source: SecretSource): boolean {
  if (source.reference || source.value.kind !== 'unknown') return false;
  return /\bif\s*\(|\s\?\s/.test(source.value.text);
}
