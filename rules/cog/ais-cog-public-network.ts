// AIS-COG-PUBLIC-NETWORK (matrix row 2): the account's public endpoint must be switched off.
import { defineRule, disablePublicNetworkAccessFix, equals, requireProperty } from '../../server/src/model';
import { ACCOUNT_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-COG-PUBLIC-NETWORK',
    title: 'Disable public network access to AI Services accounts',
    severity: 'high',
    pillar: 'network',
    resourceTypes: [ACCOUNT_TYPE],
    peers: {
      checkov: ['CKV_AZURE_134'],
      psrule: ['Azure.AI.PrivateEndpoints'],
      policy: ['Configure Cognitive Services accounts to disable public network access'],
    },
    fix: 'safe',
  },
  check(context) {
    for (const account of context.resources) {
      requireProperty(context, account, {
        path: 'properties.publicNetworkAccess',
        isSecure: equals('Disabled'),
        // Absent: Enabled.
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
