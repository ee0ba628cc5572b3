// AIS-MLC-LOCAL-AUTH (matrix row 25): compute instances and clusters accept only Microsoft Entra ID and
// managed identities, not local (key) authentication. Absent = local auth enabled.
import { defineRule, equals, requireProperty, setFix } from '../../server/src/model';
import { CLUSTER, COMPUTE_TYPE, forComputeTypes, INSTANCE } from './shared';

const DISABLE = 'properties.disableLocalAuth';

export default defineRule({
  meta: {
    id: 'AIS-MLC-LOCAL-AUTH',
    title: 'Disable local authentication on Machine Learning compute instances and clusters',
    severity: 'high',
    pillar: 'identity',
    resourceTypes: [COMPUTE_TYPE],
    peers: {
      checkov: ['CKV_AZURE_142'],
      psrule: ['Azure.ML.DisableLocalAuth'],
      policy: [
        'Azure Machine Learning Computes should have local authentication methods disabled',
        'Configure Azure Machine Learning Computes to disable local authentication methods',
      ],
    },
    fix: 'unsafe',
  },
  check(context) {
    for (const compute of context.resources) {
      forComputeTypes(context, compute, [INSTANCE, CLUSTER], 'disables local authentication', (inner) => {
        requireProperty(inner, compute, {
          path: DISABLE,
          isSecure: equals(true),
          absent: 'fail',
          describe: {
            secureState: 'disables local authentication',
            problem: 'allows local authentication',
            remedy: { arm: 'set properties.disableLocalAuth to true', azurerm: 'set local_auth_enabled = false' },
            setting: { arm: DISABLE, azurerm: 'local_auth_enabled' },
          },
          // Unsafe: compute settings cannot be updated in place; the compute is recreated (azurerm ForceNew).
          fix: (resource) =>
            setFix(
              resource,
              DISABLE,
              true,
              { arm: 'Set disableLocalAuth to true', azurerm: 'Set local_auth_enabled = false' },
              'unsafe',
            ),
        });
      });
    }
  },
});
