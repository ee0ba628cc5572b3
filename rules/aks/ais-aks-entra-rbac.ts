// AIS-AKS-ENTRA-RBAC (matrix row 58): Kubernetes RBAC is on, users sign in with Microsoft Entra ID
// (AKS-managed integration), and Azure RBAC authorizes Kubernetes actions, so access is granted by role
// assignments that are audited with the rest of the subscription.
import {
  defineRule,
  dialectOf,
  equals,
  judge,
  reportJudgement,
  setFix,
  type Judgement,
  type Resource,
} from '../../server/src/model';
import { CLUSTER_TYPE } from './shared';

const ENABLE_RBAC = 'properties.enableRBAC';
const AAD = 'properties.aadProfile';
const MANAGED = 'properties.aadProfile.managed';
const AZURE_RBAC = 'properties.aadProfile.enableAzureRBAC';

export default defineRule({
  meta: {
    id: 'AIS-AKS-ENTRA-RBAC',
    title: 'Use Microsoft Entra ID and Azure RBAC for AKS cluster access',
    severity: 'high',
    pillar: 'identity',
    resourceTypes: [CLUSTER_TYPE],
    peers: {
      checkov: ['CKV_AZURE_5'],
      kics: ['9307a2ed', '86f92117'],
      trivy: ['AVD-AZU-0042'],
      psrule: ['Azure.AKS.UseRBAC', 'Azure.AKS.AzureRBAC', 'Azure.AKS.ManagedAAD'],
      policy: [
        'Role-Based Access Control (RBAC) should be used on Kubernetes Services',
        'Azure Kubernetes Service Clusters should enable Microsoft Entra ID integration',
      ],
    },
    fix: 'safe',
  },
  check(context) {
    for (const cluster of context.resources) {
      // Absent enableRBAC: true.
      const rbac = judge(cluster.get(ENABLE_RBAC), equals(true), 'pass');
      if (rbac.outcome !== 'pass') {
        reportJudgement(context, cluster, rbac, {
          path: ENABLE_RBAC,
          describe: {
            secureState: 'enables Kubernetes RBAC',
            problem: 'disables Kubernetes RBAC, so every authenticated user is cluster admin',
            remedy: {
              arm: 'set properties.enableRBAC to true',
              azurerm: 'set role_based_access_control_enabled = true',
            },
            setting: { arm: ENABLE_RBAC, azurerm: 'role_based_access_control_enabled' },
          },
        });
        continue;
      }
      const integration = entraIntegration(cluster);
      if (integration.outcome !== 'pass') {
        reportJudgement(context, cluster, integration, {
          path: integration.absent ? AAD : MANAGED,
          describe: {
            secureState: 'uses AKS-managed Microsoft Entra integration',
            problem: 'has no AKS-managed Microsoft Entra ID integration',
            remedy: {
              arm: 'set properties.aadProfile to { managed: true, enableAzureRBAC: true }',
              azurerm: 'add azure_active_directory_role_based_access_control { azure_rbac_enabled = true }',
            },
            setting: { arm: MANAGED, azurerm: 'azure_active_directory_role_based_access_control' },
          },
        });
        continue;
      }
      reportJudgement(context, cluster, judge(cluster.get(AZURE_RBAC), equals(true), 'fail'), {
        path: AZURE_RBAC,
        describe: {
          secureState: 'authorizes Kubernetes actions with Azure RBAC',
          problem: 'authorizes Kubernetes actions with in-cluster bindings only, not Azure RBAC',
          remedy: {
            arm: 'set properties.aadProfile.enableAzureRBAC to true',
            azurerm: 'set azure_rbac_enabled = true in azure_active_directory_role_based_access_control',
          },
          setting: { arm: AZURE_RBAC, azurerm: 'azure_rbac_enabled' },
        },
        fix: (resource) =>
          setFix(
            resource,
            AZURE_RBAC,
            true,
            { arm: 'Set aadProfile.enableAzureRBAC to true', azurerm: 'Set azure_rbac_enabled = true' },
            'safe',
          ),
      });
    }
  },
});

/**
 * aadProfile present with managed = true. azurerm 4.x has no `managed` attribute (the block always means
 * managed integration), so there the block's presence is enough.
 */
function entraIntegration(cluster: Resource): Judgement {
  const profile = cluster.get(AAD);
  if (profile === undefined) return { outcome: 'fail', absent: true };
  if (profile.kind === 'unknown') return judge(profile, () => true, 'fail');
  if (dialectOf(cluster) === 'azurerm') return { outcome: 'pass', absent: false };
  return judge(cluster.get(MANAGED), equals(true), 'fail');
}
