// AIS-SRCH-PUBLIC-NETWORK (matrix row 33): the search service's public endpoint is switched off. The enum is
// lower-case ('enabled'/'disabled') in many API versions: compared case-insensitively. Absent = enabled.
// 'securedByPerimeter' (a network security perimeter decides) passes.
import { defineRule, disablePublicNetworkAccessFix, oneOf, requireProperty } from '../../server/src/model';
import { SEARCH_TYPE } from './shared';

const PNA = 'properties.publicNetworkAccess';

export default defineRule({
  meta: {
    id: 'AIS-SRCH-PUBLIC-NETWORK',
    title: 'Disable public network access to AI Search services',
    severity: 'high',
    pillar: 'network',
    resourceTypes: [SEARCH_TYPE],
    peers: {
      checkov: ['CKV_AZURE_124'],
      kics: ['4a9e0f00'],
      policy: [
        'Azure AI Search services should disable public network access',
        'Azure AI Services resources should restrict network access',
      ],
    },
    fix: 'safe',
  },
  check(context) {
    for (const service of context.resources) {
      requireProperty(context, service, {
        path: PNA,
        isSecure: oneOf('disabled', 'securedByPerimeter'),
        absent: 'fail',
        describe: {
          secureState: 'disables public network access',
          problem: 'is reachable from public networks',
          remedy: {
            arm: "set properties.publicNetworkAccess to 'disabled'",
            azurerm: 'set public_network_access_enabled = false',
          },
          setting: { arm: PNA, azurerm: 'public_network_access_enabled' },
        },
        fix: disablePublicNetworkAccessFix,
      });
    }
  },
});
