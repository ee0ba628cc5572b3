// AIS-COG-CUSTOM-SUBDOMAIN (matrix row 5): Entra ID token auth, network ACLs and private endpoints all need
// the account's custom subdomain endpoint (`https://<subdomain>.cognitiveservices.azure.com`).
import { defineRule, nonEmptyString, requireProperty, setFix } from '../../server/src/model';
import { ACCOUNT_TYPE } from './shared';
import { proposedSubdomain } from './subdomain';

export default defineRule({
  meta: {
    id: 'AIS-COG-CUSTOM-SUBDOMAIN',
    title: 'Give AI Services accounts a custom subdomain',
    severity: 'medium',
    pillar: 'identity',
    resourceTypes: [ACCOUNT_TYPE],
    peers: {},
    fix: 'unsafe',
  },
  check(context) {
    for (const account of context.resources) {
      requireProperty(context, account, {
        path: 'properties.customSubDomainName',
        isSecure: nonEmptyString,
        absent: 'fail',
        describe: {
          secureState: 'has a custom subdomain',
          problem:
            'has no custom subdomain, which Microsoft Entra ID authentication, network ACLs and private endpoints need',
          remedy: { arm: 'set properties.customSubDomainName', azurerm: 'set custom_subdomain_name' },
          setting: { arm: 'properties.customSubDomainName', azurerm: 'custom_subdomain_name' },
        },
        // The subdomain cannot be changed after deployment (azurerm: ForceNew), hence unsafe.
        fix: (resource) => {
          const subdomain = proposedSubdomain(resource);
          if (subdomain === undefined) return undefined;
          return setFix(
            resource,
            'properties.customSubDomainName',
            subdomain,
            { arm: `Set customSubDomainName to '${subdomain}'`, azurerm: `Set custom_subdomain_name = "${subdomain}"` },
            'unsafe',
          );
        },
      });
    }
  },
});
