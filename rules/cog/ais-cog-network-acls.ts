// AIS-COG-NETWORK-ACLS (matrix row 3): network access must be restricted, either by disabling public access
// or by a network ACL whose default action is Deny (the anyOf of Azure Policy 037eea7a and PSRule).
import {
  defineRule,
  disablePublicNetworkAccessFix,
  equals,
  judge,
  reportJudgement,
  setFix,
  setManyFix,
  type Fix,
  type Resource,
} from '../../server/src/model';
import { ACCOUNT_TYPE } from './shared';
import { hasSubdomain, subdomainEdit } from './subdomain';

const DEFAULT_ACTION = 'properties.networkAcls.defaultAction';

export default defineRule({
  meta: {
    id: 'AIS-COG-NETWORK-ACLS',
    title: 'Restrict network access to AI Services accounts',
    severity: 'medium',
    pillar: 'network',
    resourceTypes: [ACCOUNT_TYPE],
    peers: {
      psrule: ['Azure.AI.PublicAccess', 'Azure.Cognitive.PublicAccess'],
      policy: ['Azure AI Services resources should restrict network access'],
    },
    fix: 'safe',
  },
  check(context) {
    for (const account of context.resources) {
      // Absent publicNetworkAccess is Enabled; absent networkAcls allows every network.
      const publicAccess = judge(account.get('properties.publicNetworkAccess'), equals('Disabled'), 'fail');
      const defaultAction = judge(account.get(DEFAULT_ACTION), equals('Deny'), 'fail');
      if (publicAccess.outcome === 'pass' || defaultAction.outcome === 'pass') continue;
      // Both sides fail or are unknown. Report the unknown side when there is one (the account may be
      // restricted through it); otherwise the failure, on the ACL, whose fix is the narrower edit.
      const aclDecides = defaultAction.outcome === 'unknown' || publicAccess.outcome !== 'unknown';
      reportJudgement(context, account, aclDecides ? defaultAction : publicAccess, {
        path: aclDecides ? DEFAULT_ACTION : 'properties.publicNetworkAccess',
        describe: {
          secureState: 'restricts network access',
          problem: 'accepts traffic from every network',
          remedy: {
            arm: "set properties.networkAcls.defaultAction to 'Deny' (or publicNetworkAccess to 'Disabled')",
            azurerm: 'add network_acls { default_action = "Deny" } (or set public_network_access_enabled = false)',
          },
          setting: aclDecides
            ? { arm: DEFAULT_ACTION, azurerm: 'network_acls.default_action' }
            : { arm: 'properties.publicNetworkAccess', azurerm: 'public_network_access_enabled' },
        },
        fix: denyByDefault,
        // The other way to restrict access: switch the public endpoint off.
        fixes: (resource) => (publicAccess.outcome === 'fail' ? [disablePublicNetworkAccessFix(resource)] : []),
      });
    }
  },
});

/**
 * Network ACLs need a custom subdomain. With one, setting the default action is an in-place edit (safe).
 * Without one, the fix must also add the subdomain, which cannot be changed once deployed: unsafe, and only
 * when the account's name is a usable literal (otherwise fix AIS-COG-CUSTOM-SUBDOMAIN first).
 */
function denyByDefault(account: Resource): Fix | undefined {
  const title = { arm: "Set networkAcls.defaultAction to 'Deny'", azurerm: 'Set network_acls.default_action = "Deny"' };
  if (hasSubdomain(account)) return setFix(account, DEFAULT_ACTION, 'Deny', title, 'safe');
  const subdomain = subdomainEdit(account);
  if (!subdomain) return undefined;
  return setManyFix(
    account,
    [subdomain, [DEFAULT_ACTION, 'Deny']],
    {
      arm: "Set customSubDomainName and networkAcls.defaultAction to 'Deny'",
      azurerm: 'Set custom_subdomain_name and network_acls.default_action = "Deny"',
    },
    'unsafe',
  );
}
