// AIS-COG-OUTBOUND-RESTRICT (matrix row 6): OpenAI and AI Services accounts call out to other services (data
// sources, tools, "on your data"); restricting outbound access to an explicit FQDN list limits exfiltration.
import {
  defineRule,
  equals,
  forKinds,
  judge,
  reportJudgement,
  setManyFix,
  stringListOption,
  type EditValue,
  type Fix,
  type Resource,
} from '../../server/src/model';
import { ACCOUNT_TYPE } from './shared';

const RESTRICT = 'properties.restrictOutboundNetworkAccess';
const FQDNS = 'properties.allowedFqdnList';
const DEFAULT_KINDS = ['OpenAI', 'AIServices'];

export default defineRule({
  meta: {
    id: 'AIS-COG-OUTBOUND-RESTRICT',
    title: 'Restrict outbound network access of Azure OpenAI and AI Services accounts',
    severity: 'medium',
    pillar: 'network',
    resourceTypes: [ACCOUNT_TYPE],
    peers: { checkov: ['CKV_AZURE_247'] },
    fix: 'unsafe',
    defaultOptions: { kinds: DEFAULT_KINDS },
  },
  check(context) {
    const kinds = stringListOption(context, 'kinds', DEFAULT_KINDS);
    for (const account of context.resources) {
      forKinds(context, account, kinds, 'restricts outbound network access', (inner) => {
        // Restricted is enough: with the flag on, only the hosts in allowedFqdnList are reachable, so an absent or
        // empty list blocks every outbound call (the strictest state), not a weaker one.
        const restrict = judge(account.get(RESTRICT), equals(true), 'fail');
        reportJudgement(inner, account, restrict, {
          path: RESTRICT,
          describe: {
            secureState: 'restricts outbound network access',
            problem: 'can send data to any host on the internet',
            remedy: {
              arm: 'set properties.restrictOutboundNetworkAccess to true and list the allowed hosts in properties.allowedFqdnList',
              azurerm: 'set outbound_network_access_restricted = true and list the allowed hosts in fqdns',
            },
            setting: { arm: RESTRICT, azurerm: 'outbound_network_access_restricted' },
          },
          fix: restrictOutbound,
        });
      });
    }
  },
});

/** Sets the flag and, when absent, an empty allow-list for the user to fill in. Unsafe: breaks outbound calls. */
function restrictOutbound(account: Resource): Fix {
  const edits: (readonly [string, EditValue])[] = [];
  if (judge(account.get(RESTRICT), equals(true), 'fail').outcome !== 'pass') edits.push([RESTRICT, true]);
  // An explicit list (empty until the user fills it in) unless one is already written.
  const fqdns = account.get(FQDNS);
  if (fqdns === undefined || fqdns.kind !== 'array') edits.push([FQDNS, []]);
  return setManyFix(
    account,
    edits,
    {
      arm: 'Set restrictOutboundNetworkAccess to true with an allowedFqdnList',
      azurerm: 'Set outbound_network_access_restricted = true with fqdns',
    },
    'unsafe',
  );
}
