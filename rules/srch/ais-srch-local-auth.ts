// AIS-SRCH-LOCAL-AUTH (matrix row 32): the search service accepts only Microsoft Entra ID tokens, not admin
// or query API keys. Absent disableLocalAuth = keys accepted; authOptions (apiKeyOnly, aadOrApiKey) = keys on.
import { defineRule, disableLocalAuthFix, equals, judge, reportJudgement } from '../../server/src/model';
import { SEARCH_TYPE } from './shared';

const DISABLE = 'properties.disableLocalAuth';
const AUTH_OPTIONS = 'properties.authOptions';

export default defineRule({
  meta: {
    id: 'AIS-SRCH-LOCAL-AUTH',
    title: 'Disable API key authentication on AI Search services',
    severity: 'high',
    pillar: 'identity',
    resourceTypes: [SEARCH_TYPE],
    peers: {
      policy: [
        'Azure AI Search services should have local authentication methods disabled',
        'Configure Azure AI Search services to disable local authentication',
      ],
    },
    fix: 'safe',
  },
  check(context) {
    for (const service of context.resources) {
      let judgement = judge(service.get(DISABLE), equals(true), 'fail');
      const options = service.get(AUTH_OPTIONS);
      // With disableLocalAuth absent, authOptions is what turns keys on: point at it.
      const atOptions = judgement.absent && options !== undefined;
      if (atOptions) judgement = { outcome: 'fail', value: options, absent: false };
      reportJudgement(context, service, judgement, {
        path: atOptions ? AUTH_OPTIONS : DISABLE,
        describe: {
          secureState: 'disables API key authentication',
          problem: atOptions ? 'accepts API keys (authOptions allows them)' : 'accepts API keys',
          remedy: {
            arm:
              options !== undefined
                ? 'set properties.disableLocalAuth to true and remove properties.authOptions'
                : 'set properties.disableLocalAuth to true',
            azurerm:
              options !== undefined
                ? 'set local_authentication_enabled = false and remove authentication_failure_mode'
                : 'set local_authentication_enabled = false',
          },
          setting: { arm: DISABLE, azurerm: 'local_authentication_enabled' },
        },
        fix: disableLocalAuthFix,
      });
    }
  },
});
