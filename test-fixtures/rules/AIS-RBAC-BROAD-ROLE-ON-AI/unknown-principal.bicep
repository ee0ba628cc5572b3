// Contributor on a search service to a principal of unknown type (a parameter, no principalType): it may be
// a person, so the finding asks for review.
param principalId string

resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-ai-prod'
  location: 'swedencentral'
  sku: { name: 'standard' }
}

resource contributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(search.id, principalId, 'contributor')
  scope: search
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c') // expect-review: AIS-RBAC-BROAD-ROLE-ON-AI
    principalId: principalId
  }
}
