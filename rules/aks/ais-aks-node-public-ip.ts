// AIS-AKS-NODE-PUBLIC-IP (matrix row 60): nodes (which run model-serving pods and hold their credentials)
// get no public IP address of their own; egress goes through the cluster's load balancer or NAT gateway.
import {
  defineRule,
  equals,
  itemsOf,
  judge,
  reportJudgement,
  setFix,
  type Resource,
  type RuleContext,
} from '../../server/src/model';
import { AGENT_POOL_TYPE, CLUSTER_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-AKS-NODE-PUBLIC-IP',
    title: 'Give AKS nodes no public IP addresses',
    severity: 'medium',
    pillar: 'compute',
    resourceTypes: [CLUSTER_TYPE, AGENT_POOL_TYPE],
    peers: { checkov: ['CKV_AZURE_143'] },
    fix: 'unsafe',
  },
  check(context) {
    for (const resource of context.resources) {
      if (resource.isType(AGENT_POOL_TYPE)) {
        checkPool(context, resource, 'properties.enableNodePublicIP');
        continue;
      }
      const { items } = itemsOf(resource.get('properties.agentPoolProfiles'));
      items.forEach((_, index) =>
        checkPool(context, resource, `properties.agentPoolProfiles.${index}.enableNodePublicIP`),
      );
    }
  },
});

function checkPool(context: RuleContext, resource: Resource, path: string): void {
  // Absent: false.
  reportJudgement(context, resource, judge(resource.get(path), equals(false), 'pass'), {
    path,
    describe: {
      secureState: 'gives its nodes no public IP addresses',
      problem: 'gives each node a public IP address',
      remedy: {
        arm: 'set enableNodePublicIP to false in the node pool',
        azurerm: 'set node_public_ip_enabled = false (azurerm 3.x: enable_node_public_ip) in the node pool',
      },
      setting: { arm: 'enableNodePublicIP', azurerm: 'node_public_ip_enabled' },
    },
    // Unsafe: changing it replaces the node pool (azurerm: ForceNew).
    fix: (target) =>
      setFix(
        target,
        path,
        false,
        {
          arm: 'Set enableNodePublicIP to false (recreates the node pool)',
          azurerm: 'Set node_public_ip_enabled = false (recreates the node pool)',
        },
        'unsafe',
      ),
  });
}
