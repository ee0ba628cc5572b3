// AIS-MLC-IDLE-SHUTDOWN (matrix row 29): an idle compute instance (a VM with the user's credentials and
// notebooks) should shut down, and a cluster should scale to zero nodes, so nothing runs unattended.
import { defineRule, equals, nonEmptyString, oneOf, requireProperty, setFix } from '../../server/src/model';
import { CLUSTER, COMPUTE_TYPE, computeTypeOf, forComputeTypes, INSTANCE } from './shared';

const IDLE = 'properties.properties.idleTimeBeforeShutdown';
const MIN_NODES = 'properties.properties.scaleSettings.minNodeCount';

export default defineRule({
  meta: {
    id: 'AIS-MLC-IDLE-SHUTDOWN',
    title: 'Shut down idle Machine Learning compute instances and scale clusters to zero',
    severity: 'low',
    pillar: 'compute',
    resourceTypes: [COMPUTE_TYPE],
    peers: {
      checkov: ['CKV_AZURE_150'],
      psrule: ['Azure.ML.ComputeIdleShutdown'],
      policy: ['Azure Machine Learning Compute Instance should have idle shutdown.'],
    },
    fix: 'safe',
  },
  check(context) {
    for (const compute of context.resources) {
      forComputeTypes(context, compute, [INSTANCE, CLUSTER], 'stops when idle', (inner) => {
        if (oneOf(INSTANCE)(computeTypeOf(compute)) === true) {
          requireProperty(inner, compute, {
            path: IDLE,
            isSecure: nonEmptyString,
            absent: 'fail',
            describe: {
              secureState: 'shuts down when idle',
              problem: 'keeps running when idle',
              remedy: {
                arm: "set properties.properties.idleTimeBeforeShutdown (for example 'PT60M')",
                azurerm: 'set an idle shutdown time (for example through azapi: idleTimeBeforeShutdown = "PT60M")',
              },
              setting: { arm: IDLE, azurerm: 'idleTimeBeforeShutdown' },
            },
            // Unsafe: the instance may have to be recreated for the setting to apply.
            fix: (resource) => setFix(resource, IDLE, 'PT60M', "Set idleTimeBeforeShutdown to 'PT60M'", 'unsafe'),
          });
          return;
        }
        requireProperty(inner, compute, {
          path: MIN_NODES,
          isSecure: equals(0),
          // Absent: 0.
          absent: 'pass',
          describe: {
            secureState: 'scales to zero nodes when idle',
            problem: 'keeps nodes running when idle',
            remedy: {
              arm: 'set properties.properties.scaleSettings.minNodeCount to 0',
              azurerm: 'set scale_settings.min_node_count = 0',
            },
            setting: { arm: MIN_NODES, azurerm: 'scale_settings.min_node_count' },
          },
          fix: (resource) =>
            setFix(
              resource,
              MIN_NODES,
              0,
              { arm: 'Set scaleSettings.minNodeCount to 0', azurerm: 'Set scale_settings.min_node_count = 0' },
              'safe',
            ),
        });
      });
    }
  },
});
