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
    authMode: 'aadToken'
    publicNetworkAccess: 'Disabled'
  }
}

// A Kubernetes online endpoint (attached compute): keys or AML tokens only, not checked.
resource onAks 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-10-01' = {
  parent: ws
  name: 'ep-aks'
  location: 'swedencentral'
  properties: {
    authMode: 'Key'
    compute: 'aks-inference'
  }
}
