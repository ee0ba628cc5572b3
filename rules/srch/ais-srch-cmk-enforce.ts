// AIS-SRCH-CMK-ENFORCE (matrix row 36): the service rejects indexes, synonym maps and other objects that are
// not encrypted with a customer-managed key. Absent = 'Unspecified' (not enforced). Not on the free tier.
import { defineRule, equals, requireProperty, setFix } from '../../server/src/model';
import { SEARCH_TYPE, unlessFree } from './shared';

const ENFORCEMENT = 'properties.encryptionWithCmk.enforcement';

export default defineRule({
  meta: {
    id: 'AIS-SRCH-CMK-ENFORCE',
    title: 'Enforce customer-managed key encryption on AI Search services',
    severity: 'medium',
    pillar: 'encryption',
    resourceTypes: [SEARCH_TYPE],
    peers: {
      policy: [
        'Configure Azure AI Search services to enforce customer-managed keys to encrypt data at rest',
        'Azure AI Search services should use customer-managed keys to encrypt data at rest',
      ],
    },
    fix: 'safe',
  },
  check(context) {
    for (const service of context.resources) {
      unlessFree(context, service, 'enforces customer-managed key encryption', (inner) => {
        requireProperty(inner, service, {
          path: ENFORCEMENT,
          isSecure: equals('Enabled'),
          absent: 'fail',
          describe: {
            secureState: 'enforces customer-managed key encryption',
            problem: 'accepts indexes and other objects that are not encrypted with a customer-managed key',
            remedy: {
              arm: "set properties.encryptionWithCmk.enforcement to 'Enabled'",
              azurerm: 'set customer_managed_key_enforcement_enabled = true',
            },
            setting: { arm: ENFORCEMENT, azurerm: 'customer_managed_key_enforcement_enabled' },
          },
          fix: (resource) =>
            setFix(
              resource,
              ENFORCEMENT,
              'Enabled',
              {
                arm: "Set encryptionWithCmk.enforcement to 'Enabled'",
                azurerm: 'Set customer_managed_key_enforcement_enabled = true',
              },
              'safe',
            ),
        });
      });
    }
  },
});
