// AIS-MLC-VNET (matrix row 28): compute instances and clusters run in a subnet of the customer's virtual
// network, so network rules apply to them. Not applicable when the parent workspace isolates compute in a
// managed network (AIS-ML-MANAGED-NETWORK): a compute there has no subnet of its own.
import {
  cannotVerify,
  defineRule,
  judge,
  oneOf,
  reportJudgement,
  resourceLabel,
  type Resource,
  type RuleContext,
} from '../../server/src/model';
import { judgeSet } from '../ml/applicability';
import { CLUSTER, COMPUTE_TYPE, forComputeTypes, INSTANCE, parentWorkspace } from './shared';

const SUBNET = 'properties.properties.subnet.id';
const MANAGED_MODES = ['AllowInternetOutbound', 'AllowOnlyApprovedOutbound'];

export default defineRule({
  meta: {
    id: 'AIS-MLC-VNET',
    title: 'Run Machine Learning compute in a virtual network',
    severity: 'medium',
    pillar: 'network',
    resourceTypes: [COMPUTE_TYPE],
    peers: {
      psrule: ['Azure.ML.ComputeVnet'],
      policy: ['Azure Machine Learning Computes should be in a virtual network'],
    },
  },
  check(context) {
    for (const compute of context.resources) {
      forComputeTypes(context, compute, [INSTANCE, CLUSTER], 'runs in a virtual network', (inner) => {
        const subnet = judgeSet(compute.get(SUBNET));
        if (subnet.outcome === 'pass') return;
        const managed = managedByWorkspace(context, compute);
        if (managed === 'yes') return;
        if (managed !== 'no' && subnet.outcome === 'fail') {
          inner.report({
            resource: compute,
            path: SUBNET,
            value: subnet.value,
            certainty: 'unverifiable',
            message: cannotVerify(compute, 'runs in a virtual network', '', managed.reason),
          });
          return;
        }
        reportJudgement(inner, compute, subnet, {
          path: SUBNET,
          describe: {
            secureState: 'runs in a virtual network',
            problem: 'runs outside any virtual network, and its workspace has no managed network',
            remedy: {
              arm: "set properties.properties.subnet.id to a subnet of your virtual network (or isolate the workspace with managedNetwork.isolationMode 'AllowOnlyApprovedOutbound')",
              azurerm:
                'set subnet_resource_id to a subnet of your virtual network (or add managed_network to the workspace)',
            },
            setting: { arm: SUBNET, azurerm: 'subnet_resource_id' },
          },
        });
      });
    }
  },
});

/** Whether the compute's workspace isolates it in a managed network; with the reason when not known. */
function managedByWorkspace(context: RuleContext, compute: Resource): 'yes' | 'no' | { reason: string } {
  const workspace = parentWorkspace(context.workspace, compute);
  if (!workspace) return { reason: 'its workspace is not declared here, and it may use a managed network' };
  if (workspace.existing) {
    return {
      reason: `its workspace is the existing ${resourceLabel(workspace)}, which may use a managed network`,
    };
  }
  const mode = judge(
    workspace.get('properties.managedNetwork.isolationMode'),
    (v) => !oneOf(...MANAGED_MODES)(v),
    'pass',
  );
  if (mode.outcome === 'fail') return 'yes';
  if (mode.outcome === 'pass') return 'no';
  return { reason: `the managed network of ${resourceLabel(workspace)} is not known` };
}
