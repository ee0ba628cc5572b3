// AIS-COG-LOCAL-AUTH (matrix row 1): an account must not accept API keys; Entra ID tokens only.
import { defineRule, disableLocalAuthFix, equals, requireProperty } from '../../server/src/model';
import { ACCOUNT_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-COG-LOCAL-AUTH',
    title: 'Disable local (key) authentication on AI Services accounts',
    severity: 'high',
    pillar: 'identity',
    resourceTypes: [ACCOUNT_TYPE],
    peers: {
      checkov: ['CKV_AZURE_236'],
      psrule: ['Azure.AI.DisableLocalAuth', 'Azure.Cognitive.DisableLocalAuth'],
      policy: [
        'Azure AI Services resources should have key access disabled (disable local authentication)',
        'Configure Cognitive Services accounts to disable local authentication methods',
      ],
    },
    fix: 'safe',
  },
  check(context) {
    for (const account of context.resources) {
      requireProperty(context, account, {
        path: 'properties.disableLocalAuth',
        isSecure: equals(true),
        // Absent: the service accepts keys.
        absent: 'fail',
        describe: {
          secureState: 'disables key (local) authentication',
          problem: 'allows key (local) authentication',
          remedy: { arm: 'set properties.disableLocalAuth to true', azurerm: 'set local_auth_enabled = false' },
          setting: { arm: 'properties.disableLocalAuth', azurerm: 'local_auth_enabled' },
        },
        fix: disableLocalAuthFix,
      });
    }
  },
});
