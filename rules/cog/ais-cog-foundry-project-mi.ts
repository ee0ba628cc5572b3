// AIS-COG-FOUNDRY-PROJECT-MI (matrix row 11): a Foundry project (accounts/projects) acts with its own
// identity when it connects to storage, search and models; without one it cannot use keyless connections.
import { defineRule, requireProperty, userAssignedIdentityFixes } from '../../server/src/model';
import { PROJECT_TYPE } from './shared';
import { hasManagedIdentity, systemAssignedFix } from './identity';

export default defineRule({
  meta: {
    id: 'AIS-COG-FOUNDRY-PROJECT-MI',
    title: 'Give AI Foundry projects a managed identity',
    severity: 'medium',
    pillar: 'identity',
    resourceTypes: [PROJECT_TYPE],
    peers: {},
    fix: 'safe',
  },
  check(context) {
    for (const project of context.resources) {
      requireProperty(context, project, {
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
