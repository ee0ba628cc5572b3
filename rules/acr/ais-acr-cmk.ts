// AIS-ACR-CMK (matrix row 56): images and artifacts at rest are encrypted with a key the customer controls.
import { defineRule, equals, requireProperty } from '../../server/src/model';
import { premiumNote, REGISTRY_TYPE } from './shared';

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
      const note = premiumNote(registry);
      requireProperty(context, registry, {
        path: 'properties.encryption.status',
        isSecure: equals('enabled'),
        // Absent: disabled (Microsoft-managed keys).
        absent: 'fail',
        describe: {
          secureState: 'encrypts data with a customer-managed key',
          problem: 'encrypts images at rest with Microsoft-managed keys only',
          remedy: {
            arm: `set properties.encryption.status to 'enabled' with keyVaultProperties and a user-assigned identity${note}`,
            azurerm: `add an encryption { key_vault_key_id, identity_client_id } block${note}`,
          },
          setting: { arm: 'properties.encryption.status', azurerm: 'encryption' },
        },
      });
    }
  },
});
