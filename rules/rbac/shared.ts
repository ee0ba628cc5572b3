// Things the AIS-RBAC rules share: ARM types, the broad built-in roles and the AI-workload resource types.
export const ROLE_ASSIGNMENT_TYPE = 'Microsoft.Authorization/roleAssignments';
export const ROLE_DEFINITION_TYPE = 'Microsoft.Authorization/roleDefinitions';

/** Built-in roles that grant control of the resource or of its access (Azure built-in role ids). */
export const BROAD_ROLES: Readonly<Record<string, string>> = {
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': 'User Access Administrator',
};

/** AI-workload resource types and the data-plane role to suggest instead of a broad one. */
export const AI_TYPES: Readonly<Record<string, string>> = {
  'microsoft.cognitiveservices/accounts': "'Cognitive Services OpenAI User' or 'Cognitive Services User'",
  'microsoft.cognitiveservices/accounts/projects': "'Azure AI User'",
  'microsoft.machinelearningservices/workspaces': "'AzureML Data Scientist'",
  'microsoft.search/searchservices': "'Search Index Data Reader' or 'Search Index Data Contributor'",
  'microsoft.storage/storageaccounts': "'Storage Blob Data Reader' or 'Storage Blob Data Contributor'",
  'microsoft.keyvault/vaults': "'Key Vault Secrets User' or 'Key Vault Crypto Service Encryption User'",
};
