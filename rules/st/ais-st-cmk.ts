// AIS-ST-CMK (matrix row 44): training data, indexes and model artefacts in storage are encrypted with a key
// the customer controls. azurerm has two shapes: an inline customer_managed_key block, or a separate
// azurerm_storage_account_customer_managed_key resource that points at the account; both pass.
import { defineRule, equals, judge, reportJudgement, type Resource, type WorkspaceView } from '../../server/src/model';
import { STORAGE_TYPE } from './shared';

const KEY_SOURCE = 'properties.encryption.keySource';
const SEPARATE_CMK = 'azurerm_storage_account_customer_managed_key';

export default defineRule({
  meta: {
    id: 'AIS-ST-CMK',
    title: 'Encrypt storage accounts with a customer-managed key',
    severity: 'low',
    pillar: 'encryption',
    resourceTypes: [STORAGE_TYPE],
    peers: {
      checkov: ['CKV2_AZURE_1'],
      trivy: ['AVD-AZU-0060'],
      policy: ['Storage accounts should use customer-managed key for encryption'],
    },
  },
  check(context) {
    for (const account of context.resources) {
      if (hasSeparateKeyResource(context.workspace, account)) continue;
      // Absent: Microsoft.Storage (Microsoft-managed keys).
      reportJudgement(context, account, judge(account.get(KEY_SOURCE), equals('Microsoft.Keyvault'), 'fail'), {
        path: KEY_SOURCE,
        describe: {
          secureState: 'encrypts data with a customer-managed key',
          problem: 'encrypts data at rest with Microsoft-managed keys only',
          remedy: {
            arm: "set properties.encryption.keySource to 'Microsoft.Keyvault' with keyvaultproperties and an identity",
            azurerm: 'add a customer_managed_key block (or an azurerm_storage_account_customer_managed_key resource)',
          },
          setting: { arm: KEY_SOURCE, azurerm: 'customer_managed_key' },
        },
      });
    }
  },
});

/** The separate azurerm resource, in any file of the workspace, whose storage_account_id is this account. */
function hasSeparateKeyResource(workspace: WorkspaceView, account: Resource): boolean {
  return workspace.referrers(account).some((r) => r.resource.sourceType?.toLowerCase() === SEPARATE_CMK);
}
