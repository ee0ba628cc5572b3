// AIS-COG-PRIVATE-ENDPOINT (matrix row 4): an account is reached through a private endpoint in the
// customer's network, found anywhere in the workspace (another file, another module).
import {
  defineRule,
  equals,
  findPrivateEndpoint,
  judge,
  phrase,
  privateEndpointFix,
  reportPrivateEndpoint,
  type Fix,
  type Resource,
} from '../../server/src/model';
import { ACCOUNT_TYPE } from './shared';
import { hasSubdomain, subdomainEdit } from './subdomain';

export default defineRule({
  meta: {
    id: 'AIS-COG-PRIVATE-ENDPOINT',
    title: 'Reach AI Services accounts through a private endpoint',
    severity: 'medium',
    pillar: 'network',
    resourceTypes: [ACCOUNT_TYPE],
    peers: {
      psrule: ['Azure.AI.PrivateEndpoints'],
      policy: [
        'Azure AI Services resources should use Azure Private Link',
        'Configure Cognitive Services accounts with private endpoints',
        'Configure Cognitive Services accounts to use private DNS zones',
      ],
    },
    fix: 'unsafe',
  },
  check(context) {
    for (const account of context.resources) {
      // With public access disabled and no endpoint, nothing can reach the account, unless an endpoint is
      // deployed outside this workspace (then suppress with that reason).
      const closed =
        judge(account.get('properties.publicNetworkAccess'), equals('Disabled'), 'fail').outcome === 'pass';
      reportPrivateEndpoint(
        context,
        account,
        findPrivateEndpoint(context.workspace, account, 'account'),
        {
          arm: "add a Microsoft.Network/privateEndpoints resource that connects to it with groupIds ['account']",
          azurerm:
            'add an azurerm_private_endpoint whose private_service_connection targets it with subresource_names = ["account"]',
        },
        { closed, fix: withSubdomain(account, privateEndpointFix(account)) },
      );
    }
  },
});

/**
 * A private endpoint to an account needs its custom subdomain (the endpoint's DNS name): when the account
 * has none, the same fix sets it first (the account's name as label), so the fixes come in order; when the
 * name is not a usable literal there is no fix (fix AIS-COG-CUSTOM-SUBDOMAIN first).
 */
function withSubdomain(account: Resource, fix: Fix | undefined): Fix | undefined {
  if (!fix || hasSubdomain(account)) return fix;
  const subdomain = subdomainEdit(account);
  if (!subdomain) return undefined;
  return {
    ...fix,
    title: `${fix.title}${phrase(account, { arm: ' and set customSubDomainName', azurerm: ' and set custom_subdomain_name' })}`,
    edits: [{ kind: 'set', resource: account, path: subdomain[0], value: subdomain[1] }, ...fix.edits],
  };
}
