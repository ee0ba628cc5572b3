resource foundry 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: 'aif-prod'
  location: 'swedencentral'
  kind: 'AIServices'
  sku: { name: 'S0' }
  identity: { type: 'SystemAssigned' }
  properties: {
    customSubDomainName: 'aif-prod'
    allowProjectManagement: true
  }

  resource chat 'projects' = {
    name: 'proj-chat'
    location: 'swedencentral'
    identity: { type: 'SystemAssigned' }
    properties: {}
  }
}

resource batch 'Microsoft.CognitiveServices/accounts/projects@2025-06-01' = {
  parent: foundry
  name: 'proj-batch'
  location: 'swedencentral'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ai/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-proj': {}
    }
  }
  properties: {}
}
