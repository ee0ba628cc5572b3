resource private 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks-ai-prod'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-prod'
    apiServerAccessProfile: {
      enablePrivateCluster: true
    }
  }
}

resource restricted 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks-ai-ops'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-ops'
    apiServerAccessProfile: {
      authorizedIPRanges: ['203.0.113.0/24']
    }
  }
}
