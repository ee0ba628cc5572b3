// AIS-RBAC-BROAD-ROLE-ON-AI (matrix row 68): a workload identity that calls a model, reads an index, a blob
// or a secret needs a data-plane role, not Owner, Contributor or User Access Administrator on the resource
// (or its resource group), which would let it change network rules, read keys or grant itself more access.
import {
  defineRule,
  judge,
  oneOf,
  resourceLabel,
  resourceNoun,
  type Resource,
  type RuleContext,
} from '../../server/src/model';
import { aiScope, broadRole } from './roles';
import { AI_TYPES, ROLE_ASSIGNMENT_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-RBAC-BROAD-ROLE-ON-AI',
    title: 'Grant workload identities data-plane roles, not Owner or Contributor, on AI resources',
    severity: 'medium',
    pillar: 'identity',
    resourceTypes: [ROLE_ASSIGNMENT_TYPE],
    peers: {},
  },
  check(context) {
    for (const assignment of context.resources) check(context, assignment);
  },
});

function check(context: RuleContext, assignment: Resource): void {
  const roleValue = assignment.get('properties.roleDefinitionId') ?? assignment.get('properties.roleDefinitionName');
  const role = broadRole(context.workspace, roleValue, assignment);
  if (role.match === 'no') return;
  const scope = aiScope(context.workspace, assignment, context.document.resources);
  if (scope.match !== 'yes') return;
  // Human administrators (users, groups) are out of scope: the rule is about workload identities.
  const principalType = judge(
    assignment.get('properties.principalType'),
    oneOf('User', 'Group', 'ForeignGroup'),
    'fail',
  );
  if (principalType.outcome === 'pass') return;
  const where = scope.target
    ? scope.resourceGroup
      ? `the resource group of ${resourceLabel(scope.target)}`
      : resourceLabel(scope.target)
    : 'an AI-workload resource';
  const suggestion = scope.target ? AI_TYPES[scope.target.type.toLowerCase()] : undefined;
  const instead = suggestion
    ? `grant a data-plane role such as ${suggestion} on the ${resourceNoun(scope.target!)} instead`
    : 'grant the data-plane role the workload needs instead';
  const label = `Role assignment '${assignment.displayName}'`;
  if (role.match === 'unknown') {
    if (!workloadPrincipal(assignment)) return;
    context.report({
      resource: assignment,
      path: 'properties.roleDefinitionId',
      value: roleValue,
      certainty: 'unverifiable',
      message: `Cannot verify that role assignment '${assignment.displayName}' on ${where} grants a narrow role because its role definition ${role.reason ?? 'is not known'}.`,
    });
    return;
  }
  const workload = principalType.outcome === 'fail' && principalType.value !== undefined;
  if (!workload && !workloadPrincipal(assignment)) {
    context.report({
      resource: assignment,
      path: 'properties.roleDefinitionId',
      value: roleValue,
      certainty: 'unverifiable',
      message: `${label} grants ${role.role} on ${where} to a principal of unknown type: if it is a workload identity, ${instead}; for a person or group, set principalType to say so.`,
    });
    return;
  }
  context.report({
    resource: assignment,
    path: 'properties.roleDefinitionId',
    value: roleValue,
    message: `${label} grants ${role.role} on ${where} to a workload identity: ${instead}.`,
  });
}

/** The principal is a managed identity declared in the workspace (`x.identity.principalId`, `principal_id`). */
function workloadPrincipal(assignment: Resource): boolean {
  const principal = assignment.get('properties.principalId');
  if (principal?.kind !== 'unknown' || !principal.reference) return false;
  return /(^|\.)principal_?id$/i.test(principal.reference.attribute);
}
