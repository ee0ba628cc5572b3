// AIS-ML-MANAGED-NETWORK (matrix row 18): a workspace or AI Foundry hub isolates its compute in a managed
// virtual network that only reaches approved outbound destinations. Absent = 'Disabled' (no managed network).
import { defineRule, oneOf, requireProperty, setFix } from '../../server/src/model';
import { unlessProject, WORKSPACE_TYPE } from './shared';

const MODE = 'properties.managedNetwork.isolationMode';

export default defineRule({
  meta: {
    id: 'AIS-ML-MANAGED-NETWORK',
    title: 'Isolate Machine Learning workspaces and AI Foundry hubs in an approved-outbound-only managed network',
    severity: 'high',
    pillar: 'network',
    resourceTypes: [WORKSPACE_TYPE],
    peers: {
      policy: ['Azure Machine Learning and Ai Studio should use Allow Only Approved Outbound Managed Vnet mode'],
    },
    fix: 'unsafe',
  },
  check(context) {
    for (const workspace of context.resources) {
      const current = workspace.get(MODE);
      const internet = current?.kind === 'literal' && oneOf('AllowInternetOutbound')(current.value) === true;
      unlessProject(context, workspace, 'allows only approved outbound traffic', (inner) => {
        requireProperty(inner, workspace, {
          path: MODE,
          isSecure: oneOf('AllowOnlyApprovedOutbound'),
          absent: 'fail',
          describe: {
            secureState: 'allows only approved outbound traffic from a managed network',
            problem: internet
              ? 'lets its managed network reach any internet destination (AllowInternetOutbound)'
              : 'has no managed network isolation',
            remedy: {
              arm: "set properties.managedNetwork.isolationMode to 'AllowOnlyApprovedOutbound' and add outbound rules for the hosts it needs",
              azurerm:
                'add managed_network { isolation_mode = "AllowOnlyApprovedOutbound" } and outbound rules for the hosts it needs',
            },
            setting: { arm: MODE, azurerm: 'managed_network.isolation_mode' },
          },
          // Unsafe: once a managed network is enabled it cannot be switched off again, and outbound calls to
          // destinations without a rule stop working.
          fix: (resource) =>
            setFix(
              resource,
              MODE,
              'AllowOnlyApprovedOutbound',
              {
                arm: "Set managedNetwork.isolationMode to 'AllowOnlyApprovedOutbound'",
                azurerm: 'Set managed_network.isolation_mode = "AllowOnlyApprovedOutbound"',
              },
              'unsafe',
            ),
        });
      });
    }
  },
});
