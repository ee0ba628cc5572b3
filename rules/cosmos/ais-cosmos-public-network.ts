// AIS-COSMOS-PUBLIC-NETWORK (matrix row 65): the account is not open to every network: public access is
// disabled, or its firewall admits only listed IP ranges or virtual networks (Azure Policy's anyOf).
import {
  defineRule,
  disablePublicNetworkAccessFix,
  equals,
  judge,
  reportJudgement,
  UNKNOWN_PART,
  type Judgement,
  type Predicate,
  type Resource,
} from '../../server/src/model';
import { COSMOS_TYPE } from './shared';

const PUBLIC_ACCESS = 'properties.publicNetworkAccess';

/** A list with at least one known entry (an unknown-only list may be empty). */
const nonEmptyList: Predicate = (value) => {
  if (!Array.isArray(value)) return false;
  if (value.some((item) => item !== UNKNOWN_PART)) return true;
  return value.length === 0 ? false : 'unknown';
};

export default defineRule({
  meta: {
    id: 'AIS-COSMOS-PUBLIC-NETWORK',
    title: 'Restrict public network access to Cosmos DB accounts',
    severity: 'medium',
    pillar: 'network',
    resourceTypes: [COSMOS_TYPE],
    peers: {
      checkov: ['CKV_AZURE_101', 'CKV_AZURE_99'],
      kics: ['dda11a20'],
      policy: [
        'Azure Cosmos DB should disable public network access',
        'Azure Cosmos DB accounts should have firewall rules',
      ],
    },
    fix: 'safe',
  },
  check(context) {
    for (const account of context.resources) {
      // Absent publicNetworkAccess: Enabled; absent ipRules and VNet filter: every network.
      const publicAccess = judge(account.get(PUBLIC_ACCESS), equals('Disabled'), 'fail');
      if (publicAccess.outcome === 'pass') continue;
      const firewall = firewallRules(account);
      if (firewall.outcome === 'pass') continue;
      const decides = publicAccess.outcome === 'unknown' || firewall.outcome !== 'unknown' ? publicAccess : firewall;
      reportJudgement(context, account, decides, {
        path: decides === publicAccess ? PUBLIC_ACCESS : 'properties.ipRules',
        describe: {
          secureState: 'restricts network access',
          problem: 'accepts traffic from every network',
          remedy: {
            arm: "set properties.publicNetworkAccess to 'Disabled' (or list the allowed networks in ipRules / virtualNetworkRules)",
            azurerm:
              'set public_network_access_enabled = false (or set ip_range_filter / is_virtual_network_filter_enabled with virtual_network_rule)',
          },
          setting:
            decides === publicAccess
              ? { arm: PUBLIC_ACCESS, azurerm: 'public_network_access_enabled' }
              : { arm: 'properties.ipRules', azurerm: 'ip_range_filter' },
        },
        fix: disablePublicNetworkAccessFix,
      });
    }
  },
});

/** IP rules, or the virtual-network filter with at least one rule. */
function firewallRules(account: Resource): Judgement {
  const ipRules = judge(account.get('properties.ipRules'), nonEmptyList, 'fail');
  if (ipRules.outcome === 'pass') return ipRules;
  const filter = judge(account.get('properties.isVirtualNetworkFilterEnabled'), equals(true), 'fail');
  const vnetRules = judge(account.get('properties.virtualNetworkRules'), nonEmptyList, 'fail');
  if (filter.outcome === 'pass' && vnetRules.outcome === 'pass') return filter;
  return [ipRules, filter, vnetRules].find((j) => j.outcome === 'unknown') ?? ipRules;
}
