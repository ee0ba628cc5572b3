// AIS-AKS-WORKLOAD-IDENTITY (matrix row 62): pods reach Azure OpenAI, Search, Storage and Key Vault with
// Entra workload identity (federated tokens) instead of keys or secrets mounted into the pod.
import { allOf, defineRule, equals, judge, reportJudgement, setManyFix } from '../../server/src/model';
import { CLUSTER_TYPE } from './shared';

const OIDC = 'properties.oidcIssuerProfile.enabled';
const WORKLOAD = 'properties.securityProfile.workloadIdentity.enabled';

export default defineRule({
  meta: {
    id: 'AIS-AKS-WORKLOAD-IDENTITY',
    title: 'Enable workload identity on AKS clusters',
    severity: 'medium',
    pillar: 'identity',
    resourceTypes: [CLUSTER_TYPE],
    peers: {},
    fix: 'unsafe',
  },
  check(context) {
    for (const cluster of context.resources) {
      // Absent: both off.
      const oidc = judge(cluster.get(OIDC), equals(true), 'fail');
      const workload = judge(cluster.get(WORKLOAD), equals(true), 'fail');
      const decides = allOf(workload, oidc);
      const isWorkload = decides === workload;
      reportJudgement(context, cluster, decides, {
        path: isWorkload ? WORKLOAD : OIDC,
        describe: {
          secureState: 'enables workload identity',
          problem: isWorkload
            ? 'does not enable workload identity'
            : 'enables workload identity without the OIDC issuer it needs',
          remedy: {
            arm: 'set properties.oidcIssuerProfile.enabled and properties.securityProfile.workloadIdentity.enabled to true',
            azurerm: 'set oidc_issuer_enabled = true and workload_identity_enabled = true',
          },
          setting: isWorkload
            ? { arm: WORKLOAD, azurerm: 'workload_identity_enabled' }
            : { arm: OIDC, azurerm: 'oidc_issuer_enabled' },
        },
        // Unsafe: the OIDC issuer cannot be disabled once enabled.
        fix: (resource) =>
          setManyFix(
            resource,
            [
              [OIDC, true],
              [WORKLOAD, true],
            ],
            {
              arm: 'Enable the OIDC issuer and workload identity (the issuer cannot be disabled later)',
              azurerm:
                'Set oidc_issuer_enabled and workload_identity_enabled = true (the issuer cannot be disabled later)',
            },
            'unsafe',
          ),
      });
    }
  },
});
