// AIS-COG-USER-OWNED-STORAGE (matrix row 9): kinds that keep customer data in a storage account (Speech:
// custom models, audio logs, batch transcription; Language: custom projects) should keep it in one the
// customer owns, where their network rules, CMK and retention apply.
import {
  defineRule,
  forKinds,
  requireProperty,
  stringListOption,
  UNKNOWN_PART,
  type Predicate,
} from '../../server/src/model';
import { ACCOUNT_TYPE } from './shared';

/**
 * Kinds whose capabilities store data in a linked storage account through `userOwnedStorage` ("bring your
 * own storage"): Speech and Language. AI Services (Foundry) accounts support it only in preview for their
 * Speech and Language features and usually connect storage per project, so they are not checked by default.
 */
export const STORAGE_KINDS = ['SpeechServices', 'TextAnalytics'];

const linksStorage: Predicate = (value) => {
  if (!Array.isArray(value)) return false;
  if (value.some((item) => item !== UNKNOWN_PART)) return true;
  return value.length === 0 ? false : 'unknown';
};

export default defineRule({
  meta: {
    id: 'AIS-COG-USER-OWNED-STORAGE',
    title: 'Store Speech and Language data in a customer-owned storage account',
    severity: 'low',
    pillar: 'encryption',
    resourceTypes: [ACCOUNT_TYPE],
    peers: { policy: ['Cognitive Services accounts should use customer owned storage'] },
    defaultOptions: { kinds: STORAGE_KINDS },
  },
  check(context) {
    const kinds = stringListOption(context, 'kinds', STORAGE_KINDS);
    for (const account of context.resources) {
      forKinds(context, account, kinds, 'stores data in a customer-owned storage account', (inner) => {
        requireProperty(inner, account, {
          path: 'properties.userOwnedStorage',
          isSecure: linksStorage,
          absent: 'fail',
          describe: {
            secureState: 'stores data in a customer-owned storage account',
            problem: 'keeps its data in service-managed storage',
            remedy: {
              arm: 'link a storage account in properties.userOwnedStorage',
              azurerm: 'add a storage { storage_account_id = … } block',
            },
            setting: { arm: 'properties.userOwnedStorage', azurerm: 'storage' },
          },
        });
      });
    }
  },
});
