// AIS-ML-UAI (matrix row 23): a user-assigned identity outlives the workspace and can be granted its roles
// (storage, Key Vault, registry) before the workspace exists, so access is managed independently of it.
import { defineRule, judge, reportJudgement, userAssignedIdentityFixes } from '../../server/src/model';
import { judgeSet } from './applicability';
import { WORKSPACE_TYPE } from './shared';

const TYPE = 'identity.type';
const PRIMARY = 'properties.primaryUserAssignedIdentity';

export default defineRule({
  meta: {
    id: 'AIS-ML-UAI',
    title: 'Give Machine Learning workspaces a user-assigned managed identity',
    severity: 'low',
    pillar: 'identity',
    resourceTypes: [WORKSPACE_TYPE],
    peers: {
      psrule: ['Azure.ML.UserManagedIdentity'],
      policy: ['Azure Machine Learning workspaces should use user-assigned managed identity'],
    },
    fix: 'unsafe',
  },
  check(context) {
    for (const workspace of context.resources) {
      const type = judge(
        workspace.get(TYPE),
        (value) => typeof value === 'string' && /userassigned/i.test(value),
        'fail',
      );
      if (type.outcome !== 'pass') {
        reportJudgement(context, workspace, type, {
          path: TYPE,
          describe: {
            secureState: 'uses a user-assigned managed identity',
            problem: type.absent ? 'has no user-assigned managed identity' : 'uses only a system-assigned identity',
            remedy: {
              arm: "set identity.type to 'UserAssigned' with identity.userAssignedIdentities and properties.primaryUserAssignedIdentity",
              azurerm:
                'use identity { type = "UserAssigned", identity_ids = [...] } and set primary_user_assigned_identity',
            },
            setting: { arm: TYPE, azurerm: 'identity.type' },
          },
          // Unsafe: adds an identity resource, or picks one of the workspace's identities for the user.
          fixes: (resource) => userAssignedIdentityFixes(resource, context.workspace),
        });
        continue;
      }
      reportJudgement(context, workspace, judgeSet(workspace.get(PRIMARY)), {
        path: PRIMARY,
        describe: {
          secureState: 'names its primary user-assigned identity',
          problem: 'has a user-assigned identity but does not name it as primary, so the system identity acts for it',
          remedy: {
            arm: 'set properties.primaryUserAssignedIdentity to the identity resource id',
            azurerm: 'set primary_user_assigned_identity to the identity id',
          },
          setting: { arm: PRIMARY, azurerm: 'primary_user_assigned_identity' },
        },
      });
    }
  },
});
