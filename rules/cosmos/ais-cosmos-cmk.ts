// AIS-COSMOS-CMK (matrix row 67): conversation history and embeddings at rest are encrypted with a key the
// customer controls.
import { defineRule, nonEmptyString, requireProperty } from '../../server/src/model';
import { COSMOS_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-COSMOS-CMK',
    title: 'Encrypt Cosmos DB accounts with a customer-managed key',
    severity: 'low',
    pillar: 'encryption',
    resourceTypes: [COSMOS_TYPE],
    peers: {
      checkov: ['CKV_AZURE_100'],
      policy: ['Azure Cosmos DB accounts should use customer-managed keys to encrypt data at rest'],
    },
  },
  check(context) {
    for (const account of context.resources) {
      // A key URI built from a reference or parameter is still a key: only absent or empty fails.
      const uri = account.get('properties.keyVaultKeyUri');
      if (uri?.kind === 'unknown' && !uri.candidates) continue;
      requireProperty(context, account, {
        path: 'properties.keyVaultKeyUri',
        isSecure: nonEmptyString,
        // Absent: service-managed keys.
        absent: 'fail',
        describe: {
          secureState: 'encrypts data with a customer-managed key',
          problem: 'encrypts data at rest with service-managed keys only',
          remedy: {
            arm: 'set properties.keyVaultKeyUri to a Key Vault key (with an identity allowed to use it)',
            azurerm: 'set key_vault_key_id',
          },
          setting: { arm: 'properties.keyVaultKeyUri', azurerm: 'key_vault_key_id' },
        },
      });
    }
  },
});
