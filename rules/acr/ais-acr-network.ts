// AIS-ACR-NETWORK (matrix row 54): the registry is not open to every network: public access is disabled,
// or its firewall (network rule set, Premium SKU) denies by default.
import { defineRule, equals, judge, reportJudgement, setFix } from '../../server/src/model';
import { isPremium, premiumNote, REGISTRY_TYPE } from './shared';

const DEFAULT_ACTION = 'properties.networkRuleSet.defaultAction';
const PUBLIC_ACCESS = 'properties.publicNetworkAccess';

export default defineRule({
  meta: {
    id: 'AIS-ACR-NETWORK',
    title: 'Restrict network access to container registries',
    severity: 'medium',
    pillar: 'network',
    resourceTypes: [REGISTRY_TYPE],
    peers: {
      checkov: ['CKV_AZURE_139'],
      kics: ['dda11a20'],
      psrule: ['Azure.ACR.Firewall'],
      policy: [
        'Public network access should be disabled for Container registries',
        'Container registries should not allow unrestricted network access',
      ],
    },
    fix: 'safe',
  },
  check(context) {
    for (const registry of context.resources) {
      // Absent publicNetworkAccess is Enabled; absent networkRuleSet allows every network.
      const publicAccess = judge(registry.get(PUBLIC_ACCESS), equals('Disabled'), 'fail');
      const defaultAction = judge(registry.get(DEFAULT_ACTION), equals('Deny'), 'fail');
      if (publicAccess.outcome === 'pass' || defaultAction.outcome === 'pass') continue;
      const aclDecides = defaultAction.outcome === 'unknown' || publicAccess.outcome !== 'unknown';
      const note = premiumNote(registry);
      reportJudgement(context, registry, aclDecides ? defaultAction : publicAccess, {
        path: aclDecides ? DEFAULT_ACTION : PUBLIC_ACCESS,
        describe: {
          secureState: 'restricts network access',
          problem: 'accepts traffic from every network',
          remedy: {
            arm: `set properties.networkRuleSet.defaultAction to 'Deny' (or publicNetworkAccess to 'Disabled')${note}`,
            azurerm: `add network_rule_set { default_action = "Deny" } (or set public_network_access_enabled = false)${note}`,
          },
          setting: aclDecides
            ? { arm: DEFAULT_ACTION, azurerm: 'network_rule_set.default_action' }
            : { arm: PUBLIC_ACCESS, azurerm: 'public_network_access_enabled' },
        },
        // The network rule set exists only on Premium: offer the edit only there.
        fix: (resource) =>
          isPremium(resource) === 'yes'
            ? setFix(
                resource,
                DEFAULT_ACTION,
                'Deny',
                {
                  arm: "Set networkRuleSet.defaultAction to 'Deny'",
                  azurerm: 'Set network_rule_set.default_action = "Deny"',
                },
                'safe',
              )
            : undefined,
      });
    }
  },
});
