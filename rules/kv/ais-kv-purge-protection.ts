// AIS-KV-PURGE-PROTECTION (matrix row 47): a deleted vault (or key) can be recovered during the retention
// period and nobody can purge it early. Customer-managed keys for AI Services, ML and Search require it.
import { defineRule, equals, requireProperty, setFix } from '../../server/src/model';
import { VAULT_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-KV-PURGE-PROTECTION',
    title: 'Enable purge protection on key vaults',
    severity: 'medium',
    pillar: 'encryption',
    resourceTypes: [VAULT_TYPE],
    peers: {
      checkov: ['CKV_AZURE_110', 'CKV_AZURE_42', 'CKV_AZURE_111'],
      kics: ['7c25f361'],
      trivy: ['AVD-AZU-0016'],
      psrule: ['Azure.KeyVault.PurgeProtect', 'Azure.KeyVault.SoftDelete'],
      policy: ['Key vaults should have deletion protection enabled'],
    },
    fix: 'unsafe',
  },
  check(context) {
    for (const vault of context.resources) {
      // `enableSoftDelete: false` is rejected by the service today (soft delete cannot be turned off), so
      // it is a deployment error rather than a finding of this rule.
      requireProperty(context, vault, {
        path: 'properties.enablePurgeProtection',
        isSecure: equals(true),
        // Absent: off.
        absent: 'fail',
        describe: {
          secureState: 'enables purge protection',
          problem: 'can be purged (with its keys and secrets) before its retention period ends',
          remedy: {
            arm: 'set properties.enablePurgeProtection to true',
            azurerm: 'set purge_protection_enabled = true',
          },
          setting: { arm: 'properties.enablePurgeProtection', azurerm: 'purge_protection_enabled' },
        },
        // Unsafe: purge protection can never be turned off again once deployed.
        fix: (resource) =>
          setFix(
            resource,
            'properties.enablePurgeProtection',
            true,
            {
              arm: 'Set enablePurgeProtection to true (cannot be undone once deployed)',
              azurerm: 'Set purge_protection_enabled = true (cannot be undone once deployed)',
            },
            'unsafe',
          ),
      });
    }
  },
});
