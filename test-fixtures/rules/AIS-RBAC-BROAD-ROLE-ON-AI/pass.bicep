param adminGroupId string

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
  }
}

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-chat-app'
  location: 'swedencentral'
}

// A data-plane role for the workload: Cognitive Services OpenAI User.
resource openaiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openai.id, appIdentity.id, 'openai-user')
  scope: openai
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd')
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Contributor for the platform team's group: a human administrators' grant, out of scope.
resource admins 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openai.id, adminGroupId, 'contributor')
  scope: openai
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
    principalId: adminGroupId
    principalType: 'Group'
  }
}
