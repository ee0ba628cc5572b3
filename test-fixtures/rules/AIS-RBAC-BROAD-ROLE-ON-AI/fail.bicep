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

// Contributor by built-in GUID, on the account, to a workload identity.
resource contributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openai.id, appIdentity.id, 'contributor')
  scope: openai
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c') // expect: AIS-RBAC-BROAD-ROLE-ON-AI
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Owner as an id string, at the resource group that holds the account (no scope: the deployment's group).
var ownerRoleId = '/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635'

resource owner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, appIdentity.id, 'owner')
  properties: {
    roleDefinitionId: ownerRoleId // expect: AIS-RBAC-BROAD-ROLE-ON-AI
    principalId: appIdentity.properties.principalId
  }
}

// User Access Administrator through an `existing` role definition.
resource uaaRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9'
}

resource uaa 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openai.id, appIdentity.id, 'uaa')
  scope: openai
  properties: {
    roleDefinitionId: uaaRole.id // expect: AIS-RBAC-BROAD-ROLE-ON-AI
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
