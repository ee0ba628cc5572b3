// AIS-COSMOS-LOCAL-AUTH (matrix row 64): agent threads, chat history and RAG state in Cosmos DB are read
// with Entra ID tokens and data-plane roles only, not with the account's primary keys.
import { defineRule, disableLocalAuthFix, equals, requireProperty } from '../../server/src/model';
import { COSMOS_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-COSMOS-LOCAL-AUTH',
    title: 'Disable key (local) authentication on Cosmos DB accounts',
    severity: 'high',
    pillar: 'identity',
    resourceTypes: [COSMOS_TYPE],
    peers: {
      checkov: ['CKV_AZURE_140'],
      psrule: ['Azure.Cosmos.DisableLocalAuth'],
      policy: ['Cosmos DB database accounts should have local authentication methods disabled'],
    },
    fix: 'safe',
  },
  check(context) {
    for (const account of context.resources) {
      requireProperty(context, account, {
        path: 'properties.disableLocalAuth',
        isSecure: equals(true),
        // Absent: false (keys accepted).
        absent: 'fail',
        describe: {
          secureState: 'disables key (local) authentication',
          problem: 'accepts its account keys',
          remedy: {
            arm: 'set properties.disableLocalAuth to true',
            azurerm: 'set local_authentication_disabled = true',
          },
          setting: { arm: 'properties.disableLocalAuth', azurerm: 'local_authentication_disabled' },
        },
        fix: disableLocalAuthFix,
      });
    }
  },
});
