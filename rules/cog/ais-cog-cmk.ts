// AIS-COG-CMK (matrix row 7): data at rest (fine-tuning files, batch data, stored completions) encrypted with
// a key the customer controls, for the kinds that support customer-managed keys.
import { defineRule, equals, forKinds, requireProperty, stringListOption } from '../../server/src/model';
import { ACCOUNT_TYPE } from './shared';

/**
 * Kinds whose service documents customer-managed key support (Microsoft Learn, "Customer-managed keys for
 * Azure AI services" and the per-service "encryption of data at rest" pages). Stateless kinds such as
 * ComputerVision are left out (Azure/azure-policy#1586), as is the legacy multi-service 'CognitiveServices'
 * kind, whose CMK coverage depends on the API used. Configurable with the `kinds` option.
 */
export const CMK_KINDS = [
  'AIServices',
  'AnomalyDetector',
  'ContentModerator',
  'CustomVision.Prediction',
  'CustomVision.Training',
  'Face',
  'FormRecognizer',
  'LUIS',
  'LUIS.Authoring',
  'OpenAI',
  'Personalizer',
  'QnAMaker',
  'SpeechServices',
  'TextAnalytics',
  'TextTranslation',
];

export default defineRule({
  meta: {
    id: 'AIS-COG-CMK',
    title: 'Encrypt AI Services account data with a customer-managed key',
    severity: 'medium',
    pillar: 'encryption',
    resourceTypes: [ACCOUNT_TYPE],
    peers: {
      checkov: ['CKV2_AZURE_22'],
      policy: ['Azure AI Services resources should encrypt data at rest with a customer-managed key (CMK)'],
    },
    defaultOptions: { kinds: CMK_KINDS },
  },
  check(context) {
    const kinds = stringListOption(context, 'kinds', CMK_KINDS);
    for (const account of context.resources) {
      forKinds(context, account, kinds, 'encrypts data with a customer-managed key', (inner) => {
        requireProperty(inner, account, {
          path: 'properties.encryption.keySource',
          isSecure: equals('Microsoft.KeyVault'),
          // Absent: Microsoft-managed keys.
          absent: 'fail',
          describe: {
            secureState: 'encrypts data with a customer-managed key',
            problem: 'encrypts data at rest with Microsoft-managed keys only',
            remedy: {
              arm: "set properties.encryption.keySource to 'Microsoft.KeyVault' with keyVaultProperties",
              azurerm:
                'add a customer_managed_key block (or an azurerm_cognitive_account_customer_managed_key resource)',
            },
            setting: { arm: 'properties.encryption.keySource', azurerm: 'customer_managed_key' },
          },
        });
      });
    }
  },
});
