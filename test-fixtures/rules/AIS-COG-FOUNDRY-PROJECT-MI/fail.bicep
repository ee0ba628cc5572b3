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

  // Nested project without an identity.
  resource chat 'projects' = { // expect: AIS-COG-FOUNDRY-PROJECT-MI
    name: 'proj-chat'
    location: 'swedencentral'
    properties: {}
  }
}

resource batch 'Microsoft.CognitiveServices/accounts/projects@2025-06-01' = {
  parent: foundry
  name: 'proj-batch'
  location: 'swedencentral'
  identity: {
    type: 'None' // expect: AIS-COG-FOUNDRY-PROJECT-MI
  }
  properties: {}
}
