// AIS-KV-NETWORK (matrix row 48): the vault is not open to every network: public access is disabled, or
// its firewall denies by default (the anyOf of Azure Policy and PSRule Azure.KeyVault.Firewall).
import { defineRule, equals, judge, reportJudgement, setFix } from '../../server/src/model';
import { VAULT_TYPE } from './shared';

const DEFAULT_ACTION = 'properties.networkAcls.defaultAction';
const PUBLIC_ACCESS = 'properties.publicNetworkAccess';

export default defineRule({
  meta: {
    id: 'AIS-KV-NETWORK',
    title: 'Restrict network access to key vaults',
    severity: 'high',
    pillar: 'network',
    resourceTypes: [VAULT_TYPE],
    peers: {
      checkov: ['CKV_AZURE_189', 'CKV_AZURE_109'],
      trivy: ['AVD-AZU-0013'],
      psrule: ['Azure.KeyVault.Firewall'],
      policy: [
        'Azure Key Vault should have firewall enabled or public network access disabled',
        'Azure Key Vault should disable public network access',
      ],
    },
    fix: 'safe',
  },
  check(context) {
    for (const vault of context.resources) {
      // Absent publicNetworkAccess is Enabled; absent networkAcls allows every network.
      const publicAccess = judge(vault.get(PUBLIC_ACCESS), equals('Disabled'), 'fail');
      const defaultAction = judge(vault.get(DEFAULT_ACTION), equals('Deny'), 'fail');
      if (publicAccess.outcome === 'pass' || defaultAction.outcome === 'pass') continue;
      // Report the unknown side when there is one (the vault may be restricted through it), else the ACL.
      const aclDecides = defaultAction.outcome === 'unknown' || publicAccess.outcome !== 'unknown';
      reportJudgement(context, vault, aclDecides ? defaultAction : publicAccess, {
        path: aclDecides ? DEFAULT_ACTION : PUBLIC_ACCESS,
        describe: {
          secureState: 'restricts network access',
          problem: 'accepts traffic from every network',
          remedy: {
            arm: "set properties.networkAcls.defaultAction to 'Deny' (or publicNetworkAccess to 'Disabled')",
            azurerm:
              'add network_acls { default_action = "Deny", bypass = "AzureServices" } (or set public_network_access_enabled = false)',
          },
          setting: aclDecides
            ? { arm: DEFAULT_ACTION, azurerm: 'network_acls.default_action' }
            : { arm: PUBLIC_ACCESS, azurerm: 'public_network_access_enabled' },
        },
        fix: (resource) =>
          setFix(
            resource,
            DEFAULT_ACTION,
            'Deny',
            { arm: "Set networkAcls.defaultAction to 'Deny'", azurerm: 'Set network_acls.default_action = "Deny"' },
            'safe',
          ),
      });
    }
  },
});
