// AIS-MLC-NO-PUBLIC-IP (matrix row 26): compute nodes without public IP addresses cannot be reached from the
// internet; they need a subnet (AIS-MLC-VNET) or a workspace managed network. Absent = public IP.
import { defineRule, equals, requireProperty, setFix } from '../../server/src/model';
import { CLUSTER, COMPUTE_TYPE, forComputeTypes, INSTANCE } from './shared';

const PUBLIC_IP = 'properties.properties.enableNodePublicIp';

export default defineRule({
  meta: {
    id: 'AIS-MLC-NO-PUBLIC-IP',
    title: 'Deploy Machine Learning compute without public IP addresses',
    severity: 'high',
    pillar: 'network',
    resourceTypes: [COMPUTE_TYPE],
    peers: {},
    fix: 'unsafe',
  },
  check(context) {
    for (const compute of context.resources) {
      forComputeTypes(context, compute, [INSTANCE, CLUSTER], 'has no public IP address', (inner) => {
        requireProperty(inner, compute, {
          path: PUBLIC_IP,
          isSecure: equals(false),
          absent: 'fail',
          describe: {
            secureState: 'has no public IP address',
            problem: 'gives its nodes public IP addresses',
            remedy: {
              arm: 'set properties.properties.enableNodePublicIp to false (with a subnet or a workspace managed network)',
              azurerm: 'set node_public_ip_enabled = false (with subnet_resource_id or a workspace managed network)',
            },
            setting: { arm: PUBLIC_IP, azurerm: 'node_public_ip_enabled' },
          },
          // Unsafe: the compute is recreated, and without a subnet or managed network it cannot be deployed.
          fix: (resource) =>
            setFix(
              resource,
              PUBLIC_IP,
              false,
              { arm: 'Set enableNodePublicIp to false', azurerm: 'Set node_public_ip_enabled = false' },
              'unsafe',
            ),
        });
      });
    }
  },
});
