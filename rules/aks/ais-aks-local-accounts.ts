// AIS-AKS-LOCAL-ACCOUNTS (matrix row 57): local Kubernetes accounts (the clusterAdmin kubeconfig with a
// static certificate) bypass Entra ID and cannot be audited per person; only Entra ID logins should work.
import { defineRule, equals, requireProperty, setFix } from '../../server/src/model';
import { CLUSTER_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-AKS-LOCAL-ACCOUNTS',
    title: 'Disable local accounts on AKS clusters',
    severity: 'high',
    pillar: 'identity',
    resourceTypes: [CLUSTER_TYPE],
    peers: {
      checkov: ['CKV_AZURE_141'],
      psrule: ['Azure.AKS.LocalAccounts'],
      policy: ['Azure Kubernetes Service Clusters should have local authentication methods disabled'],
    },
    fix: 'safe',
  },
  check(context) {
    for (const cluster of context.resources) {
      requireProperty(context, cluster, {
        path: 'properties.disableLocalAccounts',
        isSecure: equals(true),
        // Absent: false (local accounts enabled).
        absent: 'fail',
        describe: {
          secureState: 'disables local accounts',
          problem: 'keeps local accounts (a static cluster-admin credential)',
          remedy: {
            arm: 'set properties.disableLocalAccounts to true (with Microsoft Entra integration in aadProfile)',
            azurerm:
              'set local_account_disabled = true (with an azure_active_directory_role_based_access_control block)',
          },
          setting: { arm: 'properties.disableLocalAccounts', azurerm: 'local_account_disabled' },
        },
        // The service rejects disabled local accounts without Entra integration: offer the edit only then.
        fix: (resource) =>
          resource.get('properties.aadProfile') === undefined
            ? undefined
            : setFix(
                resource,
                'properties.disableLocalAccounts',
                true,
                { arm: 'Set disableLocalAccounts to true', azurerm: 'Set local_account_disabled = true' },
                'safe',
              ),
      });
    }
  },
});
