// AIS-RBAC-CUSTOM-ROLE-WILDCARD (matrix row 69): a custom role lists the operations it grants. '*' makes it
// Owner-equivalent, 'Microsoft.Authorization/*' or roleDefinitions/write lets it grant itself more, and a
// whole AI-service namespace ('Microsoft.CognitiveServices/*') at subscription scope reaches every account.
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
import { ROLE_DEFINITION_TYPE } from './shared';

const ESCALATION = /^(\*|microsoft\.authorization\/\*|microsoft\.authorization\/(roledefinitions|\*)\/(write|\*))$/i;
const AI_NAMESPACE =
  /^microsoft\.(cognitiveservices|machinelearningservices|search|storage|keyvault|documentdb)\/\*(\/(read|write|action|delete|\*))?$/i;

export default defineRule({
  meta: {
    id: 'AIS-RBAC-CUSTOM-ROLE-WILDCARD',
    title: 'List the operations a custom role grants instead of wildcards',
    severity: 'medium',
    pillar: 'identity',
    resourceTypes: [ROLE_DEFINITION_TYPE],
    peers: {
      checkov: ['CKV_AZURE_39'],
      trivy: ['AVD-AZU-0030', 'AVD-AZU-0052'],
      policy: ['Audit usage of custom RBAC roles'],
    },
  },
  check(context) {
    for (const role of context.resources) {
      const broad = broadScope(role.get('properties.assignableScopes'));
      itemsOf(role.get('properties.permissions')).items.forEach((permission, index) => {
        for (const list of ['actions', 'dataActions']) {
          checkList(context, role, getPath(permission, list), `properties.permissions.${index}.${list}`, list, broad);
        }
      });
    }
  },
});

function checkList(
  context: RuleContext,
  role: Resource,
  value: Value | undefined,
  path: string,
  list: string,
  broad: boolean,
): void {
  for (const item of itemsOf(value).items) {
    const judgement = judge(
      item,
      (action) =>
        typeof action !== 'string' || !(ESCALATION.test(action.trim()) || (broad && AI_NAMESPACE.test(action.trim()))),
      'pass',
    );
    if (judgement.outcome !== 'fail') continue;
    const action = String(judgement.failingValue).trim();
    const why =
      action === '*'
        ? list === 'dataActions'
          ? 'grants every data operation on every service'
          : 'makes it as powerful as Owner'
        : ESCALATION.test(action)
          ? 'lets its holders change role definitions and grant themselves more access'
          : 'grants every operation of that service on every resource of the subscription';
    context.report({
      resource: role,
      path,
      value: judgement.value,
      message: `${roleLabel(role)} grants '${action}' in ${list}, which ${why}: list only the operations its holders need.`,
    });
  }
}

/** "Custom role 'AI operator'": the role's display name when known. */
function roleLabel(role: Resource): string {
  const name = role.get('properties.roleName');
  return name?.kind === 'literal' && typeof name.value === 'string'
    ? `Custom role '${name.value}'`
    : capitalize(resourceLabel(role));
}

/** Assignable at a subscription, management group or the root (not only resource groups or resources). */
function broadScope(value: Value | undefined): boolean {
  return itemsOf(value).items.some((scope) => {
    if (scope.kind === 'literal' && typeof scope.value === 'string') {
      const text = scope.value.trim();
      return text === '/' || /^\/subscriptions\/[^/]+\/?$/i.test(text) || /managementGroups\//i.test(text);
    }
    if (scope.kind === 'unknown') {
      return (
        /\b(subscription\(\)|managementGroup\(\)|tenant\(\)|azurerm_subscription\b)/i.test(scope.text) &&
        !/resourceGroup/i.test(scope.text)
      );
    }
    return false;
  });
}
