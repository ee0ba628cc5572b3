// AIS-KV-RBAC (matrix row 46): who may read which secret or key is decided by Azure RBAC role assignments
// (scoped, auditable, subject to PIM and Conditional Access) rather than vault access policies.
import {
  defineRule,
  dialectOf,
  equals,
  judge,
  reportJudgement,
  setFix,
  type Judgement,
  type Resource,
} from '../../server/src/model';
import { VAULT_TYPE } from './shared';

const RBAC = 'properties.enableRbacAuthorization';
/** From this API version an absent enableRbacAuthorization means true (Microsoft's announced default change). */
const RBAC_DEFAULT_API = '2026-02-01';

export default defineRule({
  meta: {
    id: 'AIS-KV-RBAC',
    title: 'Use the Azure RBAC permission model on key vaults',
    severity: 'medium',
    pillar: 'identity',
    resourceTypes: [VAULT_TYPE],
    peers: {
      psrule: ['Azure.KeyVault.RBAC'],
      policy: ['Azure Key Vault should use RBAC permission model'],
    },
    fix: 'safe',
  },
  check(context) {
    for (const vault of context.resources) {
      reportJudgement(context, vault, rbacAuthorization(vault), {
        path: RBAC,
        describe: {
          secureState: 'uses the Azure RBAC permission model',
          problem: 'authorizes data access with vault access policies',
          remedy: {
            arm: 'set properties.enableRbacAuthorization to true and grant data roles (Key Vault Secrets User, …)',
            azurerm:
              'set rbac_authorization_enabled = true (azurerm 3.x: enable_rbac_authorization) and grant data roles',
          },
          setting: { arm: RBAC, azurerm: 'rbac_authorization_enabled' },
        },
        fix: (resource) =>
          setFix(
            resource,
            RBAC,
            true,
            { arm: 'Set enableRbacAuthorization to true', azurerm: 'Set rbac_authorization_enabled = true' },
            'safe',
          ),
      });
    }
  },
});

/** Absent: false for azurerm and for ARM API versions before 2026-02-01, true from then on. */
export function rbacAuthorization(vault: Resource): Judgement {
  const value = vault.get(RBAC);
  if (value !== undefined) return judge(value, equals(true), 'fail');
  if (dialectOf(vault) === 'azurerm') return { outcome: 'fail', absent: true };
  const api = vault.apiVersion;
  const secureDefault = api !== undefined && /^\d{4}-\d{2}-\d{2}/.test(api) && api.slice(0, 10) >= RBAC_DEFAULT_API;
  return { outcome: secureDefault ? 'pass' : 'fail', absent: true };
}
