// AIS-ST-DEFAULT-DENY (matrix row 41): the storage firewall denies by default, admitting only the listed IP
// ranges, subnets and trusted services. With public network access disabled the firewall is moot: passes.
import { defineRule, equals, judge, reportJudgement, setFix } from '../../server/src/model';
import { STORAGE_TYPE } from './shared';

const DEFAULT_ACTION = 'properties.networkAcls.defaultAction';

export default defineRule({
  meta: {
    id: 'AIS-ST-DEFAULT-DENY',
    title: 'Deny storage account network access by default',
    severity: 'high',
    pillar: 'network',
    resourceTypes: [STORAGE_TYPE],
    peers: {
      checkov: ['CKV_AZURE_35'],
      kics: ['d855ced8'],
      trivy: ['AVD-AZU-0012'],
      psrule: ['Azure.Storage.Firewall'],
      policy: ['Storage accounts should restrict network access'],
    },
    fix: 'safe',
  },
  check(context) {
    for (const account of context.resources) {
      const closed = judge(account.get('properties.publicNetworkAccess'), equals('Disabled'), 'fail');
      if (closed.outcome === 'pass') continue;
      // Absent networkAcls (or defaultAction): Allow.
      const defaultAction = judge(account.get(DEFAULT_ACTION), equals('Deny'), 'fail');
      reportJudgement(context, account, defaultAction, {
        path: DEFAULT_ACTION,
        describe: {
          secureState: 'denies network access by default',
          problem: 'accepts traffic from every network',
          remedy: {
            arm: "set properties.networkAcls.defaultAction to 'Deny' and list the allowed networks (or set publicNetworkAccess to 'Disabled')",
            azurerm:
              'add network_rules { default_action = "Deny" } with the allowed networks (or set public_network_access_enabled = false)',
          },
          setting: { arm: DEFAULT_ACTION, azurerm: 'network_rules.default_action' },
        },
        fix: (resource) =>
          setFix(
            resource,
            DEFAULT_ACTION,
            'Deny',
            { arm: "Set networkAcls.defaultAction to 'Deny'", azurerm: 'Set network_rules.default_action = "Deny"' },
            'safe',
          ),
      });
    }
  },
});
