// AIS-SRCH-IP-RULES (matrix row 34): an IP rule that admits every address (a /0 range) turns the firewall
// off. Rules are ignored when public network access is disabled, so such services are not reported.
import {
  capitalize,
  defineRule,
  getPath,
  itemsOf,
  phrase,
  resourceLabel,
  type Fix,
  type Resource,
} from '../../server/src/model';
import { publicAccessOff, SEARCH_TYPE } from './shared';

const IP_RULES = 'properties.networkRuleSet.ipRules';

/** Any address: a CIDR range with prefix length 0 (0.0.0.0/0, ::/0), or a wildcard word. */
export function admitsEveryAddress(text: string): boolean {
  const value = text.trim().toLowerCase();
  return /^[0-9a-f.:]+\/0$/.test(value) || value === '*' || value === 'any' || value === 'internet';
}

export default defineRule({
  meta: {
    id: 'AIS-SRCH-IP-RULES',
    title: 'Do not allow every IP address through the AI Search firewall',
    severity: 'medium',
    pillar: 'network',
    resourceTypes: [SEARCH_TYPE],
    peers: {
      checkov: ['CKV_AZURE_210'],
      policy: ['Azure AI Services resources should restrict network access'],
    },
    fix: 'unsafe',
  },
  check(context) {
    for (const service of context.resources) {
      if (publicAccessOff(service)) continue;
      itemsOf(service.get(IP_RULES)).items.forEach((rule, index) => {
        const value = getPath(rule, 'value');
        if (value?.kind !== 'literal' || typeof value.value !== 'string' || !admitsEveryAddress(value.value)) return;
        context.report({
          resource: service,
          path: `${IP_RULES}.${index}.value`,
          value,
          message: `${capitalize(resourceLabel(service))} allows every IP address (${JSON.stringify(value.value)}) through its firewall: ${phrase(
            service,
            {
              arm: 'remove that entry from properties.networkRuleSet.ipRules and list the client ranges that need access',
              azurerm: 'remove that entry from allowed_ips and list the client ranges that need access',
            },
          )}.`,
          fixes: [removeRule(service, index, value.value)],
        });
      });
    }
  },
});

/** Unsafe: deletes content, and clients that relied on the open rule lose access. */
function removeRule(service: Resource, index: number, text: string): Fix {
  return {
    title: phrase(service, {
      arm: `Remove the IP rule '${text}'`,
      azurerm: `Remove "${text}" from allowed_ips`,
    }),
    applicability: 'unsafe',
    edits: [{ kind: 'remove', resource: service, path: `${IP_RULES}.${index}` }],
  };
}
