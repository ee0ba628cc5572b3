// AIS-AKS-NETWORK-POLICY (matrix row 61): a network policy engine lets pod-to-pod traffic be restricted
// (model servers reachable only from their gateway); without one every pod can reach every other pod.
import { defineRule, requireProperty, setFix, type Predicate } from '../../server/src/model';
import { CLUSTER_TYPE } from './shared';

const POLICY = 'properties.networkProfile.networkPolicy';

const hasPolicyEngine: Predicate = (value) =>
  typeof value === 'string' && value.trim() !== '' && value.trim().toLowerCase() !== 'none';

export default defineRule({
  meta: {
    id: 'AIS-AKS-NETWORK-POLICY',
    title: 'Enable a network policy engine on AKS clusters',
    severity: 'medium',
    pillar: 'network',
    resourceTypes: [CLUSTER_TYPE],
    peers: {
      checkov: ['CKV_AZURE_7'],
      trivy: ['AVD-AZU-0043'],
      psrule: ['Azure.AKS.NetworkPolicy'],
    },
    fix: 'unsafe',
  },
  check(context) {
    for (const cluster of context.resources) {
      requireProperty(context, cluster, {
        path: POLICY,
        isSecure: hasPolicyEngine,
        // Absent: no network policy engine.
        absent: 'fail',
        describe: {
          secureState: 'enables a network policy engine',
          problem: 'has no network policy engine, so network policies are not enforced',
          remedy: {
            arm: "set properties.networkProfile.networkPolicy to 'azure', 'calico' or 'cilium'",
            azurerm: 'set network_policy = "azure" (or "calico", "cilium") in network_profile',
          },
          setting: { arm: POLICY, azurerm: 'network_profile.network_policy' },
        },
        // Unsafe: the engine is a design choice (cilium needs the cilium data plane, azure needs Azure CNI);
        // calico works with kubenet and Azure CNI, and changing the engine may replace the cluster.
        fix: (resource) =>
          setFix(
            resource,
            POLICY,
            'calico',
            {
              arm: "Set networkProfile.networkPolicy to 'calico'",
              azurerm: 'Set network_profile.network_policy = "calico"',
            },
            'unsafe',
          ),
      });
    }
  },
});
