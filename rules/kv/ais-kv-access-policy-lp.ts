// AIS-KV-ACCESS-POLICY-LP (matrix row 51): vault access policies grant only the operations a principal needs:
// never 'all', never 'purge' (which defeats soft delete). Vaults on the RBAC model ignore access policies.
import {
  capitalize,
  defineRule,
  getPath,
  itemsOf,
  judge,
  resourceLabel,
  type Resource,
  type RuleContext,
  type Value,
} from '../../server/src/model';
import { ACCESS_POLICIES_TYPE, VAULT_TYPE } from './shared';
import { rbacAuthorization } from './ais-kv-rbac';

const LISTS = ['keys', 'secrets', 'certificates', 'storage'];
const AZURERM_LISTS: Readonly<Record<string, string>> = {
  keys: 'key_permissions',
  secrets: 'secret_permissions',
  certificates: 'certificate_permissions',
  storage: 'storage_permissions',
};

export default defineRule({
  meta: {
    id: 'AIS-KV-ACCESS-POLICY-LP',
    title: "Grant least-privilege key vault access policies (no 'all', no 'purge')",
    severity: 'medium',
    pillar: 'identity',
    resourceTypes: [VAULT_TYPE, ACCESS_POLICIES_TYPE],
    peers: { psrule: ['Azure.KeyVault.AccessPolicy'] },
  },
  check(context) {
    for (const resource of context.resources) {
      const vault = resource.isType(VAULT_TYPE) ? resource : parentVault(context, resource);
      if (vault && rbacAuthorization(vault).outcome === 'pass') continue;
      const policies = resource.get('properties.accessPolicies');
      if (policies?.kind === 'unknown' && !policies.candidates) {
        context.report({
          resource,
          path: 'properties.accessPolicies',
          value: policies,
          certainty: 'unverifiable',
          message: `Cannot verify that the access policies of ${resourceLabel(resource)} grant least privilege because they ${policies.reason.replace(/^depends/, 'depend')}.`,
        });
        continue;
      }
      itemsOf(policies).items.forEach((policy, index) => checkPolicy(context, resource, policy, index));
    }
  },
});

function checkPolicy(context: RuleContext, resource: Resource, policy: Value, index: number): void {
  for (const list of LISTS) {
    const permissions = getPath(policy, `permissions.${list}`);
    const path = `properties.accessPolicies.${index}.permissions.${list}`;
    const setting = resource.sourceType?.toLowerCase().startsWith('azurerm_')
      ? AZURERM_LISTS[list]
      : `permissions.${list}`;
    if (permissions?.kind === 'unknown' && !permissions.candidates) {
      context.report({
        resource,
        path,
        value: permissions,
        certainty: 'unverifiable',
        message: `Cannot verify that an access policy of ${resourceLabel(resource)} grants least privilege because ${setting} ${permissions.reason}.`,
      });
      continue;
    }
    for (const item of itemsOf(permissions).items) {
      const judgement = judge(item, (value) => !(typeof value === 'string' && /^(all|purge)$/i.test(value)), 'pass');
      if (judgement.outcome === 'pass') continue;
      if (judgement.outcome === 'unknown') {
        context.report({
          resource,
          path,
          value: item,
          certainty: 'unverifiable',
          message: `Cannot verify that an access policy of ${resourceLabel(resource)} grants least privilege because an item of ${setting} ${item.kind === 'unknown' ? item.reason : 'is not known'}.`,
        });
        continue;
      }
      const granted = String(judgement.failingValue);
      const why =
        granted.toLowerCase() === 'purge'
          ? 'lets the principal destroy deleted items for good, defeating soft delete'
          : 'grants every operation, including purge';
      context.report({
        resource,
        path,
        value: judgement.value,
        message: `${capitalize(resourceLabel(resource))} has an access policy that grants '${granted}' on ${list}, which ${why}: list only the operations the principal needs (or switch the vault to Azure RBAC).`,
      });
    }
  }
}

/** The vault an accessPolicies child belongs to, when declared in the same document. */
function parentVault(context: RuleContext, policies: Resource): Resource | undefined {
  if (policies.parentKey === undefined) return undefined;
  return context.document.resources.find((r) => r.key === policies.parentKey && r.uri === policies.uri);
}
