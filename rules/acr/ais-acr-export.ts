// AIS-ACR-EXPORT (matrix row 55): with exports disabled, images cannot be copied out of the registry (import
// into another registry, artifact export), closing an exfiltration path for model-serving images.
import { defineRule, equals, judge, requireProperty, setFix, setManyFix } from '../../server/src/model';
import { isPremium, REGISTRY_TYPE } from './shared';

const STATUS = 'properties.policies.exportPolicy.status';
const PUBLIC_ACCESS = 'properties.publicNetworkAccess';

export default defineRule({
  meta: {
    id: 'AIS-ACR-EXPORT',
    title: 'Disable exports from container registries',
    severity: 'low',
    pillar: 'network',
    resourceTypes: [REGISTRY_TYPE],
    peers: {
      psrule: ['Azure.ACR.ExportPolicy'],
      policy: ['Container registries should have exports disabled'],
    },
    fix: 'safe',
  },
  check(context) {
    for (const registry of context.resources) {
      // The setting exists only on the Premium SKU: a Basic or Standard registry cannot comply (AIS-ACR-NETWORK
      // already recommends Premium for the network controls that matter more).
      if (isPremium(registry) === 'no') continue;
      requireProperty(context, registry, {
        path: STATUS,
        isSecure: equals('disabled'),
        // Absent: enabled.
        absent: 'fail',
        describe: {
          secureState: 'disables exports',
          problem: 'allows its images to be exported',
          remedy: {
            arm: "set properties.policies.exportPolicy.status to 'disabled' (with publicNetworkAccess 'Disabled')",
            azurerm: 'set export_policy_enabled = false (with public_network_access_enabled = false)',
          },
          setting: { arm: STATUS, azurerm: 'export_policy_enabled' },
        },
        fix: (resource) => {
          if (isPremium(resource) !== 'yes') return undefined;
          const closed = judge(resource.get(PUBLIC_ACCESS), equals('Disabled'), 'fail').outcome === 'pass';
          if (closed) {
            return setFix(
              resource,
              STATUS,
              'disabled',
              { arm: "Set exportPolicy.status to 'disabled'", azurerm: 'Set export_policy_enabled = false' },
              'safe',
            );
          }
          // The service accepts a disabled export policy only with public access disabled: both change.
          return setManyFix(
            resource,
            [
              [PUBLIC_ACCESS, 'Disabled'],
              [STATUS, 'disabled'],
            ],
            {
              arm: "Set publicNetworkAccess to 'Disabled' and exportPolicy.status to 'disabled'",
              azurerm: 'Set public_network_access_enabled = false and export_policy_enabled = false',
            },
            'unsafe',
          );
        },
      });
    }
  },
});
