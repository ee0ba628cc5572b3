// AIS-COG-MANAGED-IDENTITY (matrix row 8): an account reaches storage, Key Vault and search with a managed
// identity instead of stored keys. Applies to every kind (PSRule now checks TextAnalytics only).
import { defineRule, requireProperty, userAssignedIdentityFixes } from '../../server/src/model';
import { ACCOUNT_TYPE } from './shared';
import { hasManagedIdentity, systemAssignedFix } from './identity';

export default defineRule({
  meta: {
    id: 'AIS-COG-MANAGED-IDENTITY',
    title: 'Give AI Services accounts a managed identity',
    severity: 'medium',
    pillar: 'identity',
    resourceTypes: [ACCOUNT_TYPE],
    peers: {
      checkov: ['CKV_AZURE_238'],
      psrule: ['Azure.AI.ManagedIdentity', 'Azure.Cognitive.ManagedIdentity'],
      policy: ['Cognitive Services accounts should use a managed identity'],
    },
    fix: 'safe',
  },
  check(context) {
    for (const account of context.resources) {
      requireProperty(context, account, {
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
        fixes: (resource, inner) => userAssignedIdentityFixes(resource, inner.workspace),
      });
    }
  },
});
