// Role assignments, role definitions and user-assigned identities. Source: azurerm role_assignment /
// role_definition / user_assigned_identity docs. `role_definition_name` has no ARM property: the id of a
// built-in role aisec knows is derived from it (GUIDs of Azure built-in roles; rules matrix row 68 notes
// they were not re-verified there), and the name itself is kept at `properties.roleDefinitionName`.
import { attr, block } from './dsl';
import { make, type Value } from '../value';
import type { ResourceMapping } from './types';

/** Built-in role names → role definition GUIDs (Azure built-in roles reference). */
export const BUILT_IN_ROLES: Readonly<Record<string, string>> = {
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  'User Access Administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  'Cognitive Services OpenAI User': '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd',
  'Cognitive Services OpenAI Contributor': 'a001fd3d-188f-4b5d-821b-7da978bf7442',
  'Cognitive Services User': 'a97b65f3-24c7-4388-baec-2e87135dc908',
  'Cognitive Services Contributor': '25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68',
  'Search Index Data Reader': '1407120a-92aa-4202-b7e9-c0e197c71c8f',
  'Search Index Data Contributor': '8ebe5a00-799e-43f5-93ac-243d3dce84a7',
  'Search Service Contributor': '7ca78c08-252a-4471-8644-bb5ff32d4ba0',
  'Storage Blob Data Reader': '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
  'Storage Blob Data Contributor': 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  'Storage Blob Data Owner': 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b',
  'Key Vault Secrets User': '4633458b-17de-408a-b874-0445c86b69e6',
  'Key Vault Secrets Officer': 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7',
  'Key Vault Administrator': '00482a5a-887f-4fb3-b363-3b7fe8e74483',
  'Key Vault Crypto Service Encryption User': 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
  AcrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
  AcrPush: '8311e382-0749-4cb8-b61a-304f252e45ec',
};

function roleIdFromName(name: Value | undefined): Value | undefined {
  if (!name) return undefined;
  if (name.kind === 'literal' && typeof name.value === 'string') {
    const key = Object.keys(BUILT_IN_ROLES).find((role) => role.toLowerCase() === String(name.value).toLowerCase());
    if (key) {
      return make.literal(
        `/providers/Microsoft.Authorization/roleDefinitions/${BUILT_IN_ROLES[key]}`,
        name.span,
        name.origins,
      );
    }
    return make.unknown(
      JSON.stringify(name.value),
      `names role '${name.value}', which is not a built-in role aisec knows`,
      name.span,
    );
  }
  return name;
}

export const authorizationMappings: readonly ResourceMapping[] = [
  {
    sourceType: 'azurerm_role_assignment',
    armType: 'Microsoft.Authorization/roleAssignments',
    scopeAttribute: 'scope',
    commonAttributes: false,
    attributes: [
      attr('name', 'name'),
      attr('role_definition_id', 'properties.roleDefinitionId'),
      attr('role_definition_name', 'properties.roleDefinitionName'),
      attr('principal_id', 'properties.principalId'),
      attr('principal_type', 'properties.principalType'),
      attr('condition', 'properties.condition'),
      attr('condition_version', 'properties.conditionVersion'),
      attr('description', 'properties.description'),
    ],
    derived: [
      {
        path: 'properties.roleDefinitionId',
        from: ['role_definition_name'],
        compute: (read) => (read('role_definition_id') ? undefined : roleIdFromName(read('role_definition_name'))),
      },
    ],
    blocks: [],
  },
  {
    sourceType: 'azurerm_role_definition',
    armType: 'Microsoft.Authorization/roleDefinitions',
    scopeAttribute: 'scope',
    commonAttributes: false,
    attributes: [
      attr('role_definition_id', 'name'),
      attr('name', 'properties.roleName'),
      attr('description', 'properties.description'),
      attr('assignable_scopes', 'properties.assignableScopes'),
    ],
    implies: [{ path: 'properties.type', value: 'CustomRole' }],
    blocks: [
      block(
        'permissions',
        'properties.permissions',
        [
          attr('actions', 'actions'),
          attr('not_actions', 'notActions'),
          attr('data_actions', 'dataActions'),
          attr('not_data_actions', 'notDataActions'),
        ],
        { repeated: true },
      ),
    ],
  },
  {
    sourceType: 'azurerm_user_assigned_identity',
    armType: 'Microsoft.ManagedIdentity/userAssignedIdentities',
    attributes: [],
    blocks: [],
  },
];
