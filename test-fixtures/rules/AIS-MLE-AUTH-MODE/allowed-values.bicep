@allowed(['AADToken', 'Key'])
param authMode string

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-10-01' existing = {
  name: 'mlw-prod'
}

resource scoring 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-10-01' = {
  parent: ws
  name: 'ep-scoring'
  location: 'swedencentral'
  kind: 'Managed'
  identity: { type: 'SystemAssigned' }
  properties: {
    authMode: authMode // expect: AIS-MLE-AUTH-MODE
  }
}
