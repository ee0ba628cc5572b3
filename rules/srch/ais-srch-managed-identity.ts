// AIS-SRCH-MANAGED-IDENTITY (matrix row 37): indexers, skills and vectorizers reach storage, Azure OpenAI and
// Key Vault with the service's managed identity instead of keys in connection strings. Any managed identity
// passes (Checkov and PSRule accept only SystemAssigned). Not on the free tier.
import { defineRule, requireProperty } from '../../server/src/model';
import { hasManagedIdentity, systemAssignedFix } from '../cog/identity';
import { SEARCH_TYPE, unlessFree } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-SRCH-MANAGED-IDENTITY',
    title: 'Give AI Search services a managed identity',
    severity: 'medium',
    pillar: 'identity',
    resourceTypes: [SEARCH_TYPE],
    peers: { checkov: ['CKV_AZURE_207'], psrule: ['Azure.Search.ManagedIdentity'] },
    fix: 'safe',
  },
  check(context) {
    for (const service of context.resources) {
      unlessFree(context, service, 'has a managed identity', (inner) => {
        requireProperty(inner, service, {
          path: 'identity.type',
          isSecure: hasManagedIdentity,
          absent: 'fail',
          describe: {
            secureState: 'has a managed identity',
            problem: 'has no managed identity',
            remedy: {
              arm: "set identity.type to 'SystemAssigned' (or 'UserAssigned')",
              azurerm: 'add an identity block',
            },
            setting: { arm: 'identity.type', azurerm: 'identity.type' },
          },
          fix: systemAssignedFix,
        });
      });
    }
  },
});
