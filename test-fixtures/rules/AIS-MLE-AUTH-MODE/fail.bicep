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
    authMode: 'Key' // expect: AIS-MLE-AUTH-MODE
    publicNetworkAccess: 'Disabled'
  }
}

// Workspace-issued tokens are not Entra ID tokens.
resource chat 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-10-01' = {
  parent: ws
  name: 'ep-chat'
  location: 'swedencentral'
  kind: 'Managed'
  identity: { type: 'SystemAssigned' }
  properties: {
    authMode: 'AMLToken' // expect: AIS-MLE-AUTH-MODE
    publicNetworkAccess: 'Disabled'
  }
}
