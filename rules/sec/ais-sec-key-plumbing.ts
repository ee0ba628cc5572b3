// AIS-SEC-KEY-PLUMBING (matrix row 71): a template that reads an account key (listKeys(), primary_access_key
// …) and hands it to an app, a container or a Key Vault secret builds key-based access into the workload.
// A managed identity with a data-plane role needs no key at all, and the key can then be disabled.
import { capitalize, defineRule, resourceLabel, secretSources, type Resource } from '../../server/src/model';
import { describeSecret } from './shared';

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
        context.report({
          resource: consumer,
          path: source.path,
          value: source.value,
          message: `${capitalize(resourceLabel(consumer))} ${verb(consumer)} ${describeSecret(context.workspace, source, consumer)}: give the workload a managed identity and a data-plane role on the service instead of passing its key (then disable key access).`,
        });
      }
    }
  },
});

function verb(consumer: Resource): string {
  return consumer.isType('Microsoft.KeyVault/vaults/secrets') ? 'stores' : 'is given';
}
