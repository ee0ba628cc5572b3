// AIS-ML-CMK (matrix row 19): workspace data (metadata in Cosmos DB, search indexes, storage) encrypted with
// a key the customer controls. Projects inherit their hub's encryption (Azure Policy skips kind Project too).
import { defineRule, equals, judge, reportJudgement } from '../../server/src/model';
import { judgeSet } from './applicability';
import { unlessProject, WORKSPACE_TYPE } from './shared';

const STATUS = 'properties.encryption.status';
const KEY = 'properties.encryption.keyVaultProperties.keyIdentifier';

export default defineRule({
  meta: {
    id: 'AIS-ML-CMK',
    title: 'Encrypt Machine Learning workspaces and AI Foundry hubs with a customer-managed key',
    severity: 'medium',
    pillar: 'encryption',
    resourceTypes: [WORKSPACE_TYPE],
    peers: { policy: ['Azure Machine Learning workspaces should be encrypted with a customer-managed key'] },
  },
  check(context) {
    for (const workspace of context.resources) {
      unlessProject(context, workspace, 'encrypts data with a customer-managed key', (inner) => {
        // ARM requires `status`; a key identifier without it (as some generators write) still means CMK.
        let judgement = judge(workspace.get(STATUS), equals('Enabled'), 'fail');
        let path = STATUS;
        if (judgement.absent) {
          const key = judgeSet(workspace.get(KEY));
          if (!key.absent) [judgement, path] = [key, KEY];
        }
        reportJudgement(inner, workspace, judgement, {
          path,
          describe: {
            secureState: 'encrypts data with a customer-managed key',
            problem: 'encrypts its data with Microsoft-managed keys only',
            remedy: {
              arm: "set properties.encryption to { status: 'Enabled', keyVaultProperties: { keyVaultArmId, keyIdentifier } }",
              azurerm: 'add an encryption { key_vault_id, key_id } block',
            },
            setting: { arm: 'properties.encryption', azurerm: 'encryption' },
          },
        });
      });
    }
  },
});
