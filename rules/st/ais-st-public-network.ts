// AIS-ST-PUBLIC-NETWORK (matrix row 40): the account's public endpoint is switched off, so its data is
// reachable only through private endpoints.
import { defineRule, disablePublicNetworkAccessFix, equals, requireProperty } from '../../server/src/model';
import { STORAGE_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-ST-PUBLIC-NETWORK',
    title: 'Disable public network access to storage accounts',
    severity: 'medium',
    pillar: 'network',
    resourceTypes: [STORAGE_TYPE],
    peers: {
      checkov: ['CKV_AZURE_59'],
      policy: ['Storage accounts should disable public network access'],
    },
    fix: 'safe',
  },
  check(context) {
    for (const account of context.resources) {
      requireProperty(context, account, {
        path: 'properties.publicNetworkAccess',
        isSecure: equals('Disabled'),
        // Absent: the public endpoint is on (filtered only by networkAcls).
        absent: 'fail',
        describe: {
          secureState: 'disables public network access',
          problem: 'is reachable from public networks',
          remedy: {
            arm: "set properties.publicNetworkAccess to 'Disabled'",
            azurerm: 'set public_network_access_enabled = false',
          },
          setting: { arm: 'properties.publicNetworkAccess', azurerm: 'public_network_access_enabled' },
        },
        fix: disablePublicNetworkAccessFix,
      });
    }
  },
});
