// AIS-ST-SHARED-KEY (matrix row 39): a storage account that accepts its account keys (and SAS tokens signed
// with them) can be read and written by anyone holding a key; Entra ID authorization only is the goal.
import { defineRule, disableLocalAuthFix, equals, requireProperty } from '../../server/src/model';
import { STORAGE_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-ST-SHARED-KEY',
    title: 'Disable shared key access on storage accounts',
    severity: 'medium',
    pillar: 'identity',
    resourceTypes: [STORAGE_TYPE],
    peers: {
      checkov: ['CKV2_AZURE_40'],
      policy: ['Storage accounts should prevent shared key access'],
    },
    fix: 'safe',
  },
  check(context) {
    for (const account of context.resources) {
      requireProperty(context, account, {
        path: 'properties.allowSharedKeyAccess',
        isSecure: equals(false),
        // Absent: null, which the service treats as true (keys accepted).
        absent: 'fail',
        describe: {
          secureState: 'disables shared key access',
          problem: 'accepts its account keys and key-signed SAS tokens',
          remedy: {
            arm: 'set properties.allowSharedKeyAccess to false',
            azurerm: 'set shared_access_key_enabled = false',
          },
          setting: { arm: 'properties.allowSharedKeyAccess', azurerm: 'shared_access_key_enabled' },
        },
        fix: disableLocalAuthFix,
      });
    }
  },
});
