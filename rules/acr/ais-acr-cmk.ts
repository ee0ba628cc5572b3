// AIS-ACR-CMK (matrix row 56): images and artifacts at rest are encrypted with a key the customer controls.
import { defineRule, equals, requireProperty } from '../../server/src/model';
import { isPremium, REGISTRY_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-ACR-CMK',
    title: 'Encrypt container registries with a customer-managed key',
    severity: 'low',
    pillar: 'encryption',
    resourceTypes: [REGISTRY_TYPE],
    peers: { policy: ['Container registries should be encrypted with a customer-managed key'] },
  },
  check(context) {
    for (const registry of context.resources) {
      // The setting exists only on the Premium SKU: a Basic or Standard registry cannot comply (AIS-ACR-NETWORK
      // already recommends Premium for the network controls that matter more).
      if (isPremium(registry) === 'no') continue;
      requireProperty(context, registry, {
        path: 'properties.encryption.status',
        isSecure: equals('enabled'),
        // Absent: disabled (Microsoft-managed keys).
        absent: 'fail',
        describe: {
          secureState: 'encrypts data with a customer-managed key',
          problem: 'encrypts images at rest with Microsoft-managed keys only',
          remedy: {
            arm: "set properties.encryption.status to 'enabled' with keyVaultProperties and a user-assigned identity",
            azurerm: 'add an encryption { key_vault_key_id, identity_client_id } block',
          },
          setting: { arm: 'properties.encryption.status', azurerm: 'encryption' },
        },
      });
    }
  },
});
